"""Part 3: a fixed mix of realistic queries (the editor's examples without the federated ones, and the queries behind
entity pages) sent by 1, 4 and 8 clients to this server, ``oxigraph serve-read-only`` and rdflib-endpoint, with the
answers of each checked to be the same."""

from __future__ import annotations

import html.parser
import json
import re
import urllib.parse
import urllib.request

import pyoxigraph

from ..iris import DEFAULT_BASE
from ..resources import QUERIES_DIR
from ..server.sparql.query_text import tokenize
from .load import Client, Request, run_load, sparql_request
from .measure import spread

ACCEPT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
          "CONSTRUCT": "application/n-triples", "DESCRIBE": "application/n-triples"}

# One entity of each kind whose page the mix and part 4 request.
ENTITY_CLASSES = ("Club", "Match", "Player", "Tie", "Season", "Stadium", "Tournament")


def query_form(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().upper().startswith(("PREFIX", "#")))
    words = body.upper().split()
    return next((word for word in words if word in ACCEPT), "SELECT")


def example_queries() -> list[tuple[str, str]]:
    """The editor's example queries, less the federated ones (they would measure Wikidata, not us)."""
    found = []
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        if "SERVICE" not in text.upper():
            found.append((path.stem, text))
    return found


def sample_entities(sparql_url: str, base: str = DEFAULT_BASE) -> dict[str, str]:
    """The first entity (in IRI order) of each kind, asked of a SPARQL endpoint."""
    found = {}
    for name in ENTITY_CLASSES:
        query = (f"SELECT ?s WHERE {{ ?s a <{base}ontology#{name}> FILTER(STRSTARTS(STR(?s), \"{base}resource/\")) }} "
                 "ORDER BY ?s LIMIT 1")
        rows = _get_json(sparql_url, query)["results"]["bindings"]
        if rows:
            found[name] = rows[0]["s"]["value"]
    return found


def _get_json(sparql_url: str, query: str) -> dict:
    request = urllib.request.Request(sparql_url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)


class _QueryInputs(html.parser.HTMLParser):
    """The texts of ``<input type="hidden" name="query" value="…">`` (a page's "How this page was made")."""

    def __init__(self):
        super().__init__()
        self.queries: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name") == "query" and attributes.get("value"):
            self.queries.append(attributes["value"])


def page_path(iri: str, base: str = DEFAULT_BASE) -> str:
    return "/" + iri.removeprefix(base)


def page_queries(server_base: str, iri: str) -> list[str]:
    """The SPARQL queries this server's page of ``iri`` runs, as the page itself lists them."""
    status, body = Client(server_base).send(Request("page", "GET", page_path(iri), None, (("Accept", "text/html"),)))
    if status != 200:
        return []
    parser = _QueryInputs()
    parser.feed(body.decode("utf-8"))
    return parser.queries


def query_mix(server_base: str, entities: dict[str, str], pages_per_kind: int = 2) -> list[tuple[str, str]]:
    """The examples and, for each sampled entity, the first queries its page runs."""
    mix = example_queries()
    for kind, iri in entities.items():
        for index, text in enumerate(page_queries(server_base, iri)[:pages_per_kind]):
            mix.append((f"page-{kind.lower()}-{index + 1}", text))
    return mix


# Same answers ------------------------------------------------------------------------------------------------------
def _term_key(term: dict) -> tuple:
    kind = term["type"].replace("typed-literal", "literal")
    if kind == "bnode":
        return ("bnode",)
    datatype = term.get("datatype", "")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = ""
    return kind, term["value"], term.get("xml:lang", "").lower(), datatype


def concatenated_columns(text: str) -> dict[str, str]:
    """The columns a query fills with ``GROUP_CONCAT``, each with its separator.

    SPARQL leaves the order of a GROUP_CONCAT undefined, and Oxigraph's really varies: ``GROUP_CONCAT(DISTINCT …)``
    collects in a hash set, so the same query on the same store lists a player's seasons in another order from one
    run to the next. Such a value is compared as the multiset of its pieces.
    """
    tokens = [t for t in tokenize(text) if t.kind not in ("space", "comment")]
    found = {}
    for start, token in enumerate(tokens):
        if token.kind != "word" or token.text.upper() != "GROUP_CONCAT":
            continue
        depth, separator = 0, " "
        for position in range(start + 1, len(tokens)):
            current = tokens[position]
            depth += {"(": 1, ")": -1}.get(current.text, 0)
            if current.kind == "word" and current.text.upper() == "SEPARATOR" and tokens[position + 2].kind == "string":
                separator = _string_value(tokens[position + 2].text)
            if depth == 0:
                after = tokens[position + 1:position + 3]
                if len(after) == 2 and after[0].text.upper() == "AS" and after[1].kind == "var":
                    found[after[1].text[1:]] = separator
                break
    return found


