"""Part 7 (full mode only): growth. Generated corpora of 10, 100 and 1,000 seasons (about 12 M triples at the
largest) are built and validated, then served: how build time grows with size (the exponent k of time ~ quads^k
from the smallest size to the largest), the build's peak memory, the cold start of ``ascenso-kg serve`` on each
built release (until its home page answers), and the latency of cheap queries at each size against the smallest.

The cheap queries are what every page view sends: an entity's statements, its label, and a small join from a club
to its home matches. Each size's server answers them with one client, for ``rounds`` rounds: in turn (the
interleaved p50), then each kind in a loop of its own; ``oxigraph serve-read-only`` answers each kind the same way.

The target is on the lookups (an entity's statements, a label), each in its own loop: their work does not grow
with the data. The join's does: the generated corpus has the same clubs every season, so at 1,000 seasons a club has
some 10,000 home matches, and Oxigraph's ORDER BY over them reads each IRI off the disk (650 ms in Oxigraph itself),
so it is compared with Oxigraph's own time at the same size. In turn, each lookup follows 0.7 s in which the web
process sat idle waiting for the join, and on this kind of machine the first milliseconds of work after an idle
spell run slow: at 10 seasons, a 0.75 s pause before each lookup takes its p50 from 0.8 to 3 ms, and Oxigraph's own
server's from 0.24 to 1 ms. The interleaved p50 is reported beside, without a target.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from ..build.release import Release, current_release
from ..iris import DEFAULT_BASE, RDFS, SCHEMA
from . import build_sizes
from .endpoint_mix import _get_json
from .load import run_load, sparql_request
from .measure import milliseconds, percentile, shown, spread
from .servers import HOST, free_port, oxigraph_server, started

SIZES = (10, 100, 1000)
LOOKUPS = ("entity", "label")  # the cheap queries whose work does not grow with the data


def one_of_each(sparql: str) -> dict[str, str]:
    """A club and a match, whichever the store gives first: no ORDER BY, which at 1,000 seasons would sort every match
    (the serve command's time limit is 10 s)."""
    found = {}
    for name in ("Club", "Match"):
        query = f"SELECT ?s WHERE {{ ?s a <{DEFAULT_BASE}ontology#{name}> }} LIMIT 1"
        found[name] = _get_json(sparql, query)["results"]["bindings"][0]["s"]["value"]
    return found


def cheap_queries(sparql: str, entities: dict[str, str]) -> list:
    club, match = entities["Club"], entities["Match"]
    accept = "application/sparql-results+json"
    return [
        sparql_request("entity", sparql, f"SELECT ?p ?o WHERE {{ <{match}> ?p ?o }}", accept),
        sparql_request("label", sparql, f"SELECT ?label WHERE {{ <{club}> <{RDFS}label> ?label }}", accept),
        sparql_request("small-join", sparql, f"SELECT ?match ?away WHERE {{ ?match <{SCHEMA}homeTeam> <{club}> ; "
                                             f"<{SCHEMA}awayTeam> ?away }} ORDER BY ?match LIMIT 10", accept),
    ]


def each_kind(base: str, requests: list, rounds: int) -> dict:
    """Each kind of cheap query sent ``rounds`` times in a loop of its own, one client: its latencies by name."""
    return {request.name: run_load(base, [request], 1, rounds, 120.0) for request in requests}


def lookup_p50(kinds: dict) -> float | None:
    """The p50 of the lookups' latencies (``LOOKUPS``), each kind measured in its own loop."""
    return percentile([latency for kind in LOOKUPS if kind in kinds for latency in kinds[kind].latencies], 50)


def serve_release(out: Path):
    """``ascenso-kg serve`` on the built folder, as a user starts it."""
    port = free_port()
    command = [sys.executable, "-m", "ascenso_kg.cli", "serve", "--out", str(out), "--host", HOST, "--port", str(port)]
    return started("ascenso-kg serve", command, "/", "/sparql", port, seconds=300)


def measure_size(work: Path, seasons: int, rounds: int, log) -> dict:
    articles = build_sizes.corpus(work, seasons)
    out = work / f"growth-{seasons}"
    built = build_sizes.build_in_a_process(articles, out, seasons)
    without_validation = built["wall_seconds"] - built["validation_seconds"]
    log(f"  {seasons} seasons: build {built['wall_seconds']:.1f} s (validation {built['validation_seconds']:.1f} s), "
        f"peak {built['peak_rss'] / 2**20:.0f} MiB, {built['quads']} quads")
    begun = time.perf_counter()
    with serve_release(out) as server:
        cold_start = time.perf_counter() - begun
        entities = one_of_each(server.sparql)
        requests = cheap_queries(server.sparql, entities)
        run_load(server.base, requests, 1, 1, 60.0)  # warm: the first answers open the store's files
        latencies = run_load(server.base, requests, 1, rounds, 120.0)
        kinds = each_kind(server.base, requests, rounds)
    with oxigraph_server(Release(current_release(out)).store_path) as oxigraph:
        oxigraph_kinds = each_kind(oxigraph.base, cheap_queries(oxigraph.sparql, entities), rounds)
    p50, lookups = milliseconds(percentile(latencies.latencies, 50)), milliseconds(lookup_p50(kinds))
    by_kind = {kind: {"p50_ms": kinds[kind].summary()["p50_ms"],
                      "oxigraph_p50_ms": oxigraph_kinds[kind].summary()["p50_ms"],
                      "errors": len(kinds[kind].errors) + len(oxigraph_kinds[kind].errors)} for kind in kinds}
    log(f"  {seasons} seasons: serve answered after {cold_start:.1f} s; cheap queries p50 {shown(p50, 1)} ms in turn "
        f"over {latencies.requests} ({len(latencies.errors)} errors), lookups {shown(lookups)} ms; by kind "
        "(Oxigraph's beside): " + ", ".join(f"{kind} {shown(figures['p50_ms'])} ({shown(figures['oxigraph_p50_ms'])}) ms"
                                            for kind, figures in by_kind.items()))
    shutil.rmtree(out, ignore_errors=True)
    return {
        "seasons": seasons, "triples": built["triples"], "quads": built["quads"], "findings": built["findings"],
        "build_seconds": spread([built["wall_seconds"]]),
        "build_without_validation_seconds": spread([without_validation]),
        "validation_seconds": spread([built["validation_seconds"]]),
        "validation_vs_build": built["validation_seconds"] / without_validation,
        "peak_rss_gib": built["peak_rss"] / 2**30,
        "cold_start_seconds": cold_start,
        "cheap_p50_ms": p50,
        "cheap_p95_ms": milliseconds(percentile(latencies.latencies, 95)),
        "lookup_p50_ms": lookups,
        "kinds": by_kind,
        "cheap_requests": latencies.requests, "cheap_errors": len(latencies.errors),
    }


def measure_growth(work: Path, log, sizes: tuple[int, ...] = SIZES, rounds: int = 30) -> dict:
    points = [measure_size(work, seasons, rounds, log) for seasons in sizes]
    smallest, largest = points[0], points[-1]
    join = largest["kinds"].get("small-join", {})
    return {
        "sizes": points,
        "build": build_sizes.growth(points, "build_seconds"),
        "build_without_validation": build_sizes.growth(points, "build_without_validation_seconds"),
        "validation": build_sizes.growth(points, "validation_seconds"),
        "largest": {
            "seasons": largest["seasons"], "triples": largest["triples"],
            "peak_rss_gib": largest["peak_rss_gib"], "cold_start_seconds": largest["cold_start_seconds"],
            "lookup_p50_vs_smallest": _ratio(largest["lookup_p50_ms"], smallest["lookup_p50_ms"]),
            "cheap_p50_vs_smallest": _ratio(largest["cheap_p50_ms"], smallest["cheap_p50_ms"]),
            "small_join_vs_oxigraph": _ratio(join.get("p50_ms"), join.get("oxigraph_p50_ms")),
        },
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def markdown(growth: dict) -> list[str]:
    """The growth section of latest.md."""
    lines = ["", "## Growth", "", "| seasons | triples | build s | of which validation s | validation ÷ build | "
             "peak RSS GiB | serve cold start s | lookups p50 ms | cheap queries in turn, p50 ms |",
             "|---|---|---|---|---|---|---|---|---|"]
    for size in growth["sizes"]:
        lines.append(f"| {size['seasons']} | {size['triples']} | {size['build_seconds']['median']:.1f} | "
                     f"{size['validation_seconds']['median']:.1f} | {size['validation_vs_build']:.2f} | "
                     f"{size['peak_rss_gib']:.2f} | {size['cold_start_seconds']:.1f} | "
                     f"{shown(size.get('lookup_p50_ms'), 2)} | {shown(size['cheap_p50_ms'], 1)} |")
    exponent = growth["build"]["exponent"]
    lines += ["", f"Build time ∝ quads^k from {growth['sizes'][0]['seasons']} to {growth['sizes'][-1]['seasons']} "
              f"seasons: k = {'–' if exponent is None else f'{exponent:.2f}'} (with validation; without it k = "
              f"{growth['build_without_validation']['exponent'] or 0:.2f})."]
    kinds = list(growth["sizes"][-1].get("kinds", {}))
    if kinds:
        lines += ["", "Each kind of cheap query in a loop of its own, p50 ms, this server (Oxigraph's own server):", "",
                  "| seasons | " + " | ".join(kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
        for size in growth["sizes"]:
            lines.append(f"| {size['seasons']} | " + " | ".join(
                f"{shown(size['kinds'][kind]['p50_ms'], 2)} ({shown(size['kinds'][kind]['oxigraph_p50_ms'], 2)})"
                for kind in kinds) + " |")
    return lines


if __name__ == "__main__":  # python -m ascenso_kg.bench.growth WORK RESULT.json [SIZES…]: this part alone
    work_dir, result_file = Path(sys.argv[1]), Path(sys.argv[2])
    chosen = tuple(int(size) for size in sys.argv[3:]) or SIZES
    work_dir.mkdir(parents=True, exist_ok=True)
    figures = measure_growth(work_dir, lambda message: print(message, flush=True), chosen)
    result_file.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
