"""Part 4: entity pages and search under 4 clients, against the SPARQL behind them sent to ``oxigraph
serve-read-only`` (each page's own queries, as the page lists them, one after the other)."""

from __future__ import annotations

import urllib.parse

from .endpoint_mix import ACCEPT, page_path, page_queries, query_form
from .load import Request, run_load, sparql_request
from .measure import spread

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def search_terms(labels: list[str]) -> list[str]:
    """A few letters and a whole word of each label: what people type."""
    terms = []
    for label in labels:
        word = label.split()[0]
        terms += [word[:3], word]
    return terms


def page_requests(entities: dict[str, str]) -> list[Request]:
    return [Request(f"page-{kind.lower()}", "GET", page_path(iri), None, (("Accept", "text/html"),))
            for kind, iri in entities.items()]


def search_requests(terms: list[str]) -> list[Request]:
    return [Request("search", "GET", "/search?" + urllib.parse.urlencode({"q": term}), None,
                    (("Accept", "text/html"),)) for term in terms]


def label_scan(term: str) -> str:
    """The SPARQL a user would write instead of the search: a case-insensitive scan of the labels."""
    escaped = term.lower().replace("\\", "\\\\").replace('"', '\\"')
    return (f"SELECT ?s ?label WHERE {{ ?s <{RDFS_LABEL}> ?label "
            f"FILTER(CONTAINS(LCASE(STR(?label)), \"{escaped}\")) }} LIMIT 50")


def measure_pages(ours, oxigraph, entities: dict[str, str], labels: list[str], repeats: int, rounds: int,
                  budget: float, log, clients: int = 4) -> dict:
    behind = []
    for kind, iri in entities.items():
        queries = page_queries(ours.base, iri)
        behind.append(tuple(sparql_request(f"page-{kind.lower()}", oxigraph.sparql, text, ACCEPT[query_form(text)])
                            for text in queries))
    terms = search_terms(labels)
    scans = [sparql_request("label-scan", oxigraph.sparql, label_scan(term), ACCEPT["SELECT"]) for term in terms]
    kinds = {
        "pages": (ours.base, page_requests(entities), oxigraph.base, behind),
        "search": (ours.base, search_requests(terms), oxigraph.base, scans),
    }
    figures: dict[str, dict] = {}
    for kind, (our_base, our_requests, their_base, their_requests) in kinds.items():
        ours_runs, theirs_runs = [], []
        for attempt in range(repeats):
            ours_runs.append(run_load(our_base, our_requests, clients, rounds, budget).summary())
            theirs_runs.append(run_load(their_base, their_requests, clients, rounds, budget).summary())
            log(f"  {kind}, run {attempt + 1}: p95 {ours_runs[-1]['p95_ms'] or 0:.0f} ms "
                f"({ours_runs[-1]['errors']} errors) vs its SPARQL on oxigraph {theirs_runs[-1]['p95_ms'] or 0:.0f} ms")
        figures[kind] = {
            "ours": {key: spread([run[key] for run in ours_runs]) for key in ("per_second", "p50_ms", "p95_ms")},
            "sparql_on_oxigraph": {key: spread([run[key] for run in theirs_runs])
                                   for key in ("per_second", "p50_ms", "p95_ms")},
            "errors": sum(run["errors"] for run in ours_runs),
            "first_errors": [e for run in ours_runs for e in run["first_errors"]][:3],
            "p95_ratio": spread([a["p95_ms"] / b["p95_ms"] for a, b in zip(ours_runs, theirs_runs)
                                 if a["p95_ms"] and b["p95_ms"]]),
        }
    figures["entities"] = entities
    figures["queries_per_page"] = {kind.lower(): len(q) for kind, q in zip(entities, behind)}
    return figures
