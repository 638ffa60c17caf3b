"""What a synthetic season is made of, before it is written as an article: matches with their goals, the two
tournaments with their standings and Liguillas, the promotion final and the relegation table.

These are the generator's own records, independent of the reader's: the tests compare what the reader makes of the
written article with them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ..notation import minute_text, season_id, season_name
from .squads import Player


@dataclass(eq=False)
class Goal:
    minute: int
    added: int | None
    scorer: Player
    for_home: bool  # the side the goal counts for
    penalty: bool = False
    own_goal: bool = False

    @property
    def order(self) -> tuple[int, int]:
        return (self.minute, self.added or 0)

    @property
    def minute_text(self) -> str:
        return minute_text(self.minute, self.added)


@dataclass(eq=False)
class Match:
    date: dt.date
    home: str  # club ids
    away: str
    home_score: int = 0
    away_score: int = 0
    goals: list[Goal] = field(default_factory=list)
    shootout: tuple[int, int] | None = None  # home, away penalties after a tied promotion final
    dropped_goal: Goal | None = None  # planted: a goal the scorer lines leave out

    @property
    def total_goals(self) -> int:
        return self.home_score + self.away_score


@dataclass(eq=False)
class Tie:
    """Two legs; the lower seed hosts the first, the higher seed the second."""

    higher: str
    lower: str
    higher_seed: int
    lower_seed: int
    first_leg: Match
    second_leg: Match
    winner: str = ""
    decided_by: str = ""  # aggregate, away_goals, higher_seed, penalties

    def aggregate(self) -> tuple[int, int]:
        """(higher, lower)."""
        return (self.first_leg.away_score + self.second_leg.home_score,
                self.first_leg.home_score + self.second_leg.away_score)

    def away_goals(self) -> tuple[int, int]:
        return self.first_leg.away_score, self.second_leg.away_score


@dataclass
class StandingsRow:
    club: str
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    points_offset: int = 0  # planted: points written off by this much

    @property
    def points(self) -> int:
        return 3 * self.won + self.drawn

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against

    def sort_key(self) -> tuple:
        return (-self.points, -self.goal_difference, -self.goals_for, self.club)


@dataclass(frozen=True)
class LiguillaFormat:
    qualifiers: int  # 7: the leader goes straight to the semifinals; 8: everyone plays the quarterfinals
    away_goals: bool

    @property
    def byes(self) -> int:
        return 1 if self.qualifiers == 7 else 0


@dataclass
class ScorerRow:
    player: Player
    club: str
    goals: int
    minutes: int

    @property
    def frequency(self) -> Decimal:
        return (Decimal(self.minutes) / Decimal(self.goals)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass
class Tournament:
    kind: str  # Apertura, Clausura
    year: int
    clubs: list[str]
    names: dict[str, str]  # club id -> the name this tournament's sections use
    format: LiguillaFormat
    matchdays: list[list[Match]] = field(default_factory=list)
    standings: list[StandingsRow] = field(default_factory=list)
    rounds: list[tuple[str, list[Tie]]] = field(default_factory=list)  # ("Quarterfinals", ties), …
    top_scorers: list[ScorerRow] = field(default_factory=list)
    champion: str = ""

    @property
    def name(self) -> str:
        return f"{self.kind} {self.year}"

    @property
    def start(self) -> dt.date:
        return min(match.date for match in self.matchdays[0])

    @property
    def end(self) -> dt.date:
        return self.rounds[-1][1][0].second_leg.date

    @property
    def last_regular_date(self) -> dt.date:
        return max(match.date for matchday in self.matchdays for match in matchday)

    def all_matches(self) -> list[Match]:
        regular = [match for matchday in self.matchdays for match in matchday]
        return regular + [leg for _, ties in self.rounds for tie in ties for leg in (tie.first_leg, tie.second_leg)]


@dataclass
class RelegationRow:
    club: str
    points: int
    games: int
    ratio_offset: Decimal = Decimal(0)  # planted

    @property
    def ratio(self) -> Decimal:
        return (Decimal(self.points) / Decimal(self.games)).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    @property
    def points_per_game(self) -> Fraction:
        """Exact, to rank by: the printed ratio is rounded, and two clubs it rounds alike may still differ."""
        return Fraction(self.points, self.games)


@dataclass
class Change:
    """A bullet of 'Changes from the previous season'."""

    text: str


@dataclass
class Season:
    start_year: int
    clubs: list[str]
    names: dict[str, str]  # club id -> name in the stadia table, infobox and relegation table
    apertura: Tournament
    clausura: Tournament
    changes: list[Change] = field(default_factory=list)
    promotion_final: Tie | None = None  # higher = the club hosting the second leg
    promoted: str = ""
    relegated: str = ""
    relegation: list[RelegationRow] = field(default_factory=list)  # every club but the promoted one, best first
    relegation_tournaments: list[str] = field(default_factory=list)  # "Apertura 2028", …
    end_override: dt.date | None = None  # planted: a season end date before the promotion final

    @property
    def id(self) -> str:
        return season_id(self.start_year)

    @property
    def name(self) -> str:
        return season_name(season_id(self.start_year))

    @property
    def next_name(self) -> str:
        return season_name(season_id(self.start_year + 1))

    @property
    def previous_name(self) -> str:
        return season_name(season_id(self.start_year - 1))

    @property
    def start(self) -> dt.date:
        return self.apertura.start

    @property
    def end(self) -> dt.date:
        if self.promotion_final is not None:
            return self.promotion_final.second_leg.date
        return self.clausura.end

    def all_matches(self) -> list[Match]:
        final = [self.promotion_final.first_leg, self.promotion_final.second_leg] if self.promotion_final else []
        return self.apertura.all_matches() + self.clausura.all_matches() + final
