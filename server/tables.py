"""Query answers as plain tables for the HTML renderings (results page, VoID and service description pages).

One data function per answer; the template only loops and escapes. IRIs are shown as prefixed names with the
project's prefixes and link to themselves, or to their page on this site when the app serves them (``local``).
"""

from __future__ import annotations

from typing import Callable

import pyoxigraph

from .sparql.query_results import Boolean, Outcome, Solutions, Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def compact_iri(iri: str, prefixes: dict[str, str]) -> str:
    """``akg:Club`` or ``club:necaxa`` for an IRI under a known namespace (the longest matching one), else the
    IRI itself. For reading only: ``/`` would need escaping in a SPARQL prefixed name."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    local = iri[len(best):]
    if not local or not all(c.isalnum() or c in "_-./" for c in local):
        return iri
    prefix = next(p for p, ns in prefixes.items() if ns == best)
    return f"{prefix}:{local}"


def cell(term: Term | None, prefixes: dict[str, str], local: Callable[[str], str] | None = None) -> dict:
    """One table cell: the text to show, where it links, and its full N-Triples form as a tooltip."""
    if term is None:
        return {"kind": "unbound", "text": "", "href": None, "title": "", "note": None}
    if isinstance(term, pyoxigraph.NamedNode):
        # Only web IRIs become links: javascript: or data: on a shareable results URL would run in our origin. The
        # graph's own resources link to their page on this site (see local_links).
        href = term.value if term.value.lower().startswith(("http://", "https://")) else None
        if href and local is not None:
            href = local(href)
        return {"kind": "iri", "text": compact_iri(term.value, prefixes), "href": href, "title": term.value,
                "note": None}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"kind": "bnode", "text": f"_:{term.value}", "href": None, "title": "", "note": None}
    if isinstance(term, pyoxigraph.Triple):
        return {"kind": "triple", "text": str(term), "href": None, "title": "", "note": None}
    if term.language:
        note = "@" + term.language
    elif term.datatype.value != XSD_STRING:
        note = compact_iri(term.datatype.value, prefixes)
    else:
        note = None
    return {"kind": "literal", "text": term.value, "href": None, "title": str(term), "note": note}


def outcome_table(outcome: Outcome, prefixes: dict[str, str], local: Callable[[str], str] | None = None) -> dict:
    """The answer as ``{"boolean"}`` or ``{"columns", "rows", "truncated"}``."""
    if isinstance(outcome, Boolean):
        return {"boolean": outcome.value, "columns": [], "rows": [], "truncated": False}
    if isinstance(outcome, Solutions):
        columns, rows = list(outcome.variables), outcome.rows
    else:
        columns = ["subject", "predicate", "object"]
        rows = [(t.subject, t.predicate, t.object) for t in outcome.triples]
    return {
        "boolean": None,
        "columns": columns,
        "rows": [[cell(term, prefixes, local) for term in row] for row in rows],
        "truncated": outcome.truncated,
    }
