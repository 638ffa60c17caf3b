"""The remote store over Virtuoso answers as the embedded store does, and ``publish virtuoso`` fails clearly."""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from tests.server.sparql_answers import parse_results
from tests.server.test_remote_store import PREFIXES, SAME_ANSWER, answer

from tests.server.live_servers import free_port

from ascenso_kg.cli import main
from ascenso_kg.virtuoso import UNION_GRAPH

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("query", [q for q in SAME_ANSWER if "DESCRIBE" not in q])
def test_virtuoso_and_embedded_stores_answer_alike(virtuoso_client, real_client, query):
    remote, embedded = answer(virtuoso_client, query), answer(real_client, query)
    if isinstance(remote, list) and "ORDER BY" not in query:  # no order asked for: engines may differ in it
        remote, embedded = sorted(remote, key=repr), sorted(embedded, key=repr)
    assert remote == embedded
    assert remote


def test_default_graph_is_the_union_as_a_set(virtuoso_client, real_client):
    """Virtuoso's own default graph counts a triple once per graph holding it; the app's counts it once."""
    query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert answer(virtuoso_client, query) == answer(real_client, query)


def test_named_graphs_are_the_release_graphs_only(virtuoso_client, real_client):
    """Neither Virtuoso's own graphs nor the union graph show as named graphs."""
    query = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    assert answer(virtuoso_client, query) == answer(real_client, query)


def test_protocol_dataset_is_passed_on(virtuoso_client):
    graph = "https://w3id.org/ascenso-kg/graph/ontology"
    rows = answer(virtuoso_client, PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s a akg:Match }",
                  **{"default-graph-uri": graph})
    assert rows[0]["n"].value == "0"


def test_syntax_error_is_400_with_virtuosos_message(virtuoso_client):
    response = virtuoso_client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "error" in response.get_data(as_text=True).lower()


def test_row_cap_applies(make_virtuoso_app, built, virtuoso_real):
    client = make_virtuoso_app(built, virtuoso_real, ROW_LIMIT=4).test_client()
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert response.headers["Results-Truncated"] == "true"
    assert len(parse_results(response.content_type, response.data)) == 4


def test_describe_gives_at_least_the_embedded_description(virtuoso_client, real_client):
    """Virtuoso's DESCRIBE adds the triples pointing at the resource; the embedded store gives its own ones."""
    query = next(q for q in SAME_ANSWER if "DESCRIBE" in q)
    remote, embedded = answer(virtuoso_client, query), answer(real_client, query)
    assert embedded and embedded <= remote


def test_publish_without_a_release_says_what_is_missing(tmp_path, capsys):
    assert main(["publish", "virtuoso", "--out", str(tmp_path), "--isql", "127.0.0.1:1"]) == 1
    assert "run `ascenso-kg build` first" in capsys.readouterr().err


def test_the_release_graphs_come_from_the_manifest_without_asking_the_store(make_app, built):
    """Virtuoso takes half a minute to list its graphs (GRAPH ?g { ?s ?p ?o }), so the first query through the app
    timed out: the remote store takes them from the release's manifest. Its endpoint here answers nothing at all."""
    app = make_app(built, STORE_BACKEND="remote", REMOTE_ENDPOINT=f"http://127.0.0.1:{free_port()}/sparql",
                   REMOTE_UNION_GRAPH=UNION_GRAPH)
    manifest = json.loads(((built / "current").resolve() / "manifest.json").read_text())
    graphs = app.extensions["ascenso_kg.store"]._release_graphs()
    assert graphs == tuple(sorted(manifest["graphs"])) and len(graphs) > 5


def test_an_answer_with_a_header_per_named_graph_is_read(make_app, built):
    """Virtuoso sends back one X-SPARQL-named-graph header per named graph of the request: a release of a hundred
    seasons has over a hundred graphs, and Python's HTTP client refused such an answer (every query failed, 500)."""

    class ManyHeaders(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "7"}}]}}'
            self.send_response(200)
            for index in range(150):
                self.send_header("X-SPARQL-named-graph", f"https://example.org/graph/{index}")
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ManyHeaders)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        app = make_app(built, STORE_BACKEND="remote",
                       REMOTE_ENDPOINT=f"http://127.0.0.1:{server.server_address[1]}/sparql",
                       REMOTE_UNION_GRAPH=UNION_GRAPH)
        rows = answer(app.test_client(), "SELECT ?n WHERE { ?s ?p ?n }")
        assert [row["n"].value for row in rows] == ["7"]
    finally:
        server.shutdown()
        server.server_close()
