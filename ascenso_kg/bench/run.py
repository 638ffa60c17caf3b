"""The whole bench in one run: build and validation at each size, then endpoint, pages, dumps and cold start on the
largest size's release."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import build as build_part
from . import coldstart, dumps, endpoint, pages, report, servers


@dataclass
class Settings:
    sizes: tuple[int, ...] = (1, 10, 100)
    repeats: int = 3  # interleaved runs for each ratio
    large_repeats: int = 2  # build runs at the largest size (a few minutes each)
    clients: tuple[int, ...] = (1, 4, 8)
    rounds: int = 3  # times each client sends the whole mix in one run
    budget: float = 60.0  # seconds at most for one run of one server
    rdflib: bool = True
    quick: bool = False
    work: Path | None = None


QUICK = Settings(sizes=(1,), repeats=1, large_repeats=1, clients=(1, 4), rounds=1, budget=20.0, quick=True)


def run_bench(settings: Settings, log) -> dict:
    work = settings.work or Path(tempfile.mkdtemp(prefix="ascenso-kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                     "quick": settings.quick, "machine": report.machine(),
                     "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in settings.__dict__.items()},
                     "notes": []}
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
        sizes.append(build_part.measure_build(work, seasons, repeats, log))
    results["build"] = {"sizes": sizes, "growth": {
        "build": build_part.growth(sizes, "build_without_validation_seconds"),
        "validation": build_part.growth(sizes, "validation_seconds")}}
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
    with servers.this_server(out) as ours, servers.oxigraph_server(release / "store") as oxigraph:
        entities = endpoint.sample_entities(oxigraph.sparql)
        mix = endpoint.query_mix(ours.base, entities)
        log(f"  {len(mix)} queries in the mix; entities: {', '.join(entities)}")
        reference = endpoint.answers(oxigraph, mix)
        differences = {"ascenso-kg vs oxigraph": endpoint.compare_answers(reference, endpoint.answers(ours, mix))}
        peers = [ours, oxigraph]
        runs = endpoint.measure_endpoints(peers, mix, settings.clients, settings.repeats, settings.rounds,
                                          settings.budget, log)
        labels = [row["label"]["value"] for row in endpoint._get_json(
            oxigraph.sparql, "SELECT ?label WHERE { ?s a <https://w3id.org/ascenso-kg/ontology#Club> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(LANG(?label) = '') } ORDER BY ?label LIMIT 4"
        )["results"]["bindings"]]
        log("4. pages and search")
        results["pages"] = pages.measure_pages(ours, oxigraph, entities, labels, settings.repeats, settings.rounds,
                                               settings.budget, log)
        ratios["pages_p95_vs_sparql"] = results["pages"]["pages"]["p95_ratio"]
        ratios["search_p95_vs_sparql"] = results["pages"]["search"]["p95_ratio"]
        log("5. dumps")
        with servers.static_server(release) as static:
            results["dumps"] = dumps.measure_dumps(ours, static, settings.repeats, log)
        ratios["dumps_rss_growth_mib"] = results["dumps"]["rss_growth_mib"]
        ratios["dumps_vs_static"] = results["dumps"]["speed_ratio"]
    if settings.rdflib:
        log("3b. rdflib-endpoint (loading the union into rdflib's memory store)")
        data = servers.union_ntriples(release, work)
        with servers.rdflib_endpoint(data) as rdflib_server, servers.this_server(out) as ours, \
                servers.oxigraph_server(release / "store") as oxigraph:
            log(f"  rdflib-endpoint answered after {rdflib_server.started_seconds:.0f} s")
            # rdflib takes minutes over some queries of a hundred seasons: each query gets the run's budget at most.
            differences["ascenso-kg vs rdflib-endpoint"] = endpoint.compare_answers(
                reference, endpoint.answers(rdflib_server, mix, timeout=settings.budget))
            rdflib_runs = endpoint.measure_endpoints([ours, rdflib_server], mix, settings.clients[:1],
                                                     settings.repeats, 1, settings.budget, log,
                                                     timeout=settings.budget)
            runs["rdflib-endpoint"] = rdflib_runs["rdflib-endpoint"]
            runs["ascenso-kg (beside rdflib)"] = rdflib_runs["ascenso-kg"]
    per_clients = {name: {str(c): endpoint.summarize(by_clients[c]) for c in by_clients} for name, by_clients in runs.items()}
    results["endpoint"] = {"seasons": largest["seasons"], "mix": [name for name, _ in mix], "servers": per_clients,
                           "differences": differences, "runs": runs}
    versus = {c: endpoint.ratios(runs, "ascenso-kg", "oxigraph", c) for c in settings.clients}
    results["endpoint"]["vs_oxigraph"] = {str(c): v for c, v in versus.items()}
    worst_throughput = min(versus.values(), key=lambda v: v["throughput"]["median"] or 0)["throughput"]
    worst_p95 = max(versus.values(), key=lambda v: v["p95"]["median"] or 0)["p95"]
    ratios["endpoint_vs_oxigraph"] = worst_throughput
    ratios["endpoint_p95_vs_oxigraph"] = worst_p95
    if "rdflib-endpoint" in runs:
        c = settings.clients[0]
        pairs = zip(runs["ascenso-kg (beside rdflib)"][c], runs["rdflib-endpoint"][c])
        from .measure import spread

        ratios["endpoint_vs_rdflib_endpoint"] = spread(
            [a["per_second"] / b["per_second"] for a, b in pairs if a["per_second"] and b["per_second"]])
        results["notes"].append(
            f"rdflib-endpoint is measured with {c} client, each run and each query capped at {settings.budget:g} s: "
            "its throughput counts the queries it finished within the cap (a slow query left out flatters it).")
    log("6. cold start")
    results["cold_start"] = coldstart.measure_cold_start(work, 1 if settings.quick else settings.repeats, log)
    ratios["cold_start_seconds"] = results["cold_start"]["seconds"]
    results["notes"].append("Endpoint ratios at the top are the worst over the numbers of clients "
                            f"({', '.join(map(str, settings.clients))}).")
    # The top level carries each ratio's median; "ratios" keeps min and max.
    for name, value in ratios.items():
        results[name] = value["median"] if isinstance(value, dict) else value
    json.dumps(results)  # fail here, not after the run, if something is not JSON
