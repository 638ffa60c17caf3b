"""Caching by release (server/cache.py): ETag and Cache-Control on GET answers, 304 for If-None-Match, and a memory
of recent answers bounded in bytes. Whether a request reached the store is counted on the app's own store."""

from __future__ import annotations

import urllib.parse

import pytest

from ascenso_kg.server.cache import AnswerStore, Entry

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}


def query_url(query: str = QUERY) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


class CountingStore:
    """The app's store, counting the queries that reach it."""

    def __init__(self, store):
        self.store, self.runs = store, 0

    def run(self, job):
        self.runs += 1
        return self.store.run(job)

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.fixture
def counted(make_app, small_out):
    app = make_app(small_out)
    counter = CountingStore(app.extensions["ascenso_kg.store"])
    app.extensions["ascenso_kg.store"] = counter
    yield app.test_client(), counter
    app.extensions["ascenso_kg.store"] = counter.store


def test_a_get_answer_carries_a_weak_etag_and_cache_control(client):
    first = client.get(query_url(), headers=JSON)
    second = client.get(query_url(), headers=JSON)
    assert first.status_code == 200
    assert first.headers["ETag"].startswith('W/"') and first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, max-age=300"


def test_the_etag_depends_on_the_query_and_the_format(client):
    tags = {client.get(query_url(text), headers={"Accept": accept}).headers["ETag"]
            for text in (QUERY, QUERY + " LIMIT 1")
            for accept in ("application/sparql-results+json", "text/csv")}
    assert len(tags) == 4


def test_another_release_gives_other_etags(make_app, small_out, protocol_out):
    tags = {make_app(out).test_client().get(query_url(), headers=JSON).headers["ETag"] for out in (small_out,
                                                                                                  protocol_out)}
    assert len(tags) == 2


def test_if_none_match_is_answered_304_without_a_query(counted):
    client, counter = counted
    tag = client.get(query_url(), headers=JSON).headers["ETag"]
    runs = counter.runs
    again = client.get(query_url(), headers={**JSON, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag and again.headers["Cache-Control"] == "public, max-age=300"
    assert counter.runs == runs
    listed = client.get(query_url(), headers={**JSON, "If-None-Match": f'"other", {tag.removeprefix("W/")}'})
    assert listed.status_code == 304


def test_a_stale_etag_gets_the_answer(counted):
    client, counter = counted
    answer = client.get(query_url(), headers={**JSON, "If-None-Match": 'W/"0123"'})
    assert answer.status_code == 200 and b'"n"' in answer.data


def test_a_repeated_get_is_answered_from_memory(counted):
    client, counter = counted
    text = QUERY + " # asked twice"
    first = client.get(query_url(text), headers=JSON)
    runs = counter.runs
    second = client.get(query_url(text), headers=JSON)
    assert counter.runs == runs
    assert second.status_code == 200 and second.data == first.data
    assert second.headers["Content-Type"] == first.headers["Content-Type"]
    assert second.headers["Vary"] == first.headers["Vary"]
    head = client.head(query_url(text), headers=JSON)
    assert head.status_code == 200 and head.data == b"" and counter.runs == runs


def test_posts_and_errors_are_never_cached(counted):
    client, counter = counted
    for _ in range(2):
        posted = client.post("/sparql", data={"query": QUERY}, headers=JSON)
        assert posted.status_code == 200 and "ETag" not in posted.headers
    assert counter.runs == 2
    for _ in range(2):
        broken = client.get(query_url("SELECT WHERE {"), headers=JSON)
        assert broken.status_code == 400 and "ETag" not in broken.headers and "Cache-Control" not in broken.headers
    assert counter.runs == 4


def test_pages_carry_etags_and_answer_304(make_app, built):
    client = make_app(built).test_client()
    for path in ("/", "/ontology", "/search?q=cel"):
        page = client.get(path, headers={"Accept": "text/html"})
        assert page.status_code == 200 and page.headers["ETag"], path
        again = client.get(path, headers={"Accept": "text/html", "If-None-Match": page.headers["ETag"]})
        assert again.status_code == 304, path


def test_the_cache_can_be_turned_off(make_app, small_out):
    app = make_app(small_out, ANSWER_CACHE_BYTES=0)
    counter = CountingStore(app.extensions["ascenso_kg.store"])
    app.extensions["ascenso_kg.store"] = counter
    client = app.test_client()
    first = client.get(query_url(), headers=JSON)
    client.get(query_url(), headers=JSON)
    assert counter.runs == 2 and first.headers["ETag"]  # still validators: 304 costs nothing to keep
    assert client.get(query_url(), headers={**JSON, "If-None-Match": first.headers["ETag"]}).status_code == 304


def test_oversized_headers_are_still_refused(client):
    tag = client.get(query_url(), headers=JSON).headers["ETag"]
    refused = client.get(query_url(), headers={**JSON, "If-None-Match": tag, "X-Padding": "x" * 20_000})
    assert refused.status_code == 431


def test_the_store_is_bounded_in_bytes_and_drops_the_least_recently_used():
    store = AnswerStore(max_bytes=8 * 1000)
    entry = Entry("200 OK", (("Content-Type", "text/plain"),), b"x" * 700)
    for key in range(20):
        store.put(bytes([key]), entry)
        store.get(bytes([0]))  # the first one stays in use
        assert store.size <= store.max_bytes
    assert len(store) < 20 and store.get(bytes([0])) is not None and store.get(bytes([1])) is None
    store.put(b"huge", Entry("200 OK", (), b"x" * 2000))  # more than an eighth of the whole: never kept
    assert store.get(b"huge") is None
