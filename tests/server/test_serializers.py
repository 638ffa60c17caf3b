"""The results writers: the JSON document written a term at a time is the one ``json.dumps`` writes of the
W3C document built as dictionaries (every kind of term, unbound variables, the truncation flag)."""

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
    return json.dumps(document, ensure_ascii=False).encode()


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
