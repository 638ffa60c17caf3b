"""League tables (standings, top scorers, relegation) and Liguilla entries."""

from __future__ import annotations

from ascenso_kg.iris import AKG

from .terms import stage_iri, stage_label, tournament_label
from ..interpret.records import RowRecord, Span, StageKey, TableRecord


class TableMapping:
    """Part of :class:`ArticleMapper` (``rdf.py``), which holds the graph being written and the resolvers."""

    def scope_iri(self, scope: tuple[str, str]) -> str:
        kind, owner = scope
        if kind == "liguilla":
            return self.iris.liguilla(owner)
        if kind == "tournament":
            return self.iris.tournament(owner)
        return self.iris.season(owner)

    def scope_label(self, scope: tuple[str, str]) -> str:
        kind, owner = scope
        if kind == "liguilla":
            return stage_label(StageKey("liguilla", owner), self.tables)[0]
        if kind == "tournament":
            return tournament_label(owner)
        return owner.replace("-", "–")

    def map_table(self, table: TableRecord) -> None:
        scope = self.scope_iri(table.scope)
        iri = self.iris.table(scope, table.kind.replace("_", "-"))
        out = self.out
        kind = self.tables.league_tables[table.kind]  # league_tables.csv
        out.typed(iri, "Table", kind.table_class)
        english, spanish = kind.name_en, kind.name_es
        out.label(iri, f"{self.scope_label(table.scope)} {english}", f"{spanish.capitalize()} {self.scope_label(table.scope)}")
        out.link(iri, AKG + "tableOf", scope)
        out.add(iri, AKG + "updatedOn", table.updated_on)
        out.add(iri, AKG + "sortRule", table.sort_rule)
        self.derived(iri, table.span)
        for row in table.rows:
            self.map_row(table, iri, row)

    def map_row(self, table: TableRecord, table_iri: str, row: RowRecord) -> None:
        iri = self.iris.table_row(table_iri, row.index)
        out = self.out
        out.typed(iri, "TableRow", self.tables.league_tables[table.kind].row_class)
        out.link(iri, AKG + "table", table_iri)
        out.add(iri, AKG + "rowIndex", row.index)
        if row.rank_shared:
            out.add(iri, AKG + "rankShared", True)
        for field, prop in self.tables.row_properties.items():  # league_table_properties.csv
            out.add(iri, AKG + prop, row.values.get(field))
        subject = ""
        if row.values.get("club"):
            out.link(iri, AKG + "club", self.iris.club(row.values["club"]))
            subject = self.club_name(row.values["club"])
        if row.values.get("player"):
            player = self.map_player(row.values["player"])
            out.link(iri, AKG + "player", self.iris.player(player.id))
            subject = f"{player.label} ({subject})" if subject else player.label
        out.label(iri, f"{subject}, row {row.index} of {self.scope_label(table.scope)} "
                       f"{self.tables.league_tables[table.kind].name_en}")
        for tournament, points in sorted(row.tournament_points.items()):
            points_iri = f"{iri}/points/{tournament}"
            out.link(iri, AKG + "tournamentPoints", points_iri)
            out.typed(points_iri, "TournamentPoints")
            out.label(points_iri, f"{subject}: {points} points in {tournament_label(tournament)}")
            out.link(points_iri, AKG + "tournament", self.iris.tournament(tournament))
            out.add(points_iri, AKG + "points", points)
        self.derived(iri, Span(table.span.article, row.line, row.line))

    def map_entry(self, entry) -> None:
        stage = stage_iri(self.iris, entry.stage)
        iri = self.iris.liguilla_entry(stage, entry.club)
        out = self.out
        out.typed(iri, "LiguillaEntry")
        out.label(iri, f"{self.club_name(entry.club)} in the {stage_label(entry.stage, self.tables)[0]}")
        out.link(iri, AKG + "stage", stage)
        out.link(iri, AKG + "club", self.iris.club(entry.club))
        out.add(iri, AKG + "seed", entry.seed)
        if entry.manager:
            out.link(iri, AKG + "manager", self.map_person_manager(entry.manager))
        if entry.captain:
            out.link(iri, AKG + "captain", self.iris.player(self.map_player(entry.captain).id))
        self.derived(iri, Span(self.records.article, entry.line, entry.line))
