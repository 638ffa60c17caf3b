"""What validation reads of the data: the predicates and the classes the shapes (and the findings' context) look at.

Validation holds its data graph in memory. A thousand seasons are some twelve million triples, and many of them
(names as written, match dates, the stadia's statements…) are read by no shape: keeping them only made the store
larger. :func:`data_reads` derives, from the shapes themselves, which predicates a shape can read (its paths,
property pairs and targets, and every predicate in its SPARQL queries, parsed with rdflib's SPARQL algebra) and which
``rdf:type`` triples it can see (those of the classes it targets, tests with ``sh:class`` or names in a query, and of
their subclasses). The queries :class:`~.findings.GraphContext` sends for the findings' seasons, lines and labels
are read the same way. Where a shape reads something that cannot be bounded so (a variable predicate, a negated
path, ``sh:closed``, a parameter not listed here), :func:`data_reads` answers None and every triple is kept.

The data is then filtered line by line while Oxigraph parses it (:class:`FilteredNTriples`): a triple is kept when
its predicate is read, and an ``rdf:type`` triple when its class is. The findings are those of the whole graph
(``tests/shapes/test_reads.py`` compares them, result by result).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterable

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import triples as algebra_triples
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef, Variable

# Parameters that say something about a shape or hold other shapes, without reading the data themselves.
_INERT = {RDF.type, RDFS.comment, RDFS.label, RDFS.seeAlso, SH.severity, SH.message, SH.name, SH.description,
          SH.order, SH.group, SH.deactivated, SH.prefixes, SH.declare, SH.prefix, SH.namespace, SH.property,
          SH.node, SH["not"], SH["and"], SH["or"], SH.xone, SH.qualifiedValueShape, SH.qualifiedMinCount,
          SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, SH.sparql, SH.select, SH.targetNode, SH.defaultValue,
          OWL.imports}
# Steps of a path: read where the path is (``_path_reads``).
_PATH_STEPS = {SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath}
# Constraints on the value nodes alone: they read nothing beyond the path.
_ON_VALUES = {SH.minCount, SH.maxCount, SH.datatype, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
              SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern, SH.flags, SH.languageIn, SH.uniqueLang, SH["in"],
              SH.hasValue, SH.nodeKind}
_READ_PREDICATE = {SH.path, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH.targetSubjectsOf,
                   SH.targetObjectsOf}
_READ_CLASS = {SH.targetClass, SH["class"]}
# Read by pyshacl and the pre-checks in the ontology and the data alike (rdfs:subClassOf* of sh:class and targets).
_ALWAYS = {RDFS.subClassOf}


class Unbounded(Exception):
    """A shape reads data in a way that no set of predicates bounds."""


@dataclass(frozen=True)
class DataReads:
    """Predicates whose triples validation reads, and the classes whose ``rdf:type`` triples it reads (None: all)."""

    predicates: frozenset[str]
    classes: frozenset[str] | None

    def keeps(self, predicate: str, obj: rdflib.term.Node | str | None = None) -> bool:
        if predicate == str(RDF.type):
            return self.classes is None or str(obj) in self.classes
        return predicate in self.predicates

    def with_subclasses(self, ontology: rdflib.Graph) -> "DataReads":
        """The classes and all their subclasses in ``ontology`` (an instance of a subclass is one of the class)."""
        if self.classes is None:
            return self
        found = {URIRef(c) for c in self.classes}
        for cls in list(found):
            found.update(ontology.transitive_subjects(RDFS.subClassOf, cls))
        return DataReads(self.predicates, frozenset(str(c) for c in found))


class _Reads:
    def __init__(self) -> None:
        self.predicates: set[str] = {str(p) for p in _ALWAYS}
        self.classes: set[str] | None = set()

    def predicate(self, term) -> None:
        if not isinstance(term, URIRef):
            raise Unbounded(f"a predicate that is not an IRI: {term!r}")
        self.predicates.add(str(term))

    def cls(self, term) -> None:
        if not isinstance(term, URIRef):
            raise Unbounded(f"a class that is not an IRI: {term!r}")
        if self.classes is not None:
            self.classes.add(str(term))

    def all_types(self) -> None:
        self.classes = None

    def done(self) -> DataReads:
        self.predicates.add(str(RDF.type))
        return DataReads(frozenset(self.predicates), None if self.classes is None else frozenset(self.classes))


def data_reads(shapes: rdflib.Graph, node_shapes: Iterable[str] | None = None,
               queries: Iterable[str] = ()) -> DataReads | None:
    """What the shapes (or the ``node_shapes`` only, with the shapes they reach) and the extra ``queries`` (SPARQL
    text, ``VALUES_NODES`` standing for some IRIs) read, or None where that cannot be bounded."""
    if node_shapes is not None:
        shapes = reached_from(shapes, [URIRef(shape) for shape in node_shapes])
    reads = _Reads()
    try:
        _shape_reads(shapes, reads)
        prefixes = _declared_prefixes(shapes)
        for query in queries:
            _query_reads(query.replace("VALUES_NODES", "<urn:ascenso-kg:node>"), {}, reads)
        for node, text in shapes.subject_objects(SH.select):
            _query_reads(str(text), prefixes, reads)
    except Unbounded:
        return None
    return reads.done()


def reached_from(shapes: rdflib.Graph, starts: list) -> rdflib.Graph:
    """The triples of the shapes graph about the given shapes and about every node reached from them (their
    property shapes, paths, lists, the shapes they refer to, prefix declarations)."""
    found, seen, todo = rdflib.Graph(), set(), list(starts)
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in shapes.triples((node, None, None)):
            found.add(triple)
            if isinstance(triple[2], (URIRef, rdflib.BNode)):
                todo.append(triple[2])
    return found


def _shape_reads(shapes: rdflib.Graph, reads: _Reads) -> None:
    for subject, parameter, value in shapes:
        if parameter in _INERT or parameter in _ON_VALUES or parameter in _PATH_STEPS:
            continue
        if parameter in _READ_PREDICATE:
            _path_reads(shapes, value, reads) if parameter == SH.path else reads.predicate(value)
        elif parameter in _READ_CLASS:
            reads.cls(value)
        elif str(parameter).startswith(str(SH)):
            raise Unbounded(f"{parameter} is not bounded by predicates")  # sh:closed, sh:ask, sh:expression…
    for node_shape in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)):
        # A shape that is also a class targets its instances (an implicit class target).
        if {RDFS.Class, OWL.Class} & set(shapes.objects(node_shape, RDF.type)):
            reads.cls(node_shape)
    if set(shapes.subjects(SH.ask, None)) or set(shapes.subjects(SH.target, None)):
        raise Unbounded("SPARQL ASK validators and custom targets are not read here")


def _path_reads(shapes: rdflib.Graph, path, reads: _Reads) -> None:
    if isinstance(path, URIRef):
        reads.predicate(path)
        return
    if (path, RDF.first, None) in shapes:  # a sequence path
        for step in Collection(shapes, path):
            _path_reads(shapes, step, reads)
        return
    kinds = list(shapes.predicate_objects(path))
    if not kinds:
        raise Unbounded(f"an empty path {path!r}")
    for kind, inner in kinds:
        if kind == SH.alternativePath:
            for step in Collection(shapes, inner):
                _path_reads(shapes, step, reads)
        elif kind in (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
            _path_reads(shapes, inner, reads)
        else:
            raise Unbounded(f"a path of kind {kind}")


def _declared_prefixes(shapes: rdflib.Graph) -> dict[str, str]:
    return {str(shapes.value(declaration, SH.prefix)): str(shapes.value(declaration, SH.namespace))
            for declaration in shapes.objects(None, SH.declare)}


def _query_reads(text: str, prefixes: dict[str, str], reads: _Reads) -> None:
    try:
        query = prepareQuery(text, initNs=prefixes)
    except Exception as error:  # noqa: BLE001 - a query rdflib cannot parse cannot be bounded
        raise Unbounded(f"a query rdflib cannot parse: {error}") from error
    _algebra_reads(query.algebra, reads)


def _algebra_reads(node, reads: _Reads) -> None:
    if isinstance(node, CompValue):
        if node.name == "Graph" or node.name == "ServiceGraphPattern":
            raise Unbounded("a query reading named graphs or a service")
        if node.name == "BGP":
            _bgp_reads(node, {}, reads)
        elif node.name == "TriplesBlock":  # in an EXISTS, which rdflib translates only when it runs the query
            for _, predicate, obj in algebra_triples(node.triples):
                _triple_reads(predicate, obj, reads)
        elif node.name == "Filter" and isinstance(node.p, CompValue) and node.p.name == "BGP":
            # FILTER (?path IN (akg:byes, …)) right over the triple patterns bounds their variable predicate ?path.
            _bgp_reads(node.p, _bounded_variables(node.expr), reads)
            _algebra_reads(node.expr, reads)
            return
        for value in node.values():
            _algebra_reads(value, reads)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _algebra_reads(value, reads)
    elif isinstance(node, dict):
        for value in node.values():
            _algebra_reads(value, reads)


def _bgp_reads(bgp: CompValue, bounds: dict[Variable, list[URIRef]], reads: _Reads) -> None:
    for _, predicate, obj in bgp.triples:
        for bound in bounds.get(predicate, [predicate]):
            _triple_reads(bound, obj, reads)


def _bounded_variables(expr) -> dict[Variable, list[URIRef]]:
    """The variables a filter holds to a list of IRIs: conjuncts ``?v IN (<a>, <b>)`` or ``?v = <a>``."""
    conjuncts = [expr.expr, *expr.other] if isinstance(expr, CompValue) and expr.name == "ConditionalAndExpression" \
        else [expr]
    bounds = {}
    for conjunct in conjuncts:
        if not (isinstance(conjunct, CompValue) and conjunct.name == "RelationalExpression"
                and isinstance(conjunct.expr, Variable)):
            continue
        values = conjunct.other if conjunct.op == "IN" else [conjunct.other] if conjunct.op == "=" else None
        if values is not None and all(isinstance(value, URIRef) for value in values):
            bounds[conjunct.expr] = list(values)
    return bounds


def _triple_reads(predicate, obj, reads: _Reads) -> None:
    if isinstance(predicate, Variable):
        raise Unbounded("a query with a variable predicate")
    if isinstance(predicate, Path):
        _sparql_path_reads(predicate, obj, reads)
        return
    reads.predicate(predicate)
    if predicate == RDF.type:
        reads.cls(obj) if isinstance(obj, URIRef) else reads.all_types()


def _sparql_path_reads(path, obj, reads: _Reads) -> None:
    # rdf:type/rdfs:subClassOf* C reads the types of C and of its subclasses: those of C, once subclasses are added.
    if (isinstance(path, SequencePath) and len(path.args) == 2 and path.args[0] == RDF.type
            and isinstance(path.args[1], MulPath) and path.args[1].path == RDFS.subClassOf
            and isinstance(obj, URIRef)):
        reads.predicate(RDF.type)
        reads.cls(obj)
        return
    for predicate in _path_predicates(path):
        reads.predicate(predicate)
        if predicate == RDF.type:
            reads.all_types()  # a type met along a path: its class is not known here


def _path_predicates(path) -> list:
    if isinstance(path, URIRef):
        return [path]
    if isinstance(path, (SequencePath, AlternativePath)):
        return [p for arg in path.args for p in _path_predicates(arg)]
    if isinstance(path, InvPath):
        return _path_predicates(path.arg)
    if isinstance(path, MulPath):
        return _path_predicates(path.path)
    if isinstance(path, NegatedPath):
        raise Unbounded("a negated property path")
    raise Unbounded(f"a path rdflib reads as {type(path).__name__}")


_TYPE = b"<" + str(RDF.type).encode() + b">"


class FilteredNTriples:
    """An N-Triples stream (a binary file) with only the triples ``reads`` keeps, for ``Store.load``.

    A line that is not a plain triple (a comment, a blank line) is passed on as it is, for the parser to judge.
    """

    def __init__(self, stream: BinaryIO, reads: DataReads, block: int = 1 << 22) -> None:
        self.stream, self.block = stream, block
        self.predicates = {b"<" + p.encode() + b">" for p in reads.predicates}
        self.classes = None if reads.classes is None else {b"<" + c.encode() + b">" for c in reads.classes}
        self.kept = self.dropped = 0
        self._block, self._position = b"", 0

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of kept lines (fewer at the end of a block); nothing at the end of the stream."""
        if self._position >= len(self._block):
            self._block, self._position = self._next_block(), 0
        end = len(self._block) if size is None or size < 0 else self._position + size
        answer = self._block[self._position:end]
        self._position += len(answer)
        return answer

    def _next_block(self) -> bytes:
        while lines := self.stream.readlines(self.block):
            kept = [line for line in lines if self._keeps(line)]
            self.dropped += len(lines) - len(kept)
            self.kept += len(kept)
            if kept:
                return b"".join(kept)
        return b""

    def _keeps(self, line: bytes) -> bool:
        parts = line.split(None, 2)
        if len(parts) < 3 or not parts[1].startswith(b"<"):
            return True
        predicate = parts[1]
        if predicate == _TYPE:
            return self.classes is None or parts[2].rstrip().removesuffix(b".").rstrip() in self.classes
        return predicate in self.predicates
