"""Path traversal and odd IRIs on /dumps, entity, source and static routes: 404, never a file from outside the data
folders. Error pages carry no stack trace, no file system path and no configuration."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tests.reliability.conftest import Client, gunicorn

TRAVERSALS = [
    "/dumps/../manifest.json", "/dumps/..%2fmanifest.json", "/dumps/%2e%2e/manifest.json",
    "/dumps/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/dumps/articles/../../manifest.json",
    "/dumps/..%5cmanifest.json", "/dumps//etc/passwd", "/dumps/%2fetc%2fpasswd", "/dumps/store/CURRENT",
    "/dumps/../store/CURRENT", "/dumps/..%2freports%2fproblems.tsv", "/dumps/ascenso-kg.ttl%00.png",
    "/dumps/%c0%ae%c0%ae/manifest.json", "/dumps/..;/manifest.json",
    "/source/../../../../etc/passwd", "/source/..%2f..%2f..%2fetc%2fpasswd", "/source/%2fetc%2fpasswd",
    "/source/..%2fsources.csv", "/source/2012-13-ascenso-mx-season/../../../../etc/passwd",
    "/source/2012-13-ascenso-mx-season.txt", "/source/sources", "/source/2012-13-ascenso-mx-season/lines/..%2f..",
    "/resource/..%2f..%2f..%2fetc%2fpasswd", "/resource/club/../../../../etc/passwd", "/resource/club/necaxa%00",
    "/resource/club/%ff%fe", "/resource/club/necaxa/../../../manifest.json", "/resource/%2e%2e",
    "/resource/club/<script>", "/resource/club/necaxa%0d%0aSet-Cookie:%20x=1", "/resource/http://127.0.0.1/",
    "/graph/..%2f..%2fmanifest.json", "/graph/article/..%2f..%2fstore", "/ontology/../../pyproject.toml",
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/templates/base.html", "/static/../../pyproject.toml",
]
LEAKS = ["root:x:0:0", "content_sha256", "[project]", "def create_app", "{% extends", "MANIFEST-", "file\tline"]


@pytest.fixture(scope="module")
def server(built):
    with gunicorn(built, workers=1, threads=4, QUERY_TIMEOUT=1, QUERY_WORKERS=2) as live:
        yield live


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_and_odd_iris_get_404_and_no_file(server, path):
    answer = Client(server.url).get(path, {"Accept": "text/html"})
    if answer.status == 308:  # Werkzeug merges repeated slashes by a redirect to the same server: follow it once
        assert answer.headers["location"].startswith(server.url + "/"), answer.headers["location"]
        answer = Client(server.url).get(answer.headers["location"].removeprefix(server.url), {"Accept": "text/html"})
    assert answer.status == 404, (answer.status, answer.text[:200])
    assert not [leak for leak in LEAKS if leak in answer.text]


def test_the_same_through_the_app_without_gunicorn_normalising(rel_client):
    for path in TRAVERSALS:
        response = rel_client.get(path, follow_redirects=True)
        body = response.get_data(as_text=True)
        assert response.status_code == 404, (path, response.status_code)
        assert not [leak for leak in LEAKS if leak in body]


def test_a_real_dump_and_a_real_source_still_answer(server):
    client = Client(server.url)
    assert client.get("/dumps/ontology.ttl").status == 200
    assert client.get("/source/2012-13-ascenso-mx-season", {"Accept": "text/html"}).status == 200


# Error pages ---------------------------------------------------------------------------------------------------
def secrets_of(out) -> list[str]:
    return [str(out), str(out.resolve()), "/tmp/", "/work/", "/root/", "site-packages", "Traceback", 'File "',
            "OUT_DIR", "QUERY_TIMEOUT", "SECRET_KEY", "ARTICLES_DIR", "werkzeug"]


def error_requests() -> list[tuple[str, str, dict, bytes | None]]:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    return [
        ("GET", "/nothing-here", {}, None),
        ("DELETE", "/sparql", {}, None),
        ("GET", "/sparql?" + urlencode({"query": "SELECT * WHERE {"}), {}, None),
        ("GET", "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "format": "x"}), {}, None),
        ("GET", "/sparql?" + urlencode({"query": "CLEAR ALL"}), {}, None),
        ("GET", "/sparql?" + urlencode({"query": "SELECT * { SERVICE <http://127.0.0.1:9/> {} }"}), {}, None),
        ("GET", "/sparql?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}),
         {"Accept": "application/sparql-results+json"}, None),
        ("POST", "/sparql", {"Content-Type": "text/plain"}, b"ASK {}"),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK {} #" + b"x" * 300_000),
        ("POST", "/sparql", form, b"query=%ZZ"),
        ("GET", "/sparql?" + urlencode({"query": "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"}), {}, None),
        ("GET", "/reconcile?queries=%7B", {}, None),
        ("GET", "/dumps/none.ttl", {}, None),
        ("GET", "/resource/club/nobody", {}, None),
        ("GET", "/search?type=planet", {}, None),
        ("GET", "/", {"X-Filler": "a" * 20_000}, None),
    ]


@pytest.mark.parametrize("accept", ["text/html", "text/plain", "application/json"])
def test_error_pages_have_no_trace_path_or_configuration(server, built, accept):
    client = Client(server.url)
    statuses = set()
    for method, path, headers, body in error_requests():
        answer = client.request(method, path, body, {"Accept": accept, **headers})
        statuses.add(answer.status)
        assert 400 <= answer.status < 600 and answer.text.strip(), (method, path, answer.status)
        leaked = [secret for secret in secrets_of(built) if secret in answer.text]
        assert not leaked, (method, path, answer.status, leaked, answer.text[:300])
    assert {400, 403, 404, 405, 413, 415, 504} <= statuses


def test_an_unexpected_failure_is_a_plain_500(make_app, built):
    app = make_app(built)
    store = app.extensions["ascenso_kg.store"]

    class Broken:
        def run(self, job):
            raise RuntimeError(f"boom in {built}/current/store with QUERY_TIMEOUT={app.config['QUERY_TIMEOUT']}")

    app.extensions["ascenso_kg.store"] = Broken()
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production, where TESTING is off
    try:
        for accept in ("text/html", "application/sparql-results+json"):
            response = app.test_client().get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": accept})
            body = response.get_data(as_text=True)
            assert response.status_code == 500 and "failed" in body
            assert not [s for s in secrets_of(built) + ["boom", "RuntimeError"] if s in body], body
    finally:
        app.extensions["ascenso_kg.store"] = store


def test_a_missing_store_is_503_without_its_path(make_app, fresh_out):
    store = (fresh_out / "current" / "store").resolve()
    app = make_app(fresh_out)
    for item in store.iterdir():
        item.unlink() if item.is_file() else None
    store.rename(store.with_name("store-moved"))
    response = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
    body = response.get_data(as_text=True)
    assert response.status_code == 503 and "store" in body, body
    assert not re.search(r"/[\w.-]+/[\w.-]+", body.replace("https://", "")), body
    assert app.test_client().get("/dumps?format=json").status_code == 200  # the rest of the release still answers
