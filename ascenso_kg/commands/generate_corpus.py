"""ascenso-kg generate-corpus: write synthetic season articles for tests and benchmarks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus import FIRST_SEASON, generate_corpus, remove_previous_corpus

HELP = "write N synthetic season articles (and sources.csv, planted.json) in the rendering of the real ones"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT", help="folder to write the articles to (created if need be)")
    parser.add_argument("--seasons", type=_positive, default=1, metavar="N", help="how many seasons (default: 1)")
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help="random seed; the same seasons and seed give byte-identical files (default: 0)")
    parser.add_argument("--plant", type=_count, default=0, metavar="K",
                        help="plant K known inconsistencies, listed in OUT/planted.json (default: 0)")
    parser.add_argument("--first-season", type=int, default=FIRST_SEASON, metavar="YEAR",
                        help=f"the year the first season starts (default: {FIRST_SEASON}, clear of the real articles)")


def run(args: argparse.Namespace) -> int:
    if args.first_season < 2015:
        print("ascenso-kg generate-corpus: --first-season must be 2015 or later, clear of the real articles' seasons",
              file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"ascenso-kg generate-corpus: {args.out} is not a folder", file=sys.stderr)
        return 2
    try:
        remove_previous_corpus(args.out)
        summary = generate_corpus(args.out, args.seasons, args.seed, args.plant, args.first_season)
    except ValueError as error:
        print(f"ascenso-kg generate-corpus: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"ascenso-kg generate-corpus: {error.strerror or error} ({error.filename or args.out})", file=sys.stderr)
        return 1
    print(f"wrote {len(summary.files)} articles to {args.out}: {summary.matches} matches, {summary.goals} goals "
          f"in scorer lines, {len(summary.planted)} planted inconsistencies (planted.json)")
    return 0
