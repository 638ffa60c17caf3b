"""gunicorn serving the real build on loopback, queried by real clients: SPARQLWrapper, rdflib's SPARQLStore, and
raw HTTP. Answers are parsed, never compared as bytes."""

from __future__ import annotations

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from tests.server.sparql_answers import parse_results

AKG = "https://w3id.org/ascenso-kg/ontology#"
NECAXA = "https://w3id.org/ascenso-kg/resource/club/necaxa"
CLUBS = f"PREFIX akg: <{AKG}> SELECT DISTINCT ?club WHERE {{ ?club a akg:Club }} ORDER BY ?club"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(10)) + " }"


def wrapper(live_server: str, query: str, return_format) -> SPARQLWrapper:
    sparql = SPARQLWrapper(live_server + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(return_format)
    return sparql


def test_sparqlwrapper_select_as_json(live_server):
    document = wrapper(live_server, CLUBS, JSON).queryAndConvert()
    clubs = [b["club"]["value"] for b in document["results"]["bindings"]]
    assert NECAXA in clubs and len(clubs) == len(set(clubs)) > 20


def test_sparqlwrapper_select_as_xml_and_csv_by_post(live_server):
    xml = wrapper(live_server, CLUBS, XML)
    xml.setMethod(POST)
    document = xml.queryAndConvert()  # an xml.dom Document
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    csv = wrapper(live_server, CLUBS, CSV)
    csv.setMethod(POST)
    lines = csv.queryAndConvert().decode().splitlines()
    assert lines[0] == "club"
    assert lines[1:] == uris


def test_sparqlwrapper_ask_and_construct(live_server):
    ask = wrapper(live_server, f"ASK {{ <{NECAXA}> a <{AKG}Club> }}", JSON)
    assert ask.queryAndConvert()["boolean"] is True
    construct = wrapper(live_server, f"CONSTRUCT WHERE {{ <{NECAXA}> ?p ?o }}", TURTLE)
    graph = Graph().parse(data=construct.queryAndConvert(), format="turtle")
    assert (URIRef(NECAXA), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Necaxa")) in graph


def test_rdflib_sparqlstore_reads_the_endpoint(live_server):
    graph = Graph(store=SPARQLStore(live_server + "/sparql", returnFormat="json"))
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    rows = list(graph.query(f"SELECT ?label WHERE {{ <{NECAXA}> <{label}> ?label }}"))
    assert {str(row.label) for row in rows} == {"Necaxa"}
    assert (URIRef(NECAXA), None, None) in graph  # triples() runs its own CONSTRUCT-like query


def raw(live_server: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    parts = urlsplit(live_server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_raw_http_direct_post_with_cors_and_vary(live_server):
    status, headers, body = raw(live_server, "POST", "/sparql", CLUBS.encode(),
                                {"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values",
                                 "Origin": "https://example.org"})
    assert status == 200
    assert headers["content-type"].startswith("text/tab-separated-values")
    assert headers["access-control-allow-origin"] == "*"
    assert "Accept" in headers["vary"]
    assert len(parse_results(headers["content-type"], body)) > 20


def test_raw_http_errors_are_short_plain_messages(live_server):
    status, headers, body = raw(live_server, "GET", "/sparql?" + urlencode({"query": "SELECT * {"}))
    assert status == 400 and body.startswith(b"Syntax error in the query")
    status, _, _ = raw(live_server, "POST", "/sparql", b"x" * 400_000, {"Content-Type": "application/sparql-query"})
    assert status == 413
    status, _, body = raw(live_server, "POST", "/sparql", b"update=CLEAR+ALL",
                          {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and b"read-only" in body


def test_raw_http_dump_download_is_conditional(live_server):
    status, headers, body = raw(live_server, "GET", "/dumps/ascenso-kg.nq.gz")
    assert status == 200 and int(headers["content-length"]) == len(body)
    status, _, body = raw(live_server, "GET", "/dumps/ascenso-kg.nq.gz", headers={"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""
    status, head_headers, body = raw(live_server, "HEAD", "/dumps/ascenso-kg.nq.gz")
    assert status == 200 and body == b"" and head_headers["etag"] == headers["etag"]


def test_a_runaway_query_does_not_hold_up_the_others(live_server):
    finished = []

    def query(name, text):
        status, _, _ = raw(live_server, "GET", "/sparql?" + urlencode({"query": text}))
        finished.append((name, status))

    runaway = threading.Thread(target=query, args=("runaway", RUNAWAY))
    runaway.start()
    time.sleep(0.3)  # let it reach a worker first
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: query("quick", CLUBS), range(12)))
    runaway.join()
    assert finished[:-1] == [("quick", 200)] * 12
    assert finished[-1] == ("runaway", 504)
