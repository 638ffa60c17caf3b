"""The limits that protect the endpoint: query time, answer size, federation allow-list."""

from __future__ import annotations

import json
import os
import socket
import threading
import time

import pytest

from tests.server.sparql_answers import parse_rdf, parse_results

# 10^10 rows to count: Oxigraph would need several minutes.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(10)) + " }"
QUICK = "ASK { ?s ?p ?o }"
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def limited_app(make_app, small_out):
    return make_app(small_out, QUERY_TIMEOUT=1.0, ROW_LIMIT=3)


@pytest.fixture(scope="module")
def limited(limited_app):
    return limited_app.test_client()


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


# Time ----------------------------------------------------------------------------------------------------------
def test_runaway_query_gets_504_and_its_worker_is_killed_and_replaced(limited_app, limited):
    pool = limited_app.extensions["ascenso_kg.store"].pool
    limited.get("/sparql", query_string={"query": QUICK})  # workers started
    before = set(pool.worker_pids)
    response = limited.get("/sparql", query_string={"query": RUNAWAY})
    assert response.status_code == 504
    assert "longer than the endpoint's limit of 1 s" in response.get_data(as_text=True)
    wait_for(lambda: len(pool.worker_pids) == pool.size)
    killed = before - set(pool.worker_pids)
    assert len(killed) == 1
    (pid,) = killed
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert limited.get("/sparql", query_string={"query": QUICK}).status_code == 200


def test_runaway_query_does_not_stall_other_requests(limited_app):
    pool = limited_app.extensions["ascenso_kg.store"].pool
    finished = []

    def run(name, query):
        response = limited_app.test_client().get("/sparql", query_string={"query": query})
        finished.append((name, response.status_code))

    limited_app.test_client().get("/sparql", query_string={"query": QUICK})
    wait_for(lambda: pool.idle_workers == pool.size)
    runaway = threading.Thread(target=run, args=("runaway", RUNAWAY))
    runaway.start()
    wait_for(lambda: pool.idle_workers == pool.size - 1)  # the runaway holds one worker
    run("quick", QUICK)
    runaway.join()
    assert finished == [("quick", 200), ("runaway", 504)]


def test_when_every_worker_stays_busy_the_answer_is_503_with_retry_after(make_app, small_out):
    app = make_app(small_out, QUERY_WORKERS=1, QUERY_WORKERS_MAX=1, QUERY_TIMEOUT=1.0, QUERY_QUEUE_WAIT=0.1)
    pool = app.extensions["ascenso_kg.store"].pool
    pool.warm_up()
    runaway = threading.Thread(target=lambda: app.test_client().get("/sparql", query_string={"query": RUNAWAY}))
    runaway.start()
    wait_for(lambda: pool.idle_workers == 0)
    response = app.test_client().get("/sparql", query_string={"query": QUICK})
    runaway.join()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert "busy" in response.get_data(as_text=True)


# Size ----------------------------------------------------------------------------------------------------------
def test_capped_select_says_so_in_header_and_json(limited):
    response = limited.get("/sparql", query_string={"query": ALL_TRIPLES})
    assert response.headers["Results-Truncated"] == "true"
    assert response.headers["Results-Row-Limit"] == "3"
    document = json.loads(response.data)
    assert document["truncated"] is True
    assert len(document["results"]["bindings"]) == 3
    assert len(parse_results(response.content_type, response.data)) == 3  # still valid SPARQL JSON


@pytest.mark.parametrize("accept", ["application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_capped_select_in_other_formats_stays_parseable(limited, accept):
    response = limited.get("/sparql", query_string={"query": ALL_TRIPLES}, headers={"Accept": accept})
    assert response.headers["Results-Truncated"] == "true"
    assert len(parse_results(response.content_type, response.data)) == 3


def test_answer_exactly_at_the_limit_is_not_flagged(limited):
    response = limited.get("/sparql", query_string={"query": ALL_TRIPLES + " LIMIT 3"})
    assert "Results-Truncated" not in response.headers
    assert "truncated" not in json.loads(response.data)


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/rdf+xml",
                                    "application/ld+json"])
def test_capped_construct_is_flagged_and_parseable(limited, accept):
    response = limited.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                           headers={"Accept": accept})
    assert response.headers["Results-Truncated"] == "true"
    assert len(parse_rdf(response.content_type, response.data)) == 3


def test_capped_html_table_shows_a_notice(limited):
    page = limited.get("/sparql", query_string={"query": ALL_TRIPLES},
                       headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'class="truncated"' in page
    assert "Only the first 3 rows are shown" in page


# Federation ----------------------------------------------------------------------------------------------------
@pytest.fixture
def listener():
    """A TCP socket listening on loopback that nobody answers on: it shows whether anything tried to connect."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)
        yield sock


def connection_attempted(sock: socket.socket) -> bool:
    try:
        conn, _ = sock.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


def test_service_outside_the_allow_list_is_refused_before_connecting(client, listener):
    service = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    response = client.get("/sparql", query_string={"query": f"SELECT * {{ SERVICE <{service}> {{ ?s ?p ?o }} }}"})
    assert response.status_code == 403
    message = response.get_data(as_text=True)
    assert f"<{service}>" in message and "https://query.wikidata.org/sparql" in message
    assert not connection_attempted(listener)


def test_service_with_a_variable_endpoint_is_refused(client):
    response = client.get("/sparql", query_string={"query": "SELECT * { VALUES ?e { <http://127.0.0.1:9/> } "
                                                            "SERVICE ?e { ?s ?p ?o } }"})
    assert response.status_code == 403


def test_allowed_service_is_called(make_app, small_out, listener):
    """The control for the refusal test: the same query with its service on the allow-list does connect."""
    service = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    accepted = threading.Event()

    def hang_up():  # accept the call and close it at once: the SERVICE fails, the query with it
        listener.setblocking(True)
        conn, _ = listener.accept()
        conn.close()
        accepted.set()

    threading.Thread(target=hang_up, daemon=True).start()
    app = make_app(small_out, SERVICE_ALLOWLIST=[service])
    response = app.test_client().get("/sparql",
                                     query_string={"query": f"SELECT * {{ SERVICE <{service}> {{ ?s ?p ?o }} }}"})
    assert accepted.wait(10)
    assert response.status_code == 502
