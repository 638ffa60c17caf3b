"""SHACL validation of the graph: shapes in ``shapes/``, run with pyshacl, reported as findings people can read.

``validate_quads`` is the one entry point: it narrows the quads to what is validated (the whole graph or one
article's graph), runs pyshacl and turns each result into a :class:`Finding` with its season, source lines and a
plain sentence. ``publish.publish_validation`` is what ``ascenso-kg build`` calls; ``ascenso-kg validate`` is in
``ascenso_kg.commands.validate``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from pyoxigraph import Quad

from ..iris import DEFAULT_BASE, Iris
from .batched import DEFAULT_ENGINE, ENGINES, chosen_engine, describe_engine, engine as using_engine
from .data import NothingToValidate, data_store, ntriples_store, select_graphs
from .engine import BACKENDS, DEFAULT_BACKEND, run_pyshacl
from .findings import Finding, GraphContext, SourceLines, read_findings
from .grouped import STORE_TRIPLES, validate_file_in_groups
from .parallel import validate_file_in_processes
from .report import counts
from .shapes import load_shapes

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "DEFAULT_ENGINE", "ENGINES", "Finding", "NothingToValidate", "SourceLines",
           "Validation", "validate_ntriples",
           "validate_quads"]

PARALLEL_FROM_TRIPLES = 100_000  # about eight seasons, for pyshacl's own loop


@dataclass
class Validation:
    findings: list[Finding] = field(default_factory=list)
    triples: int = 0  # distinct triples validated, the ontology not counted
    seconds: float = 0.0
    backend: str = DEFAULT_BACKEND
    engine: str = DEFAULT_ENGINE  # batched (see batched) or pyshacl's own loop

    @property
    def engine_description(self) -> str:
        return describe_engine(self.engine, self.backend)

    @property
    def conforms(self) -> bool:
        return not any(finding.severity == "Violation" for finding in self.findings)

    def of_severity(self, severity: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == severity]

    def counts(self) -> str:
        return counts(self.findings)


def validate_quads(quads: list[Quad], iris: Iris = Iris(DEFAULT_BASE), backend: str = DEFAULT_BACKEND,
                   article: str | None = None, shapes: rdflib.Graph | None = None,
                   only: list[str] | None = None, engine: str | None = None) -> Validation:
    """Validate the graph the quads make (or one article's graph of them) against the shapes (or the node shapes
    whose IRIs ``only`` lists), with ``engine`` (by default the ``ASCENSO_KG_VALIDATION_ENGINE`` setting, else
    ``DEFAULT_ENGINE``)."""
    selected = select_graphs(quads, iris, article)
    started = time.perf_counter()
    store = data_store(selected)
    triples = len({(quad.subject, quad.predicate, quad.object) for quad in selected})
    return _validate_store(store, triples, started, backend, shapes, only, chosen_engine(engine))


def validate_ntriples(ntriples: bytes | Path, triples: int, backend: str = DEFAULT_BACKEND,
                      shapes: rdflib.Graph | None = None, processes: int | None = None,
                      engine: str | None = None, store_triples: int = STORE_TRIPLES,
                      trusted: bool = False) -> Validation:
    """Validate a graph given as N-Triples (text or a file; ``triples`` distinct statements), as the build does:
    Oxigraph parses it straight into the store, with no Python object per triple.

    A file of a large graph is validated in ``processes`` processes with the default shapes. By default that is one
    per core (up to four) for pyshacl's own loop from ``PARALLEL_FROM_TRIPLES`` on, which spends its time in Python;
    the batched engine needs 12 CPU-seconds for a hundred seasons (pyshacl's loop 29), most of them in Oxigraph's
    queries, so a second process (its interpreter, its own copy of the graph) cost more than it saved: measured on
    two busy cores, one process was faster at a hundred seasons (16.9 s against 27.4 s, 40.2 s against 43.4 s) and
    at ten (3.8 s against 5.0 s).

    ``trusted``: the text was written by Oxigraph (the build's union), so its terms are not checked again as they are
    read (see ``data.ntriples_store``).

    A file of more than ``store_triples`` statements validated in one process is validated in groups of shapes, each
    on a store of only the triples it reads (see ``grouped``), to bound the memory a large graph takes."""
    started = time.perf_counter()
    engine = chosen_engine(engine)
    if processes is None:
        parallel = engine == "pyshacl" and triples >= PARALLEL_FROM_TRIPLES
        processes = min(os.cpu_count() or 1, 4) if parallel else 1
    if processes > 1 and isinstance(ntriples, Path) and backend == "oxigraph" and shapes is None:
        findings = validate_file_in_processes(ntriples, processes, engine)
        return Validation(findings, triples, time.perf_counter() - started, backend, engine)
    if isinstance(ntriples, Path) and triples > store_triples:
        shapes = shapes if shapes is not None else load_shapes()
        with using_engine(engine):
            findings = validate_file_in_groups(ntriples, shapes, backend, store_triples, trusted)
        return Validation(findings, triples, time.perf_counter() - started, backend, engine)
    return _validate_store(ntriples_store(ntriples, trusted), triples, started, backend, shapes, None, engine)


def _validate_store(store, triples: int, started: float, backend: str, shapes: rdflib.Graph | None,
                    only: list[str] | None, engine: str) -> Validation:
    shapes = shapes if shapes is not None else load_shapes()
    with using_engine(engine):
        _, report = run_pyshacl(store, shapes, backend, only)
    findings = read_findings(report, shapes, GraphContext(store))
    return Validation(findings, triples, time.perf_counter() - started, backend, engine)
