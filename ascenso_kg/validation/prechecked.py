"""Core constraints pre-checked in SPARQL: pyshacl validates only the focus nodes that may break them.

pyshacl 0.40 checks the core constraints (sh:minCount, sh:class, sh:datatype…) in Python, focus node by focus node
and value by value, converting every term from Oxigraph's to rdflib's on the way: with a hundred seasons' spans,
matches, goals and table rows, that loop was most of the validation, though nearly every node conforms.

Here a node shape whose constraints are all core constraints of the kinds below first asks the Oxigraph store, with
one SPARQL query, which of its targets have a value that might break one of them. Each condition is written to be
at least as strict as pyshacl's check (a literal is taken as well formed only if its lexical form is plainly so, a
comparison only between literals of one known datatype, ``sh:in`` by ``sameTerm``), so the nodes it finds include
every node pyshacl would report, and some it would not. pyshacl then validates those nodes, with its own loop, and
words the results as before; the others conform, as pyshacl would find. A shape with any other constraint, target
or path keeps pyshacl's way, as does the rdflib backend. ``tests/shapes/test_batched_sparql.py`` compares the
reports of both engines, result by result, on the seeds, the family set and a corpus with planted inconsistencies.

The pre-checks of a validation run are sent ahead, in a second thread (``Prefetch``), while pyshacl's loop runs.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph
import rdflib
from pyshacl.graph_abstraction import to_rdf
from pyshacl.shape import Shape
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

_state = {"queries": 0}

# Said of a shape without constraining anything.
_NOT_CONSTRAINTS = {RDF.type, RDFS.comment, RDFS.label, SH.severity, SH.message, SH.name, SH.description, SH.order,
                    SH.group}
_NODE_SHAPE_KEYS = _NOT_CONSTRAINTS | {SH.targetClass, SH.property}
_PROPERTY_KEYS = _NOT_CONSTRAINTS | {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.minInclusive,
                                     SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.lessThanOrEquals,
                                     SH.disjoint, SH["in"], SH.pattern, SH.flags, SH.nodeKind}

# When pyshacl (through rdflib) takes a literal of the datatype as well formed: its lexical form, plainly so. A form
# outside these (a leading +, an exponent) makes its node a candidate; pyshacl then decides.
_WELL_FORMED = {
    XSD.string: "true",
    XSD.integer: 'regex(str({v}), "^-?[0-9]+$")',
    XSD.decimal: 'regex(str({v}), "^-?[0-9]+([.][0-9]+)?$")',
    XSD.boolean: 'regex(str({v}), "^(true|false|1|0)$")',
    XSD.date: 'regex(str({v}), "^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$") && str(xsd:date(str({v}))) = str({v})',
}
_ORDERED = (XSD.integer, XSD.decimal, XSD.date)  # compared alike by SPARQL and by rdflib
_NODE_KINDS = {SH.IRI: "isIRI(?v)", SH.Literal: "isLiteral(?v)", SH.BlankNode: "isBlank(?v)",
               SH.BlankNodeOrIRI: "!isLiteral(?v)", SH.BlankNodeOrLiteral: "!isIRI(?v)",
               SH.IRIOrLiteral: "!isBlank(?v)"}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_PREFIXES = f"PREFIX rdf: <{RDF}>\nPREFIX rdfs: <{RDFS}>\nPREFIX xsd: <{XSD}>\n"


class _Unsupported(Exception):
    """A constraint, target or path the pre-check does not cover: the shape keeps pyshacl's way."""


def prechecked_queries() -> int:
    """How many shapes' targets have been pre-checked in this process (tests check that it happened)."""
    return _state["queries"]


Subclasses = Callable[[rdflib.URIRef], list]  # the classes below a class in the data graph (rdfs:subClassOf*)


def candidates_query(shapes: rdflib.Graph, node_shape: rdflib.term.Node, subclasses: Subclasses) -> str | None:
    """The query for the targets of ``node_shape`` that may break one of its constraints, or None where the shape has
    a constraint (or target, or path) the pre-check does not cover.

    Classes are written as ``VALUES`` of what ``subclasses`` finds in the data graph, not as ``rdfs:subClassOf*``
    paths, which Oxigraph would evaluate again for each value (a quarter of the pre-check of goals)."""
    try:
        return _candidates_query(shapes, node_shape, subclasses)
    except _Unsupported:
        return None


