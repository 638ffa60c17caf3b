"""The bench's results as JSON (``latest.json``) and as a Markdown table (``latest.md``), with each target."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import psutil

from .measure import shown

# name, target, comparison (True: the figure must be at most the target)
TARGETS = {
    "build_vs_oxigraph_load": (2.5, True),
    "build_peak_rss_gib": (2.0, True),
    "validation_vs_build": (0.5, True),
    "endpoint_vs_oxigraph": (1.0, False),  # the heavy mix (part 3), worst over the numbers of clients
    "endpoint_p95_vs_oxigraph": (1.2, True),
    "cheap_vs_oxigraph": (0.5, False),  # the mixes of part 3c (mixes.py)
    "cheap_p50_vs_oxigraph": (2.0, True),
    "realistic_vs_oxigraph": (None, False),  # reported, no target
    "repeated_vs_oxigraph": (2.0, False),
    "endpoint_vs_rdflib_endpoint": (10.0, False),
    "pages_p95_vs_sparql": (2.0, True),
    "search_p95_vs_sparql": (2.0, True),
    "dumps_rss_growth_mib": (50.0, True),
    "dumps_vs_static": (0.5, False),
    "cold_start_seconds": (10.0, True),
    "build_time_growth_exponent": (1.15, True),
    "growth_build_exponent": (1.1, True),  # 10 to 1,000 seasons (part 7, full mode only)
    "growth_peak_rss_gib": (4.0, True),
    "growth_cold_start_seconds": (10.0, True),
    "growth_lookup_p50_vs_smallest": (1.5, True),  # each kind in a loop of its own (see growth.py)
    "growth_cheap_p50_vs_smallest": (None, True),  # reported: in turn with the join, after idle spells
    "growth_small_join_vs_oxigraph": (None, True),  # reported: the join at 1,000 seasons against Oxigraph's own
}


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "system": platform.platform()}


def verdict(name: str, value, bound: str | None = None) -> str:
    """``bound`` "lower": the true figure is above ``value``, so only an at-least target can be judged met."""
    if value is None or name not in TARGETS or TARGETS[name][0] is None:
        return "–"
    target, at_most = TARGETS[name]
    met = value <= target if at_most else value >= target
    if bound == "lower" and (at_most or not met):
        return "unknown (bound)"
    return "met" if met else "missed"


def _spread(item: dict | None, digits: int = 2) -> str:
    if not item or item.get("median") is None:
        return "–"
    figure = f"{item['median']:.{digits}f} ({item['min']:.{digits}f}–{item['max']:.{digits}f})"
    return f"> {figure}" if item.get("bound") == "lower" else figure


def markdown(results: dict) -> str:
    lines = [f"# ascenso-kg bench ({results['date']}, {'quick' if results['quick'] else 'full'})", ""]
    m = results["machine"]
    lines += [f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}, "
              f"{m['system']}. Figures are medians (min–max) over interleaved runs.", ""]
    lines += ["## Targets (at the largest size)", "", "| figure | value | target | |", "|---|---|---|---|"]
    for name, (target, at_most) in TARGETS.items():
        value = results["ratios"].get(name)
        figure, bound = (value["median"], value.get("bound")) if isinstance(value, dict) else (value, None)
        goal = "–" if target is None else f"{'≤' if at_most else '≥'} {target:g}"
        lines.append(f"| {name} | {_spread(value) if isinstance(value, dict) else shown(value)} | "
                     f"{goal} | {verdict(name, figure, bound)} |")
    lines += ["", "## Build and validation", "",
              "| seasons | triples | quads | build s (no validation) | quads/s | validation s | build+validation s | "
              "oxigraph load s | build ÷ load | validation ÷ build | peak RSS MiB | findings |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for size in results["build"]["sizes"]:
        lines.append(
            f"| {size['seasons']} | {size['triples']} | {size['quads']} | "
            f"{_spread(size['build_without_validation_seconds'], 1)} | {size['quads_per_second']:.0f} | "
            f"{_spread(size['validation_seconds'], 1)} | {_spread(size['build_seconds'], 1)} | "
            f"{_spread(size['oxigraph_load_seconds'], 1)} | {_spread(size['build_vs_oxigraph_load'])} | "
            f"{_spread(size['validation_vs_build'])} | {size['build_peak_rss_mib']:.0f} | "
            f"{'; '.join(size['findings'])} |")
    growth = results["build"]["growth"]
    lines += ["", f"Growth (time ∝ quads^k, smallest to largest size): build k = {shown(growth['build']['exponent'])}, "
              f"validation k = {shown(growth['validation']['exponent'])}."]
    endpoint = results.get("endpoint")
    if endpoint:
        lines += ["", f"## Endpoint ({endpoint['seasons']} seasons, {len(endpoint['mix'])} queries in the mix)", "",
                  "| server | clients | queries/s | p50 ms | p95 ms | p99 ms | errors |", "|---|---|---|---|---|---|---|"]
        for server, per_clients in endpoint["servers"].items():
            for clients, figures in per_clients.items():
                lines.append(f"| {server} | {clients} | {_spread(figures['per_second'], 1)} | "
                             f"{_spread(figures['p50_ms'], 1)} | {_spread(figures['p95_ms'], 1)} | "
                             f"{_spread(figures['p99_ms'], 1)} | {figures['errors']} |")
        if endpoint.get("rdflib"):
            lines += ["", rdflib_summary(endpoint["rdflib"])]
        lines += ["", "Same answers: " + "; ".join(
            f"{name}: {'all' if not diff else 'differ on ' + ', '.join(diff)}"
            for name, diff in endpoint["differences"].items())]
    lines += mixes_markdown(results.get("mixes"))
    pages = results.get("pages")
    if pages:
        lines += ["", "## Pages and search (4 clients)", "", "| | p95 ms | its SPARQL on oxigraph, p95 ms | ratio |",
                  "|---|---|---|---|"]
        for kind in ("pages", "search"):
            item = pages[kind]
            lines.append(f"| {kind} | {_spread(item['ours']['p95_ms'], 1)} | "
                         f"{_spread(item['sparql_on_oxigraph']['p95_ms'], 1)} | {_spread(item['p95_ratio'])} |")
    dumps = results.get("dumps")
    if dumps:
        lines += ["", f"## Dumps ({dumps['files']} files, {dumps['mib']:.0f} MiB)", "",
                  f"This server {_spread(dumps['ours_mib_per_second'], 0)} MiB/s, a static file server "
                  f"{_spread(dumps['static_mib_per_second'], 0)} MiB/s; server RSS growth "
                  f"{_spread(dumps['rss_growth_mib'], 1)} MiB."]
    cold = results.get("cold_start")
    if cold:
        lines += ["", f"## Cold start", "", f"`ascenso-kg serve` with no build: first answer after "
                  f"{_spread(cold['seconds'], 1)} s."]
    if results.get("virtuoso"):
        lines += ["", f"Virtuoso Open Source 7 loaded the release (`ascenso-kg publish virtuoso`) in "
                  f"{results['virtuoso']['load_seconds']:.0f} s; its rows above are measured after Oxigraph's."]
        for mix, per_server in results["virtuoso"].get("mixes", {}).items():
            for server, by_clients in per_server.items():
                lines.append(f"- {mix} mix, {server}: " + "; ".join(
                    f"{clients} clients {_spread(summary['per_second'], 1)} q/s, p50 {_spread(summary['p50_ms'], 1)} ms"
                    for clients, summary in by_clients.items()))
    if results.get("growth"):
        from .growth import markdown as growth_markdown

        lines += growth_markdown(results["growth"])
    if results.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {note}" for note in results["notes"]]
    return "\n".join(lines) + "\n"


MIX_TITLES = {"cheap": "cheap lookups, POST", "realistic": "pages' queries and examples, POST",
              "repeated": "the realistic mix again, GET, caches warm"}


def mixes_markdown(found: dict | None) -> list[str]:
    if not found:
        return []
    lines = ["", "## Endpoint mixes (each beside Oxigraph in the same run)", "",
             "| mix | server | clients | queries/s | p50 ms | p95 ms | errors | throughput ÷ oxigraph | p50 ÷ | p95 ÷ |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, mix in found.items():
        for server, per_clients in mix["servers"].items():
            for clients, figures in per_clients.items():
                ratio = mix["vs_oxigraph"][clients] if server == "ascenso-kg" else None
                lines.append(f"| {name} ({MIX_TITLES.get(name, '')}; {mix['requests_in_mix']} requests, "
                             f"{mix['distinct']} distinct) | {server} | {clients} | "
                             f"{_spread(figures['per_second'], 1)} | {_spread(figures['p50_ms'], 1)} | "
                             f"{_spread(figures['p95_ms'], 1)} | {figures['errors']} | "
                             + (" | ".join(_spread(ratio[key]) for key in ("throughput", "p50", "p95"))
                                if ratio else "– | – | –") + " |")
    return lines


def rdflib_summary(rdflib: dict) -> str:
    """One sentence on the rdflib-endpoint run (``capped``): what it answered, and its throughput or the bound."""
    answered, queries = rdflib["answered"], rdflib["queries"]
    per_second = rdflib["at_most_per_second"]
    exact = not rdflib["ratio"].get("bound")
    throughput = "–" if per_second is None else f"{'' if exact else 'at most '}{per_second:.2f} queries/s"
    return (f"rdflib-endpoint loaded the data in {rdflib['load_seconds']:.0f} s ({rdflib['clubs']} clubs, as "
            f"Oxigraph) and answered {answered} of {queries} queries (each capped at {rdflib['cap_seconds']:g} s) "
            f"in {'' if exact else 'at least '}{rdflib['seconds']:.0f} s: {throughput} over the mix."
            + (f" Capped: {', '.join(rdflib['capped'])}." if rdflib["capped"] else "")
            + (f" Not sent (still busy): {len(rdflib['not_sent'])} queries." if rdflib["not_sent"] else ""))


def write(results: dict, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    json_path, md_path = folder / "latest.json", folder / "latest.md"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown(results), encoding="utf-8")
    return json_path, md_path
