"""A generator of malformed HTTP requests for every route of the app: each request is wrong in a way the server
must answer with a 4xx and a message (never a 5xx, never a 2xx that pretends the request made sense)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

VALID_QUERY = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
               "SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(LANG(?label) = \"en\") } LIMIT 5")

# One concrete path per route, with real path parameters; a malformation is applied on top.
ROUTES = [
    "/", "/void", "/.well-known/void", "/sparql", "/sparql/", "/dumps", "/dumps/", "/dumps/ascenso-kg.ttl",
    "/reconcile", "/reconcile/suggest/entity", "/reconcile/suggest/type", "/reconcile/suggest/property",
    "/reconcile/preview", "/resource/club/necaxa", "/source/2012-13-ascenso-mx-season", "/graph/ontology",
    "/ontology", "/ontology.ttl", "/search", "/search/suggest", "/static/pages.css", "/context.jsonld",
    "/reconcile/properties", "/clubs", "/players.json", "/sitemap.xml", "/robots.txt", "/favicon.ico", "/status",
]
ODD_METHODS = ["PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "MKCOL", "FOO", "LOCK"]
GET_ONLY = [route for route in ROUTES if not route.startswith(("/sparql", "/reconcile"))
            or route.startswith("/reconcile/")]


@dataclass
class Malformed:
    kind: str
    method: str
    path: str
    query_string: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None

    def describe(self) -> str:
        return f"{self.kind}: {self.method} {self.path}?{self.query_string[:80]!r} {self.headers} {self.body!r:.80}"


def broken_sparql(rng: random.Random) -> str:
    """A query that cannot parse: cut before its closing brace, a misspelt keyword, or junk spliced in."""
    closing = VALID_QUERY.rindex("}")
    choice = rng.randrange(4)
    if choice == 0:
        return VALID_QUERY[: rng.randrange(1, closing)]
    if choice == 1:
        return VALID_QUERY.replace("SELECT", rng.choice(["SELEKT", "SELECT SELECT", "SLECT", "SELECT {"]))
    if choice == 2:
        at = VALID_QUERY.index("WHERE {") + len("WHERE {")
        return VALID_QUERY[:at] + rng.choice([" ?s ?p ", " )(", " FILTER(", " <not an iri> ", " ; ; "]) \
            + VALID_QUERY[at:]
    return rng.choice(["", " ", "}", "SELECT", "ASK {", "CONSTRUCT WHERE", "DESCRIBE", "PREFIX x: SELECT * {}",
                       "SELECT * WHERE { ?s ?p ?o } LIMIT -1", "\x00\x01", "SELECT * WHERE { ?s ?p \"unclosed }"])


def bad_escape(rng: random.Random) -> bytes:
    return rng.choice([b"q=%ZZ", b"q=%", b"q=abc%4", b"query=%G1", b"prefix=%%", b"q=%u00e9", b"a=1&b=%x"])


def not_utf8(rng: random.Random) -> bytes:
    return rng.choice([b"q=%FF%FE", b"q=%C3%28", b"query=%80abc", b"prefix=%E2%82", b"q=%ED%A0%80"])


def universal(rng: random.Random, path: str) -> Malformed:
    """A malformation that every route must refuse."""
    kind = rng.choice(["bad percent-encoding", "non-UTF-8 query string", "giant header", "odd method"])
    if kind == "bad percent-encoding":
        return Malformed(kind, "GET", path, bad_escape(rng))
    if kind == "non-UTF-8 query string":
        return Malformed(kind, "GET", path, not_utf8(rng))
    if kind == "giant header":
        return Malformed(kind, "GET", path, headers={"X-Filler": "a" * rng.randrange(17_000, 40_000)})
    method = rng.choice(ODD_METHODS + (["POST"] if path in GET_ONLY else []))
    return Malformed(kind, method, path, body=b"x=1")


def sparql_specific(rng: random.Random, path: str) -> Malformed:
    """What only the SPARQL protocol can get wrong."""
    kind = rng.choice(["broken SPARQL (GET)", "broken SPARQL (form)", "broken SPARQL (direct)", "missing query",
                       "conflicting parameters", "wrong content type", "missing content type", "non-UTF-8 body",
                       "non-UTF-8 charset", "unknown format", "unacceptable Accept", "update", "bad graph IRI"])
    form = "application/x-www-form-urlencoded"
    if kind == "broken SPARQL (GET)":
        return Malformed(kind, "GET", path, urlencode({"query": broken_sparql(rng)}).encode())
    if kind == "broken SPARQL (form)":
        return Malformed(kind, "POST", path, headers={"Content-Type": form},
                         body=urlencode({"query": broken_sparql(rng)}).encode())
    if kind == "broken SPARQL (direct)":
        return Malformed(kind, "POST", path, headers={"Content-Type": "application/sparql-query"},
                         body=broken_sparql(rng).encode())
    if kind == "missing query":
        return Malformed(kind, "POST", path, headers={"Content-Type": form},
                         body=rng.choice([b"", b"format=json", b"default-graph-uri=urn%3Ax"]))
    if kind == "conflicting parameters":
        q = quote(VALID_QUERY)
        return rng.choice([
            Malformed(kind, "GET", path, f"query={q}&query={q}".encode()),
            Malformed(kind, "GET", path, f"query={q}&update=CLEAR%20ALL".encode()),
            Malformed(kind, "POST", path, f"query={q}".encode(), {"Content-Type": "application/sparql-query"},
                      VALID_QUERY.encode()),
            Malformed(kind, "POST", path, f"query={q}".encode(), {"Content-Type": form}, f"query={q}".encode()),
        ])
    if kind == "wrong content type":
        return Malformed(kind, "POST", path, headers={"Content-Type": rng.choice(
            ["text/plain", "application/json", "multipart/form-data; boundary=x", "application/sparql-results+json",
             "image/png", "application/sparql-queryx", "text/html; charset=utf-8"])}, body=VALID_QUERY.encode())
    if kind == "missing content type":
        return Malformed(kind, "POST", path, body=VALID_QUERY.encode())
    if kind == "non-UTF-8 body":
        body = rng.choice([b"SELECT * WHERE { ?s ?p \xff\xfe }", b"\xc3\x28", b"ASK {} # \x80"])
        return Malformed(kind, "POST", path, headers={"Content-Type": "application/sparql-query"}, body=body)
    if kind == "non-UTF-8 charset":
        return Malformed(kind, "POST", path, headers={"Content-Type": "application/sparql-query; charset=latin1"},
                         body=VALID_QUERY.encode())
    if kind == "unknown format":
        return Malformed(kind, "GET", path, urlencode({"query": VALID_QUERY, "format": rng.choice(
            ["exe", "turtle", "json;", "???", "application/x-unknown"])}).encode())
    if kind == "unacceptable Accept":
        return Malformed(kind, "GET", path, urlencode({"query": VALID_QUERY}).encode(),
                         {"Accept": rng.choice(["image/png", "application/x-nothing", "text/csv;q=0, */*;q=0"])})
    if kind == "update":
        update = rng.choice(["CLEAR ALL", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DROP ALL", "LOAD <urn:x>"])
        return rng.choice([Malformed(kind, "GET", path, urlencode({"update": update}).encode()),
                           Malformed(kind, "POST", path, headers={"Content-Type": "application/sparql-update"},
                                     body=update.encode()),
                           Malformed(kind, "GET", path, urlencode({"query": update}).encode())])
    return Malformed(kind, "GET", path, urlencode({"query": VALID_QUERY, "default-graph-uri": rng.choice(
        ["not an iri", "<urn:x>", "http://exa mple.org/", "file:///etc/passwd"])}).encode())


def other_specific(rng: random.Random, path: str) -> Malformed | None:
    """Wrong parameters of the other routes, where they take any."""
    if path == "/reconcile":
        queries = rng.choice(["{", "[]", "null", "{\"q0\": 5}", "{\"q0\": {\"query\": 5}}", "\"text\"", "{\"q0\": []}",
                              "{\"q0\": {\"query\": \"Necaxa\", \"limit\": \"many\"}}"])
        if rng.random() < 0.5:
            return Malformed("bad reconciliation batch", "GET", path, urlencode({"queries": queries}).encode())
        return Malformed("bad reconciliation batch", "POST", path,
                         headers={"Content-Type": "application/x-www-form-urlencoded"},
                         body=urlencode({"queries": queries}).encode())
    if path.startswith("/reconcile/suggest"):
        return Malformed("bad cursor", "GET", path, urlencode({"prefix": "nec", "cursor": rng.choice(
            ["x", "1.5", "--1", "1e3"])}).encode())
    if path == "/search" or path == "/search/suggest":
        return Malformed("unknown type", "GET", path, urlencode({"q": "necaxa", "type": rng.choice(
            ["planet", "x", "club;drop"])}).encode())
    if path in ("/clubs", "/players.json"):
        return Malformed("bad page of a list", "GET", path, urlencode(rng.choice(
            [{"page": "x"}, {"page": "1.5"}, {"page": "999"}, {"letter": "ab"}, {"letter": "é"}])).encode())
    if path.startswith(("/dumps/", "/resource/", "/source/", "/graph/")):
        return Malformed("missing file or entity", "GET", path.rstrip("/") + rng.choice(
            ["/nothing-here", "-missing", "/../../etc/passwd", "/%00", "/x" * 50]))
    return None


def generate(count: int, seed: int = 8) -> list[Malformed]:
    rng = random.Random(seed)
    requests = []
    for i in range(count):
        path = ROUTES[i % len(ROUTES)]
        specific = None
        if rng.random() < 0.6:
            specific = sparql_specific(rng, path) if path.startswith("/sparql") else other_specific(rng, path)
        requests.append(specific or universal(rng, path))
    return requests
