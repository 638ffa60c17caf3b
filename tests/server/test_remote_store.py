"""The remote back-end: the same endpoint with a SPARQL 1.1 server as its store (``oxigraph serve-read-only`` here,
started on loopback by a fixture); answers must match the embedded store's."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.server.sparql_answers import parse_rdf, parse_results

PREFIXES = ("PREFIX akg: <https://w3id.org/ascenso-kg/ontology#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
SAME_ANSWER = [
    PREFIXES + "SELECT DISTINCT ?club ?label WHERE { ?club a akg:Club ; rdfs:label ?label } ORDER BY ?club",
    # ORDER BY: without it the order is the engine's, which differs between the store on disk and a memory copy
    PREFIXES + "SELECT ?round (COUNT(DISTINCT ?tie) AS ?ties) WHERE { ?tie akg:round ?round } GROUP BY ?round "
               "ORDER BY ?round",
    PREFIXES + "ASK { ?m a akg:Match ; akg:homeScore 5 }",
    PREFIXES + "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a akg:Stadium ; rdfs:label ?l }",
    PREFIXES + "DESCRIBE <https://w3id.org/ascenso-kg/resource/club/necaxa>",
]


@pytest.fixture(scope="module")
def remote_client(make_app, built, oxigraph_server):
    return make_app(built, STORE_BACKEND="remote", REMOTE_ENDPOINT=oxigraph_server).test_client()


def answer(client, query: str, **params):
    response = client.get("/sparql", query_string={"query": query, **params})
    assert response.status_code == 200, response.get_data(as_text=True)
    if response.mimetype == "text/turtle":
        return parse_rdf(response.content_type, response.data)
    result = parse_results(response.content_type, response.data)
    return result if isinstance(result, list) else bool(result)


@pytest.mark.parametrize("query", SAME_ANSWER)
def test_remote_and_embedded_stores_answer_alike(remote_client, real_client, query):
    remote = answer(remote_client, query)
    embedded = answer(real_client, query)
    assert remote == embedded
    assert remote  # an empty answer on both sides would prove nothing


def test_protocol_dataset_is_passed_on(remote_client, built):
    graph = "https://w3id.org/ascenso-kg/graph/ontology"
    rows = answer(remote_client, PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s a akg:Match }",
                  **{"default-graph-uri": graph})
    assert rows[0]["n"].value == "0"  # no matches in the ontology graph


def test_remote_syntax_error_is_400_with_its_message(remote_client):
    response = remote_client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "error" in response.get_data(as_text=True).lower()


def test_updates_and_services_never_reach_the_remote_store(remote_client):
    assert remote_client.post("/sparql", data={"update": "CLEAR ALL"}).status_code == 403
    assert remote_client.get("/sparql", query_string={"query": "DROP ALL"}).status_code == 403
    service = "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    assert remote_client.get("/sparql", query_string={"query": service}).status_code == 403
    assert answer(remote_client, "ASK { ?s ?p ?o }") is True


def test_row_cap_applies_to_remote_answers(make_app, built, oxigraph_server):
    client = make_app(built, STORE_BACKEND="remote", REMOTE_ENDPOINT=oxigraph_server, ROW_LIMIT=4).test_client()
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert response.headers["Results-Truncated"] == "true"
    assert len(parse_results(response.content_type, response.data)) == 4


def test_void_statistics_through_the_remote_store(remote_client, real_client):
    remote = remote_client.get("/void", headers={"Accept": "application/n-triples"})
    embedded = real_client.get("/void", headers={"Accept": "application/n-triples"})
    count = "http://rdfs.org/ns/void#triples"
    assert [t for t in parse_rdf(remote.content_type, remote.data) if t.predicate.value == count] != []
    assert len(parse_rdf(remote.content_type, remote.data)) == len(parse_rdf(embedded.content_type, embedded.data))


@pytest.fixture
def silent_server():
    """A loopback server that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    held, stop = [], threading.Event()

    def hold():
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    sock.close()


def test_silent_remote_store_times_out_with_504(make_app, built, silent_server):
    client = make_app(built, STORE_BACKEND="remote", REMOTE_ENDPOINT=silent_server,
                      QUERY_TIMEOUT=1.0).test_client()
    response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert response.status_code == 504


def test_unreachable_remote_store_is_502(make_app, built):
    with socket.socket() as sock:  # a port that was free a moment ago and is closed now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = make_app(built, STORE_BACKEND="remote", REMOTE_ENDPOINT=f"http://127.0.0.1:{port}/sparql").test_client()
    response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert response.status_code == 502
    assert "cannot be reached" in response.get_data(as_text=True)