def _candidates_query(shapes: rdflib.Graph, node_shape, subclasses: Subclasses) -> str:
    if any(p not in _NODE_SHAPE_KEYS for p in shapes.predicates(node_shape)):
        raise _Unsupported
    classes = sorted(shapes.objects(node_shape, SH.targetClass))
    if not classes or not all(isinstance(c, rdflib.URIRef) for c in classes):
        raise _Unsupported
    # A shape that is also a class targets its instances too (an implicit target): pyshacl's way.
    if set(shapes.objects(node_shape, RDF.type)) - {SH.NodeShape}:
        raise _Unsupported
    # The targets as pyshacl finds them: instances of the classes or of their subclasses.
    target = f"VALUES ?type {{ {_kin(classes, subclasses)} }}\n?this rdf:type ?type ."
    tests = [test for prop in shapes.objects(node_shape, SH.property)
             for test in _property_tests(shapes, prop, subclasses)]
    if not tests:
        raise _Unsupported  # nothing to check: nothing gained either
    alternatives = "\n|| ".join(tests)
    # A blank node is always a candidate: its label need not survive the conversions between rdflib and Oxigraph.
    return f"{_PREFIXES}SELECT DISTINCT ?this WHERE {{\n{target}\nFILTER(isBlank(?this)\n|| {alternatives})\n}}"


def _kin(classes: list, subclasses: Subclasses) -> str:
    """The classes and their subclasses, as the terms of a VALUES clause."""
    kin = {term for c in classes for term in [c, *subclasses(c)]}
    if not all(isinstance(term, rdflib.URIRef) for term in kin):
        raise _Unsupported  # a blank node in a query is a variable, not that node
    return " ".join(term.n3() for term in sorted(kin))


def _property_tests(shapes: rdflib.Graph, prop, subclasses: Subclasses) -> list[str]:
    """Tests of a focus node ?this, each true where it may break one of the property shape's constraints."""
    found = list(shapes.predicate_objects(prop))
    if any(p not in _PROPERTY_KEYS for p, _ in found):
        raise _Unsupported
    path = _path(shapes, prop)
    conditions, tests = [], []
    for parameter, rule in found:
        if parameter == SH.minCount:
            if int(rule) > 1:  # counts of distinct rdflib terms may differ from SPARQL's (normalized literals)
                raise _Unsupported
            if int(rule) == 1:
                tests.append(f"NOT EXISTS {{ ?this {path} ?v }}")
        elif parameter == SH.maxCount:
            tests.append(_more_values_than(path, int(rule)))
        elif parameter == SH["class"]:
            conditions.append(f"isLiteral(?v) || NOT EXISTS {{ VALUES ?valueType {{ {_kin([_iri_term(rule)], subclasses)} }} "
                              "?v rdf:type ?valueType }")
        elif parameter == SH.datatype:
            conditions.append(_not_of_datatype(rule))
        elif parameter in _COMPARISONS:
            if not isinstance(rule, rdflib.Literal) or rule.datatype not in _ORDERED:
                raise _Unsupported
            conditions.append(f"!COALESCE({_comparable('?v', rule.datatype)} "
                              f"&& ?v {_COMPARISONS[parameter]} {rule.n3()}, false)")
        elif parameter == SH.lessThanOrEquals:
            kinds = " || ".join(f"(datatype(?v) = {d.n3()} && datatype(?w) = {d.n3()} && {_well_formed('?v', d)} "
                                f"&& {_well_formed('?w', d)})" for d in _ORDERED)
            tests.append(f"EXISTS {{ ?this {path} ?v . ?this {_iri(rule)} ?w . FILTER(!COALESCE(isLiteral(?v) "
                         f"&& isLiteral(?w) && ({kinds}) && ?v <= ?w, false)) }}")
        elif parameter == SH.disjoint:
            tests.append(f"EXISTS {{ ?this {path} ?v . ?this {_iri(rule)} ?v }}")
        elif parameter == SH["in"]:
            members = list(Collection(shapes, rule))
            if not all(isinstance(member, (rdflib.URIRef, rdflib.Literal)) for member in members):
                raise _Unsupported  # a blank node in a query is a variable, not that node
            same = " || ".join(f"sameTerm(?v, {member.n3()})" for member in members) or "false"
            # pyshacl on Oxigraph never matches a plain string in sh:in: any string value is a candidate.
            conditions.append(f"!({same}) || (isLiteral(?v) && datatype(?v) = xsd:string)")
        elif parameter == SH.pattern:
            flags = shapes.value(prop, SH.flags)
            if flags is not None and not str(flags).isalpha():
                raise _Unsupported
            flags_text = f", {_string(str(flags))}" if flags is not None else ""
            conditions.append(f"isBlank(?v) || !COALESCE(regex(str(?v), {_string(str(rule))}{flags_text}), false)")
        elif parameter == SH.nodeKind:
            if rule not in _NODE_KINDS:
                raise _Unsupported
            conditions.append(f"!({_NODE_KINDS[rule]})")
    if conditions:
        tests.append(f"EXISTS {{ ?this {path} ?v FILTER({' || '.join(f'({c})' for c in conditions)}) }}")
    return tests


def _more_values_than(path: str, count: int) -> str:
    """?this has more than ``count`` distinct values on the path."""
    if count > 3:
        raise _Unsupported  # a pattern per value: fine for the few, not for many
    values = [f"?v{i}" for i in range(count + 1)]
    distinct = " && ".join(f"!sameTerm({a}, {b})" for i, a in enumerate(values) for b in values[i + 1:]) or "true"
    return f"EXISTS {{ {' . '.join(f'?this {path} {v}' for v in values)} FILTER({distinct}) }}"


