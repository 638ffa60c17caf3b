"""Turn football records into quads: one named graph per article, one for the mapping tables.

Mappers never see raw text: they read records, mint IRIs through :class:`ascenso_kg.iris.Iris`, and emit terms of
the ontology. A value a record does not have is simply not emitted — missing stays missing. One article's mapping is
a :class:`GraphContext` (``graph_context.py``) passed to plain functions; :data:`RECORD_MAPPERS` says which function
maps each kind of record, in the order they are written.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from ascenso_kg.iris import AKG, DCTERMS, RDF, RDFS, SCHEMA, SKOS, Iris, licence_iri
from ascenso_kg.notation import season_id_from, season_name

from ..interpret.players import PlayerRegistry
from ..interpret.records import ArticleRecords, SeasonRecord, StageRecord, TournamentRecord
from ..mapping_tables import MappingTables
from .club_statements import map_club, map_club_season
from .graph_context import GraphContext, derived
from .infobox_statements import map_statistic
from .match_statements import map_match, map_tie
from .ntriples import GraphBuilder, text
from .outcome_statements import map_change, map_outcome, map_title
from .table_statements import map_entry, map_table
from .terms import DERIVED, LABEL, stage_iri, stage_label


def map_article_graph(records: ArticleRecords, iris: Iris, tables: MappingTables, players: PlayerRegistry,
                      source: dict[str, str]) -> list[str]:
    """One article's records as the statements of its named graph."""
    graph = GraphContext(records, iris, tables, players, source, GraphBuilder(iris.article_graph(records.article)))
    map_article(graph)
    for records_of, map_record in RECORD_MAPPERS:
        for record in records_of(records):
            map_record(graph, record)
    return graph.out.statements


# Source --------------------------------------------------------------------------------------------------
def map_article(graph: GraphContext) -> None:
    article = graph.iris.article(graph.records.article)
    source = graph.source
    out = graph.out
    out.typed(article, "SourceArticle")
    out.add(article, DCTERMS + "title", text(graph.records.title, "en"))
    out.add(article, LABEL, text(graph.records.title, "en"))
    out.add(article, AKG + "fileName", source.get("file"))
    if source.get("excerpt"):
        out.add(article, AKG + "isExcerpt", True)
    if source.get("url"):
        out.link(article, SCHEMA + "url", source["url"])
        out.link(article, DERIVED, source["url"])
        out.link(article, DCTERMS + "source", source["url"])
    licence = licence_iri(source.get("licence", ""))
    out.link(article, DCTERMS + "license", licence)
    graph_iri = graph.iris.article_graph(graph.records.article)
    out.link(graph_iri, DERIVED, article)
    out.link(graph_iri, DCTERMS + "license", licence)


# Competition structure -----------------------------------------------------------------------------------
def map_season(graph: GraphContext, season: SeasonRecord) -> None:
    iri = graph.iris.season(season.id)
    out = graph.out
    out.typed(iri, "Season")
    if season.title:
        out.label(iri, season.title, f"Temporada {season.name}")
    out.add(iri, AKG + "seasonName", season.name)
    out.add(iri, AKG + "competitionName", season.competition_name)
    # The competition of the article's title decides which competition's season this is (its IRI is scoped by
    # it); the infobox's Competition field only where the title names none.
    stated = graph.tables.competitions.get(season.competition_name or "")
    competition = graph.records.competition or (stated[0] if stated else "")
    if competition:
        out.link(iri, AKG + "competition", graph.iris.competition(competition))
        if competition not in {known for known, _ in graph.tables.competitions.values()}:
            out.typed(graph.iris.competition(competition), "Competition")
            out.name(graph.iris.competition(competition), graph.records.competitions.get(competition, competition))
    out.add(iri, SCHEMA + "startDate", season.start)
    out.add(iri, SCHEMA + "endDate", season.end)
    for neighbour, prop in ((season.previous, "previousSeason"), (season.next, "nextSeason")):
        # '1999–2000' is season 1999-00; 'Invierno 1998' or two seasons at once name no one season of this
        # competition: no link rather than an invented season.
        neighbour = season_id_from(neighbour) if neighbour else None
        if neighbour:
            out.link(iri, AKG + prop, graph.iris.season(neighbour))
            map_season_reference(graph, neighbour)
    derived(graph, iri, season.span, season.dates_span)


def map_season_reference(graph: GraphContext, season_id: str) -> None:
    """A season this article only names (a neighbour, the season of a relegation column): its type and name."""
    graph.out.typed(graph.iris.season(season_id), "Season")
    graph.out.add(graph.iris.season(season_id), AKG + "seasonName", season_name(season_id))


