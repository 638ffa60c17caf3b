"""Turn football records into quads: one named graph per article, one for the mapping tables.

Mappers never see raw text: they read records, mint IRIs through :class:`ascenso_kg.iris.Iris`, and emit terms of
the ontology. A value a record does not have is simply not emitted — missing stays missing.
"""

from __future__ import annotations

from ascenso_kg.iris import AKG, DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS, Iris, licence_iri, slugify

from .config import MappingTables
from .ntriples import GraphBuilder, text
from .players import PlayerRegistry
from .records import (
    ArticleRecords,
    MatchRecord,
    RoundKey,
    RowRecord,
    Span,
    StageKey,
    TableRecord,
    TieRecord,
)

LABEL = RDFS + "label"
DERIVED = PROV + "wasDerivedFrom"

_DECISIONS = {
    "aggregate": "DecidedOnAggregate",
    "away_goals": "DecidedOnAwayGoals",
    "higher_seed": "DecidedOnHigherSeed",
    "penalties": "DecidedOnPenalties",
    "not_stated": "DecisionNotStated",
}
_TABLE_CLASSES = {"standings": "StandingsTable", "top_scorers": "TopScorerTable", "relegation": "RelegationTable"}
_ROW_CLASSES = {"standings": "StandingsRow", "top_scorers": "TopScorerRow", "relegation": "RelegationRow"}
_ROW_PROPERTIES = {
    "rank": "rank", "played": "played", "won": "won", "drawn": "drawn", "lost": "lost", "goals_for": "goalsFor",
    "goals_against": "goalsAgainst", "goal_difference": "goalDifference", "points": "points", "goals": "goals",
    "goal_frequency": "goalFrequency", "ratio": "ratio",
}
_TABLE_NAMES = {"standings": ("standings", "tabla general"), "top_scorers": ("top scorers", "goleadores"),
                "relegation": ("relegation table", "tabla de cociente")}


def stage_iri(iris: Iris, key: StageKey) -> str:
    if key.kind == "liguilla":
        return iris.liguilla(key.owner)
    if key.kind == "regular_season":
        return iris.regular_season(key.owner)
    return iris.promotion_final(key.owner)


def tournament_label(tournament_id: str) -> str:
    kind, year = tournament_id.split("-")
    return f"{kind.capitalize()} {year}"


def stage_label(key: StageKey) -> tuple[str, str]:
    if key.kind == "liguilla":
        name = tournament_label(key.owner)
        return f"{name} Liguilla", f"Liguilla del {name}"
    if key.kind == "regular_season":
        name = tournament_label(key.owner)
        return f"{name} regular season", f"Fase regular del {name}"
    year = int(key.owner.split("-")[0]) + 1  # the final closes the season: 2012-13 -> 2013
    return f"{year} promotion final", f"Campeón de Ascenso {year}"


