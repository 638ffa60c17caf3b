"""Interpret a read article: from sections, tables, match blocks and prose to football records.

The walk keeps a context (tournament, stage, round, leg, and what kind of section it is in) that headings set
through ``headings.csv``. Every non-blank line ends up either mapped or skipped with a reason; :class:`Coverage`
keeps the account, and any line left unexplained is reported with its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ascenso_kg.iris import slugify

from .changes import read_change
from .config import MappingTables
from .document import BulletItem, Document, MatchBlock, Paragraph, Placeholder, Problem, Section, Table
from .names import NameResolver
from .records import (
    ArticleRecords,
    ChangeRecord,
    ClubSeasonRecord,
    EntryRecord,
    GoalRecord,
    MatchRecord,
    OutcomeRecord,
    PlayerMention,
    RoundKey,
    RulesRecord,
    SeasonRecord,
    Span,
    StageKey,
    StageRecord,
    TableRecord,
    TieRecord,
    TieSideRecord,
    TitleRecord,
    TournamentRecord,
)
from .table_reader import read_table
from .values import find_dates, parse_count, parse_date, split_nationality, parse_title_line

_TOURNAMENT_NAME = re.compile(r"\b(?P<kind>Apertura|Clausura|Bicentenario)\s+(?P<year>\d{4})\b")
_TOURNAMENT_KIND = re.compile(r"\b(?P<kind>Apertura|Clausura)\b")
_WINNER_BOX = re.compile(r"^(?P<tournament>.+?)\s+winner:?$", re.IGNORECASE)
_NOTE_IN_PARENTHESES = re.compile(r"^(?P<name>[^(]+?)\s*\((?P<note>[^)]*)\)\s*$")
_TEMPLATE_RESIDUE = re.compile(r"^\||=\s*$|\{\{|\}\}")


def season_id_of(tournament_kind: str, year: int) -> str:
    """Apertura 2012 opens 2012–13; Clausura (and Bicentenario) 2013 closes it."""
    start = year if tournament_kind == "Apertura" else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def season_name_of(season_id: str) -> str:
    return season_id.replace("-", "\u2013")


def tournament_id_of(kind: str, year: int) -> str:
    return f"{kind.lower()}-{year}"


@dataclass
class Coverage:
    """For each line of an article: 'mapped', or the reason it was skipped."""

    explained: dict[int, str] = field(default_factory=dict)

    def mapped(self, *lines: int) -> None:
        for line in lines:  # a fact read from a line outranks a reason to skip the rest of it
            self.explained[line] = "mapped"

    def skipped(self, line: int, reason: str) -> None:
        self.explained.setdefault(line, f"skipped: {reason}")

    def unexplained(self, document: Document) -> list[int]:
        return [
            number
            for number, text in enumerate(document.lines, start=1)
            if text.strip() and number not in self.explained
        ]


@dataclass(frozen=True)
class Context:
    role: str | None = None
    tournament: str | None = None
    stage: StageKey | None = None
    round: str | None = None
    leg: int | None = None
    scope: tuple[str, str] | None = None  # what a table here covers


@dataclass
class _SectionState:
    """Notes that attach to a table of the same section ('Last updated on …', 'Players sorted first by …')."""

    last_table: TableRecord | None = None
    pending_updated: object = None
    pending_sort: str | None = None


class ArticleInterpreter:
    def __init__(self, document: Document, article_id: str, tables: MappingTables) -> None:
        self.document = document
        self.article = article_id
        self.tables = tables
        self.names = NameResolver(tables)
        self.coverage = Coverage()
        self.problems: list[Problem] = []
        self.records = ArticleRecords(
            article=article_id, title=document.title, kind="unknown", file=document.file
        )
        self.season: SeasonRecord | None = None
        self._change_number = 0

    # Reporting ------------------------------------------------------------------------------------------
    def report(self, line: int, message: str, severity: str = "warning") -> None:
        self.problems.append(Problem(self.document.file, line, message, severity))

    def span(self, *lines: int) -> Span:
        return Span.of(self.article, *lines)

    # Names -----------------------------------------------------------------------------------------------
    def club(self, name: str, line: int) -> str:
        name = " ".join(name.split())
        club = self.names.club(name, self.article, line)
        if club is None:
            club = slugify(name)
            if club not in self.records.clubs_named:  # once per article is enough to find the row to add
                self.report(line, f"club {name!r} is not in mappings/tables/club_aliases.csv; recorded as club {club!r}")
        self.records.clubs_named.setdefault(club, set()).add(name)
        return club

    def person(self, text: str, club: str | None) -> PlayerMention:
        nationality, name = split_nationality(text)
        return PlayerMention(name=name, club=club, season=self.season.id if self.season else "", nationality=nationality)

    # The walk --------------------------------------------------------------------------------------------
    def run(self) -> tuple[ArticleRecords, Coverage, list[Problem]]:
        document = self.document
        self.problems.extend(document.problems)
        context = self.classify_article()
        if document.title_line:
            self.coverage.mapped(document.title_line)
        if self.season is not None:
            self.read_infobox()
            self.records.seasons.append(self.season)
            self.walk(document.root, context)
        for number in self.coverage.unexplained(document):
            if number not in {problem.line for problem in self.problems}:
                self.report(number, f"line not mapped: {document.lines[number - 1].strip()[:80]!r}")
            self.coverage.skipped(number, "not understood (reported)")
        return self.records, self.coverage, self.problems

    def classify_article(self) -> Context:
        for pattern in self.tables.article_kinds:
            match = pattern.regex.match(self.document.title)
            if not match:
                continue
            groups = match.groupdict()
            self.records.kind = pattern.value
            if pattern.value == "season":
                season_id = slugify(groups["season"])
                self.season = SeasonRecord(season_id, groups["season"].replace("-", "\u2013"), self.span(1))
                self.season.title = self.document.title
                return Context(scope=("season", season_id))
            kind, year = groups["kind"], int(groups["year"])
            season_id = season_id_of(kind, year)
            self.season = SeasonRecord(season_id, season_name_of(season_id), self.span(self.document.title_line))
            tournament = self.tournament(kind, year, self.document.title_line)
            if pattern.value == "liguilla":
                stage = self.stage(StageKey("liguilla", tournament), self.document.title_line)
                return Context(tournament=tournament, stage=stage.key, scope=("liguilla", tournament))
            return Context(tournament=tournament, scope=("tournament", tournament))
        self.report(
            self.document.title_line or 1,
            f"title {self.document.title!r} matches no article kind in mappings/tables/article_kinds.csv; "
            "the article was not mapped",
        )
        return Context()

    def tournament(self, kind: str, year: int, line: int) -> str:
        tournament_id = tournament_id_of(kind, year)
        season = season_id_of(kind, year)
        if self.season and season != self.season.id:
            self.report(line, f"{kind} {year} belongs to season {season_name_of(season)}, not {self.season.name}")
        if tournament_id not in self.records.tournaments:
            self.records.tournaments[tournament_id] = TournamentRecord(tournament_id, kind, year, season, self.span(line))
        return tournament_id

    def stage(self, key: StageKey, line: int) -> StageRecord:
        if key not in self.records.stages:
            self.records.stages[key] = StageRecord(key, self.span(line))
        return self.records.stages[key]

    def walk(self, section: Section, context: Context) -> None:
        state = _SectionState()
        for block in section.blocks:
            self.read_block(block, context, state)
        for subsection in section.subsections:
            self.walk(subsection, self.enter(subsection, context))

    def enter(self, section: Section, context: Context) -> Context:
        """The context inside a section, from what its heading says."""
        title = section.title
        for pattern in self.tables.headings:
            match = pattern.regex.search(title)
            if match:
                self.coverage.mapped(section.line)
                return self.heading_context(pattern.value, pattern.argument, match, section, context)
        self.coverage.skipped(section.line, "a heading the tables do not map; its content is read in context")
        self.report(section.line, f"heading {title!r} is not in mappings/tables/headings.csv", "info")
        return replace(context, role=None)

    def heading_context(self, role: str, argument: str, match: re.Match[str], section: Section, context: Context) -> Context:
        line, title = section.line, section.title
        named = _TOURNAMENT_NAME.search(title)
        season = self.season
        if role == "tournament":
            tournament = self.tournament(match["kind"], int(match["year"]), line)
            return Context(role=role, tournament=tournament, scope=("tournament", tournament))
        if role == "liguilla":
            tournament = context.tournament
            if named:
                tournament = self.tournament(named["kind"], int(named["year"]), line)
            elif (kind := _TOURNAMENT_KIND.search(title)) and season:
                start, end = (int(part) for part in season.id.split("-"))
                year = start if kind["kind"] == "Apertura" else start + 1
                tournament = self.tournament(kind["kind"], year, line)
            if tournament is None:
                self.report(line, f"a Liguilla heading with no tournament around it: {title!r}")
                return replace(context, role=None)
            stage = self.stage(StageKey("liguilla", tournament), line)
            return Context(role="rules", tournament=tournament, stage=stage.key, scope=("liguilla", tournament))
        if role == "promotion_final":
            season_id = season.id if season else ""
            if match.groupdict().get("year") and season and not season.id.endswith(match["year"][-2:]):
                self.report(line, f"{title!r} is not the promotion final of season {season.name}")
            stage = self.stage(StageKey("promotion_final", season_id), line)
            return Context(role=role, tournament=None, stage=stage.key, scope=("season", season_id))
        if role == "round":
            return replace(context, role=role, round=argument, leg=None)
        if role == "matchday":
            if context.tournament is None:
                self.report(line, f"a matchday heading with no tournament around it: {title!r}")
                return replace(context, role=None)
            stage = self.stage(StageKey("regular_season", context.tournament), line)
            return replace(context, role=role, stage=stage.key, round=f"matchday-{int(match['number'])}", leg=None)
        if role == "leg":
            return replace(context, role=role, leg=int(argument))
        if role == "top_scorers":
            scope = context.scope
            rest = title[match.end():]
            if "liguilla" in rest.lower() and context.tournament:
                scope = ("liguilla", context.tournament)
            elif named:
                scope = ("tournament", self.tournament(named["kind"], int(named["year"]), line))
            elif context.tournament:
                scope = ("tournament", context.tournament)
            return replace(context, role=role, scope=scope)
        return replace(context, role=role)

    # Blocks ----------------------------------------------------------------------------------------------
    def read_block(self, block, context: Context, state: _SectionState) -> None:
        if isinstance(block, Placeholder):
            self.coverage.skipped(block.line, "an empty placeholder left by the rendering")
        elif isinstance(block, MatchBlock):
            self.read_match(block, context)
        elif isinstance(block, Table):
            self.read_table_block(block, context, state)
        elif isinstance(block, BulletItem) and context.role == "changes":
            self.read_change_bullet(block)
        elif isinstance(block, (Paragraph, BulletItem)):
            self.read_prose(block.text, block.line, context, state)

    def read_prose(self, text: str, line: int, context: Context, state: _SectionState) -> None:
        understood = False
        for pattern in self.tables.prose:
            match = pattern.regex.search(text)
            if not match:
                continue
            understood = self.apply_prose(pattern.value, pattern.note, match, line, context, state) or understood
        if context.stage is not None and context.role in ("rules", "entries", None, "round", "leg"):
            understood = self.apply_rules(text, line, context.stage) or understood
        if understood:
            self.coverage.mapped(line)

    def apply_prose(self, meaning, reason, match, line, context: Context, state: _SectionState) -> bool:
        if meaning == "skip":
            self.coverage.skipped(line, reason)
            return False
        if meaning == "season_dates" and self.season:
            self.season.start, self.season.end = parse_date(match["start"]), parse_date(match["end"])
            self.season.dates_span = self.span(line)
            return True
        if meaning == "tournament_dates" and context.tournament:
            record = self.records.tournaments[context.tournament]
            record.start = parse_date(match["start"])
            record.end = parse_date(match["end"]) if match["end"] else None
            record.dates_span = self.span(line)
            return True
        if meaning == "updated_on":
            date = parse_date(match["date"])
            if date is None:
                self.report(line, f"cannot read the date {match['date']!r}")
                return False
            if state.last_table is not None:
                state.last_table.updated_on = date
            else:
                state.pending_updated = date
            return True
        if meaning == "sort_rule":
            if state.last_table is not None:
                state.last_table.sort_rule = match.string
            else:
                state.pending_sort = match.string
            return True
        if meaning == "tie_note" and context.stage and context.round:
            winner = self.club(match["club"], line)
            home, away = int(match["home"]), int(match["away"])
            if home != away:
                self.report(line, f"'Round tied {home}-{away}' is not a tie")
            self.records.ties.append(
                TieRecord(
                    round=RoundKey(context.stage, context.round),
                    sides=[TieSideRecord(winner, aggregate=home if home == away else None)],
                    span=self.span(line),
                    stated_winner=winner,
                    decision="away_goals",
                )
            )
            return True
        self.report(line, f"{meaning.replace('_', ' ')} outside the section it belongs to")
        return False

    def apply_rules(self, text: str, line: int, stage_key: StageKey) -> bool:
        rules: RulesRecord = self.stage(stage_key, line).rules
        understood = False
        for pattern in self.tables.rules:
            match = pattern.regex.search(text)
            if not match:
                continue
            value: object = pattern.argument
            if value.startswith("{"):
                value = parse_count(match[value.strip("{}")])
                if value is None:
                    continue
            elif value in ("true", "false"):
                value = value == "true"
            elif pattern.value in ("qualifiers", "byes", "legs"):
                value = int(value)
            if getattr(rules, pattern.value) is None:
                setattr(rules, pattern.value, value)
            understood = True
        if understood:
            rules.spans.append(self.span(line))
            rules.text.append(text)
        return understood

    # Infobox -----------------------------------------------------------------------------------------------
    def read_infobox(self) -> None:
        if self.document.infobox_line:
            self.coverage.mapped(self.document.infobox_line)
        for entry in self.document.infobox:
            handler = self.tables.infobox_keys.get((self.records.kind, entry.key.lower()))
            if handler is None:
                residue = " (it looks like template markup left by the rendering)" if _TEMPLATE_RESIDUE.search(entry.value) else ""
                self.report(entry.line, f"infobox key {entry.key!r} is not mapped for {self.records.kind} articles{residue}")
                self.coverage.skipped(entry.line, f"infobox key {entry.key!r} not mapped (reported)")
                continue
            if handler == "skip":
                self.coverage.skipped(entry.line, f"infobox {entry.key}: nothing to add")
                continue
            if self.read_infobox_field(handler, entry.value, entry.line):
                self.coverage.mapped(entry.line)

    def read_infobox_field(self, handler: str, value: str, line: int) -> bool:
        season = self.season
        if handler == "competition_name":
            season.competition_name = value
            competition = self.names.competition(value)
            if competition:
                self.records.competitions[competition[0]] = competition[1]
            else:
                self.report(line, f"competition {value!r} is not in mappings/tables/competitions.csv; "
                                  "the season is not linked to a competition")
            return True
        if handler == "season_name":
            if slugify(value) != season.id:
                self.report(line, f"infobox season {value!r} differs from the title's {season.name}")
            return True
        if handler in ("previous_season", "next_season"):
            setattr(season, handler.split("_")[0], slugify(value))
            return True
        if handler == "winners":
            return self.read_winners(value, line)
        if handler in ("promoted", "relegated"):
            if value.strip().lower() in ("none", "—", "-", ""):
                return True
            match = _NOTE_IN_PARENTHESES.match(value)
            name, note = (match["name"], match["note"]) if match else (value, None)
            for part in re.split(r"\s*(?:,| and )\s*", name):
                if part:
                    self.records.outcomes.append(
                        OutcomeRecord(handler, season.id, self.club(part, line), self.span(line), note)
                    )
            return True
        if handler == "qualifiers":
            count = parse_count(value)
            stage = self.records.stages.get(StageKey("liguilla", next(iter(self.records.tournaments), "")))
            if count is None or stage is None:
                self.report(line, f"cannot read the number of teams {value!r}")
                return False
            stage.rules.qualifiers = count
            stage.rules.spans.append(self.span(line))
            return True
        return False

    def read_winners(self, value: str, line: int) -> bool:
        """'Apertura: La Piedad , Clausura: Neza' -> a title for each tournament."""
        understood = False
        start = int(self.season.id.split("-")[0])
        for part in value.split(","):
            kind, _, club = part.partition(":")
            kind, club = kind.strip(), club.strip()
            if kind not in ("Apertura", "Clausura") or not club:
                self.report(line, f"cannot read the winner {part.strip()!r}")
                continue
            tournament = self.tournament(kind, start if kind == "Apertura" else start + 1, line)
            self.records.titles.append(TitleRecord(tournament, self.club(club, line), self.span(line)))
            understood = True
        return understood

    # Tables ------------------------------------------------------------------------------------------------
    def read_table_block(self, table: Table, context: Context, state: _SectionState) -> None:
        first_cell = table.rows[0].cells[0] if table.rows[0].cells else ""
        if (box := _WINNER_BOX.match(first_cell)) and len(table.rows) >= 2:
            self.read_winner_box(table, box["tournament"], context)
            return
        kind = {"stadia": "stadia", "top_scorers": "top_scorers", "relegation": "relegation",
                "entries": "entries", "standings": "standings"}.get(context.role or "")
        if kind is None:
            self.report(table.line, "a table in a section the tables give no meaning to; left out")
            for row in table.rows:
                self.coverage.skipped(row.line, "table not understood (reported)")
            return
        read = read_table(table, kind, self.tables, self.report)
        self.coverage.mapped(*read.header_lines)
        if kind == "stadia":
            self.read_stadia(read)
            return
        if kind == "entries":
            self.read_entries(read, context)
            return
        scope = context.scope or ("season", self.season.id)
        record = TableRecord(kind, scope, self.span(table.line, table.last_line))
        for row in read.rows:
            if "club" in row.values:
                row.values["club"] = self.club(str(row.values["club"]), row.line)
            if kind == "top_scorers" and "player" in row.values:
                row.values["player"] = self.person(str(row.values["player"]), row.values.get("club"))
            row.tournament_points = {self._points_column(key): points for key, points in row.tournament_points.items()}
            record.rows.append(row)
            self.coverage.mapped(row.line)
        record.updated_on, record.sort_rule = state.pending_updated, state.pending_sort
        state.last_table = record
        self.records.tables.append(record)

    def _points_column(self, key: str) -> str:
        kind, yy = key.split("-")
        year = 2000 + int(yy)
        tournament = tournament_id_of("Apertura" if kind == "A" else "Clausura", year)
        self.records.tournaments.setdefault(
            tournament,
            TournamentRecord(tournament, "Apertura" if kind == "A" else "Clausura", year,
                             season_id_of("Apertura" if kind == "A" else "Clausura", year), self.span(1)),
        )
        return tournament

    def read_stadia(self, read) -> None:
        for row in read.rows:
            values = row.values
            if "club" not in values:
                self.report(row.line, "a stadia row with no club; left out")
                continue
            record = ClubSeasonRecord(self.season.id, self.club(str(values["club"]), row.line),
                                      str(values["club"]), self.span(row.line))
            if values.get("city"):
                record.city, record.city_name = self.names.city(str(values["city"]))
            if values.get("stadium"):
                record.stadium, record.stadium_name = self.names.stadium(str(values["stadium"]))
            record.capacity = values.get("capacity")
            self.records.club_seasons.append(record)
            self.coverage.mapped(row.line)

    def read_entries(self, read, context: Context) -> None:
        """A Liguilla article's Teams table: seeds, managers, captains and (under a group header) standings."""
        if not read.rows:  # a header without rows (a truncated article) holds no entry
            return
        stage = context.stage
        tournament = context.tournament
        if read.group_label and (named := _TOURNAMENT_NAME.search(read.group_label)):
            tournament = tournament_id_of(named["kind"], int(named["year"]))
        standings = TableRecord("standings", ("tournament", tournament), self.span(read.rows[0].line, read.rows[-1].line))
        for row in read.rows:
            values = row.values
            club = self.club(str(values.get("club", "")), row.line)
            entry = EntryRecord(stage, club, row.line, seed=values.get("seed"))
            if values.get("manager"):
                entry.manager = self.person(str(values["manager"]), None)
            if values.get("captain"):
                entry.captain = self.person(str(values["captain"]), club)
            self.records.entries.append(entry)
            stats = {key: value for key, value in values.items() if key not in ("seed", "manager", "captain")}
            stats["club"] = club
            if len(stats) > 1:
                standings.rows.append(replace(row, values=stats))
            self.coverage.mapped(row.line)
        if standings.rows:
            self.records.tables.append(standings)

    def read_winner_box(self, table: Table, tournament_text: str, context: Context) -> None:
        named = _TOURNAMENT_NAME.search(tournament_text)
        tournament = tournament_id_of(named["kind"], int(named["year"])) if named else context.tournament
        club_text, number = parse_title_line(" ".join(cell for cell in table.rows[1].cells if cell))
        if tournament is None:
            self.report(table.line, f"a winner box for {tournament_text!r}, which names no tournament")
            return
        self.records.titles.append(
            TitleRecord(tournament, self.club(club_text, table.rows[1].line), self.span(table.line, table.rows[1].line), number)
        )
        self.coverage.mapped(*(row.line for row in table.rows[:2]))
        for row in table.rows[2:]:
            self.report(row.line, "extra row in a winner box; left out")

    # Matches and changes -----------------------------------------------------------------------------------
    def read_match(self, block: MatchBlock, context: Context) -> None:
        home = self.club(block.home, block.score_line)
        away = self.club(block.away, block.score_line)
        match = MatchRecord(block.date, home, away, block.home_score, block.away_score,
                            self.span(block.date_line, block.last_line), extra_time=block.extra_time,
                            penalties=block.penalties)
        if context.stage and context.round:
            match.round = RoundKey(context.stage, context.round)
            match.leg = context.leg
        elif context.stage and context.stage.kind == "promotion_final":
            match.round = RoundKey(context.stage, "final")
            match.leg = context.leg
        else:
            self.report(block.date_line, "a match outside any round of a Liguilla or final; its round is unknown")
        number = 0
        for entry in block.scorers:
            side = self.club(entry.parsed.club, entry.line)
            if side not in (home, away):
                self.report(entry.line, f"scorers for {entry.parsed.club!r}, who did not play in this match; left out")
                continue
            opponent = away if side == home else home
            for goal in entry.parsed.goals:
                number += 1
                scorer_club = opponent if goal.own_goal else side
                match.goals.append(GoalRecord(
                    number=number, scorer=self.person(goal.scorer, scorer_club), for_club=side, line=entry.line,
                    minute=goal.minute.minute if goal.minute else None,
                    added_time=goal.minute.added if goal.minute else None,
                    penalty=goal.penalty, own_goal=goal.own_goal,
                ))
        self.records.matches.append(match)
        self.coverage.mapped(block.date_line, block.score_line, *(entry.line for entry in block.scorers))

    def read_change_bullet(self, bullet: BulletItem) -> None:
        records: list[ChangeRecord] = read_change(
            bullet.text, self.span(bullet.line), self.season.id, self._change_number + 1, self.tables, self.names,
            self.club, self.report,
        )
        self._change_number += len(records)
        self.records.changes.extend(records)
        for record in records:
            for club_id in (record.club, record.new_club):
                if club_id:
                    self.records.clubs_named.setdefault(club_id, set())
        for competition_id, name in self.names.find_competitions(bullet.text):
            self.records.competitions[competition_id] = name
        if records:
            self.coverage.mapped(bullet.line)


def interpret(document: Document, article_id: str, tables: MappingTables) -> tuple[ArticleRecords, Coverage, list[Problem]]:
    return ArticleInterpreter(document, article_id, tables).run()
