"""SPARQL Update, LOAD, CLEAR and DROP on any route are refused and leave the store as it was; SERVICE, FROM and FROM
NAMED pointing at a file or a local or private address are refused before any connection is made."""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote, urlencode

import pytest

from ascenso_kg.server.local_addresses import is_refused_graph
from tests.reliability.conftest import Client, gunicorn, store_fingerprint
from tests.reliability.malformed import ROUTES

UPDATES = [
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "LOAD <https://w3id.org/ascenso-kg/graph/x>",
    "CLEAR ALL", "CLEAR DEFAULT", "DROP ALL", "DROP GRAPH <https://w3id.org/ascenso-kg/graph/mappings>",
    "CREATE GRAPH <urn:x:g>", "COPY DEFAULT TO <urn:x:g>", "MOVE DEFAULT TO <urn:x:g>", "ADD DEFAULT TO <urn:x:g>",
    "WITH <urn:x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "PREFIX ex: <urn:x:> INSERT DATA { ex:a ex:b ex:c }",
    "# a comment first\n  clear all",
]


@pytest.fixture(scope="module")
def server(built):
    with gunicorn(built, workers=1, threads=4, QUERY_TIMEOUT=2, QUERY_WORKERS=2) as live:
        yield live


def update_requests(update: str) -> list[tuple[str, str, dict, bytes | None]]:
    """Every way to send an update to /sparql: (method, path with query string, headers, body)."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    return [
        ("GET", "/sparql?" + urlencode({"update": update}), {}, None),
        ("GET", "/sparql?" + urlencode({"query": update}), {}, None),
        ("POST", "/sparql", form, urlencode({"update": update}).encode()),
        ("POST", "/sparql", form, urlencode({"query": update}).encode()),
        ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, update.encode()),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, update.encode()),
        ("POST", "/sparql/?" + urlencode({"update": update}), form, b""),
    ]


def test_updates_by_every_route_are_refused_and_the_store_is_unchanged(server, built):
    store = built / "current" / "store"
    before = store_fingerprint(store)
    client = Client(server.url, source="127.0.0.70")
    answers = []
    for update in UPDATES:
        for method, path, headers, body in update_requests(update):
            answer = client.request(method, path, body, headers)
            answers.append((answer.status, method, path[:60]))
            assert answer.status == 403 and "read-only" in answer.text, (answer.status, method, path, answer.text)
    # The other routes take no update at all: any method that could carry one is refused.
    for route in ROUTES:
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            if route.startswith(("/sparql", "/reconcile")) and method == "POST":
                continue
            answer = client.request(method, route, b"update=" + quote("DROP ALL").encode(),
                                    {"Content-Type": "application/x-www-form-urlencoded"})
            assert answer.status == 405, (method, route, answer.status)
    answer = client.request("POST", "/reconcile", urlencode({"update": "DROP ALL"}).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 200 and b"identifierSpace" in answer.body  # the manifest: no update was read
    assert store_fingerprint(store) == before
    assert client.query("ASK { ?s ?p ?o }").status == 200  # still serving the same store


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self._stop.set()
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.close()


def local_targets(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/sparql", f"http://localhost:{port}/sparql", f"http://127.0.0.1:{port}/",
            f"http://2130706433:{port}/", f"http://127.1:{port}/", "file:///etc/passwd", "file:///proc/self/environ"]


def federation_requests(target: str) -> list[str]:
    """Query strings that would make the store reach ``target``."""
    select = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    return [
        urlencode({"query": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"}),
        urlencode({"query": f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}"}),
        urlencode({"query": f"PREFIX t: <{target}>\nSELECT * WHERE {{ SERVICE t: {{ ?s ?p ?o }} }}"}),
        urlencode({"query": f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }} LIMIT 1"}),
        urlencode({"query": f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1"}),
        urlencode({"query": f"PREFIX t: <{target}>\nSELECT * FROM t:g WHERE {{ ?s ?p ?o }} LIMIT 1"}),
        urlencode({"query": select, "default-graph-uri": target}),
        urlencode({"query": select, "named-graph-uri": target}),
    ]


def test_local_service_and_dataset_targets_are_refused_before_any_connection(server, listener):
    client = Client(server.url, source="127.0.0.71")
    for target in local_targets(listener.port):
        for query_string in federation_requests(target):
            answer = client.get("/sparql?" + query_string)
            assert answer.status == 403, (answer.status, query_string, answer.text[:200])
            assert "not allowed" in answer.text or "local or private" in answer.text
    assert listener.hits == 0
    # the listener does count: one plain connection is one hit
    socket.create_connection(("127.0.0.1", listener.port), timeout=2).close()
    deadline = threading.Event()
    for _ in range(50):
        if listener.hits:
            break
        deadline.wait(0.05)
    assert listener.hits == 1


PRIVATE = ["http://10.0.0.7/sparql", "http://172.16.3.4/", "http://192.168.1.1/graph", "http://169.254.169.254/x",
           "http://[fd00::1]/", "http://[::ffff:10.1.1.1]/", "http://0.0.0.0/", "http://0x0a000001/",
           "http://012.0.0.1/", "http://host.localhost/", "FILE:/etc/passwd"]


@pytest.mark.parametrize("target", PRIVATE)
def test_private_range_targets_are_refused_without_reaching_the_store(make_app, built, target):
    """The store is replaced by one that records jobs, so a refusal that failed could never open a connection."""
    app = make_app(built)
    jobs = []

    class RecordingStore:
        def run(self, job):
            jobs.append(job)
            raise AssertionError("the query reached the store")

    app.extensions["ascenso_kg.store"], real = RecordingStore(), app.extensions["ascenso_kg.store"]
    try:
        client = app.test_client()
        for query_string in federation_requests(target):
            response = client.get("/sparql?" + query_string)
            assert response.status_code == 403, (query_string, response.get_data(as_text=True))
    finally:
        app.extensions["ascenso_kg.store"] = real
    assert jobs == []


@pytest.mark.parametrize("iri, refused", [
    ("https://w3id.org/ascenso-kg/graph/article/x", False), ("http://kasei.us/2009/09/sparql/data/data1.rdf", False),
    ("urn:x:g", False), ("http://example.org/", False), ("http://127.0.0.1/", True), ("http://[::1]:8/", True),
    ("file:relative", True), ("http://LOCALHOST./", True), ("http://100.64.0.1/", False), ("http://8.8.8.8/", False),
])
def test_which_graph_iris_count_as_local(iri, refused):
    assert is_refused_graph(iri) is refused
