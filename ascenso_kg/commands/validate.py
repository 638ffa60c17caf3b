"""ascenso-kg validate: check the graph against the SHACL shapes and tell, in sentences, what is wrong or doubtful."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..iris import DEFAULT_BASE, Iris
from ..workspace import DEFAULT_OUT_DIR
from ..validation import BACKENDS, DEFAULT_BACKEND, ENGINES, NothingToValidate, validate_quads
from ..validation.batched import ENGINE_SETTING, chosen_engine
from ..validation.data import read_quads, release_dump
from ..validation.report import render_summary, report_quads, report_turtle
from ..validation.shapes import describe_shapes, load_shapes

HELP = "check the graph against the SHACL shapes and report what is wrong or doubtful, with its source lines"
REPORT_NAME = "validation-report.ttl"
SUMMARY_NAME = "validation-summary.txt"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, metavar="FILE",
                        help="a dump to validate (.nq, .nt, .ttl or .trig, optionally .gz) instead of OUT/current")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, metavar="DIR",
                        help=f"the build folder: its current release is validated (default: {DEFAULT_OUT_DIR})")
    parser.add_argument("--report", type=Path, metavar="DIR",
                        help=f"where to write {REPORT_NAME} and {SUMMARY_NAME} (default: OUT/validation)")
    parser.add_argument("--article", metavar="ID",
                        help="validate one article's graph only, such as 2012-13-ascenso-mx-season")
    parser.add_argument("--backend", choices=BACKENDS, default=DEFAULT_BACKEND,
                        help=f"the graph pyshacl reads (default: {DEFAULT_BACKEND})")
    parser.add_argument("--engine", choices=ENGINES, default=None,
                        help="pyshacl-batched runs each SPARQL constraint once for all its focus nodes; pyshacl, "
                             f"pySHACL's own loop, once per focus node (default: {ENGINE_SETTING}, else "
                             f"{ENGINES[0]})")
    parser.add_argument("--base", default=DEFAULT_BASE, help=f"IRI base of the resources (default: {DEFAULT_BASE})")


def run(args: argparse.Namespace) -> int:
    iris = Iris(args.base)
    shapes = load_shapes()
    try:
        engine = chosen_engine(args.engine)
    except ValueError as error:  # a wrong ASCENSO_KG_VALIDATION_ENGINE
        print(f"ascenso-kg validate: {error}", file=sys.stderr)
        return 2
    try:
        source = args.data if args.data is not None else release_dump(args.out)
        validation = validate_quads(read_quads(source), iris, args.backend, args.article, shapes, engine=engine)
    except NothingToValidate as error:
        print(f"ascenso-kg validate: nothing to validate: {error}", file=sys.stderr)
        return 2
    report_dir = args.report if args.report is not None else args.out / "validation"
    scope = f"the graph of {args.article}" if args.article else "the whole graph"
    heading = (f"Validated {scope} in {source}: {validation.triples} triples, {validation.engine_description}, "
               f"{validation.seconds:.1f} s.")
    summary = render_summary(validation.findings, heading, describe_shapes(shapes))
    try:
        report_dir.mkdir(parents=True, exist_ok=True)
        (report_dir / REPORT_NAME).write_bytes(report_turtle(report_quads(validation.findings, iris.graph("validation"))))
        (report_dir / SUMMARY_NAME).write_text(summary, encoding="utf-8")
    except OSError as error:
        print(f"ascenso-kg validate: cannot write the report: {error}", file=sys.stderr)
        return 1
    print(summary, end="")
    print(f"Report: {report_dir / REPORT_NAME} and {report_dir / SUMMARY_NAME}")
    return 0 if validation.conforms else 1