def _string_value(literal: str) -> str:
    quote = 3 if literal[:3] in ('"""', "'''") else 1
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m[1], m[1]), literal[quote:-quote])


def canonical_answer(form: str, body: bytes, concatenated: dict[str, str] | None = None):
    """An answer as something comparable: a sorted list of rows, a boolean or a set of triples (blank nodes
    blurred). The ``concatenated`` columns (name -> separator) are compared as sorted lists of their pieces."""
    if form in ("SELECT", "ASK"):
        data = json.loads(body)
        if "boolean" in data:
            return data["boolean"]
        variables = data["head"].get("vars", [])
        return sorted(tuple(_cell(row[v], (concatenated or {}).get(v)) if v in row else () for v in variables)
                      for row in data["results"]["bindings"])
    triples = set()
    for triple in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES):
        triples.add(tuple("_" if isinstance(t, pyoxigraph.BlankNode) else str(t)
                          for t in (triple.subject, triple.predicate, triple.object)))
    return triples


def _cell(term: dict, separator: str | None) -> tuple:
    key = _term_key(term)
    if separator is None or key[0] != "literal":
        return key
    return (key[0], tuple(sorted(key[1].split(separator))), *key[2:])


def answers(server, mix: list[tuple[str, str]], timeout: float = 180.0) -> dict[str, object]:
    """Each query's answer from one server; a query not answered within ``timeout`` seconds is recorded as such."""
    client = Client(server.base, timeout=timeout)
    found = {}
    for name, text in mix:
        form = query_form(text)
        try:
            status, body = client.send(sparql_request(name, server.sparql, text, ACCEPT[form]))
        except TimeoutError:
            client.close()
            found[name] = f"no answer within {timeout:g} s"
            continue
        found[name] = canonical_answer(form, body, concatenated_columns(text)) if status == 200 \
            else f"HTTP {status}"
    client.close()
    return found


def compare_answers(reference: dict, other: dict) -> list[str]:
    return [name if not isinstance(other.get(name), str) else f"{name} ({other[name]})"
            for name in reference if reference[name] != other.get(name)]


def requests_for(server, mix: list[tuple[str, str]]) -> list[Request]:
    return [sparql_request(name, server.sparql, text, ACCEPT[query_form(text)]) for name, text in mix]


def measure_endpoints(servers: list, mix: list[tuple[str, str]], clients: tuple[int, ...], repeats: int,
                      rounds: int, budget: float, log, timeout: float = 180.0) -> dict:
    """Interleaved runs (server A, B, C, A, B, C…) for each number of clients; per-run figures and ratios."""
    runs: dict[str, dict[int, list[dict]]] = {s.name: {c: [] for c in clients} for s in servers}
    for count in clients:
        for attempt in range(repeats):
            for server in servers:
                result = run_load(server.base, requests_for(server, mix), count, rounds, budget, timeout).summary()
                runs[server.name][count].append(result)
                p95 = "–" if result["p95_ms"] is None else f"{result['p95_ms']:.0f}"
                log(f"  {server.name:<16} {count} clients, run {attempt + 1}: {result['per_second']:.1f} q/s, "
                    f"p95 {p95} ms, {result['requests']} queries, {result['errors']} errors")
    return runs


def ratios(runs: dict, ours: str, other: str, clients: int) -> dict:
    pairs = list(zip(runs[ours][clients], runs[other][clients]))
    return {
        "throughput": spread([a["per_second"] / b["per_second"] for a, b in pairs if a["per_second"] and b["per_second"]]),
        "p95": spread([a["p95_ms"] / b["p95_ms"] for a, b in pairs if a["p95_ms"] and b["p95_ms"]]),
    }


def summarize(per_run: list[dict]) -> dict:
    return {key: spread([run[key] for run in per_run])
            for key in ("per_second", "p50_ms", "p95_ms", "p99_ms")} | {
        "requests": sum(run["requests"] for run in per_run), "errors": sum(run["errors"] for run in per_run)}
