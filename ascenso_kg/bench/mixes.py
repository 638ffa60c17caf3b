"""Part 3c: the endpoint under the mixes users send, each beside ``oxigraph serve-read-only`` in the same run.

- **cheap**: lookups of one entity (its statements, its label, its neighbours' labels), many entities of every kind,
  POSTed (never answered from a cache): what a request costs this server beyond Oxigraph's own evaluation;
- **realistic**: what a browsing session sends, captured from the pages themselves (every query each sampled entity's
  page lists under "How this page was made") with the editor's examples mixed in at one in ``EXAMPLE_SHARE``;
- **repeated**: the realistic mix sent as GET requests (POST for the few too long for a request line) after one pass
  has warmed the answer caches (ours keeps answers by release; Oxigraph keeps none): what repeated page views and
  repeated queries cost.

The heavy mix (the editor's examples and the first queries of seven pages) is part 3 (``endpoint_mix.py``). Runs here are
bounded by time, not rounds: each client sends the mix over and over for ``seconds``.
"""

from __future__ import annotations

import urllib.parse

from .endpoint_mix import ACCEPT, ENTITY_CLASSES, _get_json, example_queries, page_queries, query_form
from .load import Request, run_load
from .measure import spread

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EXAMPLE_SHARE = 12  # one example query in this many requests of a session; the rest are the pages' lookups
ROUNDS = 10**6  # time-bounded runs: the budget ends them


def sample_many(sparql_url: str, per_kind: int, base: str) -> dict[str, list[str]]:
    """Up to ``per_kind`` entities of each kind, in IRI order."""
    found = {}
    for name in ENTITY_CLASSES:
        query = (f"SELECT ?s WHERE {{ ?s a <{base}ontology#{name}> FILTER(STRSTARTS(STR(?s), \"{base}resource/\")) }} "
                 f"ORDER BY ?s LIMIT {per_kind}")
        found[name] = [row["s"]["value"] for row in _get_json(sparql_url, query)["results"]["bindings"]]
    return found


def cheap_mix(entities: dict[str, list[str]]) -> list[tuple[str, str]]:
    mix = []
    for kind, iris in entities.items():
        for iri in iris:
            mix += [(f"lookup-{kind.lower()}", f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 100"),
                    (f"label-{kind.lower()}", f"SELECT ?label WHERE {{ <{iri}> <{RDFS_LABEL}> ?label }}"),
                    (f"join-{kind.lower()}", f"SELECT ?o ?label WHERE {{ <{iri}> ?p ?o . ?o <{RDFS_LABEL}> ?label }} "
                                             "LIMIT 50")]
    return mix


def realistic_mix(server_base: str, entities: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Every query of each sampled entity's page, in page order, with an example query after every
    ``EXAMPLE_SHARE - 1`` of them."""
    lookups = [(f"page-{kind.lower()}", text) for kind, iris in entities.items() for iri in iris
               for text in page_queries(server_base, iri)]
    examples = example_queries()
    mix = []
    for index, item in enumerate(lookups):
        mix.append(item)
        if examples and index % (EXAMPLE_SHARE - 1) == EXAMPLE_SHARE - 2:
            mix.append(examples[(index // (EXAMPLE_SHARE - 1)) % len(examples)])
    return mix


def post_requests(server, mix: list[tuple[str, str]]) -> list[Request]:
    path = urllib.parse.urlsplit(server.sparql).path
    return [Request(name, "POST", path, urllib.parse.urlencode({"query": text}).encode(),
                    (("Content-Type", "application/x-www-form-urlencoded"), ("Accept", ACCEPT[query_form(text)])))
            for name, text in mix]


MAX_GET_URL = 4000  # characters: gunicorn refuses longer request lines; the editor POSTs such queries too


def get_requests(server, mix: list[tuple[str, str]]) -> list[Request]:
    """GET for every query whose URL fits in a request line, POST for the longer ones (as YASGUI sends them)."""
    path = urllib.parse.urlsplit(server.sparql).path
    found = []
    for name, text in mix:
        url = path + "?" + urllib.parse.urlencode({"query": text})
        found += post_requests(server, [(name, text)]) if len(url) > MAX_GET_URL else \
            [Request(name, "GET", url, None, (("Accept", ACCEPT[query_form(text)]),))]
    return found


def measure_mix(servers: list, mix: list[tuple[str, str]], make_requests, clients: tuple[int, ...], repeats: int,
                seconds: float, log, label: str, warm: bool = False) -> dict:
    """Interleaved time-bounded runs of each server for each number of clients; ``warm``: first, as many clients as
    the most measured send the whole mix once each (every web process's answer cache gets the whole mix: a client's
    keep-alive connection stays with one process)."""
    runs: dict[str, dict[int, list[dict]]] = {s.name: {c: [] for c in clients} for s in servers}
    if warm:
        for server in servers:
            run_load(server.base, make_requests(server, mix), max(clients), 1, 600.0)
    for count in clients:
        for attempt in range(repeats):
            for server in servers:
                result = run_load(server.base, make_requests(server, mix), count, ROUNDS, seconds).summary()
                runs[server.name][count].append(result)
                log(f"  {label:<9} {server.name:<10} {count} clients, run {attempt + 1}: "
                    f"{result['per_second'] or 0:.0f} q/s, p50 {result['p50_ms'] or 0:.1f} ms, "
                    f"p95 {result['p95_ms'] or 0:.1f} ms, {result['errors']} errors")
    return runs


def versus(runs: dict, ours: str, other: str, clients: int) -> dict:
    pairs = list(zip(runs[ours][clients], runs[other][clients]))
    return {key: spread([a[field] / b[field] for a, b in pairs if a[field] and b[field]])
            for key, field in (("throughput", "per_second"), ("p50", "p50_ms"), ("p95", "p95_ms"))}
