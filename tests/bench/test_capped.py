"""The measure of a peer too slow for the load runs (rdflib-endpoint): a capped query holds a serial server busy, the
next query waits for it to be free, and the ratio is a lower bound unless every query was answered."""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.parse
from types import SimpleNamespace

import pytest

from ascenso_kg.bench import scorecard
from ascenso_kg.bench.capped import CappedRun, ratio_bound, run_capped

SLOW_SECONDS = 1.0


class _SerialSparql(http.server.BaseHTTPRequestHandler):
    """Answers one request at a time, as rdflib-endpoint does: a query with "slow" in it blocks the server."""

    def do_POST(self):
        query = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())["query"][0]
        if "slow" in query:
            time.sleep(SLOW_SECONDS)
        answer = {"head": {}, "boolean": True} if query.startswith("ASK") else {"head": {"vars": []},
                                                                              "results": {"bindings": []}}
        body = json.dumps(answer).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on the slow query

    def log_message(self, *args):
        pass


@pytest.fixture
def serial_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _SerialSparql)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield SimpleNamespace(name="serial", base=base, sparql=base + "/sparql")
    server.shutdown()
    server.server_close()


MIX = [("fast", "ASK { ?s ?p ?o }"), ("slow", "SELECT * WHERE { ?s ?p ?o } # slow"), ("after", "ASK { ?s ?p ?o }")]


def test_query_after_a_capped_one_waits_for_the_server_to_be_free(serial_server):
    run = run_capped(serial_server, MIX, cap=0.2, drain=30, log=lambda message: None)
    assert run.capped == ["slow"] and run.not_sent == []
    assert run.answers["after"] is True  # answered, not timed out behind the slow query
    assert run.seconds >= SLOW_SECONDS  # the capped query counts the time the server stayed busy on it
    assert run.summary()["bound"] == "upper"


def test_rest_of_the_mix_is_not_sent_while_the_server_stays_busy(serial_server):
    run = run_capped(serial_server, MIX, cap=0.2, drain=0.1, log=lambda message: None)
    assert run.capped == ["slow"] and run.not_sent == ["after"]
    assert run.answers["fast"] is True and "not sent" in run.answers["after"]


def test_ratio_is_exact_when_every_query_is_answered_and_a_bound_otherwise():
    ours = CappedRun(queries=3, times={"a": 0.1, "b": 0.2, "c": 0.2}, answered=["a", "b", "c"])
    answered = CappedRun(queries=3, times={"a": 1.0, "b": 2.0, "c": 2.0}, answered=["a", "b", "c"])
    assert answered.complete and answered.summary()["bound"] is None
    assert ratio_bound(ours, answered) == pytest.approx(10.0)  # 3 queries in 0.5 s against 3 in 5 s
    stuck = CappedRun(queries=3, times={"a": 1.0, "b": 20.0}, answered=["a"], capped=["b"], not_sent=["c"])
    assert not stuck.complete and stuck.summary()["at_most_per_second"] == pytest.approx(3 / 21.0)
    assert ratio_bound(ours, stuck) == pytest.approx(21.0 / 0.3)  # on the queries it was sent
    ours_capped = CappedRun(queries=3, times={"a": 0.1, "b": 20.0, "c": 0.2}, answered=["a", "c"], capped=["b"])
    assert ratio_bound(ours_capped, stuck) is None


def test_markdown_shows_a_lower_bound_as_greater_than():
    bound = {"median": 20.0, "min": 12.0, "max": 24.0, "runs": 3, "bound": "lower"}
    assert scorecard._spread(bound) == "> 20.00 (12.00–24.00)"
    assert scorecard.verdict("endpoint_vs_rdflib_endpoint", 20.0, "lower") == "met"
    assert scorecard.verdict("endpoint_vs_rdflib_endpoint", 5.0, "lower") == "unknown (bound)"
    assert scorecard.verdict("endpoint_vs_rdflib_endpoint", 5.0) == "missed"
