"""Turn football records into quads: one named graph per article, one for the mapping tables.

Mappers never see raw text: they read records, mint IRIs through :class:`ascenso_kg.iris.Iris`, and emit terms of
the ontology. A value a record does not have is simply not emitted — missing stays missing.
"""

from __future__ import annotations

from ascenso_kg.iris import AKG, DCTERMS, RDF, RDFS, SCHEMA, SKOS, Iris, licence_iri

from ..mapping_tables import MappingTables
from ..interpret.context import season_id_from
from .club_statements import ClubMapping
from .infobox_statements import InfoboxMapping
from .match_statements import MatchMapping
from .outcome_statements import OutcomeMapping
from .table_statements import TableMapping
from .ntriples import GraphBuilder, text
from ..interpret.players import PlayerRegistry
from .terms import DERIVED, LABEL, stage_iri, stage_label
from ..interpret.records import ArticleRecords, RoundKey, Span


class ArticleMapper(MatchMapping, ClubMapping, TableMapping, OutcomeMapping, InfoboxMapping):
    """Maps one article's records into its named graph."""

    def __init__(self, records: ArticleRecords, iris: Iris, tables: MappingTables, players: PlayerRegistry,
                 source: dict[str, str]) -> None:
        self.records = records
        self.iris = iris
        self.tables = tables
        self.players = players
        self.source = source
        self.out = GraphBuilder(iris.article_graph(records.article))
        self._spans: set[Span] = set()

    def derived(self, subject: str, *spans: Span | None) -> None:
        for span in spans:
            if span is None:
                continue
            span_iri = self.iris.span(span.article, span.first, span.last)
            self.out.link(subject, DERIVED, span_iri)
            if span not in self._spans:
                self._spans.add(span)
                self.out.typed(span_iri, "SourceSpan")
                self.out.link(span_iri, AKG + "article", self.iris.article(span.article))
                self.out.add(span_iri, AKG + "firstLine", span.first)
                self.out.add(span_iri, AKG + "lastLine", span.last)

    def map(self) -> list[str]:
        self.map_article()
        for season in self.records.seasons:
            self.map_season(season)
        for tournament in self.records.tournaments.values():
            self.map_tournament(tournament)
        for stage in self.records.stages.values():
            self.map_stage(stage)
        for match in self.records.matches:
            self.map_match(match)
        for tie in self.records.ties:
            self.map_tie(tie)
        for club_season in self.records.club_seasons:
            self.map_club_season(club_season)
        for table in self.records.tables:
            self.map_table(table)
        for entry in self.records.entries:
            self.map_entry(entry)
        for title in self.records.titles:
            self.map_title(title)
        for outcome in self.records.outcomes:
            self.map_outcome(outcome)
        for change in self.records.changes:
            self.map_change(change)
        for statistic in self.records.statistics:
            self.map_statistic(statistic)
        for club, names in self.records.clubs_named.items():
            self.map_club(club, names)
        return self.out.statements

    # Source --------------------------------------------------------------------------------------------
    def map_article(self) -> None:
        article = self.iris.article(self.records.article)
        out = self.out
        out.typed(article, "SourceArticle")
        out.add(article, DCTERMS + "title", text(self.records.title, "en"))
        out.add(article, LABEL, text(self.records.title, "en"))
        out.add(article, AKG + "fileName", self.source.get("file"))
        if self.source.get("excerpt"):
            out.add(article, AKG + "isExcerpt", True)
        if self.source.get("url"):
            out.link(article, SCHEMA + "url", self.source["url"])
            out.link(article, DERIVED, self.source["url"])
            out.link(article, DCTERMS + "source", self.source["url"])
        licence = licence_iri(self.source.get("licence", ""))
        out.link(article, DCTERMS + "license", licence)
        graph = self.iris.article_graph(self.records.article)
        out.link(graph, DERIVED, article)
        out.link(graph, DCTERMS + "license", licence)

    # Competition structure -----------------------------------------------------------------------------
    def map_season(self, season) -> None:
        iri = self.iris.season(season.id)
        out = self.out
        out.typed(iri, "Season")
        if season.title:
            out.label(iri, season.title, f"Temporada {season.name}")
        out.add(iri, AKG + "seasonName", season.name)
        out.add(iri, AKG + "competitionName", season.competition_name)
        # The competition of the article's title decides which competition's season this is (its IRI is scoped by
        # it); the infobox's Competition field only where the title names none.
        stated = self.tables.competitions.get(season.competition_name or "")
        competition = self.records.competition or (stated[0] if stated else "")
        if competition:
            out.link(iri, AKG + "competition", self.iris.competition(competition))
            if competition not in {known for known, _ in self.tables.competitions.values()}:
                out.typed(self.iris.competition(competition), "Competition")
                out.name(self.iris.competition(competition), self.records.competitions.get(competition, competition))
        out.add(iri, SCHEMA + "startDate", season.start)
        out.add(iri, SCHEMA + "endDate", season.end)
        for neighbour, prop in ((season.previous, "previousSeason"), (season.next, "nextSeason")):
            # '1999–2000' is season 1999-00; 'Invierno 1998' or two seasons at once name no one season of this
            # competition: no link rather than an invented season.
            neighbour = season_id_from(neighbour.replace("-", "–")) if neighbour else None
            if neighbour:
                out.link(iri, AKG + prop, self.iris.season(neighbour))
                self.map_season_reference(neighbour)
        self.derived(iri, season.span, season.dates_span)

    def map_season_reference(self, season_id: str) -> None:
        """A season this article only names (a neighbour, the season of a relegation column): its type and name."""
        self.out.typed(self.iris.season(season_id), "Season")
        self.out.add(self.iris.season(season_id), AKG + "seasonName", season_id.replace("-", "\u2013"))

    def map_tournament(self, tournament) -> None:
        iri = self.iris.tournament(tournament.id)
        out = self.out
        out.typed(iri, "Tournament")
        out.label(iri, f"{tournament.kind} {tournament.year}", f"{tournament.kind} {tournament.year}")
        out.add(iri, AKG + "tournamentKind", tournament.kind)
        self.map_season_reference(tournament.season)
        out.link(iri, AKG + "season", self.iris.season(tournament.season))
        out.add(iri, SCHEMA + "startDate", tournament.start)
        out.add(iri, SCHEMA + "endDate", tournament.end)
        self.derived(iri, tournament.span, tournament.dates_span)

    def map_stage(self, stage) -> None:
        iri = stage_iri(self.iris, stage.key)
        out = self.out
        out.typed(iri, "Stage", self.tables.stages[stage.key.kind].stage_class)  # stages.csv
        if stage.key.kind in ("liguilla", "regular_season"):
            out.link(iri, AKG + "tournament", self.iris.tournament(stage.key.owner))
        else:
            out.link(iri, AKG + "season", self.iris.season(stage.key.owner))
        out.label(iri, *stage_label(stage.key, self.tables))
        self.derived(iri, stage.span)
        rules = stage.rules
        if not rules.spans:
            return
        rules_iri = self.iris.rules(iri)
        out.link(iri, AKG + "rules", rules_iri)
        out.typed(rules_iri, "PlayoffRules")
        stage_en, stage_es = stage_label(stage.key, self.tables)
        out.label(rules_iri, f"{stage_en} rules", f"Reglas de la {stage_es}")
        out.add(rules_iri, AKG + "legsPerTie", rules.legs)
        out.add(rules_iri, AKG + "qualifiers", rules.qualifiers)
        out.add(rules_iri, AKG + "byes", rules.byes)
        out.add(rules_iri, AKG + "awayGoalsRule", rules.away_goals)
        out.add(rules_iri, AKG + "reseeded", rules.reseeded)
        out.add(rules_iri, AKG + "higherSeedHostsSecondLeg", rules.higher_seed_hosts_second_leg)
        out.add(rules_iri, AKG + "winnerPlaysPromotionFinal", rules.winner_to_promotion_final)
        if rules.tie_break:
            out.link(rules_iri, AKG + "tieBreak", AKG + self.tables.decisions[rules.tie_break])
        out.add(rules_iri, RDFS + "comment", text(" ".join(rules.text), "en"))
        self.derived(rules_iri, *rules.spans)

    def round_iri(self, key: RoundKey) -> str:
        iri = self.iris.round(stage_iri(self.iris, key.stage), key.round)
        self.out.typed(iri, "Round")
        self.out.label(iri, *self.round_label(key))
        self.out.link(iri, AKG + "stage", stage_iri(self.iris, key.stage))
        self.out.add(iri, AKG + "roundOrder", self.round_order(key))
        return iri

    def round_order(self, key: RoundKey) -> int:
        if key.round.startswith("matchday-"):
            return int(key.round.removeprefix("matchday-"))
        return self.tables.rounds[key.round][2]

    def round_label(self, key: RoundKey) -> tuple[str, str]:
        stage_en, stage_es = stage_label(key.stage, self.tables)
        if key.round.startswith("matchday-"):
            number = key.round.removeprefix("matchday-")
            return f"{stage_en}, matchday {number}", f"Jornada {number} ({stage_es})"
        english, spanish, _ = self.tables.rounds[key.round]
        if key.stage.kind == "promotion_final":
            return stage_en, stage_es
        return f"{stage_en} {english.lower()}", f"{spanish} ({stage_es})"

    def club_name(self, club: str) -> str:
        """The tables' name of a club; a club they do not know is called by its cleaned name in this article."""
        if club in self.tables.clubs:
            return self.tables.clubs[club]
        written = self.records.clubs_named.get(club)
        return sorted(written)[0] if written else club



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
