"""The direct path (server/sparql/direct.py) answers exactly what the Flask view answers: the same status, the same
headers that matter and the same body, for answers, refusals and failures; and it really answers plain queries
without Flask, while handing everything else to it."""

from __future__ import annotations

import urllib.parse

import pytest
from ascenso_kg.server.sparql.query_results import QueryTimedOut
from flask import request_started
from tests.server.release_writer import all_copies_loaded

SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 7"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 5"
# Anchored lookups (server/sparql/anchored.py) are answered in the web process rather than a query process.
NECAXA = "<https://w3id.org/ascenso-kg/resource/club/necaxa>"
LOOKUP = f"SELECT ?p ?o WHERE {{ {NECAXA} ?p ?o }}"
JOIN = ("SELECT ?o ?label WHERE { <https://w3id.org/ascenso-kg/resource/match/2013-05-08-neza-necaxa> ?p ?o . "
        "?o <http://www.w3.org/2000/01/rdf-schema#label> ?label }")
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
JSON = "application/sparql-results+json"
SETTINGS = {"ROW_LIMIT": 5}  # so that one of the answers below is cut
# Date and Server come from the HTTP server; an ETag names the settings too, which differ by DIRECT_QUERIES alone.
UNCOMPARED = {"Date", "Server", "ETag"}


def get(query: str | None = None, accept: str | None = JSON, **params) -> dict:
    fields = {**({"query": query} if query is not None else {}), **params}
    return {"method": "GET", "path": "/sparql?" + urllib.parse.urlencode(fields, doseq=True),
            "headers": {"Accept": accept} if accept else {}}


def post(body: str | bytes, content_type: str = FORM, accept: str | None = JSON, path: str = "/sparql", **headers):
    return {"method": "POST", "path": path, "data": body.encode() if isinstance(body, str) else body,
            "headers": {"Content-Type": content_type, **({"Accept": accept} if accept else {}), **headers}}


def form(**fields) -> str:
    return urllib.parse.urlencode(fields, doseq=True)


REQUESTS = {
    "GET, JSON": get(SELECT),
    "GET, cut at the row limit": get("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"),
    "GET, format=csv": get(SELECT, accept=None, format="csv"),
    "GET, TSV by Accept": get(SELECT, accept="text/tab-separated-values"),
    "GET, XML with a quality list": get(SELECT, accept="text/csv;q=0.5, application/sparql-results+xml"),
    "GET, ASK": get("ASK { ?s ?p ?o }"),
    "GET, CONSTRUCT in Turtle": get(CONSTRUCT, accept="text/turtle"),
    "GET, CONSTRUCT in JSON-LD": get(CONSTRUCT, accept="application/ld+json"),
    "GET, a dataset by the protocol": get(SELECT, **{"default-graph-uri": "http://example.org/nothing"}),
    "GET to /sparql/": {**get(SELECT), "path": get(SELECT)["path"].replace("/sparql?", "/sparql/?")},
    "POST form": post(form(query=SELECT)),
    "POST form with the format in the URL": post(form(query=SELECT), path="/sparql?format=csv", accept=None),
    "POST direct": post(SELECT, DIRECT),
    "POST direct, charset given": post(SELECT, DIRECT + "; charset=UTF-8"),
    "POST from another origin": post(form(query=SELECT), Origin="https://elsewhere.example"),
    "POST from behind a proxy": post(form(query=SELECT), **{"X-Forwarded-For": "203.0.113.9"}),
    "anchored lookup, POST form": post(form(query=LOOKUP)),
    "anchored join in CSV": post(JOIN, DIRECT, accept="text/csv"),
    "anchored ASK": get(f"ASK {{ {NECAXA} ?p ?o }}"),
    "anchored lookup cut at the row limit": get(JOIN.replace("<http://www.w3.org/2000/01/rdf-schema#label> ?label",
                                                             "?q ?r")),
    "anchored lookup with a protocol dataset": get(LOOKUP, **{"named-graph-uri": "http://example.org/nothing"}),
    "anchored lookup, HTML table": get(LOOKUP, accept="text/html"),
    # Refusals and failures
    "syntax error, text": post(form(query="SELECT ?x WHERE { ?x ?y }")),
    "syntax error, HTML": post(form(query="SELECT ?x WHERE { ?x ?y }"), accept="text/html"),
    "update by a form": post(form(update="DROP ALL")),
    "update in the query text": get("INSERT DATA { <http://a> <http://b> <http://c> }"),
    "SERVICE not allowed": get("SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }"),
    "a local graph": get("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"),
    "nesting too deep": get("SELECT * WHERE " + "{" * 300 + "}" * 300),
    "two queries": get(accept=JSON, query=[SELECT, SELECT]),
    "unknown format": get(SELECT, format="yaml"),
    "Accept nothing offered": get(SELECT, accept="image/png"),
    "broken percent escape": {"method": "GET", "path": "/sparql?query=SELECT%ZZ", "headers": {}},
    "not UTF-8 once decoded": post(b"query=SELECT%FF", accept="text/plain"),
    "not UTF-8 once decoded, sent again": post(b"query=SELECT%FF", accept="text/plain"),  # the verdict is remembered
    "a broken escape in a form": post(b"query=SELECT%2", accept="text/plain"),
    "a host this server does not answer to": {**get(SELECT), "headers": {"Accept": JSON, "Host": "evil.example"}},
    "query too long": get("SELECT * WHERE { ?s ?p ?o } #" + "x" * 20_000),
    "headers too large": {**get(SELECT), "headers": {"Accept": JSON, "X-Padding": "x" * 20_000}},
    "direct POST in Latin-1": post(SELECT, DIRECT + "; charset=latin-1"),
    "direct POST not UTF-8": post(b"SELECT \xff", DIRECT),
    "direct POST with a query in the URL too": post(SELECT, DIRECT, path="/sparql?query=ASK%7B%7D"),
    "form without a query": post(form(format="json")),
    # What the direct path leaves to Flask answers the same too (it is Flask in both)
    "HTML table": get(SELECT, accept="text/html"),
    "the editor": get(accept="text/html"),
    "update by its media type": post("DROP ALL", "application/sparql-update"),
    "another media type": post("{}", "application/json"),
    "HEAD": {**get(SELECT), "method": "HEAD"},
}


