"""Part 3c: Virtuoso. The largest size's release is loaded into a Virtuoso Open Source 7 started here (``ascenso-kg
publish virtuoso``'s bulk load, timed); then this server over that Virtuoso (``STORE_BACKEND=remote``) and Virtuoso's
own /sparql are sent the same mixes as Oxigraph (the heavy mix, and the cheap and realistic mixes of ``mixes.py``),
by the same clients, and their answers are compared with Oxigraph's.

Virtuoso direct is asked as a client would ask it, with no dataset: its default graph is every graph of the database
as a multiset, so the queries that count come out larger (listed under ``differences``); through this server the
union graph is named as the default graph and the answers are the embedded store's.

``python -m ascenso_kg.bench.virtuoso_mix WORK OUT RESULT.json`` runs this part alone on the release in OUT, with
Oxigraph and the embedded store measured in the same session, interleaved with both Virtuoso rows (the figures the
README's "Scaling out" section gives).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import shutil
import time
from pathlib import Path

from ..build.release import Release
from ..virtuoso import UNION_GRAPH, publish, running_virtuoso
from . import endpoint_mix as endpoint, mixes, scorecard as report, servers

OURS = "ascenso-kg over virtuoso"
DIRECT = "virtuoso"
# Buffers for the whole database (8 KiB pages): about 2 GiB, what Virtuoso's own guide gives for this size.
BUFFERS = 250_000


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


@contextlib.contextmanager
def virtuoso_servers(work: Path, out: Path, release: Path, budget: float, log):
    """Virtuoso loaded with ``release`` and this server over it; yields (ours, direct, load seconds)."""
    folder = work / "virtuoso"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with running_virtuoso(folder, release / "dumps", buffers=BUFFERS, max_seconds=int(budget) * 3) as (url, sql):
        begun = time.perf_counter()
        publish(release, sql, "dba", "dba")
        load_seconds = time.perf_counter() - begun
        log(f"  Virtuoso: release loaded in {load_seconds:.1f} s")
        direct = servers.Server(DIRECT, None, url.removesuffix("/sparql"), url)
        settings = {"ASCENSO_KG_STORE_BACKEND": "remote", "ASCENSO_KG_REMOTE_ENDPOINT": url,
                    "ASCENSO_KG_REMOTE_UNION_GRAPH": UNION_GRAPH}
        with servers.this_server(out, settings=settings) as ours:
            yield dataclasses.replace(ours, name=OURS), direct, load_seconds


def measure_virtuoso(work: Path, out: Path, release: Path, mix: list[tuple[str, str]], reference: dict,
                     clients: tuple[int, ...], repeats: int, rounds: int, budget: float, log,
                     other_mixes: dict | None = None, mix_seconds: float = 10.0) -> dict:
    """Load, then measure both on the heavy mix and on ``other_mixes`` (name -> (mix, Oxigraph's answers));
    returns the load time, answer differences and per-run figures by server."""
    with virtuoso_servers(work, out, release, budget, log) as (ours, direct, load_seconds):
        # The first answers warm Virtuoso's buffers (a freshly loaded database answers its first queries from
        # disk): they are the answers compared, not timed.
        differences = {f"{OURS} vs oxigraph": endpoint.compare_answers(reference, endpoint.answers(ours, mix)),
                       f"{DIRECT} vs oxigraph": endpoint.compare_answers(reference, endpoint.answers(direct, mix))}
        runs = endpoint.measure_endpoints([ours, direct], mix, clients, repeats, rounds, budget, log)
        mix_runs = {}
        for name, (other, other_reference) in (other_mixes or {}).items():
            for server in (ours, direct):
                differences[f"{server.name} vs oxigraph ({name})"] = endpoint.compare_answers(
                    other_reference, endpoint.answers(server, other))
            mix_runs[name] = mixes.measure_mix([ours, direct], other, mixes.post_requests, clients, repeats,
                                               mix_seconds, log, name)
    return {"load_seconds": load_seconds, "differences": differences, "runs": runs, "mix_runs": mix_runs}


def add_to_endpoint(found: dict, runs: dict, differences: dict, clients: tuple[int, ...]) -> dict:
    """Put Virtuoso's runs beside Oxigraph's in the endpoint table and its answers' differences beside the others;
    returns the load time and each one's ratios to Oxigraph (whose runs were measured just before, not interleaved
    with these: the servers do not share the two cores)."""
    runs.update(found["runs"])
    differences.update(found["differences"])
    return {"load_seconds": found["load_seconds"], "vs_oxigraph": {
        name: {str(c): endpoint.ratios(runs, name, "oxigraph", c) for c in clients} for name in (OURS, DIRECT)},
        "mixes": {mix: {server: {str(c): endpoint.summarize(by_clients[c]) for c in by_clients}
                        for server, by_clients in per_server.items()}
                  for mix, per_server in found.get("mix_runs", {}).items()}}


def scale_out(work: Path, out: Path, clients: tuple[int, ...], repeats: int, budget: float, mix_seconds: float,
              per_kind: int, log) -> dict:
    """This part alone: the embedded store, Oxigraph's server, this server over Virtuoso and Virtuoso direct, all
    four up at once and measured interleaved on the heavy, cheap and realistic mixes."""
    release = (out / "current").resolve()
    with servers.this_server(out) as embedded, servers.oxigraph_server(Release(release).store_path) as oxigraph, \
            virtuoso_servers(work, out, release, budget, log) as (ours, direct, load_seconds):
        peers = [embedded, oxigraph, ours, direct]
        heavy = endpoint.query_mix(embedded.base, endpoint.sample_entities(oxigraph.sparql))
        sampled = mixes.sample_many(oxigraph.sparql, per_kind, endpoint.DEFAULT_BASE)
        found = {"heavy": heavy, "cheap": mixes.cheap_mix(sampled),
                 "realistic": mixes.realistic_mix(embedded.base, sampled)}
        results = {"seasons": None, "load_seconds": load_seconds, "differences": {}, "mixes": {}}
        for name, mix in found.items():
            log(f"{name}: {len(mix)} queries")
            reference = endpoint.answers(oxigraph, mix, budget)
            # also warms Virtuoso's buffers before anything is timed; Virtuoso direct is not asked the heavy mix
            # here: over its multiset default graph the examples take minutes each at a hundred seasons
            for server in (embedded, ours) + ((direct,) if name != "heavy" else ()):
                results["differences"][f"{server.name} vs oxigraph ({name})"] = endpoint.compare_answers(
                    reference, endpoint.answers(server, mix, budget))
            runs = endpoint.measure_endpoints(peers, mix, clients, repeats, 1, budget, log) if name == "heavy" \
                else mixes.measure_mix(peers, mix, mixes.post_requests, clients, repeats, mix_seconds, log, name)
            results["mixes"][name] = {
                "requests_in_mix": len(mix),
                "servers": {server: {str(c): endpoint.summarize(by_clients[c]) for c in by_clients}
                            for server, by_clients in runs.items()},
                "vs_embedded": {server.name: {str(c): mixes.versus(runs, server.name, embedded.name, c)
                                              for c in clients} for server in peers[1:]},
                "runs": runs}
    return results


def markdown(results: dict) -> str:
    """The figures as the README's table: queries/s and p50 by mix, server and clients."""
    names = ["ascenso-kg", "oxigraph", OURS, DIRECT]
    lines = [f"Scale-out figures ({results['date']}, {results['seasons']} seasons, {results['triples']} triples; "
             f"machine: {results['machine']['cpu']}, {results['machine']['cores']} cores). Virtuoso loaded the release in {results['load_seconds']:.0f} s.", "",
             "| mix | clients | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for mix, found in results["mixes"].items():
        for clients in sorted(next(iter(found["servers"].values())), key=int):
            cells = []
            for name in names:
                summary = found["servers"][name][clients]
                cells.append(f"{summary['per_second']['median']:.1f} q/s, p50 {summary['p50_ms']['median']:.1f} ms"
                             if summary["per_second"]["median"] is not None else "–")
            lines.append(f"| {mix} ({found['requests_in_mix']} queries) | {clients} | " + " | ".join(cells) + " |")
    lines += ["", "Answers compared with Oxigraph's: " + "; ".join(
        f"{pair}: {', '.join(names) if names else 'same'}" for pair, names in results["differences"].items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ascenso_kg.bench.virtuoso_mix",
                                     description="the scale-out part of the bench alone, on a built release")
    parser.add_argument("work", type=Path)
    parser.add_argument("out", type=Path, help="the build's output folder (OUT/current is the release)")
    parser.add_argument("result", type=Path, help="where the JSON goes (a .md beside it)")
    parser.add_argument("--clients", default="1,4")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--mix-seconds", type=float, default=10.0)
    parser.add_argument("--per-kind", type=int, default=3)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
               "machine": report.machine()}
    results |= scale_out(args.work, args.out, tuple(int(c) for c in args.clients.split(",")), args.repeats,
                         args.budget, args.mix_seconds, args.per_kind, lambda message: print(message, flush=True))
    manifest = json.loads(((args.out / "current").resolve() / "manifest.json").read_text(encoding="utf-8"))
    results["seasons"] = len(manifest.get("articles", ())) or None
    results["triples"] = manifest.get("triples")
    args.result.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    args.result.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