def map_tournament(graph: GraphContext, tournament: TournamentRecord) -> None:
    iri = graph.iris.tournament(tournament.id)
    out = graph.out
    out.typed(iri, "Tournament")
    out.label(iri, f"{tournament.kind} {tournament.year}", f"{tournament.kind} {tournament.year}")
    out.add(iri, AKG + "tournamentKind", tournament.kind)
    map_season_reference(graph, tournament.season)
    out.link(iri, AKG + "season", graph.iris.season(tournament.season))
    out.add(iri, SCHEMA + "startDate", tournament.start)
    out.add(iri, SCHEMA + "endDate", tournament.end)
    derived(graph, iri, tournament.span, tournament.dates_span)


def map_stage(graph: GraphContext, stage: StageRecord) -> None:
    iri = stage_iri(graph.iris, stage.key)
    out = graph.out
    out.typed(iri, "Stage", graph.tables.stages[stage.key.kind].stage_class)  # stages.csv
    if stage.key.kind in ("liguilla", "regular_season"):
        out.link(iri, AKG + "tournament", graph.iris.tournament(stage.key.owner))
    else:
        out.link(iri, AKG + "season", graph.iris.season(stage.key.owner))
    out.label(iri, *stage_label(stage.key, graph.tables))
    derived(graph, iri, stage.span)
    rules = stage.rules
    if not rules.spans:
        return
    rules_iri = graph.iris.rules(iri)
    out.link(iri, AKG + "rules", rules_iri)
    out.typed(rules_iri, "PlayoffRules")
    stage_en, stage_es = stage_label(stage.key, graph.tables)
    out.label(rules_iri, f"{stage_en} rules", f"Reglas de la {stage_es}")
    out.add(rules_iri, AKG + "legsPerTie", rules.legs)
    out.add(rules_iri, AKG + "qualifiers", rules.qualifiers)
    out.add(rules_iri, AKG + "byes", rules.byes)
    out.add(rules_iri, AKG + "awayGoalsRule", rules.away_goals)
    out.add(rules_iri, AKG + "reseeded", rules.reseeded)
    out.add(rules_iri, AKG + "higherSeedHostsSecondLeg", rules.higher_seed_hosts_second_leg)
    out.add(rules_iri, AKG + "winnerPlaysPromotionFinal", rules.winner_to_promotion_final)
    if rules.tie_break:
        out.link(rules_iri, AKG + "tieBreak", AKG + graph.tables.decisions[rules.tie_break])
    out.add(rules_iri, RDFS + "comment", text(" ".join(rules.text), "en"))
    derived(graph, rules_iri, *rules.spans)


# Which function maps each kind of record, in the order an article's graph is written.
RECORD_MAPPERS: tuple[tuple[Callable[[ArticleRecords], Iterable[Any]], Callable[[GraphContext, Any], None]], ...] = (
    (lambda records: records.seasons, map_season),
    (lambda records: records.tournaments.values(), map_tournament),
    (lambda records: records.stages.values(), map_stage),
    (lambda records: records.matches, map_match),
    (lambda records: records.ties, map_tie),
    (lambda records: records.club_seasons, map_club_season),
    (lambda records: records.tables, map_table),
    (lambda records: records.entries, map_entry),
    (lambda records: records.titles, map_title),
    (lambda records: records.outcomes, map_outcome),
    (lambda records: records.changes, map_change),
    (lambda records: records.statistics, map_statistic),
    (lambda records: records.clubs_named.items(), map_club),
)


def map_reference_tables(
    tables: MappingTables, iris: Iris, clubs_used: set[str], competitions_used: set[str], stadiums_used: set[str]
) -> list[str]:
    """The names the mapping tables give clubs, stadiums and competitions, in their own graph."""
    out = GraphBuilder(iris.graph("mappings"))
    graph = iris.graph("mappings")
    out.add(graph, RDFS + "comment", text(
        "Canonical names and name variants from the project's mapping tables (mappings/tables/*.csv).", "en"))
    for club in sorted(clubs_used):
        if club in tables.clubs:
            out.name(iris.club(club), tables.clubs[club])
    for alias, targets in sorted(tables.club_aliases.items()):
        for target in targets:
            if target.target in clubs_used and target.scope is None and alias != tables.clubs[target.target]:
                out.add(iris.club(target.target), SKOS + "altLabel", text(alias))
    for stadium in sorted(stadiums_used & set(tables.stadiums)):
        out.name(iris.stadium(stadium), tables.stadiums[stadium])
    names: dict[str, set[str]] = {}
    for alias, (competition, name) in tables.competitions.items():
        names.setdefault(competition, set()).add(alias)
        names[competition].add(name)
    canonical = {competition: name for competition, name in tables.competitions.values()}
    for competition in sorted(competitions_used & canonical.keys()):  # the others are named by their article
        iri = iris.competition(competition)
        out.typed(iri, "Competition")
        out.link(iri, RDF + "type", SCHEMA + "SportsOrganization")
        out.name(iri, canonical[competition])
        for alias in sorted(names[competition] - {canonical[competition]}):
            out.add(iri, SKOS + "altLabel", text(alias))
    return out.statements
