"""The validation step of ``ascenso-kg build``: the report and the shapes are published with the release.

The report goes into the dumps twice over: as ``dumps/validation-report.ttl``, and as quads in the named graph
``…/graph/validation``, which the build adds to the N-Quads dumps and so to the store, where it can be queried.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pyoxigraph import Quad

from ..build.dumps import DumpFile, write_file
from ..iris import Iris
from . import Validation, validate_ntriples
from .report import report_quads, report_turtle
from .shapes import shapes_turtle

REPORT_FILE = "dumps/validation-report.ttl"
SHAPES_FILE = "dumps/shapes.ttl"


@dataclass
class PublishedValidation:
    validation: Validation
    quads: list[Quad] = field(default_factory=list)  # the report, in the validation graph
    files: list[DumpFile] = field(default_factory=list)


def publish_validation(staging: Path, data_ntriples: bytes | Path, triples: int, iris: Iris,
                       progress: Callable[[str], None]) -> PublishedValidation:
    """Validate the release's graph (its union as N-Triples text or file, ``triples`` statements) and write the
    report and the shapes into its dumps folder."""
    progress("validating the graph against the SHACL shapes")
    validation = validate_ntriples(data_ntriples, triples, trusted=True)  # the build wrote it with Oxigraph
    quads = report_quads(validation.findings, iris.graph("validation"))
    shapes, shape_triples = shapes_turtle()
    files = [
        write_file(staging, REPORT_FILE, report_turtle(quads), len(quads),
                   f"The SHACL validation report of this release (Turtle), by {validation.engine_description}"),
        write_file(staging, SHAPES_FILE, shapes, shape_triples, "The SHACL shapes the graph is validated against (Turtle)"),
    ]
    progress(f"  {validation.counts()} ({REPORT_FILE}, {validation.engine_description}, {validation.seconds:.1f} s)")
    for finding in validation.of_severity("Violation"):
        progress(f"  violation: {finding.message}")
    return PublishedValidation(validation, quads, files)