class ArticleMapper:
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
        competition = self.tables.competitions.get(season.competition_name or "")
        if competition:
            out.link(iri, AKG + "competition", self.iris.competition(competition[0]))
        out.add(iri, SCHEMA + "startDate", season.start)
        out.add(iri, SCHEMA + "endDate", season.end)
        for neighbour, prop in ((season.previous, "previousSeason"), (season.next, "nextSeason")):
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
        if stage.key.kind in ("liguilla", "regular_season"):
            out.typed(iri, "Stage", "Liguilla" if stage.key.kind == "liguilla" else "RegularSeason")
            out.link(iri, AKG + "tournament", self.iris.tournament(stage.key.owner))
        else:
            out.typed(iri, "Stage", "PromotionFinal")
            out.link(iri, AKG + "season", self.iris.season(stage.key.owner))
        out.label(iri, *stage_label(stage.key))
        self.derived(iri, stage.span)
        rules = stage.rules
        if not rules.spans:
            return
        rules_iri = self.iris.rules(iri)
        out.link(iri, AKG + "rules", rules_iri)
        out.typed(rules_iri, "PlayoffRules")
        out.label(rules_iri, f"{stage_label(stage.key)[0]} rules", f"Reglas de la {stage_label(stage.key)[1]}")
        out.add(rules_iri, AKG + "legsPerTie", rules.legs)
        out.add(rules_iri, AKG + "qualifiers", rules.qualifiers)
        out.add(rules_iri, AKG + "byes", rules.byes)
        out.add(rules_iri, AKG + "awayGoalsRule", rules.away_goals)
        out.add(rules_iri, AKG + "reseeded", rules.reseeded)
        out.add(rules_iri, AKG + "higherSeedHostsSecondLeg", rules.higher_seed_hosts_second_leg)
        out.add(rules_iri, AKG + "winnerPlaysPromotionFinal", rules.winner_to_promotion_final)
        if rules.tie_break:
            out.link(rules_iri, AKG + "tieBreak", AKG + _DECISIONS[rules.tie_break])
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
        stage_en, stage_es = stage_label(key.stage)
        if key.round.startswith("matchday-"):
            number = key.round.removeprefix("matchday-")
            return f"{stage_en}, matchday {number}", f"Jornada {number} ({stage_es})"
        english, spanish, _ = self.tables.rounds[key.round]
        if key.stage.kind == "promotion_final":
            return stage_en, stage_es
        return f"{stage_en} {english.lower()}", f"{spanish} ({stage_es})"

    # Matches and ties ----------------------------------------------------------------------------------
    def match_iri(self, match: MatchRecord) -> str:
        return self.iris.match(match.date.isoformat(), match.home, match.away)

    def club_name(self, club: str) -> str:
        return self.tables.clubs.get(club, club)

    def map_match(self, match: MatchRecord) -> None:
        iri = self.match_iri(match)
        out = self.out
        home, away = self.club_name(match.home), self.club_name(match.away)
        out.typed(iri, "Match")
        out.link(iri, RDF + "type", SCHEMA + "SportsEvent")
        date = f"{match.date.day} {match.date:%B %Y}"
        out.label(iri, f"{home} {match.home_score}–{match.away_score} {away} ({date})")
        out.link(iri, SCHEMA + "homeTeam", self.iris.club(match.home))
        out.link(iri, SCHEMA + "awayTeam", self.iris.club(match.away))
        out.add(iri, SCHEMA + "startDate", match.date)
        out.add(iri, AKG + "homeScore", match.home_score)
        out.add(iri, AKG + "awayScore", match.away_score)
        out.add(iri, AKG + "leg", match.leg)
        if match.extra_time:
            out.add(iri, AKG + "afterExtraTime", True)
        if match.penalties:
            out.add(iri, AKG + "homePenalties", match.penalties[0])
            out.add(iri, AKG + "awayPenalties", match.penalties[1])
        if match.round:
            out.link(iri, AKG + "round", self.round_iri(match.round))
        self.derived(iri, match.span)
        for goal in match.goals:
            goal_iri = self.iris.goal(iri, goal.number)
            player = self.map_player(goal.scorer)
            out.typed(goal_iri, "Goal")
            minute = f" {goal.minute}'" if goal.minute else ""
            if goal.minute and goal.added_time:
                minute = f" {goal.minute}+{goal.added_time}'"
            out.label(goal_iri, f"{player.label}{minute} ({home} v {away}, {date})")
            out.link(goal_iri, AKG + "match", iri)
            out.link(goal_iri, AKG + "scorer", self.iris.player(player.id))
            out.link(goal_iri, AKG + "forClub", self.iris.club(goal.for_club))
            out.add(goal_iri, AKG + "minute", goal.minute)
            out.add(goal_iri, AKG + "addedTime", goal.added_time)
            out.add(goal_iri, AKG + "penalty", True if goal.penalty else None)
            out.add(goal_iri, AKG + "ownGoal", True if goal.own_goal else None)
            out.add(goal_iri, AKG + "nameAsWritten", goal.scorer.name)
            self.derived(goal_iri, Span(match.span.article, goal.line, goal.line))

    def map_tie(self, tie: TieRecord) -> None:
        round_iri = self.round_iri(tie.round)
        iri = self.iris.tie(round_iri, *(side.club for side in tie.sides[:2])) if len(tie.sides) == 2 else \
            f"{round_iri}/{tie.sides[0].club}"
        out = self.out
        out.typed(iri, "Tie")
        names = " v ".join(self.club_name(side.club) for side in tie.sides)
        if len(tie.sides) == 1:
            names += " v (opponent not named)"
        out.label(iri, f"{names} ({self.round_label(tie.round)[0]})")
        out.link(iri, AKG + "round", round_iri)
        for leg, prop in ((tie.first_leg, "firstLeg"), (tie.second_leg, "secondLeg")):
            if leg is not None:
                out.link(iri, AKG + prop, self.match_iri(leg))
                out.link(self.match_iri(leg), AKG + "tie", iri)
        for side in tie.sides:
            side_iri = self.iris.tie_side(iri, side.club)
            out.link(iri, AKG + "side", side_iri)
            out.typed(side_iri, "TieSide")
            out.label(side_iri, f"{self.club_name(side.club)} in {names}")
            out.link(side_iri, AKG + "club", self.iris.club(side.club))
            out.add(side_iri, AKG + "aggregateGoals", side.aggregate)
            out.add(side_iri, AKG + "awayGoals", side.away_goals)
            out.add(side_iri, AKG + "seed", side.seed)
        if tie.winner:
            out.link(iri, AKG + "winner", self.iris.club(tie.winner))
        if tie.decision:
            out.link(iri, AKG + "decidedBy", AKG + _DECISIONS[tie.decision])
        legs = [leg.span for leg in (tie.first_leg, tie.second_leg) if leg is not None]
        self.derived(iri, *(legs or [tie.span]))

    # Clubs, places, people --------------------------------------------------------------------------------
    def map_club(self, club: str, names: set[str]) -> None:
        iri = self.iris.club(club)
        self.out.typed(iri, "Club")
        self.out.link(iri, RDF + "type", SCHEMA + "SportsTeam")
        if club not in self.tables.clubs:
            self.out.name(iri, sorted(names)[0])
        canonical = self.tables.clubs.get(club)
        for name in sorted(names):
            if name != canonical:
                self.out.add(iri, SKOS + "altLabel", text(name))

    def map_club_season(self, record) -> None:
        iri = self.iris.club_season(record.season, record.club)
        out = self.out
        out.typed(iri, "ClubSeason")
        out.label(iri, f"{self.club_name(record.club)} in {record.season.replace('-', '–')}")
        out.link(iri, AKG + "club", self.iris.club(record.club))
        out.link(iri, AKG + "season", self.iris.season(record.season))
        out.add(iri, AKG + "nameAsWritten", record.name_as_written)
        if record.city:
            self.map_city(record.city, record.city_name)
            out.link(iri, AKG + "city", self.iris.city(record.city))
        if record.stadium:
            stadium = self.iris.stadium(record.stadium)
            out.link(iri, AKG + "stadium", stadium)
            out.typed(stadium, "Stadium")
            out.link(stadium, RDF + "type", SCHEMA + "StadiumOrArena")
            if record.stadium not in self.tables.stadiums:
                out.name(stadium, record.stadium_name)
            out.add(stadium, AKG + "capacity", record.capacity)
            if record.city:
                out.link(stadium, AKG + "city", self.iris.city(record.city))
            self.derived(stadium, record.span)
        self.derived(iri, record.span)

    def map_city(self, city: str, name: str) -> None:
        iri = self.iris.city(city)
        self.out.typed(iri, "City")
        self.out.link(iri, RDF + "type", SCHEMA + "City")
        self.out.name(iri, name)

    def map_player(self, mention):
        player = self.players.player_of(mention)
        iri = self.iris.player(player.id)
        self.out.typed(iri, "Player")
        self.out.link(iri, RDF + "type", SCHEMA + "Person")
        self.out.name(iri, player.label)
        if player.full_name:
            self.out.add(iri, SCHEMA + "name", text(player.label))
        if mention.name != player.label:
            self.out.add(iri, SKOS + "altLabel", text(mention.name))
        self.out.add(iri, AKG + "nationality", mention.nationality)
        return player

    def map_person_manager(self, mention) -> str:
        iri = self.iris.manager(slugify(mention.name))
        self.out.typed(iri, "Manager")
        self.out.link(iri, RDF + "type", SCHEMA + "Person")
        self.out.name(iri, mention.name)
        self.out.add(iri, SCHEMA + "name", text(mention.name))
        self.out.add(iri, AKG + "nationality", mention.nationality)
        return iri

    # Tables, entries, outcomes, changes -------------------------------------------------------------------
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
            return stage_label(StageKey("liguilla", owner))[0]
        if kind == "tournament":
            return tournament_label(owner)
        return owner.replace("-", "–")

    def map_table(self, table: TableRecord) -> None:
        scope = self.scope_iri(table.scope)
        iri = self.iris.table(scope, table.kind.replace("_", "-"))
        out = self.out
        out.typed(iri, "Table", _TABLE_CLASSES[table.kind])
        english, spanish = _TABLE_NAMES[table.kind]
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
        out.typed(iri, "TableRow", _ROW_CLASSES[table.kind])
        out.link(iri, AKG + "table", table_iri)
        out.add(iri, AKG + "rowIndex", row.index)
        if row.rank_shared:
            out.add(iri, AKG + "rankShared", True)
        for field, prop in _ROW_PROPERTIES.items():
            out.add(iri, AKG + prop, row.values.get(field))
        subject = ""
        if row.values.get("club"):
            out.link(iri, AKG + "club", self.iris.club(row.values["club"]))
            subject = self.club_name(row.values["club"])
        if row.values.get("player"):
            player = self.map_player(row.values["player"])
            out.link(iri, AKG + "player", self.iris.player(player.id))
            subject = f"{player.label} ({subject})" if subject else player.label
        out.label(iri, f"{subject}, row {row.index} of {self.scope_label(table.scope)} {_TABLE_NAMES[table.kind][0]}")
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
        out.label(iri, f"{self.club_name(entry.club)} in the {stage_label(entry.stage)[0]}")
        out.link(iri, AKG + "stage", stage)
        out.link(iri, AKG + "club", self.iris.club(entry.club))
        out.add(iri, AKG + "seed", entry.seed)
        if entry.manager:
            out.link(iri, AKG + "manager", self.map_person_manager(entry.manager))
        if entry.captain:
            out.link(iri, AKG + "captain", self.iris.player(self.map_player(entry.captain).id))
        self.derived(iri, Span(self.records.article, entry.line, entry.line))

    def map_title(self, title) -> None:
        iri = self.iris.title(title.tournament)
        tournament = self.iris.tournament(title.tournament)
        out = self.out
        out.typed(iri, "Title")
        out.label(iri, f"{self.club_name(title.club)}, champion of {tournament_label(title.tournament)}")
        out.link(iri, AKG + "tournament", tournament)
        out.link(iri, AKG + "club", self.iris.club(title.club))
        out.add(iri, AKG + "titleNumber", title.number)
        out.link(tournament, AKG + "champion", self.iris.club(title.club))
        self.derived(iri, title.span)

    def map_outcome(self, outcome) -> None:
        iri = self.iris.season_outcome(outcome.season, outcome.kind, outcome.club)
        season = self.iris.season(outcome.season)
        out = self.out
        out.typed(iri, "ClubChange", "Promotion" if outcome.kind == "promoted" else "Relegation")
        out.label(iri, f"{self.club_name(outcome.club)} {outcome.kind} at the end of {outcome.season.replace('-', '–')}")
        out.link(iri, AKG + "season", season)
        out.link(iri, AKG + "club", self.iris.club(outcome.club))
        if outcome.note:
            out.add(iri, RDFS + "comment", text(outcome.note, "en"))
        out.link(season, AKG + outcome.kind, self.iris.club(outcome.club))
        self.derived(iri, outcome.span)

    def map_change(self, change) -> None:
        iri = self.iris.club_change(change.season, change.number)
        out = self.out
        out.typed(iri, "ClubChange", *change.kinds)
        kinds = ", ".join(kind.lower() for kind in change.kinds) or "change"
        out.label(iri, f"{self.club_name(change.club)}: {kinds} ({change.season.replace('-', '–')})")
        out.add(iri, RDFS + "comment", text(change.text, "en"))
        out.link(iri, AKG + "season", self.iris.season(change.season))
        out.link(iri, AKG + "club", self.iris.club(change.club))
        if change.new_club:
            out.link(iri, AKG + "newClub", self.iris.club(change.new_club))
        out.add(iri, AKG + "newName", change.new_name)
        if change.new_city:
            self.map_city(change.new_city, change.new_city_name)
            out.link(iri, AKG + "newCity", self.iris.city(change.new_city))
        if change.league:
            out.link(iri, AKG + "league", self.iris.competition(change.league))
        self.derived(iri, change.span)


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
    for competition in sorted(competitions_used):
        iri = iris.competition(competition)
        out.typed(iri, "Competition")
        out.link(iri, RDF + "type", SCHEMA + "SportsOrganization")
        out.name(iri, canonical[competition])
        for alias in sorted(names[competition] - {canonical[competition]}):
            out.add(iri, SKOS + "altLabel", text(alias))
    return out.statements
