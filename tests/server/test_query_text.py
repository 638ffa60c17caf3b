"""Reading a query's form, dataset clause and SERVICE calls before the store sees it.

The SERVICE check is tested against Oxigraph itself: every IRI in these queries names a port Oxigraph refuses to
connect to (7, 9, 11…: "dedicated to an other use"), so when Oxigraph evaluates a SERVICE its error names the port
it would have called, and no connection is ever opened. Whenever Oxigraph would call a service that is not on the
allow-list, the analysis must refuse the query.
"""

from __future__ import annotations

import re

import pyoxigraph
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from ascenso_kg.server.sparql.query_text import analyse_query

ALLOWED = "http://127.0.0.1:7/allowed"
PORTS = (9, 11, 13)  # never allowed
EVALUATOR = pyoxigraph.Store()  # one triple, so that patterns beside a SERVICE match and Oxigraph evaluates it
EVALUATOR.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://e/s"), pyoxigraph.NamedNode("http://e/p"),
                              pyoxigraph.NamedNode("http://e/o")))


def called_port(query: str) -> int | None:
    """The port of the SERVICE Oxigraph tries to call when it evaluates ``query``, or None if it calls none."""
    try:
        list(EVALUATOR.query(query))
    except OSError as error:
        match = re.match(r"The port (\d+) is not allowed", str(error))
        return int(match.group(1)) if match else None
    except (SyntaxError, ValueError, RuntimeError):  # RuntimeError: SERVICE ?v with ?v unbound, nothing called
        return None
    return None


@pytest.mark.parametrize("query, form", [
    ("SELECT * { ?s ?p ?o }", "SELECT"),
    ("  # a comment\nPREFIX ex: <http://e/>\nBASE <http://b/>\nask {}", "ASK"),
    ("PREFIXex:<http://e/> CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://e/x>", "DESCRIBE"),
    ("SELECT* {}", "SELECT"),
    ("hello", None),
])
def test_query_form(query, form):
    shape = analyse_query(query)
    assert shape.form == form
    assert not shape.is_update


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e/s> <http://e/p> 1 }",
    "PREFIX ex: <http://e/> DELETE WHERE { ?s ex:p ?o }",
    "CLEAR ALL", "clear default", "DROP SILENT GRAPH <http://e/g>", "LOAD <http://e/data.ttl>",
    "CREATE GRAPH <http://e/g>", "COPY DEFAULT TO <http://e/g>", "MOVE <http://e/a> TO <http://e/b>",
    "ADD <http://e/a> TO <http://e/b>", "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_recognised(update):
    assert analyse_query(update).is_update


@pytest.mark.parametrize("query, expected", [
    ("SELECT * FROM <http://e/g> { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <http://e/g> { GRAPH ?g { ?s ?p ?o } }", True),
    ("CONSTRUCT { ?s ?p ?o } from <http://e/g> WHERE { ?s ?p ?o }", True),
    ("SELECT * { ?s ?p 'FROM <x>' } # FROM <y>", False),
    ("SELECT ?from { ?from ?p ?o }", False),
])
def test_dataset_clause(query, expected):
    assert analyse_query(query).has_dataset_clause is expected


@pytest.mark.parametrize("query", [
    "SELECT ?service { ?service a <http://e/Service> }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:service ?o . ?s ex:serviceArea ?a }",
    "SELECT * { ?s ?p 'SERVICE <http://127.0.0.1:9/> {}' }",
    'SELECT * { ?s ?p """\nSERVICE <http://127.0.0.1:9/> {}\n""" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> {}",
    "SELECT * { ?s <http://e/SERVICE> ?o }",
    "SELECT * { _:service ?p ?o }",
    "PREFIX service: <http://e/> SELECT * { ?s service:p ?o }",
])
def test_service_lookalikes_are_not_calls(query):
    assert analyse_query(query).services == ()


@pytest.mark.parametrize("query, target", [
    ("SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", "https://query.wikidata.org/sparql"),
    ("select * { service silent <https://query.wikidata.org/sparql> {} }", "https://query.wikidata.org/sparql"),
    ("PREFIX wd: <https://query.wikidata.org/> SELECT * { SERVICE wd:sparql {} }", "https://query.wikidata.org/sparql"),
    (r"SELECT * { SERVICE <https://query.wikidata.org/\u0073parql> {} }", "https://query.wikidata.org/sparql"),
])
def test_allowed_service_is_read_exactly(query, target):
    shape = analyse_query(query)
    assert [call.iri for call in shape.services] == [target]
    assert shape.refused_services(("https://query.wikidata.org/sparql",)) == []


