"""The results writers: the JSON document written a term at a time is the one ``json.dumps`` writes of the
W3C document built as dictionaries (every kind of term, unbound variables, the truncation flag), and the one
Oxigraph writes of the same answer, byte for byte (the web process sends Oxigraph's own writing of anchored
lookups: ``answer_here.py``)."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from ascenso_kg.server.serializers import _json_term, write_json
from ascenso_kg.server.sparql.query_results import Boolean, Solutions

EX = "http://example.org/"
TERMS = [
    pyoxigraph.NamedNode(EX + "Club_Atlético_Morelia"),
    pyoxigraph.BlankNode("b0"),
    pyoxigraph.Literal("plain"),
    pyoxigraph.Literal("línea\nnueva\t\"comillas\" \\ \u2028 \x07"),
    pyoxigraph.Literal("3", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    pyoxigraph.Literal("Querétaro", language="es"),
    pyoxigraph.Literal("مرحبا", language="ar", direction=pyoxigraph.BaseDirection.RTL),
    pyoxigraph.Triple(pyoxigraph.NamedNode(EX + "s"), pyoxigraph.NamedNode(EX + "p"), pyoxigraph.Literal("o")),
]


def reference_json(outcome: Solutions) -> bytes:
    document: dict = {"head": {"vars": list(outcome.variables)}}
    if outcome.truncated:
        document["truncated"] = True
    document["results"] = {"bindings": [{name: _json_term(term) for name, term in row.items()}
                                        for row in outcome.as_dicts()]}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


@pytest.mark.parametrize("truncated", [False, True])
def test_json_results_are_the_documents_json_dumps_writes(truncated):
    rows = tuple((term, TERMS[(index + 1) % len(TERMS)], None) for index, term in enumerate(TERMS))
    outcome = Solutions(("x", "y\"name", "unbound"), rows, truncated=truncated)
    assert write_json(outcome) == reference_json(outcome)


def test_json_results_without_rows_or_variables():
    for outcome in (Solutions(("x",), ()), Solutions((), ((),))):
        assert write_json(outcome) == reference_json(outcome)


def test_json_boolean():
    assert json.loads(write_json(Boolean(True))) == {"head": {}, "boolean": True}


def _store_with(objects) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for index, term in enumerate(objects):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"{EX}s{index}"), pyoxigraph.NamedNode(EX + "p"), term))
    return store


ODD_TEXTS = ["", "\x00\x01\x08\x0b\x0c\x1f\x7f", "\b\f\n\r\t", "\"\\/", "\u2028\u2029\ufeff", "😀 ñ ü",
             "</script>", "a},{\"b\":{"]


@pytest.mark.parametrize("query", [
    "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s",
    "SELECT ?o ?missing ?s WHERE { ?s ?p ?o } ORDER BY ?s",
    "SELECT ?o WHERE { ?s ?p ?o FILTER(false) }",
    "SELECT * WHERE { }",
    "ASK { ?s ?p ?o }",
    "ASK { ?s ?p 42 }",
])
def test_json_results_are_the_bytes_oxigraph_writes(query):
    literals = [pyoxigraph.Literal(text) for text in ODD_TEXTS] + [
        pyoxigraph.Literal(text, language="es") for text in ODD_TEXTS[:3]]
    store = _store_with([term for term in TERMS if not isinstance(term, pyoxigraph.Triple)] + literals)
    result = store.query(query)
    if isinstance(result, pyoxigraph.QueryBoolean):
        outcome = Boolean(bool(result))
    else:
        outcome = Solutions(tuple(v.value for v in result.variables), tuple(map(tuple, result)))
    assert write_json(outcome) == store.query(query).serialize(format=pyoxigraph.QueryResultsFormat.JSON)


def test_a_triple_term_is_written_as_oxigraph_writes_it():
    store = _store_with([TERMS[-1]])
    result = store.query("SELECT ?o WHERE { ?s ?p ?o }")
    outcome = Solutions(("o",), tuple(map(tuple, result)))
    assert write_json(outcome) == store.query("SELECT ?o WHERE { ?s ?p ?o }").serialize(
        format=pyoxigraph.QueryResultsFormat.JSON)
