"""What every view of a page works with: the entity, its triples, names, addresses and the query runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph

from ..current_release import Release
from ..sparql.query_results import Graph
from .addresses import Addresses
from .graph import PageGraph
from .names import PageNames
from .queries import PageQueries
from .values import Presenter


LABELS_PER_QUERY = 2000


@dataclass
class PageContext:
    this: pyoxigraph.NamedNode
    graph: PageGraph
    names: PageNames
    addresses: Addresses
    release: Release
    args: dict  # the request's query parameters (paging)
    queries: PageQueries = field(default_factory=PageQueries)
    truncated: bool = False  # a query of the page hit the answer size limit
    found: dict = field(default_factory=dict)  # what the gathering queries found that is not triples (counts, rows)

    @property
    def iri(self) -> str:
        return self.this.value

    @cached_property
    def show(self) -> Presenter:
        return Presenter(self.names, self.addresses)

    def gather(self, name: str, **values) -> Graph:
        """Run a page CONSTRUCT query about this entity, add its triples to the page, and return them."""
        outcome = self.queries.graph(name, this=self.this, **values)
        self.truncated = self.truncated or outcome.truncated
        self.graph.add_all(outcome.triples)
        return outcome

    def fetch_labels(self, more: tuple[str, ...] = ()) -> None:
        """Name everything the page links to that the app's names do not know, in one query.

        Run after every query of the page and before anything is presented, so each link on the page has its label.
        The query is listed on the page whether or not it runs: labels an earlier page read are taken from the app's
        ``LinkedLabels``, and the store is asked only for the others.
        """
        candidates = [term.value for triple in self.graph.triples for term in (triple.subject, triple.object)
                      if isinstance(term, pyoxigraph.NamedNode)] + list(more)
        # sorted: the triples of blank nodes (a validation report's results) come in each store's own order
        missing = sorted(iri for iri in self.names.missing(candidates) if self.addresses.local_path(iri))
        for start in range(0, len(missing), LABELS_PER_QUERY):
            chunk = missing[start:start + LABELS_PER_QUERY]
            self.queries.record("page-labels", entities=_nodes(chunk))
            unknown = self.names.linked.unknown(chunk)
            if unknown:
                rows = self.queries.select("page-labels", entities=_nodes(unknown), record=False).rows
                self.names.linked.add(unknown, rows)
            self.names.take_linked(chunk)

    def page_number(self, name: str = "page") -> int:
        try:
            return max(1, int(self.args.get(name, 1)))
        except (TypeError, ValueError):
            return 1


def _nodes(iris: list[str]) -> tuple[pyoxigraph.NamedNode, ...]:
    return tuple(pyoxigraph.NamedNode(iri) for iri in iris)