@pytest.fixture(scope="module")
def clients(make_app, small_out):
    return (all_copies_loaded(make_app(small_out, **SETTINGS)).test_client(),
            all_copies_loaded(make_app(small_out, **SETTINGS, DIRECT_QUERIES=False)).test_client())


def answer(client, spec: dict):
    response = client.open(spec["path"], method=spec["method"], data=spec.get("data"), headers=spec["headers"],
                           environ_base={"REMOTE_ADDR": "127.0.0.1"})
    headers = sorted((name, value) for name, value in response.headers if name not in UNCOMPARED)
    return response.status_code, headers, "ETag" in response.headers, response.get_data()


@pytest.mark.parametrize("name", REQUESTS)
def test_the_direct_path_answers_as_flask_does(clients, name):
    direct, flask = (answer(client, REQUESTS[name]) for client in clients)
    assert direct == flask


def test_answers_and_refusals_above_cover_what_they_name(clients):
    statuses = {name: answer(clients[0], spec)[0] for name, spec in REQUESTS.items()}
    assert statuses["GET, JSON"] == statuses["POST direct"] == statuses["HTML table"] == 200
    assert {statuses[name] for name in ("syntax error, text", "two queries", "broken percent escape",
                                        "not UTF-8 once decoded", "not UTF-8 once decoded, sent again",
                                        "a broken escape in a form", "a host this server does not answer to")} == {400}
    assert statuses["update by a form"] == statuses["SERVICE not allowed"] == statuses["a local graph"] == 403
    assert (statuses["Accept nothing offered"], statuses["query too long"], statuses["headers too large"],
            statuses["direct POST in Latin-1"]) == (406, 413, 431, 415)
    for name in ("GET, cut at the row limit", "anchored lookup cut at the row limit"):
        cut = clients[0].get(REQUESTS[name]["path"], headers={"Accept": JSON})
        assert cut.headers["Results-Truncated"] == "true"
    assert statuses["anchored lookup, POST form"] == statuses["anchored join in CSV"] == 200


def flask_dispatches(app, spec: dict) -> int:
    seen = []

    def count(sender, **extra):
        seen.append(sender)

    with request_started.connected_to(count, app):
        answer(app.test_client(), spec)
    return len(seen)


@pytest.mark.parametrize("name", ["GET, JSON", "POST form", "POST direct", "syntax error, text"])
def test_plain_queries_and_their_refusals_do_not_go_through_flask(make_app, small_out, name):
    assert flask_dispatches(make_app(small_out, **SETTINGS), REQUESTS[name]) == 0


@pytest.mark.parametrize("name", ["HTML table", "the editor", "another media type", "HEAD"])
def test_everything_else_goes_through_flask(make_app, small_out, name):
    assert flask_dispatches(make_app(small_out, **SETTINGS), REQUESTS[name]) == 1


def test_an_app_with_a_hook_the_direct_path_does_not_know_sends_every_query_through_flask(make_app, small_out):
    app = make_app(small_out, **SETTINGS)
    ran = []
    app.before_request(lambda: ran.append(1))
    assert flask_dispatches(app, REQUESTS["GET, JSON"]) == 1 and ran == [1]


class TimingOut:
    def run(self, job):
        raise QueryTimedOut(5.0)

    def close(self):
        pass


def test_a_query_stopped_at_the_time_limit_reads_the_same(make_app, small_out):
    apps = [make_app(small_out, **SETTINGS, ANSWER_CACHE_BYTES=0, DIRECT_QUERIES=direct) for direct in (True, False)]
    for app in apps:
        app.extensions["ascenso_kg.store"].close()
        app.extensions["ascenso_kg.store"] = TimingOut()
    direct, flask = (answer(app.test_client(), REQUESTS["POST form"]) for app in apps)
    assert direct == flask and direct[0] == 504

