"""The Wikidata SPARQL client: User-Agent, spacing between requests, retries that honour Retry-After, and errors
that say what happened. The waits are recorded by an injected sleep, never waited for."""

from __future__ import annotations

import json

import pytest

from ascenso_kg.linking.client import EndpointError, SparqlClient, retry_after_seconds, user_agent
from tests.linking.stand_ins import Answer, ScriptedEndpoint

RESULT = json.dumps({"head": {"vars": ["item"]}, "results": {"bindings": [
    {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900000001"}}]}})


class FakeTime:
    """A clock that only moves when the client sleeps (or a test says so)."""

    def __init__(self):
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def client_for(url: str, time: FakeTime, **settings) -> SparqlClient:
    return SparqlClient(url, user_agent("tests@example.org"), sleep=time.sleep, clock=time.clock, **settings)


def test_user_agent_names_the_project_its_version_and_a_contact():
    agent = user_agent("maintainer@example.org")
    assert agent.startswith("ascenso-kg/0.1.0 (https://w3id.org/ascenso-kg/; maintainer@example.org;")
    assert "Python/" in agent


def test_a_query_is_posted_with_the_user_agent_and_asks_for_sparql_json():
    time = FakeTime()
    with ScriptedEndpoint([Answer(body=RESULT)]) as endpoint:
        rows = client_for(endpoint.url, time).select("SELECT ?item WHERE { ?item ?p ?o }")
    assert rows == [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900000001"}}]
    (received,) = endpoint.received
    assert received.method == "POST" and received.query == "SELECT ?item WHERE { ?item ?p ?o }"
    assert received.headers["User-Agent"].startswith("ascenso-kg/")
    assert received.headers["Accept"] == "application/sparql-results+json"


def test_requests_are_spaced_by_the_minimum_interval():
    time = FakeTime()
    with ScriptedEndpoint([Answer(body=RESULT)]) as endpoint:
        client = client_for(endpoint.url, time, min_interval=1.5)
        client.select("SELECT * {}")
        time.now += 0.5  # the first answer took half a second
        client.select("SELECT * {}")
    assert time.slept == [1.0]
    assert client.requests_sent == 2


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_a_retryable_status_waits_what_retry_after_says_and_tries_again(status):
    time = FakeTime()
    script = [Answer(status=status, body="slow down", headers={"Retry-After": "7"}), Answer(body=RESULT)]
    with ScriptedEndpoint(script) as endpoint:
        rows = client_for(endpoint.url, time, min_interval=0).select("SELECT * {}")
    assert len(rows) == 1 and len(endpoint.received) == 2
    assert time.slept == [7.0]


def test_without_retry_after_the_backoff_doubles():
    time = FakeTime()
    script = [Answer(status=503), Answer(status=503), Answer(status=429), Answer(body=RESULT)]
    with ScriptedEndpoint(script) as endpoint:
        client_for(endpoint.url, time, min_interval=0, backoff=2.0).select("SELECT * {}")
    assert time.slept == [2.0, 4.0, 8.0]


def test_retries_run_out_with_an_error_naming_the_status():
    time = FakeTime()
    with ScriptedEndpoint([Answer(status=503, body="overloaded")]) as endpoint:
        with pytest.raises(EndpointError, match="answered 503: overloaded"):
            client_for(endpoint.url, time, min_interval=0, retries=2).select("SELECT * {}")
    assert len(endpoint.received) == 3


def test_a_bad_query_is_not_retried():
    time = FakeTime()
    with ScriptedEndpoint([Answer(status=400, body="Parse error at line 1")]) as endpoint:
        with pytest.raises(EndpointError, match="400: Parse error"):
            client_for(endpoint.url, time, min_interval=0).select("SELEC")
    assert len(endpoint.received) == 1 and time.slept == []


def test_a_retry_after_too_long_to_wait_is_an_error_not_a_hang():
    time = FakeTime()
    with ScriptedEndpoint([Answer(status=429, headers={"Retry-After": "86400"})]) as endpoint:
        with pytest.raises(EndpointError, match="asks to wait 86400 s"):
            client_for(endpoint.url, time, min_interval=0).select("SELECT * {}")
    assert time.slept == []


def test_an_answer_that_is_not_sparql_json_is_an_error():
    time = FakeTime()
    with ScriptedEndpoint([Answer(body="<html>maintenance</html>")]) as endpoint:
        with pytest.raises(EndpointError, match="did not answer in SPARQL JSON"):
            client_for(endpoint.url, time, min_interval=0).select("SELECT * {}")


def test_an_unreachable_endpoint_is_retried_then_reported():
    from tests.linking.stand_ins import free_port

    time = FakeTime()
    client = client_for(f"http://127.0.0.1:{free_port()}/sparql", time, min_interval=0, retries=1, backoff=0.5)
    with pytest.raises(EndpointError, match="could not be reached"):
        client.select("SELECT * {}")
    assert time.slept == [0.5]


@pytest.mark.parametrize("header, seconds", [
    ("120", 120.0),
    ("0", 0.0),
    ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),  # an HTTP date, 30 s after "now" below
    ("soon", None),
    (None, None),
])
def test_retry_after_is_read_as_seconds_or_as_a_date(header, seconds):
    now = 1445412480.0  # Wed, 21 Oct 2015 07:28:00 GMT
    assert retry_after_seconds(header, now=now) == seconds
