"""The cheap mix alone, beside ``oxigraph serve-read-only`` (part 3c's first mix without the rest of the bench):
``python -m ascenso_kg.bench.cheap_mix OUT`` over the newest release in OUT, interleaved runs at 1, 4 and 8 clients,
then the medians and the ratios the scorecard reads (throughput and p50 against Oxigraph)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..build.release import Release
from ..iris import DEFAULT_BASE
from . import mixes, servers
from .endpoint_mix import summarize


def newest_release(out: Path) -> Path:
    return max((out / "releases").iterdir(), key=lambda p: p.name)


def measure(out: Path, clients: tuple[int, ...], repeats: int, seconds: float, per_kind: int, log=print,
            workers: int = 2, threads: int = 8, settings: dict | None = None,
            worker_class: str = servers.WORKER_CLASS) -> dict:
    release = newest_release(out)
    with servers.this_server(out, workers, threads, settings, worker_class) as ours, servers.oxigraph_server(Release(release).store_path) as oxigraph:
        mix = mixes.cheap_mix(mixes.sample_many(oxigraph.sparql, per_kind, DEFAULT_BASE))
        runs = mixes.measure_mix([ours, oxigraph], mix, mixes.post_requests, clients, repeats, seconds, log, "cheap")
    found = {}
    for count in clients:
        figures = {name: summarize(by[count]) for name, by in runs.items()}
        found[count] = {"vs_oxigraph": mixes.versus(runs, "ascenso-kg", "oxigraph", count),
                        "ours_per_second": figures["ascenso-kg"]["per_second"]["median"],
                        "oxigraph_per_second": figures["oxigraph"]["per_second"]["median"],
                        "ours_p50_ms": figures["ascenso-kg"]["p50_ms"]["median"],
                        "oxigraph_p50_ms": figures["oxigraph"]["p50_ms"]["median"],
                        "errors": figures["ascenso-kg"]["errors"]}
        ratio = found[count]["vs_oxigraph"]
        log(f"{count} clients: throughput {ratio['throughput']['median']:.2f}x "
            f"({ratio['throughput']['min']:.2f}-{ratio['throughput']['max']:.2f}), p50 {ratio['p50']['median']:.2f}x "
            f"({ratio['p50']['min']:.2f}-{ratio['p50']['max']:.2f})")
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="an output folder holding a built release")
    parser.add_argument("--clients", default="1,4,8")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="web processes (as ascenso-kg serve --workers)")
    parser.add_argument("--threads", type=int, default=8, help="threads per web process (ascenso-kg serve --threads)")
    parser.add_argument("--worker-class", default=servers.WORKER_CLASS,
                        help="gunicorn's -k for this server (e.g. ascenso_kg.server.gunicorn_worker."
                             "KeepAliveThreadWorker, the threaded worker the loop worker replaced)")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="an app setting for this run (ASCENSO_KG_NAME), e.g. ANCHORED_QUERIES_HERE=false")
    args = parser.parse_args(argv)
    found = measure(args.out, tuple(int(c) for c in args.clients.split(",")), args.repeats, args.seconds,
                    args.per_kind, workers=args.workers, threads=args.threads, worker_class=args.worker_class,
                    settings={f"ASCENSO_KG_{name}": value for name, _, value in
                              (item.partition("=") for item in args.setting)})
    print(json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