def _path(shapes: rdflib.Graph, prop) -> str:
    path = shapes.value(prop, SH.path)
    if isinstance(path, rdflib.URIRef):
        return path.n3()
    inverse = shapes.value(path, SH.inversePath) if isinstance(path, rdflib.BNode) else None
    if isinstance(inverse, rdflib.URIRef) and len(list(shapes.predicate_objects(path))) == 1:
        return "^" + inverse.n3()
    raise _Unsupported


def _iri(term) -> str:
    return _iri_term(term).n3()


def _iri_term(term) -> rdflib.URIRef:
    if not isinstance(term, rdflib.URIRef):
        raise _Unsupported
    return term


def _string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _well_formed(var: str, datatype) -> str:
    return "(" + _WELL_FORMED[datatype].format(v=var) + ")"


def _comparable(var: str, datatype) -> str:
    """The value is a well-formed literal rdflib compares with one of ``datatype`` as SPARQL does (numbers with
    numbers, dates with dates)."""
    kin = (XSD.integer, XSD.decimal) if datatype in (XSD.integer, XSD.decimal) else (datatype,)
    return "(" + " || ".join(f"(datatype({var}) = {d.n3()} && {_well_formed(var, d)})" for d in kin) + ")"


def _not_of_datatype(datatype) -> str:
    if datatype == RDF.langString:
        return '!isLiteral(?v) || lang(?v) = ""'
    if datatype not in _WELL_FORMED:
        raise _Unsupported  # rdflib may find a literal of it ill-typed in ways not written here
    return f"!isLiteral(?v) || datatype(?v) != {datatype.n3()} || !COALESCE({_well_formed('?v', datatype)}, false)"


class Prefetch:
    """The pre-check's queries of one validation run, sent ahead in a thread of their own.

    The pre-check is Oxigraph's work (half of a hundred seasons' validation), and pyoxigraph lets go of the GIL while
    it evaluates; so is most of what pyshacl's loop does meanwhile in the calling thread (the SPARQL constraints). The
    thread evaluates the pre-checks one after the other on the second core; a pre-check the loop needs before the
    thread has begun it is taken back and run by the loop itself, so neither waits for work the other has not begun.
    The candidates are the same whichever thread finds them.
    """

    def __init__(self, store: pyoxigraph.Store, shapes: rdflib.Graph, only: list[str] | None = None):
        """Pre-check the node shapes of ``shapes`` (those named in ``only``, if given) on ``store``."""
        self._store = store
        self._subclasses_of: dict[rdflib.URIRef, list] = {}
        targeted = sorted(set(shapes.subjects(SH.targetClass, None)))
        if only is not None:
            named = set(only)
            targeted = [shape for shape in targeted if str(shape) in named]
        queries = {node: candidates_query(shapes, node, self.subclasses) for node in targeted}
        self._queries = {node: query for node, query in queries.items() if query is not None}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ascenso-kg-precheck")
        self._found = {node: self._pool.submit(self._candidates, query) for node, query in self._queries.items()}

    def candidates(self, node_shape) -> set | None:
        """The targets of ``node_shape`` that may break a constraint; None where the shape is not pre-checked."""
        found = self._found.get(node_shape)
        if found is None:
            return None
        if found.cancel():  # not begun: this thread runs it
            return self._candidates(self._queries[node_shape])
        return found.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _candidates(self, query: str) -> set:
        return {to_rdf(row["this"]) for row in self._store.query(query)}

    def subclasses(self, of: rdflib.URIRef) -> list:
        """The classes below ``of`` in the data graph (``rdfs:subClassOf*``), read once: where pyshacl looks for the
        instances of a class. Oxigraph gives ``of`` itself only where the graph names it; the queries add it anyway."""
        if of not in self._subclasses_of:
            query = f"SELECT DISTINCT ?class WHERE {{ ?class <{RDFS.subClassOf}>* {of.n3()} }}"
            self._subclasses_of[of] = [to_rdf(row["class"]) for row in self._store.query(query)]
        return self._subclasses_of[of]


def _focus_nodes(self: Shape, data_graph, debug=False):
    """pyshacl's ``Shape.focus_nodes``, without the nodes the pre-check finds conforming; where it finds none, without
    resolving the targets at all (a term converted for each of tens of thousands of spans, for nothing). The pre-check
    runs where ``engine.run_pyshacl`` gave the data graph a ``Prefetch``: the batched engine on Oxigraph."""
    prefetch = getattr(data_graph, "prefetch", None)
    candidates = None if prefetch is None or self.is_property_shape else prefetch.candidates(self.node)
    if candidates is None:
        return _pyshacl_focus_nodes(self, data_graph, debug=debug)
    _state["queries"] += 1
    if not candidates:
        return set()
    return _pyshacl_focus_nodes(self, data_graph, debug=debug) & candidates


_pyshacl_focus_nodes = Shape.focus_nodes
Shape.focus_nodes = _focus_nodes
