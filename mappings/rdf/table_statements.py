"""League tables (standings, top scorers, relegation) and Liguilla entries."""

from __future__ import annotations

from ascenso_kg.iris import AKG, Iris
from ascenso_kg.notation import season_name

from .club_statements import map_person_manager, map_player
from .graph_context import GraphContext, club_name, derived
from .terms import stage_iri, stage_label, tournament_label
from ..interpret.records import EntryRecord, RowRecord, Span, StageKey, TableRecord
from ..mapping_tables import MappingTables


def scope_iri(iris: Iris, scope: tuple[str, str]) -> str:
    kind, owner = scope
    if kind == "liguilla":
        return iris.liguilla(owner)
    if kind == "tournament":
        return iris.tournament(owner)
    return iris.season(owner)


def scope_label(tables: MappingTables, scope: tuple[str, str]) -> str:
    kind, owner = scope
    if kind == "liguilla":
        return stage_label(StageKey("liguilla", owner), tables)[0]
    if kind == "tournament":
        return tournament_label(owner)
    return season_name(owner)


def map_table(graph: GraphContext, table: TableRecord) -> None:
    scope = scope_iri(graph.iris, table.scope)
    iri = graph.iris.table(scope, table.kind.replace("_", "-"))
    out = graph.out
    kind = graph.tables.league_tables[table.kind]  # league_tables.csv
    out.typed(iri, "Table", kind.table_class)
    english, spanish = kind.name_en, kind.name_es
    scope_name = scope_label(graph.tables, table.scope)
    out.label(iri, f"{scope_name} {english}", f"{spanish.capitalize()} {scope_name}")
    out.link(iri, AKG + "tableOf", scope)
    out.add(iri, AKG + "updatedOn", table.updated_on)
    out.add(iri, AKG + "sortRule", table.sort_rule)
    derived(graph, iri, table.span)
    for row in table.rows:
        map_row(graph, table, iri, row)


def map_row(graph: GraphContext, table: TableRecord, table_iri: str, row: RowRecord) -> None:
    iri = graph.iris.table_row(table_iri, row.index)
    out = graph.out
    out.typed(iri, "TableRow", graph.tables.league_tables[table.kind].row_class)
    out.link(iri, AKG + "table", table_iri)
    out.add(iri, AKG + "rowIndex", row.index)
    if row.rank_shared:
        out.add(iri, AKG + "rankShared", True)
    for field, prop in graph.tables.row_properties.items():  # league_table_properties.csv
        out.add(iri, AKG + prop, row.values.get(field))
    subject = ""
    if row.values.get("club"):
        out.link(iri, AKG + "club", graph.iris.club(row.values["club"]))
        subject = club_name(graph, row.values["club"])
    if row.values.get("player"):
        player = map_player(graph, row.values["player"])
        out.link(iri, AKG + "player", graph.iris.player(player.id))
        subject = f"{player.label} ({subject})" if subject else player.label
    out.label(iri, f"{subject}, row {row.index} of {scope_label(graph.tables, table.scope)} "
                   f"{graph.tables.league_tables[table.kind].name_en}")
    for tournament, points in sorted(row.tournament_points.items()):
        points_iri = graph.iris.tournament_points(iri, tournament)
        out.link(iri, AKG + "tournamentPoints", points_iri)
        out.typed(points_iri, "TournamentPoints")
        out.label(points_iri, f"{subject}: {points} points in {tournament_label(tournament)}")
        out.link(points_iri, AKG + "tournament", graph.iris.tournament(tournament))
        out.add(points_iri, AKG + "points", points)
    derived(graph, iri, Span(table.span.article, row.line, row.line))


def map_entry(graph: GraphContext, entry: EntryRecord) -> None:
    stage = stage_iri(graph.iris, entry.stage)
    iri = graph.iris.liguilla_entry(stage, entry.club)
    out = graph.out
    out.typed(iri, "LiguillaEntry")
    out.label(iri, f"{club_name(graph, entry.club)} in the {stage_label(entry.stage, graph.tables)[0]}")
    out.link(iri, AKG + "stage", stage)
    out.link(iri, AKG + "club", graph.iris.club(entry.club))
    out.add(iri, AKG + "seed", entry.seed)
    if entry.manager:
        out.link(iri, AKG + "manager", map_person_manager(graph, entry.manager))
    if entry.captain:
        out.link(iri, AKG + "captain", graph.iris.player(map_player(graph, entry.captain).id))
    derived(graph, iri, Span(graph.records.article, entry.line, entry.line))
