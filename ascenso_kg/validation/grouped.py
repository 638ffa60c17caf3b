"""Validate a large N-Triples file in groups of shapes, each group on a store of only the triples it reads.

Validation holds its data in an in-memory Oxigraph store, some 300 bytes a triple: a thousand seasons (12 million
triples) took 3.6 GiB, on top of the build's own memory. The shapes read nearly every predicate, but no one shape
reads them all: goals' shapes read goals, provenance's read spans. So where the graph holds more than a store's
budget of triples, the node shapes are dealt into groups whose reads (``reads.data_reads``: their predicates and
the classes of their ``rdf:type`` triples) fit the budget, counted on the file; each group is validated with pyshacl
(``use_shapes``) on a store loaded with its triples only, which is dropped before the next one is loaded. The
findings' context (seasons, article lines, labels) is then read from a last store holding what its queries read and
the paths of the results. Every shape is validated once on every triple it can read, so the findings are those of
one store holding the whole graph (``tests/shapes/test_grouped.py`` compares them, result by result).
"""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import DefaultGraph, RdfFormat, Store
from rdflib.namespace import RDF, RDFS, SH

from ..resources import ONTOLOGY_FILE
from .engine import run_pyshacl
from .findings import CONTEXT_QUERIES, Finding, GraphContext, read_findings
from .reads import DataReads, FilteredNTriples, data_reads

STORE_TRIPLES = 5_000_000  # a store's budget: validation under 2.3 GiB at 1,000 seasons
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
_TYPE = b"<" + str(RDF.type).encode() + b">"
_SUBCLASS = b"<" + str(RDFS.subClassOf).encode() + b">"


@dataclass
class Counts:
    """Triples of the file by predicate, and ``rdf:type`` triples by class (IRIs as written, in angle brackets)."""

    predicates: Counter
    classes: Counter
    subclass_lines: list[bytes]

    def of(self, reads: DataReads | None) -> int:
        if reads is None:
            return sum(self.predicates.values())
        typed = sum(self.classes.values()) if reads.classes is None else sum(
            self.classes[b"<" + c.encode() + b">"] for c in reads.classes)
        return typed + sum(self.predicates[b"<" + p.encode() + b">"] for p in reads.predicates if p != str(RDF.type))


def count_file(path: Path) -> Counts:
    predicates, classes, subclass_lines = Counter(), Counter(), []
    with open(path, "rb") as stream:
        while lines := stream.readlines(1 << 22):
            for line in lines:
                parts = line.split(None, 2)
                if len(parts) < 3:
                    continue
                predicates[parts[1]] += 1
                if parts[1] == _TYPE:
                    classes[parts[2].rstrip().removesuffix(b".").rstrip()] += 1
                elif parts[1] == _SUBCLASS:
                    subclass_lines.append(line)
    return Counts(predicates, classes, subclass_lines)


def node_shape_names(shapes: rdflib.Graph) -> list[str] | None:
    """The shapes pyshacl validates as targets, by IRI; None if one of them has no IRI (it could not be named)."""
    found = set(shapes.subjects(RDF.type, SH.NodeShape))
    for target in _TARGETS:
        found.update(shapes.subjects(target, None))
    if not all(isinstance(shape, rdflib.URIRef) for shape in found):
        return None
    return sorted(str(shape) for shape in found)


def union(a: DataReads | None, b: DataReads | None) -> DataReads | None:
    if a is None or b is None:
        return None
    classes = None if a.classes is None or b.classes is None else a.classes | b.classes
    return DataReads(a.predicates | b.predicates, classes)


@dataclass
class Group:
    shapes: list[str]
    reads: DataReads | None  # None: every triple


def plan_groups(shapes: rdflib.Graph, classes: rdflib.Graph, counts: Counts, budget: int) -> list[Group]:
    """The node shapes dealt into groups whose triples fit ``budget`` where they can (a shape that reads more than
    the budget alone, or cannot say what it reads, is a group of its own); the largest shapes placed first."""
    names = node_shape_names(shapes)
    if names is None:
        return [Group([], None)]
    own = {}
    for name in names:
        reads = data_reads(shapes, [name])
        own[name] = None if reads is None else reads.with_subclasses(classes)
    groups: list[Group] = []
    for name in sorted(names, key=lambda n: (-counts.of(own[n]), n)):
        fits = [(counts.of(merged), index) for index, group in enumerate(groups)
                if counts.of(merged := union(group.reads, own[name])) <= budget]
        if fits:
            group = groups[min(fits)[1]]
            group.shapes.append(name)
            group.reads = union(group.reads, own[name])
        else:
            groups.append(Group([name], own[name]))
    return groups


def filtered_store(path: Path, reads: DataReads | None, trusted: bool = False) -> Store:
    """An in-memory store of the file's triples that ``reads`` keeps (all for None), and the ontology; a ``trusted``
    file's terms are not checked again (see ``data.ntriples_store``)."""
    store = Store()
    if reads is None:
        store.load(path=str(path), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph(), lenient=trusted)
    else:
        with open(path, "rb") as stream:
            store.load(FilteredNTriples(stream, reads), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph(),
                       lenient=trusted)
    store.load(path=str(ONTOLOGY_FILE), format=RdfFormat.TURTLE, to_graph=DefaultGraph())
    return store


def validate_file_in_groups(path: Path, shapes: rdflib.Graph, backend: str,
                            budget: int = STORE_TRIPLES, trusted: bool = False) -> list[Finding]:
    """The findings of every shape on the N-Triples file (with the ontology), one group of shapes at a time."""
    counts = count_file(path)
    classes = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    for line in counts.subclass_lines:
        classes.parse(data=line.decode(), format="nt")
    report = rdflib.Graph()
    for group in plan_groups(shapes, classes, counts, budget):
        store = filtered_store(path, group.reads, trusted)
        _, group_report = run_pyshacl(store, shapes, backend, group.shapes or None)
        report += group_report  # blank nodes of one report never meet another's: each result stays apart
        del store, group_report
        gc.collect()
    paths = {str(p) for p in report.objects(None, SH.resultPath) if isinstance(p, rdflib.URIRef)}
    if not any(report.subjects(RDF.type, SH.ValidationResult)):
        return []
    context = data_reads(shapes, [], CONTEXT_QUERIES)
    if context is not None:
        context = DataReads(context.predicates | paths, context.classes).with_subclasses(classes)
    return read_findings(report, shapes, GraphContext(filtered_store(path, context, trusted)))
