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
from pyshacl.graph_abstraction import OxigraphDataGraph
from rdflib.plugins.sparql import prepareQuery

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
    """pyshacl's Oxigraph graph, never taken for empty.

    pyshacl tests the data graph for truth while it writes each result, which counts every quad of the store: once
    per result, so the cost of a report would grow as results times graph size.
    """

    def __bool__(self) -> bool:
        return True


def run_pyshacl(data: pyoxigraph.Store, shapes: rdflib.Graph, backend: str = DEFAULT_BACKEND,
                use_shapes: list[str] | None = None) -> tuple[bool, rdflib.Graph]:
    """Validate the default graph of ``data`` (the graph and the ontology, already merged) against ``shapes``, or
    against the node shapes named in ``use_shapes`` only.

    Returns pyshacl's ``conforms`` (false only for violations: warnings and notes are allowed) and its report graph.
    """
    if backend == "oxigraph":
        graph = _OxigraphData(data)
    elif backend == "rdflib":
        graph = _PreparedQueryGraph()
        graph.parse(data=data.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()),
                    format="nt")
    else:
        raise ValueError(f"unknown validation backend {backend!r}; use one of {', '.join(BACKENDS)}")
    # The ontology is already in the data graph (see data.data_store), so no ont_graph and no inference: in place
    # is safe, and it spares a copy of the graph.
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes, allow_warnings=True, inplace=True,
                                           use_shapes=use_shapes)
    return bool(conforms), report
