"""The whole bench in one run: build and validation at each size, then endpoint, pages, dumps and cold start on the
largest size's release."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..build.release import Release
from . import (build_sizes, capped, coldstart, dump_downloads, endpoint_mix, growth, mixes, pages, scorecard, servers,
               virtuoso_mix)
from .measure import spread


@dataclass
class Settings:
    sizes: tuple[int, ...] = (1, 10, 100)
    repeats: int = 3  # interleaved runs for each ratio
    large_repeats: int = 2  # build runs at the largest size (a few minutes each)
    clients: tuple[int, ...] = (1, 4, 8)
    rounds: int = 3  # times each client sends the whole mix in one run
    budget: float = 60.0  # seconds at most for one run of one server
    mix_seconds: float = 10.0  # one time-bounded run of the cheap, realistic and repeated mixes
    cheap_per_kind: int = 20  # entities of each kind the cheap mix looks up
    pages_per_kind: int = 3  # entities of each kind whose pages' queries make the realistic mix
    rdflib: bool = True
    virtuoso: bool = True  # ascenso-kg over Virtuoso and Virtuoso direct, where Debian's Virtuoso is installed
    growth: tuple[int, ...] = growth.SIZES  # part 7's sizes; none in quick mode
    quick: bool = False
    work: Path | None = None
    notes: tuple[str, ...] = ()  # said in the results (how busy the machine was, …)


QUICK = Settings(sizes=(1,), repeats=1, large_repeats=1, clients=(1, 4), rounds=1, budget=20.0, mix_seconds=1.0,
                 cheap_per_kind=2, pages_per_kind=1, virtuoso=False, growth=(), quick=True)


def run_bench(settings: Settings, log) -> dict:
    work = settings.work or Path(tempfile.mkdtemp(prefix="ascenso-kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                     "quick": settings.quick, "machine": scorecard.machine(),
                     "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in settings.__dict__.items()},
                     "notes": list(settings.notes)}
    try:
        _run(settings, work, results, log)
    finally:
        if settings.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return results


def _run(settings: Settings, work: Path, results: dict, log) -> None:
    log("1-2. build and validation")
    sizes = []
    for seasons in settings.sizes:
        repeats = settings.large_repeats if seasons == max(settings.sizes) and len(settings.sizes) > 1 \
            else settings.repeats
        sizes.append(build_sizes.measure_build(work, seasons, repeats, log))
    results["build"] = {"sizes": sizes, "growth": {
        "build": build_sizes.growth(sizes, "build_without_validation_seconds"),
        "validation": build_sizes.growth(sizes, "validation_seconds")}}
    largest = sizes[-1]
    release = Path(largest["release"])
    out = release.parent.parent  # OUT/releases/<id> -> OUT
    ratios = results["ratios"] = {
        "seasons": largest["seasons"],
        "build_vs_oxigraph_load": largest["build_vs_oxigraph_load"],
        "build_peak_rss_gib": largest["build_peak_rss_mib"] / 1024,
        "validation_vs_build": largest["validation_vs_build"],
        "build_time_growth_exponent": results["build"]["growth"]["build"]["exponent"],
    }

    log("3. endpoint")
    results["notes"].append(
        "Endpoint and mixes: this server is measured once every query process, and each web process for the lookups "
        "it answers itself (ANCHORED_IN_MEMORY), answers from its in-memory copy of the store "
        "(QUERY_IN_MEMORY_MAX_QUADS; the bench waits on /status), as a server that has run a few minutes does; until "
        "then it answers from the store on disk, as Oxigraph does.")
    with servers.this_server(out) as ours, servers.oxigraph_server(Release(release).store_path) as oxigraph:
        entities = endpoint_mix.sample_entities(oxigraph.sparql)
        club_count = capped.count_clubs(oxigraph)
        mix = endpoint_mix.query_mix(ours.base, entities)
        log(f"  {len(mix)} queries in the mix; entities: {', '.join(entities)}")
        reference = endpoint_mix.answers(oxigraph, mix)
        differences = {"ascenso-kg vs oxigraph": endpoint_mix.compare_answers(reference, endpoint_mix.answers(ours, mix))}
        peers = [ours, oxigraph]
        runs = endpoint_mix.measure_endpoints(peers, mix, settings.clients, settings.repeats, settings.rounds,
                                          settings.budget, log)
        sent: dict = {}  # the cheap and realistic mixes with Oxigraph's answers, sent to Virtuoso too
        results["mixes"] = _measure_mixes(settings, ours, oxigraph, mix, differences, log, sent)
        _mix_ratios(results["mixes"], settings.clients, ratios, results["notes"])
        labels = [row["label"]["value"] for row in endpoint_mix._get_json(
            oxigraph.sparql, "SELECT ?label WHERE { ?s a <https://w3id.org/ascenso-kg/ontology#Club> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(LANG(?label) = '') } ORDER BY ?label LIMIT 4"
        )["results"]["bindings"]]
        log("4. pages and search")
        results["pages"] = pages.measure_pages(ours, oxigraph, entities, labels, settings.repeats, settings.rounds,
                                               settings.budget, log)
        ratios["pages_p95_vs_sparql"] = results["pages"]["pages"]["p95_ratio"]
        results["notes"].append(
            "Pages and search: each page and search is requested once per round, so from the second round on this "
            "server answers from its answer cache (the release does not change): the figures are those of repeated "
            "page views; Oxigraph runs the pages' queries every time.")
        ratios["search_p95_vs_sparql"] = results["pages"]["search"]["p95_ratio"]
        log("5. dumps")
        with servers.static_server(release) as static:
            results["dumps"] = dump_downloads.measure_dumps(ours, static, settings.repeats, log)
        ratios["dumps_rss_growth_mib"] = results["dumps"]["rss_growth_mib"]
        ratios["dumps_vs_static"] = results["dumps"]["speed_ratio"]
    if settings.virtuoso and virtuoso_mix.available():
        log("3c. Virtuoso")
        found = virtuoso_mix.measure_virtuoso(work, out, release, mix, reference, settings.clients, settings.repeats,
                                               settings.rounds, settings.budget, log, sent, settings.mix_seconds)
        results["virtuoso"] = virtuoso_mix.add_to_endpoint(found, runs, differences, settings.clients)
    rdflib = _measure_rdflib(settings, work, out, release, mix, reference, club_count, results, runs, differences,
                             log) if settings.rdflib else None
    per_clients = {name: {str(c): endpoint_mix.summarize(by_clients[c]) for c in by_clients} for name, by_clients in runs.items()}
    results["endpoint"] = {"seasons": largest["seasons"], "mix": [name for name, _ in mix], "servers": per_clients,
                           "differences": differences, "runs": runs}
    versus = {c: endpoint_mix.ratios(runs, "ascenso-kg", "oxigraph", c) for c in settings.clients}
    results["endpoint"]["vs_oxigraph"] = {str(c): v for c, v in versus.items()}
    worst_throughput = min(versus.values(), key=lambda v: v["throughput"]["median"] or 0)["throughput"]
    worst_p95 = max(versus.values(), key=lambda v: v["p95"]["median"] or 0)["p95"]
    ratios["endpoint_vs_oxigraph"] = worst_throughput
    ratios["endpoint_p95_vs_oxigraph"] = worst_p95
    if rdflib is not None:
        results["endpoint"]["rdflib"] = rdflib
        ratios["endpoint_vs_rdflib_endpoint"] = rdflib["ratio"]
    log("6. cold start")
    results["cold_start"] = coldstart.measure_cold_start(work, 1 if settings.quick else settings.repeats, log)
    ratios["cold_start_seconds"] = results["cold_start"]["seconds"]
    if settings.growth:
        log(f"7. growth ({', '.join(map(str, settings.growth))} seasons)")
        results["growth"] = growth.measure_growth(work, log, settings.growth)
        largest_growth = results["growth"]["largest"]
        ratios.update(growth_build_exponent=results["growth"]["build"]["exponent"],
                      growth_peak_rss_gib=largest_growth["peak_rss_gib"],
                      growth_cold_start_seconds=largest_growth["cold_start_seconds"],
                      growth_lookup_p50_vs_smallest=largest_growth["lookup_p50_vs_smallest"],
                      growth_cheap_p50_vs_smallest=largest_growth["cheap_p50_vs_smallest"],
                      growth_small_join_vs_oxigraph=largest_growth["small_join_vs_oxigraph"])
    results["notes"].append("Endpoint ratios at the top are the worst over the numbers of clients "
                            f"({', '.join(map(str, settings.clients))}).")
    # The top level carries each ratio's median; "ratios" keeps min and max.
    for name, value in ratios.items():
        results[name] = value["median"] if isinstance(value, dict) else value
        if isinstance(value, dict) and value.get("bound"):
            results[f"{name}_bound"] = value["bound"]
    json.dumps(results)  # fail here, not after the run, if something is not JSON


def _measure_mixes(settings: Settings, ours, oxigraph, heavy: list, differences: dict, log, sent: dict) -> dict:
    """Part 3c (``mixes``): the cheap, realistic and repeated mixes beside Oxigraph, answers compared first."""
    log("3c. cheap, realistic and repeated mixes")
    base = endpoint_mix.DEFAULT_BASE
    cheap = mixes.cheap_mix(mixes.sample_many(oxigraph.sparql, settings.cheap_per_kind, base))
    realistic = mixes.realistic_mix(ours.base, mixes.sample_many(oxigraph.sparql, settings.pages_per_kind, base))
    if settings.virtuoso and virtuoso_mix.available():
        sent.update({name: (found, endpoint_mix.answers(oxigraph, found, settings.budget))
                     for name, found in (("cheap", cheap), ("realistic", realistic))})
    seen = {text for _, text in heavy}
    checked = list({text: (name, text) for name, text in cheap + realistic if text not in seen}.values())
    differences["ascenso-kg vs oxigraph (cheap and realistic)"] = endpoint_mix.compare_answers(
        endpoint_mix.answers(oxigraph, checked), endpoint_mix.answers(ours, checked))
    results_note = (
        f"Mixes (part 3c): runs of {settings.mix_seconds:g} s each, every client sending the mix over and over. The "
        "server runs with every guard of the endpoint on (time limit, row and byte caps, SERVICE allow-list, "
        "per-client budgets, set high as for the heavy mix: every client is 127.0.0.1). The cheap and realistic "
        "mixes are POSTed, so no answer comes from a cache; the guards' reading of a query text is remembered "
        "(1,024 recent texts), which these mixes, like real pages, repeat. The repeated mix is the realistic one as "
        "GET after a warm-up pass: ours answers it from its answer cache, Oxigraph evaluates every query.")
    found = {"notes": results_note}
    for name, mix, make, warm in (("cheap", cheap, mixes.post_requests, False),
                                  ("realistic", realistic, mixes.post_requests, False),
                                  ("repeated", realistic, mixes.get_requests, True)):
        runs = mixes.measure_mix([ours, oxigraph], mix, make, settings.clients, settings.repeats,
                                 settings.mix_seconds, log, name, warm=warm)
        found[name] = {
            "requests_in_mix": len(mix), "distinct": len({text for _, text in mix}),
            "servers": {server: {str(c): endpoint_mix.summarize(by_clients[c]) for c in by_clients}
                        for server, by_clients in runs.items()},
            "vs_oxigraph": {str(c): mixes.versus(runs, "ascenso-kg", "oxigraph", c) for c in settings.clients},
            "runs": runs,
        }
    return found


def _mix_ratios(found: dict, clients: tuple[int, ...], ratios: dict, notes: list) -> None:
    """The cheap mix at the most clients (throughput and p50); the realistic and repeated mixes at their worst."""
    notes.append(found.pop("notes"))
    most = str(max(clients))
    ratios["cheap_vs_oxigraph"] = found["cheap"]["vs_oxigraph"][most]["throughput"]
    ratios["cheap_p50_vs_oxigraph"] = found["cheap"]["vs_oxigraph"][most]["p50"]
    for name in ("realistic", "repeated"):
        per_clients = found[name]["vs_oxigraph"].values()
        ratios[f"{name}_vs_oxigraph"] = min(per_clients, key=lambda v: v["throughput"]["median"] or 0)["throughput"]


def _measure_rdflib(settings: Settings, work: Path, out: Path, release: Path, mix, reference: dict, club_count: int,
                    results: dict, runs: dict, differences: dict, log) -> dict:
    """rdflib-endpoint over the same mix, one client, each query capped (``capped``): its throughput, or a bound on
    it, and ours with one client beside it; their ratio, flagged ``bound: "lower"`` unless rdflib answered every
    query."""
    log("3b. rdflib-endpoint (loading the union into rdflib's memory store)")
    data = servers.union_ntriples(release, work)
    with servers.rdflib_endpoint(data) as rdflib_server, servers.this_server(out) as ours:
        log(f"  rdflib-endpoint answered after {rdflib_server.started_seconds:.0f} s")
        # The data must be there, at the path and in the media types we use: no answer later is then slowness.
        found = capped.count_clubs(rdflib_server)
        if found != club_count:
            raise RuntimeError(f"rdflib-endpoint counts {found} clubs, oxigraph {club_count}: its data is not loaded")
        # Ours the same way, query by query, and first: a query rdflib abandons keeps a core busy until it ends.
        beside = [capped.run_capped(ours, mix, settings.budget, settings.budget, log) for _ in range(settings.repeats)]
        for attempt, ours_run in enumerate(beside, start=1):
            log(f"  ascenso-kg       1 client, run {attempt}: the mix in {ours_run.seconds:.1f} s")
        run = capped.run_capped(rdflib_server, mix, settings.budget, settings.budget, log)
    summary = run.summary()
    log(f"  rdflib-endpoint answered {summary['requests']} of {run.queries} queries; at least {run.seconds:.0f} s "
        f"on the {len(run.times)} it was sent")
    runs["rdflib-endpoint"] = {1: [summary]}
    runs["ascenso-kg (beside rdflib)"] = {1: [ours_run.summary() for ours_run in beside]}
    differences["ascenso-kg vs rdflib-endpoint"] = endpoint_mix.compare_answers(reference, run.answers)
    bound = None if run.complete else "lower"
    ratio = spread([capped.ratio_bound(ours_run, run) for ours_run in beside]) | {"bound": bound}
    figures = {
        "load_seconds": rdflib_server.started_seconds, "clubs": found, "cap_seconds": settings.budget,
        "drain_seconds": settings.budget, "queries": run.queries, "answered": summary["requests"],
        "capped": run.capped, "not_sent": run.not_sent, "errors": run.errors, "seconds": run.seconds,
        "ours_seconds_on_those": [sum(ours_run.times[name] for name in run.times if name in ours_run.times)
                                  for ours_run in beside],
        "at_most_per_second": summary["at_most_per_second"], "ratio": ratio}
    results["notes"].append(
        f"rdflib-endpoint is measured with 1 client sending the mix once, each query capped at {settings.budget:g} s. "
        "It evaluates a query inside its event loop, so a query given up on keeps it busy: the next query is sent "
        f"only once it answers ASK {{}} again (waiting at most {settings.budget:g} s more; past that the rest of the "
        "mix is not sent). Its time on a query is the latency if answered, else the time until it was free again "
        "(at least the cap): at most what the query needs. endpoint_vs_rdflib_endpoint is its time on the queries "
        "it was sent over ours on the same queries (1 client, the same capped runner, each of "
        f"{settings.repeats} runs): the ratio of throughputs on those queries when rdflib answered them all, else "
        "a lower bound (\"> X\", bound: \"lower\"). Its queries/s row counts only the queries it answered.")
    return figures
