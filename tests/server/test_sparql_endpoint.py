"""/sparql through the Flask test client: formats, dataset, errors, updates, federation, limits.

The small release holds two article graphs (see conftest.SMALL_ARTICLES) and the ontology graph.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pyoxigraph
import pytest

from tests.server.sparql_answers import parse_rdf, parse_results, values

AKG = "https://w3id.org/ascenso-kg/ontology#"
RES = "https://w3id.org/ascenso-kg/resource/"
PREFIXES = f"PREFIX akg: <{AKG}> PREFIX res: <{RES}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
CLUBS = PREFIXES + "SELECT DISTINCT ?club WHERE { ?club a akg:Club } ORDER BY ?club"
CLUB_IRIS = [RES + "club/delfines", RES + "club/necaxa", RES + "club/neza"]
MATCH_GRAPH = PREFIXES + "CONSTRUCT { ?m ?p ?o } WHERE { ?m a akg:Match ; ?p ?o }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def get(client, query: str, accept: str | None = None, **params):
    headers = {"Accept": accept} if accept else {}
    return client.get("/sparql", query_string={"query": query, **params}, headers=headers)


def triple_count(client) -> int:
    response = get(client, COUNT_ALL, "application/sparql-results+json")
    return int(parse_results(response.content_type, response.data)[0]["n"].value)


# Result formats ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_select_in_every_results_format(client, accept):
    response = get(client, CLUBS, accept)
    assert response.status_code == 200
    assert response.mimetype == accept
    assert values(parse_results(response.content_type, response.data), "club") == CLUB_IRIS


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_in_json_and_xml(client, accept):
    response = get(client, PREFIXES + "ASK { res:club\\/neza a akg:Club }", accept)
    assert response.mimetype == accept
    assert bool(parse_results(response.content_type, response.data)) is True


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/ld+json",
                                    "application/rdf+xml", "application/trig", "application/n-quads"])
def test_construct_in_every_rdf_format(client, accept):
    response = get(client, MATCH_GRAPH, accept)
    assert response.status_code == 200
    assert response.mimetype == accept
    triples = parse_rdf(response.content_type, response.data)
    match = pyoxigraph.NamedNode(RES + "match/2013-05-08-neza-necaxa")
    assert len(triples) == 5
    assert pyoxigraph.Triple(match, pyoxigraph.NamedNode(AKG + "homeScore"),
                             pyoxigraph.Literal("3", datatype=pyoxigraph.NamedNode(
                                 "http://www.w3.org/2001/XMLSchema#integer"))) in triples


def test_describe_answers_rdf(client):
    response = get(client, PREFIXES + "DESCRIBE res:club\\/necaxa", "text/turtle")
    triples = parse_rdf(response.content_type, response.data)
    assert {t.subject.value for t in triples} == {RES + "club/necaxa"}


def test_literals_keep_language_and_datatype_in_json(client):
    response = get(client, PREFIXES + "SELECT ?label { res:club\\/neza rdfs:label ?label }")
    document = json.loads(response.data)
    labels = {b["label"].get("xml:lang"): b["label"]["value"] for b in document["results"]["bindings"]}
    assert labels == {"es": "Neza", "en": '<b>Toros</b> & "Neza"'}


def test_format_parameter_overrides_accept(client):
    response = get(client, CLUBS, "text/html", format="csv")
    assert response.mimetype == "text/csv"
    assert response.data.decode().splitlines()[0] == "club"


def test_unacceptable_accept_is_406_and_unknown_format_400(client):
    assert get(client, CLUBS, "image/png").status_code == 406
    assert get(client, CLUBS, format="ttl").status_code == 400
    assert get(client, PREFIXES + "ASK {}", "text/csv").status_code == 406


def test_responses_vary_on_accept_and_allow_cors(client):
    response = get(client, CLUBS)
    assert "Accept" in response.headers["Vary"]
    cors = client.get("/sparql", query_string={"query": CLUBS}, headers={"Origin": "https://example.org"})
    assert cors.headers["Access-Control-Allow-Origin"] == "*"
    assert "Results-Truncated" in cors.headers["Access-Control-Expose-Headers"]
    preflight = client.options("/sparql", headers={"Origin": "https://example.org",
                                                   "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


# The HTML table --------------------------------------------------------------------------------------------------
class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.in_cell, self.tags_in_cells = [], False, []

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self.in_cell = True
            self.cells.append("")
        elif self.in_cell:
            self.tags_in_cells.append(tag)

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_cell = False

    def handle_data(self, data):
        if self.in_cell:
            self.cells[-1] += data


def test_html_table_escapes_what_it_shows(client):
    response = get(client, PREFIXES + "SELECT ?label { res:club\\/neza rdfs:label ?label }",
                   "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<b>Toros</b>" not in page
    parser = _Cells()
    parser.feed(page)
    assert any('<b>Toros</b> & "Neza"' in cell for cell in parser.cells)
    assert "b" not in parser.tags_in_cells  # the label's markup is text, not an element


def test_html_table_links_iris_as_prefixed_names_to_their_pages_on_this_site(client):
    page = get(client, CLUBS, "text/html").get_data(as_text=True)
    assert 'href="/resource/club/necaxa"' in page and f'title="{RES}club/necaxa"' in page
    assert f'href="{RES}' not in page
    assert ">club:necaxa<" in page


# Dataset: union default graph, FROM, protocol graphs ---------------------------------------------------------------
def test_default_graph_is_the_union_of_the_named_graphs(client):
    response = get(client, PREFIXES + "SELECT ?club { ?change akg:newClub ?club . ?other a akg:Match }")
    assert values(parse_results(response.content_type, response.data), "club") == [RES + "club/delfines"]


def test_from_clause_is_honoured_not_overridden_by_the_union(client):
    query = PREFIXES + ("SELECT DISTINCT ?club FROM <https://w3id.org/ascenso-kg/graph/article/2013-14-test-season> "
                        "WHERE { ?club a akg:Club } ORDER BY ?club")
    response = get(client, query)
    assert values(parse_results(response.content_type, response.data), "club") == [RES + "club/delfines",
                                                                                 RES + "club/necaxa"]


def test_protocol_default_graph_uri_selects_the_graph(client):
    graph = "https://w3id.org/ascenso-kg/graph/article/2012-13-test-season"
    response = get(client, CLUBS, **{"default-graph-uri": graph})
    assert values(parse_results(response.content_type, response.data), "club") == [RES + "club/necaxa",
                                                                                 RES + "club/neza"]


def test_invalid_graph_iri_is_a_client_error(client):
    response = get(client, CLUBS, **{"default-graph-uri": "not an iri"})
    assert response.status_code == 400


# Errors ---------------------------------------------------------------------------------------------------------
def test_syntax_error_is_400_with_line_column_and_caret(client):
    response = get(client, "SELECT * WHERE { ?s ?p ?o }\nLIMIT ten")
    assert response.status_code == 400
    message = response.get_data(as_text=True)
    assert message.startswith("Syntax error in the query at line 2, column 7 (at 'ten'): expected a digit")
    assert message.endswith("  LIMIT ten\n" + " " * 8 + "^^^\n")
    assert "..=" not in message  # no character ranges of the grammar


def test_post_without_query_is_400(client):
    response = client.post("/sparql", data={"format": "json"})
    assert response.status_code == 400


@pytest.mark.parametrize("send", [
    lambda c: c.get("/sparql", query_string={"query": "INSERT DATA { <http://e/s> <http://e/p> 1 }"}),
    lambda c: c.post("/sparql", data={"query": "CLEAR ALL"}),
    lambda c: c.post("/sparql", data={"update": "DROP ALL"}),
    lambda c: c.get("/sparql", query_string={"update": "LOAD <http://e/x>"}),
    lambda c: c.post("/sparql", data="DELETE WHERE { ?s ?p ?o }", content_type="application/sparql-update"),
    lambda c: c.post("/sparql", data="CREATE GRAPH <http://e/g>", content_type="application/sparql-query"),
], ids=["get-insert", "form-clear", "form-update-drop", "get-update-load", "direct-update", "direct-create"])
def test_updates_are_refused_and_the_store_is_unchanged(client, send):
    before = triple_count(client)
    response = send(client)
    assert response.status_code == 403
    assert "read-only" in response.get_data(as_text=True)
    assert triple_count(client) == before


@pytest.mark.parametrize("path", ["/void", "/dumps", "/", "/dumps/ascenso-kg.ttl"])
def test_other_routes_refuse_writes(client, path):
    assert client.post(path, data={"update": "CLEAR ALL"}).status_code == 405
    assert client.put(path, data="x").status_code == 405


def test_request_body_over_the_limit_is_413(client):
    response = client.post("/sparql", data="SELECT * {}" + " " * 70_000, content_type="application/sparql-query")
    assert response.status_code == 413


def test_query_over_the_length_limit_is_413(client):
    response = get(client, "SELECT * {} #" + "x" * 25_000)
    assert response.status_code == 413


def test_unexpected_failure_is_500_without_trace_or_path(small_app, monkeypatch):
    store = small_app.extensions["ascenso_kg.store"]

    def fail(job):
        raise RuntimeError("/secret/location/of/the/store is broken")

    monkeypatch.setattr(store, "run", fail)
    # A query no other test asks: an answer kept by the answer cache would never reach the store.
    response = small_app.test_client().get("/sparql", query_string={"query": CLUBS + " # the store fails"})
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "/secret" not in body and "Traceback" not in body


def test_unopenable_store_is_503_without_its_path(make_app, small_out, tmp_path):
    broken = tmp_path / "broken"
    (broken / "releases" / "r1" / "store").mkdir(parents=True)
    (broken / "releases" / "r1" / "store" / "CURRENT").write_text("garbage")
    (broken / "releases" / "r1" / "manifest.json").write_text("{}")
    (broken / "current").symlink_to("releases/r1")
    response = make_app(broken).test_client().get("/sparql", query_string={"query": CLUBS})
    assert response.status_code == 503
    assert str(tmp_path) not in response.get_data(as_text=True)
