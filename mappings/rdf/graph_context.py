"""What the mapping of one article holds, and the helpers every statements module uses.

:class:`GraphContext` is the state of one article's mapping: its records, the IRI minter, the mapping tables, the
players settled across articles, the article's source row and the graph being written. The statements modules
(``club_statements.py``, ``match_statements.py``, ``table_statements.py``, ``outcome_statements.py``,
``infobox_statements.py``) are plain functions taking it; ``article_graph.py`` says in which order they run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ascenso_kg.iris import AKG, Iris

from ..interpret.players import PlayerRegistry
from ..interpret.records import ArticleRecords, Span
from ..mapping_tables import MappingTables
from .ntriples import GraphBuilder
from .terms import DERIVED


@dataclass
class GraphContext:
    records: ArticleRecords
    iris: Iris  # scoped to the article's competition
    tables: MappingTables
    players: PlayerRegistry
    source: dict[str, str]  # the article's row of sources.csv: file, url, title, licence, excerpt
    out: GraphBuilder
    spans: set[Span] = field(default_factory=set)  # the source spans already described in this graph
    # What is already described in this graph (rounds by key -> IRI, players by mention -> player): a round or a
    # scorer met again is not described again, as its statements would only be repeats
    described: dict = field(default_factory=dict)


def derived(graph: GraphContext, subject: str, *spans: Span | None) -> None:
    """The subject comes from these lines of the article; each span is described once."""
    for span in spans:
        if span is None:
            continue
        span_iri = graph.iris.span(span.article, span.first, span.last)
        graph.out.link(subject, DERIVED, span_iri)
        if span not in graph.spans:
            graph.spans.add(span)
            graph.out.typed(span_iri, "SourceSpan")
            graph.out.link(span_iri, AKG + "article", graph.iris.article(span.article))
            graph.out.add(span_iri, AKG + "firstLine", span.first)
            graph.out.add(span_iri, AKG + "lastLine", span.last)


def club_name(graph: GraphContext, club: str) -> str:
    """The tables' name of a club; a club they do not know is called by its cleaned name in this article."""
    if club in graph.tables.clubs:
        return graph.tables.clubs[club]
    written = graph.records.clubs_named.get(club)
    return sorted(written)[0] if written else club
