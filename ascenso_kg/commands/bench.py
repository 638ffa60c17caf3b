"""ascenso-kg bench: measure the build, validation, endpoint, pages, dumps and cold start on this machine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


HELP = "measure build, validation, endpoint, pages, dumps and cold start against oxigraph and rdflib-endpoint"


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(sorted(int(part) for part in text.split(",") if part.strip()))
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give season counts of at least 1, e.g. 1,10,100")
    return sizes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true",
                        help="one season, one run, few requests: proves the bench works (no meaningful ratios)")
    parser.add_argument("--sizes", type=_sizes, default=None, metavar="N,N,…",
                        help="generated seasons to build (default: 1,10,100)")
    parser.add_argument("--repeats", type=int, default=None, help="interleaved runs per ratio (default: 3)")
    parser.add_argument("--large-repeats", type=int, default=None,
                        help="build runs at the largest size (default: 2)")
    parser.add_argument("--clients", type=_sizes, default=None, metavar="N,N,…",
                        help="concurrent clients for the endpoint (default: 1,4,8)")
    parser.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                        help="longest run of one server under load (default: 60)")
    parser.add_argument("--mix-seconds", type=float, default=None, metavar="SECONDS",
                        help="one run of the cheap, realistic and repeated mixes (default: 10)")
    parser.add_argument("--no-rdflib", action="store_true", help="leave rdflib-endpoint out")
    parser.add_argument("--work", type=Path, default=None, metavar="DIR",
                        help="keep corpora, builds and stores here (default: a temporary folder, removed)")
    parser.add_argument("--note", action="append", default=[], metavar="TEXT",
                        help="a sentence for the results' notes, e.g. how busy the machine was (repeatable)")
    parser.add_argument("--results", type=Path, default=Path("bench") / "results", metavar="DIR",
                        help="where latest.json and latest.md go (default: bench/results of the current folder)")


def run(args: argparse.Namespace) -> int:
    from ..bench import scorecard
    from ..bench.suite import QUICK, Settings, run_bench

    settings = QUICK if args.quick else Settings()
    for name in ("sizes", "repeats", "large_repeats", "clients", "budget", "mix_seconds", "work"):
        value = getattr(args, name)
        if value is not None:
            setattr(settings, name, value)
    settings.rdflib = not args.no_rdflib
    settings.notes = tuple(args.note)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        results = run_bench(settings, log)
    except (OSError, RuntimeError) as error:
        print(f"ascenso-kg bench: {error}", file=sys.stderr)
        return 1
    json_path, md_path = scorecard.write(results, args.results)
    print(scorecard.markdown(results))
    print(f"written: {json_path}, {md_path}", file=sys.stderr)
    return 0