@pytest.mark.parametrize("query", [
    # Oxigraph reads keywords without word boundaries: each of these calls the service on port 9.
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * { SERVICEex:x { ?s ?p ?o } }",
    "PREFIX : <http://127.0.0.1:9/> SELECT * { SERVICE:x { ?s ?p ?o } }",
    "SELECT * { SERVICE<http://127.0.0.1:9/x>{ ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o .SERVICE <http://127.0.0.1:9/x> {} }",
    "SELECT * { SERVICE # comment\n <http://127.0.0.1:9/x> {} }",
    r"SELECT * { SERVICE <http://127.0.0.1:\u0039/x> {} }",
    # A later declaration of the same prefix wins, even glued to its keyword.
    "PREFIX wd: <https://query.wikidata.org/sparql> PREFIXwd:<http://127.0.0.1:9/> SELECT * { SERVICE wd: {} }",
    "BASE <http://127.0.0.1:9/> SELECT * { SERVICE <x> {} }",
])
def test_disguised_services_are_refused(query):
    assert called_port(query) == 9, "the example should make Oxigraph call port 9"
    assert analyse_query(query).refused_services(("https://query.wikidata.org/sparql",))


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * { SERVICE SILENT <http://127.0.0.1:9/x> {} }",
    "SELECT * { SERVICESILENT<http://127.0.0.1:9/x> {} }",
    "SELECT * { SERVICE <relative> {} }",
])
def test_unverifiable_or_silent_services_are_refused(query):
    assert analyse_query(query).refused_services((ALLOWED,))


# Differential test: generated queries, Oxigraph as the oracle ------------------------------------------------------
def _iri(port: int) -> str:
    return f"http://127.0.0.1:{port}/"


_prefix_names = st.sampled_from(["ex", "", "service", "SERVICEex", "from", "wd"])
_namespaces = st.sampled_from([_iri(p) for p in PORTS] + [ALLOWED])
_space = st.sampled_from([" ", "", "\n", "\t", " # SERVICE <http://127.0.0.1:9/> {}\n", "#c\n"])
_keyword = st.sampled_from(["SERVICE", "service", "SeRvIcE"])
_targets = st.one_of(
    _namespaces.map(lambda ns: f"<{ns}x>"),
    _namespaces.map(lambda ns: "<" + ns.replace(":1", r":\u0031") + ">"),
    st.tuples(_prefix_names, st.sampled_from(["", "x", "a.b", r"a\-b"])).map(lambda t: f"{t[0]}:{t[1]}"),
    st.just("?v"),
)
_service_clause = st.tuples(_keyword, _space, _targets, _space).map(lambda t: "".join(t) + "{ ?s ?p ?o }")
_decoys = st.sampled_from([
    "?s ?p ?o .", "?service ?p ?o .", "?s ?p 'SERVICE <http://127.0.0.1:9/> {}' .", "?s ex:service ?o .",
    "# SERVICE <http://127.0.0.1:11/>\n", 'BIND("""SERVICE ex: {}""" AS ?z)', "FILTER(?s != <http://e/SERVICE>)",
    "{ }", "OPTIONAL {", "}", ".",
])
_declaration = st.tuples(st.sampled_from(["PREFIX ", "PREFIX", "prefix "]), _prefix_names, _space, _namespaces).map(
    lambda t: f"{t[0]}{t[1]}:{t[2]}<{t[3]}>\n")


@st.composite
def generated_queries(draw) -> str:
    prologue = "".join(draw(st.lists(_declaration, max_size=4)))
    body = draw(st.lists(st.one_of(_service_clause, _decoys), min_size=1, max_size=5))
    return prologue + "SELECT * WHERE {\n" + "\n".join(body) + "\n}"


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_queries())
def test_every_service_oxigraph_would_call_is_seen(query):
    port = called_port(query)
    if port is None or port == 7:
        return  # Oxigraph calls no service, or only the allowed one
    assert analyse_query(query).refused_services((ALLOWED,)), f"Oxigraph calls port {port} and the check missed it"


def test_the_generator_reaches_real_service_calls():
    """The differential test is only worth something if generated queries do call services."""
    query = find(generated_queries(), lambda q: called_port(q) in PORTS,
                 settings=settings(database=None, max_examples=2000))
    assert analyse_query(query).refused_services((ALLOWED,))
