"""The SPARQL a page runs: named ``page-*.rq`` files with ``$`` parameters, bound and run on the app's store.

A page query names the entity it is about as ``$this`` (the convention of SHACL-SPARQL's pre-bound variables) and
its other parameters the same way (``$property``, and ``$pageSize``/``$skip`` where a sub-select is paged). Binding
replaces the parameter tokens with terms in SPARQL syntax before the store sees the text, and the bound text is what
the page shows and what can be pasted into the editor; the store's own planner then anchors the query on
the entity's IRI (a trailing VALUES clause would be joined after the patterns, which is a full scan in Oxigraph).

Every query a page runs is recorded with its text, so the page can show how it was made (as Datasette shows its SQL)
and a benchmark can replay exactly those queries against the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import pyoxigraph
from flask import current_app

from ..sparql.query_results import Graph, Outcome, QueryFailed, QueryJob, Solutions
from ..sparql.query_text import analyse_query, tokenize
from ..store_backend import get_store, named_query
from .page_store import page_store

# A page query is anchored on one entity and pages its long lists, so its answer is bounded by the data, not by a
# client: it gets a limit of its own rather than the endpoint's ROW_LIMIT, and still says when it was cut.
PAGE_ROW_LIMIT = 100_000

Term = pyoxigraph.NamedNode | pyoxigraph.Literal
Bindable = Term | int | tuple[Term, ...]


def sparql_term(value: Bindable) -> str:
    """A value in SPARQL syntax; a tuple is a list of terms (for a VALUES block). NamedNode and Literal validated
    their content when they were made, so their N-Triples forms are safe to paste into a query."""
    if isinstance(value, bool):  # a bool is an int in Python, but "True" is not SPARQL
        raise TypeError("booleans are not page query parameters")
    if isinstance(value, tuple):
        return " ".join(sparql_term(item) for item in value)
    if not isinstance(value, (int, pyoxigraph.NamedNode, pyoxigraph.Literal)):
        raise TypeError(f"cannot bind a {type(value).__name__} in a page query")
    return str(value)


def bind(text: str, **values: Bindable) -> str:
    """Replace each ``$name`` parameter token with its value; every parameter of the text must be given."""
    pieces = _pieces(text)
    out = []
    for piece, is_parameter in pieces:
        if not is_parameter:
            out.append(piece)
        elif piece in values:
            out.append(sparql_term(values[piece]))
        else:
            raise KeyError(f"page query parameter ${piece} has no value")
    return "".join(out)


@lru_cache(maxsize=256)
def _pieces(text: str) -> tuple[tuple[str, bool], ...]:
    """The text cut into literal pieces and parameter names (a page's queries are few: each is lexed once)."""
    pieces, position = [], 0
    for token in tokenize(text):
        if token.kind == "var" and token.text.startswith("$"):
            pieces.append((text[position:token.start], False))
            pieces.append((token.text[1:], True))
            position = token.start + len(token.text)
    pieces.append((text[position:], False))
    return tuple(pieces)


@lru_cache(maxsize=256)
def query_form(text: str) -> str:
    return analyse_query(text).form or "SELECT"


@dataclass
class PageQueries:
    """Runs the queries of one page and remembers them, in order."""

    log: list[dict] = field(default_factory=list)

    def run_text(self, title: str, text: str, form: str | None = None, record: bool = True) -> Outcome:
        if record:
            self.log.append({"title": title, "text": text})
        return page_store().run(QueryJob(text, form or analyse_query(text).form or "SELECT", row_limit=PAGE_ROW_LIMIT))

    def text(self, name: str, *, order_by: str | None = None, limit: int | None = None, offset: int | None = None,
             **values: Bindable) -> str:
        """The named query with its parameters bound (and an ORDER BY, a LIMIT and an OFFSET when given)."""
        text = bind(named_query(name), **values)
        if order_by:
            text = text.rstrip() + f"\nORDER BY {order_by}"
        if limit is not None:
            text = text.rstrip() + f"\nLIMIT {int(limit)}"
        if offset:
            text += f" OFFSET {int(offset)}"
        return text

    def record(self, name: str, **kwargs) -> None:
        """List a query as one the page is made of, without running it (its answer is known already)."""
        self.log.append({"title": name, "text": self.text(name, **kwargs)})

    def run(self, name: str, *, record: bool = True, **kwargs) -> Outcome:
        return self.run_text(name, self.text(name, **kwargs), query_form(named_query(name)), record)

    def graph(self, name: str, **kwargs) -> Graph:
        """The triples of a CONSTRUCT page query, in one canonical order (by their N-Triples text).

        SPARQL gives a CONSTRUCT's triples no order, and each store has its own (Oxigraph its indexes', Virtuoso
        another): the views read lists out of these triples (a round's ties, a stage's finals, the labels asked
        for), so they are put in an order of the data's own here, and a page reads the same from every store.
        """
        outcome = self.run(name, **kwargs)
        if not isinstance(outcome, Graph):
            raise QueryFailed(500, f"the page query {name} is not a CONSTRUCT query")
        return replace(outcome, triples=tuple(sorted(outcome.triples, key=str)))

    def select(self, name: str, **kwargs) -> Solutions:
        outcome = self.run(name, **kwargs)
        if not isinstance(outcome, Solutions):
            raise QueryFailed(500, f"the page query {name} is not a SELECT query")
        return outcome


INCOMING_ORDERS = ("iri", "store")


def incoming_in_iri_order() -> bool:
    """Whether the links into an entity are paged in the order of their subjects' IRIs (the same pages over every
    store, at the cost of a sort over each group) or in the store's own order (stable within a release). The setting
    ``INCOMING_ORDER`` chooses; by default the embedded Oxigraph store keeps its own order, since its sort costs
    0.9 s for the largest group at a hundred seasons, and a remote store (Virtuoso) is asked for the IRIs' order."""
    chosen = current_app.config.get("INCOMING_ORDER")  # checked by create_app
    if chosen is None:
        chosen = "store" if get_store().kind == "oxigraph" else "iri"
    return chosen == "iri"


def incoming_first_pages(this: pyoxigraph.NamedNode, properties: list[pyoxigraph.NamedNode], per_property: int,
                         in_iri_order: bool) -> str:
    """One query for the first ``per_property`` subjects linking to ``this`` by each property.

    SPARQL has no per-group LIMIT, so each property gets its own sub-select, joined by UNION: one round trip to the
    store instead of one per property. Each sub-select is ordered as the paged query is (``incoming_in_iri_order``),
    so a group's first page is the page 1 of its paging.
    """
    branch = _where_body(named_query("page-incoming"))  # lexed once: the page's other queries are lexed once too
    order = " ORDER BY ?subject" if in_iri_order else ""
    branches = [
        "{ SELECT ?subject (" + str(prop) + " AS ?property) WHERE {\n"
        + bind(branch, this=this, property=prop)
        + f"\n  }}{order} LIMIT {int(per_property)} }}"
        for prop in properties
    ]
    return "SELECT ?property ?subject WHERE {\n" + "\nUNION\n".join(branches) + "\n}\nORDER BY ?property ?subject"


@lru_cache(maxsize=16)
def _where_body(text: str) -> str:
    """The group graph pattern inside ``WHERE { … }`` of a one-pattern page query (comments and strings skipped)."""
    tokens = [t for t in tokenize(text) if t.kind not in ("space", "comment")]
    where = next(i for i, t in enumerate(tokens) if t.kind == "word" and t.text.upper() == "WHERE")
    opening = tokens[where + 1]
    depth = 0
    for token in tokens[where + 1:]:
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
            if depth == 0:
                return text[opening.start + 1:token.start]
    raise ValueError("the page query has no closed WHERE block")
