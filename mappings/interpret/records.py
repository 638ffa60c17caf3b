"""Football records read from one article: what the mappers turn into triples.

Records carry ids (slugs), never IRIs, and a :class:`Span` naming the article lines they come from. Players are
recorded as :class:`PlayerMention`s; who a mention is, is settled across all articles by ``players.resolve``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    article: str
    first: int
    last: int

    @classmethod
    def of(cls, article: str, *lines: int) -> "Span":
        return cls(article, min(lines), max(lines))


@dataclass(frozen=True)
class PlayerMention:
    """A person's name as written at one place, with what the article says about the context."""

    name: str
    club: str | None
    season: str
    nationality: str | None = None


@dataclass
class SeasonRecord:
    id: str  # "2012-13"
    name: str  # "2012–13"
    span: Span
    title: str | None = None
    competition_name: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    previous: str | None = None
    next: str | None = None
    dates_span: Span | None = None


@dataclass
class TournamentRecord:
    id: str  # "apertura-2012"
    kind: str  # "Apertura"
    year: int
    season: str
    span: Span
    start: dt.date | None = None
    end: dt.date | None = None
    dates_span: Span | None = None


@dataclass
class RulesRecord:
    spans: list[Span] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    legs: int | None = None
    qualifiers: int | None = None
    byes: int | None = None
    away_goals: bool | None = None
    tie_break: str | None = None  # "higher_seed"
    reseeded: bool | None = None
    higher_seed_hosts_second_leg: bool | None = None
    winner_to_promotion_final: bool | None = None


@dataclass(frozen=True)
class StageKey:
    """A Liguilla (kind 'liguilla', owner a tournament id) or a promotion final (kind 'promotion_final', owner a
    season id)."""

    kind: str
    owner: str


@dataclass
class StageRecord:
    key: StageKey
    span: Span
    rules: RulesRecord = field(default_factory=RulesRecord)


@dataclass(frozen=True)
class RoundKey:
    stage: StageKey
    round: str  # "quarterfinals", "semifinals", "final"


@dataclass
class GoalRecord:
    number: int
    scorer: PlayerMention
    for_club: str
    line: int
    minute: int | None = None
    added_time: int | None = None
    penalty: bool = False
    own_goal: bool = False


@dataclass
class MatchRecord:
    date: dt.date
    home: str
    away: str
    home_score: int
    away_score: int
    span: Span
    round: RoundKey | None = None
    leg: int | None = None
    goals: list[GoalRecord] = field(default_factory=list)
    extra_time: bool = False
    penalties: tuple[int, int] | None = None

    @property
    def id(self) -> str:
        return f"{self.date.isoformat()}-{self.home}-{self.away}"


@dataclass
class TieSideRecord:
    club: str
    aggregate: int | None = None
    away_goals: int | None = None
    seed: int | None = None


@dataclass
class TieRecord:
    round: RoundKey
    sides: list[TieSideRecord]
    span: Span
    first_leg: MatchRecord | None = None
    second_leg: MatchRecord | None = None
    winner: str | None = None
    decision: str | None = None  # aggregate, away_goals, higher_seed, penalties, not_stated
    stated_winner: str | None = None  # a winner a note in the article names outright

    @property
    def id(self) -> str:
        return "-".join(side.club for side in self.sides)


@dataclass
class ClubSeasonRecord:
    season: str
    club: str
    name_as_written: str
    span: Span
    city: str | None = None
    city_name: str | None = None
    stadium: str | None = None
    stadium_name: str | None = None
    capacity: int | None = None


@dataclass
class RowRecord:
    """One table row: its cells read into fields (missing fields stay absent)."""

    index: int
    line: int
    values: dict[str, object] = field(default_factory=dict)
    rank_shared: bool = False
    tournament_points: dict[str, int] = field(default_factory=dict)  # tournament id -> points


@dataclass
class TableRecord:
    kind: str  # standings, top_scorers, relegation
    scope: tuple[str, str]  # ("season" | "tournament" | "liguilla", id)
    span: Span
    rows: list[RowRecord] = field(default_factory=list)
    updated_on: dt.date | None = None
    sort_rule: str | None = None


@dataclass
class EntryRecord:
    """A club qualified for a Liguilla (the Teams table of a Liguilla article)."""

    stage: StageKey
    club: str
    line: int
    seed: int | None = None
    manager: PlayerMention | None = None
    captain: PlayerMention | None = None


@dataclass
class TitleRecord:
    tournament: str
    club: str
    span: Span
    number: int | None = None


@dataclass
class OutcomeRecord:
    """A promotion or relegation stated in a season's infobox."""

    kind: str  # "promoted" | "relegated"
    season: str
    club: str
    span: Span
    note: str | None = None


@dataclass
class ChangeRecord:
    season: str
    number: int
    text: str
    span: Span
    kinds: list[str] = field(default_factory=list)
    club: str | None = None
    new_club: str | None = None
    new_name: str | None = None
    new_city: str | None = None
    new_city_name: str | None = None
    league: str | None = None


@dataclass
class ArticleRecords:
    """Everything read from one article."""

    article: str
    title: str
    kind: str
    file: str = ""
    rows_complete: int = 0  # rows of its venues and standings tables (a row cut by an excerpt's end is no row)
    rows_captured: int = 0  # … of which every stated value reached the records
    competition: str = ""  # the competition the article is about (its title's, or its infobox's); scopes its IRIs
    seasons: list[SeasonRecord] = field(default_factory=list)
    tournaments: dict[str, TournamentRecord] = field(default_factory=dict)
    stages: dict[StageKey, StageRecord] = field(default_factory=dict)
    matches: list[MatchRecord] = field(default_factory=list)
    ties: list[TieRecord] = field(default_factory=list)
    club_seasons: list[ClubSeasonRecord] = field(default_factory=list)
    tables: list[TableRecord] = field(default_factory=list)
    entries: list[EntryRecord] = field(default_factory=list)
    titles: list[TitleRecord] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    changes: list[ChangeRecord] = field(default_factory=list)
    clubs_named: dict[str, set[str]] = field(default_factory=dict)  # club id -> names as written
    cities: dict[str, str] = field(default_factory=dict)  # id -> name
    competitions: dict[str, str] = field(default_factory=dict)
    statistics: list = field(default_factory=list)  # StatisticRecord: what else the infobox states
    infobox_report: list = field(default_factory=list)  # (line, key, raw value, "akg:property" or "skipped: why")


@dataclass
class StatisticRecord:
    """A statistic an infobox states for a season or one of its tournaments (``infobox_fields.csv``)."""

    field: str  # "top_scorer", "matches_played", …
    scope: str  # "season" or "tournament"
    owner: str  # the season or tournament id
    slot: int  # 1, 2, … among the statements of this field for this owner (continental places: the cup's number)
    span: Span
    count: int | None = None
    clubs: tuple[str, ...] = ()
    people: tuple[tuple[str, int | None], ...] = ()  # (name as written, goals)
    matches: tuple[tuple[str, str | None], ...] = ()  # (the match as written, its date as written)
    label: str | None = None  # a continental competition's name, a division ("Serie A")
    none_stated: bool = False  # the infobox says explicitly that there was none
