"""The outside audit of the live endpoint (issue 14): each defect it found, against gunicorn on loopback.

Every server here is started the way the README deploys it (gunicorn, gthread) and binds 127.0.0.1; every request
loop is bounded in count and time.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import xml.etree.ElementTree as ET
import urllib.request
from urllib.parse import urlencode

import pytest
from tests.reliability.conftest import Client, gunicorn, process_tree

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
RESULTS = "{http://www.w3.org/2005/sparql-results#}"
ITS_DIR = "{http://www.w3.org/2005/11/its}dir"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def doubled(steps: int) -> str:
    """Patterns that bind ?a<steps> to a string of 2**steps characters, doubling it once per step."""
    binds = ['BIND("x" AS ?a0)'] + [f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(steps)]
    return " ".join(binds)


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * 4096
    except (OSError, IndexError):
        return 0


def query_processes(server) -> list[int]:
    return [pid for pid in server.pids() if pid not in server.web_workers() and pid != server.process.pid]


@pytest.fixture(scope="module")
def server(built):
    with gunicorn(built, workers=1, QUERY_TIMEOUT=8, QUERY_WORKERS=2, ROW_LIMIT=1000,
                  ANSWER_BYTE_LIMIT=2**20, QUERY_MEMORY_LIMIT=384 * 2**20, BUDGET_CONCURRENT=50,
                  BUDGET_SECONDS=1000) as live:
        yield live


@pytest.fixture(scope="module")
def client(server):
    return Client(server.url)


# 1. Memory ---------------------------------------------------------------------------------------------------
def test_an_answer_over_the_byte_limit_is_cut_and_says_so(client):
    # 200 rows of a 64 KiB string: 12.5 MiB of text against a 1 MiB limit.
    query = "SELECT ?i ?s WHERE { VALUES ?i { " + " ".join(map(str, range(200))) + " } " + doubled(16) + \
            " BIND(?a16 AS ?s) }"
    answer = client.query(query)
    assert answer.status == 200
    assert answer.headers.get("results-truncated") == "true"
    assert len(answer.body) < 2 * 2**20
    document = json.loads(answer.body)
    assert document["truncated"] is True and 0 < len(document["results"]["bindings"]) < 200


HUNGRY = {  # a string of 2**28 characters, built by doubling: over 512 MiB with the halves it is made of
    "doubling": f"SELECT (STRLEN(?a28) AS ?n) WHERE {{ {doubled(28)} }}",
    "sorted product": "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY RAND()",
}


@pytest.mark.parametrize("name", HUNGRY)
def test_a_query_over_the_memory_limit_gets_an_error_naming_it_and_stays_under_it(server, client, name):
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max([peak[0], *(rss_bytes(pid) for pid in query_processes(server))])
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        answer = client.query(HUNGRY[name])
    finally:
        done.set()
        sampler.join()
    print(f"peak RSS of a query process: {peak[0] / 2**20:.0f} MiB (heap limit 384 MiB); answer {answer.status}")
    if name == "doubling":
        assert answer.status in (400, 507), answer.text
        assert "384 MiB" in answer.text
    else:  # whichever bound it meets first: memory, or the time limit
        assert answer.status in (400, 504, 507) and ("384 MiB" in answer.text or "8 s" in answer.text), answer.text
    assert peak[0] <= 384 * 2**20 + 64 * 2**20  # the limit covers the heap; the mapped store and code come on top
    assert client.query("ASK {}").status == 200


def copy_in_use(url: str, seconds: float = 30.0) -> None:
    """Wait until the query processes answer from their in-memory copy of the store (``/status``), if they make one."""
    deadline = time.monotonic() + seconds
    while True:
        with urllib.request.urlopen(url + "/status", timeout=10) as response:
            status = json.load(response)
        if not status["memory_copy"] or status["query_processes_in_memory"] >= status["query_processes"]:
            return
        assert time.monotonic() < deadline, status
        time.sleep(0.05)


def test_a_process_grown_by_a_large_answer_is_replaced_and_gives_its_memory_back(built):
    with gunicorn(built, workers=1, QUERY_WORKERS=1, QUERY_TIMEOUT=10, ANSWER_BYTE_LIMIT=2**30,
                  QUERY_RECYCLE_ABOVE=100 * 2**20) as live:
        runner = Client(live.url)
        assert runner.query("ASK {}").status == 200
        copy_in_use(live.url)  # while a copy loads, the process may grow by it: recycling counts from then on
        (before,) = query_processes(live)
        # 1,000 rows of a 64 KiB string: a 64 MiB answer, and the rows it is written from
        digits = "{ " + " ".join(map(str, range(10))) + " }"
        answer = runner.query(f"SELECT ?s WHERE {{ VALUES ?i {digits} VALUES ?j {digits} VALUES ?k {digits} "
                              + doubled(16) + " BIND(CONCAT(STR(?i), STR(?j), STR(?k), ?a16) AS ?s) }")
        assert answer.status == 200 and len(json.loads(answer.body)["results"]["bindings"]) == 1000
        deadline = time.monotonic() + 10
        while (after := query_processes(live)) in ([before], []) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert after and before not in after
        assert all(rss_bytes(pid) < 100 * 2**20 for pid in after)
        assert runner.query("ASK {}").status == 200


# 2. The pool's bound ----------------------------------------------------------------------------------------
def test_runaway_queries_from_several_clients_never_grow_the_pool(built):
    with gunicorn(built, workers=1, QUERY_TIMEOUT=0.5, QUERY_WORKERS=2, QUERY_QUEUE_WAIT=2,
                  BUDGET_CONCURRENT=50, BUDGET_SECONDS=1000) as live:
        counts, statuses = [], []
        deadline = time.monotonic() + float(os.environ.get("ASCENSO_KG_RUNAWAY_LOOP_SECONDS", "10"))

        def runaway(source: str) -> None:
            runner = Client(live.url, source=source, timeout=10)
            while time.monotonic() < deadline:
                statuses.append(runner.query(RUNAWAY).status)

        clients = [threading.Thread(target=runaway, args=(f"127.0.0.{n}",)) for n in range(2, 6)]
        for thread in clients:
            thread.start()
        while time.monotonic() < deadline:
            counts.append(len(query_processes(live)))
            time.sleep(0.02)
        for thread in clients:
            thread.join()
    print(f"query processes over {len(counts)} samples of a runaway loop: max {max(counts)} (bound 2); "
          f"{len(statuses)} answers {sorted(set(statuses))}")
    assert max(counts) <= 2, f"query processes seen: {sorted(set(counts))}"
    assert len(statuses) >= 10 and set(statuses) <= {503, 504}


# 3. Crashing requests ---------------------------------------------------------------------------------------
CHAINS = {
    "not": "ASK { FILTER(" + "!" * 3000 + "true) }",
    "plus": "SELECT (" + "+" * 3000 + "1 AS ?x) {}",
    "or": "ASK { FILTER(" + "||".join(["1"] * 1500) + ") }",
    "union": "SELECT * { " + " UNION ".join(["{}"] * 1200) + " }",
    "minus": "SELECT * { {} " + " MINUS {}" * 5000 + " }",
    "optional": "SELECT * { " + " OPTIONAL {}" * 1200 + " }",
    "path": "SELECT * { ?s " + "/".join(["<p:a>"] * 1500) + " ?o }",
}


@pytest.mark.parametrize("name", CHAINS)
def test_long_operator_chains_are_refused_before_the_engine(client, name):
    answer = client.request("POST", "/sparql", body=CHAINS[name].encode(),
                            headers={"Content-Type": "application/sparql-query", "Accept": JSON})
    assert answer.status == 400, (answer.status, answer.text[:200])
    assert "1000 operators" in answer.text


def test_a_triple_term_asked_for_as_json_ld_is_406_and_the_process_survives(server, client):
    before = sorted(query_processes(server))
    answer = client.query("CONSTRUCT { <http://a> <http://b> <<( <http://s> <http://p> <http://o> )>> } WHERE {}",
                          accept="application/ld+json")
    assert answer.status == 406 and "JSON-LD" in answer.text
    assert sorted(query_processes(server)) == before


def test_a_malformed_chunked_body_is_400(server):
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nASK {}\r\n0\r\n\r\n")
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 400"), reply[:200]


# 5. Safe HTML ----------------------------------------------------------------------------------------------
def test_only_web_iris_become_links_and_html_pages_send_a_policy(client):
    query = 'SELECT ?x WHERE { VALUES ?x { <javascript:alert(1)> <data:text/html,x> <https://example.org/a> } }'
    answer = client.query(query, accept="text/html")
    assert answer.status == 200
    assert 'href="javascript:' not in answer.text and 'href="data:' not in answer.text
    assert 'href="https://example.org/a"' in answer.text
    for path in ("/sparql", "/", "/dumps", "/sparql?" + urlencode({"query": query})):
        page = client.get(path, headers={"Accept": "text/html"})
        policy = page.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert page.headers.get("x-content-type-options") == "nosniff"
        assert page.headers.get("referrer-policy")


# 6. XML -------------------------------------------------------------------------------------------------------
def test_xml_results_round_trip_carriage_returns(client):
    strings = ["a\rb", "a\r\nb", "\r", "tab\there", "amp & <lt>"]
    values = " ".join(json.dumps(text) for text in strings)
    answer = client.query(f"SELECT ?s WHERE {{ VALUES ?s {{ {values} }} }}", accept=XML)
    assert answer.status == 200
    read = [literal.text for literal in ET.fromstring(answer.body).iter(RESULTS + "literal")]
    assert read == strings


@pytest.mark.parametrize("char", ["\\u0000", "\\u0007", "\\u000B", "\\u000C", "\\u001B", "\\uFFFE"])
def test_characters_xml_cannot_hold_are_406_suggesting_json(client, char):
    answer = client.query(f'SELECT ?s WHERE {{ BIND("a{char}b" AS ?s) }}', accept=XML)
    assert answer.status == 406 and "JSON" in answer.text
    assert client.query(f'SELECT ?s WHERE {{ BIND("a{char}b" AS ?s) }}').status == 200


@pytest.mark.parametrize("predicate", ["http://example.org/p/", "http://example.org/123"])
def test_rdf_xml_is_never_ill_formed(client, predicate):
    answer = client.query(f'CONSTRUCT {{ <http://example.org/s> <{predicate}> "o" }} WHERE {{}}',
                          accept="application/rdf+xml")
    if answer.status == 200:
        ET.fromstring(answer.body)
    else:
        assert answer.status == 406 and "RDF/XML" in answer.text


# 7. Protocol --------------------------------------------------------------------------------------------------
def test_head_on_sparql_is_get_without_a_body(client):
    path = "/sparql?" + urlencode({"query": "ASK {}"})
    head, get = client.request("HEAD", path, headers={"Accept": JSON}), client.get(path, headers={"Accept": JSON})
    assert head.status == get.status == 200
    assert head.body == b"" and head.headers["content-type"] == get.headers["content-type"]


def test_an_arbitrary_host_header_is_never_reflected(client):
    for path in ("/sparql", "/dumps?format=json", "/void"):
        answer = client.get(path, headers={"Host": "evil.example", "Accept": "text/turtle, application/json"})
        assert b"evil.example" not in answer.body, path
    local = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert local.status == 200 and b"http://127.0.0.1:" in local.body  # local pages keep linking locally


def test_base_direction_is_kept_in_json_and_xml(client):
    query = 'SELECT ?l WHERE { BIND(STRLANGDIR("x", "ar", "rtl") AS ?l) }'
    binding = json.loads(client.query(query).body)["results"]["bindings"][0]["l"]
    assert binding == {"type": "literal", "value": "x", "xml:lang": "ar", "its:dir": "rtl"}
    literal = next(ET.fromstring(client.query(query, accept=XML).body).iter(RESULTS + "literal"))
    assert literal.get(ITS_DIR) == "rtl"


def test_a_triple_term_in_tsv_is_a_parseable_term(client):
    answer = client.query("SELECT ?t WHERE { BIND(<<( <http://s> <http://p> <http://o> )>> AS ?t) }",
                          accept="text/tab-separated-values")
    assert answer.text.splitlines()[1] == "<<( <http://s> <http://p> <http://o> )>>"


# 8. Budgets behind a proxy ------------------------------------------------------------------------------------
def test_forwarded_clients_get_budgets_of_their_own_only_behind_a_trusted_proxy(built):
    with gunicorn(built, workers=1, QUERY_TIMEOUT=0.5, QUERY_WORKERS=2, BUDGET_SECONDS=1.8, BUDGET_WINDOW=600,
                  TRUSTED_PROXIES='["127.0.0.1"]') as live:
        proxy, stranger = Client(live.url, source="127.0.0.1"), Client(live.url, source="127.0.0.7")
        path = "/sparql?" + urlencode({"query": RUNAWAY})

        def spend(who: Client, forwarded: str) -> list[int]:
            return [who.get(path, headers={"X-Forwarded-For": forwarded}).status for _ in range(3)]

        assert 429 in spend(proxy, "198.51.100.1")  # one client behind the proxy spends its budget
        assert 429 not in spend(proxy, "198.51.100.2")[:2]  # another behind the same proxy still has its own
        assert 429 in spend(stranger, "198.51.100.3")  # an untrusted peer cannot pick an address per request
        assert 429 in [stranger.get(path, headers={"X-Forwarded-For": "198.51.100.4"}).status]


def test_the_public_base_url_names_the_links_and_other_hosts_are_refused(built):
    with gunicorn(built, workers=1, QUERY_WORKERS=1, PUBLIC_BASE_URL="https://kg.example.org") as live:
        runner = Client(live.url)
        public = runner.get("/sparql", headers={"Host": "kg.example.org", "Accept": "text/turtle"})
        assert public.status == 200 and b"<https://kg.example.org/sparql>" in public.body
        assert runner.get("/sparql", headers={"Host": "evil.example", "Accept": "text/turtle"}).status == 400
