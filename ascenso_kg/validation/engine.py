"""Run pyshacl on a data graph, on one of two backends.

pyshacl 0.40.1 validates an rdflib graph or a pyoxigraph store. The backends give the same results on our shapes
(tests/shapes/test_backends.py checks it on the four articles), with one known exception that the shapes avoid:
on Oxigraph, ``sh:in`` and ``sh:hasValue`` never match a plain string literal. Oxigraph is the default because it
runs the SPARQL constraints several times faster.
"""

from __future__ import annotations

import functools

import pyoxigraph
import pyshacl
import rdflib
from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent
from pyshacl.graph_abstraction import OxigraphDataGraph, to_ox, to_rdf
from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib.plugins.sparql import prepareQuery

from . import batched, prechecked  # SPARQL constraints once per shape, core ones pre-checked

BACKENDS = ("oxigraph", "rdflib")
DEFAULT_BACKEND = "oxigraph"


@functools.lru_cache(maxsize=None)
def _prepared(query: str):
    return prepareQuery(query)


class _PreparedQueryGraph(rdflib.Graph):
    """An rdflib graph that parses each distinct query text once.

    pyshacl sends a SPARQL constraint's text once per focus node; rdflib would parse it every time, which costs more
    than running it (tens of milliseconds for the larger constraints).
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


class _OxigraphData(OxigraphDataGraph):
    """pyshacl's Oxigraph graph, never taken for empty, and converting each term once.

    pyshacl tests the data graph for truth while it writes each result, which counts every quad of the store: once
    per result, so the cost of a report would grow as results times graph size.

    pyshacl reads the value nodes of every property shape with ``objects(focus, path)``, converting the focus node
    to Oxigraph's terms and each value back to rdflib's: over half of the core constraints' time, building the same
    IRIs and literals (clubs, minutes, dates) again and again. The terms are immutable, so each conversion is kept
    (in a bounded cache) and reused; the values read are those of pyshacl's own method.
    """

    def __bool__(self) -> bool:
        return True

    def objects(self, subject, predicate, unique: bool = False):
        if isinstance(subject, (list, tuple)) or self.locked_context is not None:
            yield from super().objects(subject, predicate, unique=unique)
            return
        graph = None if self._default_union else _DEFAULT_GRAPH  # as pyshacl reads it
        for _, _, value, _ in self.impl.quads_for_pattern(_to_ox(subject), _to_ox(predicate), None, graph):
            yield _to_rdf(value)


_DEFAULT_GRAPH = pyoxigraph.DefaultGraph()
_to_ox = functools.lru_cache(maxsize=2**18)(to_ox)
_to_rdf = functools.lru_cache(maxsize=2**18)(to_rdf)


def _evaluate_property_shape_once(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                                  _evaluation_path):
    """pyshacl's ``PropertyConstraintComponent._evaluate_property_shape``, validating the property shape once for all
    value nodes instead of once per value node.

    pyshacl 0.40 calls ``Shape.validate`` for each focus node of a node shape, and each call builds the property
    shape's constraint components afresh: a cost per focus node that was most of the validation of a hundred seasons.
    One call with every value node gives the same results (``Shape.validate`` reports per focus node); where a value
    node repeats (a nested property shape whose focus nodes share a value), pyshacl's own loop runs, so each repeat
    is still reported.
    """
    value_nodes = [v for nodes in focus_value_nodes.values() for v in nodes]
    found = self.shape.get_other_shape(prop_shape)
    if (len(value_nodes) < 2 or len(set(value_nodes)) != len(value_nodes) or not found
            or not found.is_property_shape or (potentially_recursive and found in potentially_recursive)):
        return _pyshacl_evaluate_property_shape(self, executor, prop_shape, target_graph, focus_value_nodes,
                                                potentially_recursive, _evaluation_path)
    conforms, reports = found.validate(executor, target_graph, focus=value_nodes, _evaluation_path=_evaluation_path[:])
    return not conforms, reports


_pyshacl_evaluate_property_shape = PropertyConstraintComponent._evaluate_property_shape
PropertyConstraintComponent._evaluate_property_shape = _evaluate_property_shape_once


_checked_sparql: set[tuple] = set()


def _check_invalid_sparql_once(self, sparql_text, valuenode=None, extravars=None):
    """pyshacl's ``SPARQLQueryHelper.check_invalid_sparql``, run once per distinct query text.

    pyshacl checks a SPARQL constraint's text (no MINUS, VALUES or SERVICE; nested SELECTs project the pre-bound
    variables) with regular expressions before every run, once per focus node: over half the time of the SPARQL
    constraints. The check depends only on the text and on which variables may be pre-bound, so a text that passed
    once passes again; a text that fails raises every time, as before.
    """
    key = (sparql_text, valuenode is not None, tuple(sorted(extravars or ())))
    if key not in _checked_sparql:
        _pyshacl_check_invalid_sparql(self, sparql_text, valuenode=valuenode, extravars=extravars)
        _checked_sparql.add(key)
    return True


_pyshacl_check_invalid_sparql = SPARQLQueryHelper.check_invalid_sparql
SPARQLQueryHelper.check_invalid_sparql = _check_invalid_sparql_once


def run_pyshacl(data: pyoxigraph.Store, shapes: rdflib.Graph, backend: str = DEFAULT_BACKEND,
                use_shapes: list[str] | None = None) -> tuple[bool, rdflib.Graph]:
    """Validate the default graph of ``data`` (the graph and the ontology, already merged) against ``shapes``, or
    against the node shapes named in ``use_shapes`` only.

    Returns pyshacl's ``conforms`` (false only for violations: warnings and notes are allowed) and its report graph.
    """
    prefetch = None
    if backend == "oxigraph":
        graph = _OxigraphData(data)
        if batched.batching():
            graph.prefetch = prefetch = prechecked.Prefetch(data, shapes, use_shapes)
    elif backend == "rdflib":
        graph = _PreparedQueryGraph()
        graph.parse(data=data.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()),
                    format="nt")
    else:
        raise ValueError(f"unknown validation backend {backend!r}; use one of {', '.join(BACKENDS)}")
    # The ontology is already in the data graph (see data.data_store), so no ont_graph and no inference: in place
    # is safe, and it spares a copy of the graph.
    try:
        conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes, allow_warnings=True, inplace=True,
                                               use_shapes=use_shapes)
    finally:
        if prefetch is not None:
            prefetch.close()
    return bool(conforms), report
