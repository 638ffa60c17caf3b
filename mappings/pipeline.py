"""From a folder of articles to statements: read, interpret, settle ties and players across articles, map.

Two passes, so that a build holds one article's statements at a time: ``interpret_articles`` reads and interprets
every article and settles what crosses articles (ties, players) from the records; ``map_graphs`` then maps the
articles one at a time, followed by the mapping tables' graph and the links graph. ``map_articles`` does both and
keeps every graph (tests, small sets).

A problem in one article (unreadable, untitled, a line not understood) is reported with its file and line, and the
other articles are mapped all the same.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from ascenso_kg.iris import Iris, slugify

from .mapping_tables import MappingTables, default_tables
from .read.document import Problem
from .interpret.article import Coverage, interpret
from .rdf.links import entity_iri, map_links
from .rdf.ntriples import Statement
from .interpret.players import PlayerRegistry
from .rdf.article_graph import map_article_graph, map_reference_tables
from .read.reader import read_article
from .interpret.records import ArticleRecords
from .interpret.ties import resolve_ties


@dataclass(frozen=True)
class ArticleSource:
    id: str
    path: Path
    title: str = ""
    url: str = ""
    licence: str = ""
    original_file: str = ""
    excerpt: bool = False  # the file holds only the start of the article (sources.csv's excerpt column says 'yes')
    retrieved: str = ""  # the day the article's text was taken (sources.csv's optional retrieved column), if recorded


@dataclass
class MappingResult:
    graphs: dict[str, list[Statement]] = field(default_factory=dict)  # graph IRI -> statements (map_articles only)
    problems: list[Problem] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)  # article id -> coverage
    infobox: dict[str, list] = field(default_factory=dict)  # article id -> (line, key, value, property or reason)
    records: list[ArticleRecords] = field(default_factory=list)
    sources: list[ArticleSource] = field(default_factory=list)
    players: PlayerRegistry = field(default_factory=PlayerRegistry)  # who is who, settled across the articles

    def nquads(self) -> bytes:
        return "".join(s.quad_line() for statements in self.graphs.values() for s in statements).encode()

    def quads(self) -> list[Quad]:
        """The graphs as pyoxigraph quads (parsed by Oxigraph; for tests and small graphs)."""
        return list(parse(self.nquads(), format=RdfFormat.N_QUADS))


@dataclass(frozen=True)
class MappedGraph:
    iri: str
    statements: list[Statement]
    source: ArticleSource | None = None  # the article it holds, if it is an article's graph


def load_sources(articles_dir: Path) -> tuple[list[ArticleSource], list[Problem]]:
    """Every ``*.txt`` in the folder, described by ``sources.csv`` where it has a row."""
    described: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    table = articles_dir / "sources.csv"
    if table.exists():
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                described[row.get("file", "")] = row
    sources = []
    for path in sorted(articles_dir.glob("*.txt")):
        row = described.get(path.name)
        if row is None:
            problems.append(Problem(path.name, 1, "not listed in sources.csv: its graph records no source URL", "info"))
            row = {}
        url = row.get("url", "")
        if url and not _is_iri(url):
            problems.append(Problem("sources.csv", 1, f"the url of {path.name} is not an IRI ({url!r}); left out"))
            url = ""
        sources.append(ArticleSource(
            id=slugify(path.stem), path=path, title=row.get("title", ""), url=url,
            licence=row.get("licence", ""), original_file=row.get("original_file", ""),
            excerpt=row.get("excerpt", "").strip().lower() == "yes", retrieved=(row.get("retrieved") or "").strip(),
        ))
    for name in sorted(set(described) - {source.path.name for source in sources}):
        problems.append(Problem("sources.csv", 1, f"lists {name}, which is not in the folder", "warning"))
    return sources, problems


def _is_iri(text: str) -> bool:
    try:
        NamedNode(text)
    except ValueError:
        return False
    return "://" in text


def map_articles(articles_dir: Path, iris: Iris, tables: MappingTables | None = None) -> MappingResult:
    """Every graph of the articles, held in ``graphs``."""
    tables = tables or default_tables()
    result = interpret_articles(articles_dir, tables)
    for graph in map_graphs(result, iris, tables):
        result.graphs[graph.iri] = graph.statements
    return result


def interpret_articles(articles_dir: Path, tables: MappingTables | None = None) -> MappingResult:
    """The first pass: every article read and interpreted, its ties settled by its Liguilla's rules and its players
    told apart across the articles. No statement is made yet."""
    tables = tables or default_tables()
    sources, problems = load_sources(articles_dir)
    result = MappingResult(problems=problems, sources=sources)
    for source in sources:
        document = read_article(source.path)
        records, coverage, article_problems = interpret(document, source.id, tables, excerpt=source.excerpt)
        result.problems.extend(article_problems)
        result.coverage[source.id] = coverage
        result.infobox[source.id] = records.infobox_report or [
            (entry.line, entry.key, entry.value, "skipped: the article was not mapped") for entry in document.infobox]
        if records.seasons:
            result.records.append(records)
    round_order = {name: order for name, (_, _, order) in tables.rounds.items()}
    for competition in sorted({records.competition for records in result.records}):
        # What one competition's articles say about who went through never decides another competition's ties.
        same = [records for records in result.records if records.competition == competition]
        result.problems.extend(resolve_ties(same, round_order))
    for records in result.records:
        for mention in _mentions(records):
            result.players.add(mention)
    result.players.resolve()
    return result


def map_graphs(result: MappingResult, iris: Iris, tables: MappingTables | None = None) -> Iterator[MappedGraph]:
    """The second pass: the graph of each interpreted article, one at a time, then the mapping tables' graph and the
    links graph (whose problems join ``result.problems``)."""
    tables = tables or default_tables()
    by_id = {source.id: source for source in result.sources}
    clubs_used: set[str] = set()
    competitions_used: set[str] = set()
    # The links table names a few entities; which of them the graph holds is all the links graph needs to know.
    linkable = {f"<{entity_iri(iris, row)}>": entity_iri(iris, row) for row in [*tables.links, *tables.wikidata_links]}
    held: set[str] = set()

    def mapped(graph: MappedGraph) -> MappedGraph:
        held.update(linkable[subject] for subject in {s.subject for s in graph.statements} & linkable.keys())
        return graph

    for records in result.records:
        source = by_id[records.article]
        statements = map_article_graph(records, iris.scoped_to(records.competition), tables, result.players,
                                       {"file": source.path.name, "url": source.url, "title": source.title,
                                        "licence": source.licence, "excerpt": "yes" if source.excerpt else ""})
        yield mapped(MappedGraph(iris.article_graph(records.article), statements, source))
        clubs_used |= set(records.clubs_named)
        competitions_used |= set(records.competitions)
        competitions_used |= {change.league for change in records.changes if change.league}
        competitions_used |= {
            tables.competitions[season.competition_name][0]
            for season in records.seasons
            if season.competition_name in tables.competitions
        }
    stadiums_used = {cs.stadium for records in result.records for cs in records.club_seasons if cs.stadium}
    yield mapped(MappedGraph(iris.graph("mappings"), map_reference_tables(tables, iris, clubs_used, competitions_used,
                                                                         stadiums_used)))
    statements, link_problems = map_links(tables, iris, held)
    result.problems.extend(link_problems)
    yield MappedGraph(iris.graph("links"), statements)


def _mentions(records: ArticleRecords):
    for match in records.matches:
        for goal in match.goals:
            yield goal.scorer
    for table in records.tables:
        for row in table.rows:
            if "player" in row.values:
                yield row.values["player"]
    for entry in records.entries:
        if entry.captain:
            yield entry.captain
