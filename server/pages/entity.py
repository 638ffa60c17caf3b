"""One data function for every page: ``build_page(iri)`` returns the plain dict a page is rendered from, and the
triples it was built from.

A page is made in two phases. First every query runs: the entity's description (one query), the links into it
(counts and first pages: two queries), the view of its most specific football class (a match, a club, a Liguilla…:
one to three queries), and the labels of whatever the page links to that the app's names do not hold (one query).
Then the plain dict is put together from those answers alone, without touching the store: the generic parts
(labels, statements, provenance, validation, links out) and the football view. The HTML template and the RDF
renderings are both made from this one result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyoxigraph

from ascenso_kg import iris

from .. import source_view
from ..current_release import Release
from .addresses import Addresses
from .clubs import club_view, gather_club, gather_player, gather_stadium, player_view, stadium_view
from .competitions import gather_season, gather_stage, gather_tournament, season_view, stage_view, tournament_view
from .page_context import PageContext
from .describe import describe, gather_description, gather_incoming, incoming
from .graph import PageGraph, akg
from .league_tables import gather_table, table_view
from .matches import gather_match, gather_round, gather_tie, match_view, round_view, tie_view
from .names import Names, PageNames, get_linked_labels
from .ontology import gather_ontology, ontology_view


@dataclass(frozen=True)
class PageResult:
    data: dict  # what the templates render
    graph: PageGraph  # the triples the page was made of
    names: PageNames  # the labels of everything the page links to


def _source_page(page: PageContext) -> dict:
    """The article text for a source article or one of its spans, with the span's lines marked."""
    graph, this = page.graph, page.this
    if graph.has_type(this, "SourceSpan"):
        article_iri = graph.value(this, akg("article"))
        first, last = graph.number(this, akg("firstLine")), graph.number(this, akg("lastLine"))
    else:
        article_iri, first, last = this, None, None
    minted = iris.Iris(page.addresses.base)
    article = next((a for a in page.release.articles
                    if article_iri is not None and minted.article(a["id"]) == article_iri.value), None)
    if article is None:
        return {"source": None}
    view = source_view.source_view(source_view.read_source(article), first, last)
    view["article_href"] = page.addresses.href(minted.article(article["id"]))
    return {"source": view}


def _nothing_more(page: PageContext) -> None:
    """Source pages need no query beyond the description: the text comes from the article file."""


# The most specific class decides the page: (class, template name, gather, view). Checked in this order.
VIEWS: tuple[tuple[str, str, Callable, Callable], ...] = (
    ("Match", "match", gather_match, match_view),
    ("Tie", "tie", gather_tie, tie_view),
    ("Liguilla", "stage", gather_stage, stage_view),
    ("PromotionFinal", "stage", gather_stage, stage_view),
    ("Stage", "stage", gather_stage, stage_view),
    ("Round", "round", gather_round, round_view),
    ("Season", "season", gather_season, season_view),
    ("Tournament", "tournament", gather_tournament, tournament_view),
    ("Club", "club", gather_club, club_view),
    ("Player", "player", gather_player, player_view),
    ("Stadium", "stadium", gather_stadium, stadium_view),
    ("Table", "table", gather_table, table_view),
    ("SourceSpan", "source", _nothing_more, _source_page),
    ("SourceArticle", "source", _nothing_more, _source_page),
)


def build_page(iri: str, names: Names, addresses: Addresses, release: Release, args: dict) -> PageResult | None:
    """Everything the page of ``iri`` shows, or None when the graph says nothing about it."""
    try:
        this = pyoxigraph.NamedNode(iri)
    except ValueError:
        return None
    page = PageContext(this, PageGraph(), PageNames(names, get_linked_labels()), addresses, release, args)
    gather_description(page)
    if iri == iris.ONTOLOGY_IRI:
        kind, view = "ontology", ontology_view
        gather_ontology(page)
    else:
        requested = args.get("incoming")
        counts = gather_incoming(page, requested if isinstance(requested, str) else None,
                                 page.page_number("incoming_page"))
        if not page.graph.outgoing(this) and not counts:
            return None
        types = page.graph.types(this)
        kind, gather, view = next(((template, gather, view) for class_name, template, gather, view in VIEWS
                                   if iris.AKG + class_name in types), ("entity", _nothing_more, None))
        gather(page)
    page.fetch_labels(tuple(player.value for player, _ in page.found.get("club", {}).get("scorers", ())))
    data = describe(page)
    data.update({"kind": kind, "football": view(page) if view else {}, "incoming": incoming(page),
                 "queries": page.queries.log, "truncated": page.truncated})
    return PageResult(data, page.graph, page.names)
