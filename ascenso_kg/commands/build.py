"""ascenso-kg build: read the articles and publish a new release (store, dumps, reports)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..build import StrictBuildFailed, build_release
from ..iris import DEFAULT_BASE
from ..mappings.mapping_tables import MappingTableError
from ..workspace import ARTICLES_DIR, DEFAULT_OUT_DIR
from ..build.release import BuildLocked
from ..build.writer import DumpWriterFailed

HELP = "read the articles and publish the graph as an Oxigraph store and dumps"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=Path, default=ARTICLES_DIR, metavar="DIR",
                        help=f"folder of article .txt files and sources.csv (default: {ARTICLES_DIR})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, metavar="DIR",
                        help=f"where releases are published; OUT/current is the latest (default: {DEFAULT_OUT_DIR})")
    parser.add_argument("--base", default=DEFAULT_BASE, help=f"IRI base of the resources (default: {DEFAULT_BASE})")
    parser.add_argument("--strict", action="store_true",
                        help="fail, publishing nothing, if any article has a problem of warning severity")


def run(args: argparse.Namespace) -> int:
    if not args.articles.is_dir():
        print(f"ascenso-kg build: no such folder: {args.articles}", file=sys.stderr)
        return 2
    try:
        summary = build_release(args.articles, args.out, args.base, strict=args.strict)
    except (StrictBuildFailed, BuildLocked, MappingTableError, ValueError) as error:
        print(f"ascenso-kg build: {error}", file=sys.stderr)
        return 1
    except DumpWriterFailed as error:
        print(f"ascenso-kg build: {error}; the published release is unchanged", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"ascenso-kg build: {error.strerror or error} ({error.filename or args.out}); "
              "the published release is unchanged", file=sys.stderr)
        return 1
    print(summary.render())
    if summary.violations:
        # The release is published all the same, so that its validation report can be read and queried; the exit
        # code tells scripts and CI that the graph breaks the shapes (a mapping bug).
        print(f"ascenso-kg build: the graph has {summary.violations} SHACL violations (see above and "
              "dumps/validation-report.ttl); the release was published, but the build failed", file=sys.stderr)
        return 1
    return 0
