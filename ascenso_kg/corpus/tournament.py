"""One tournament (Apertura or Clausura): the regular phase, its standings and top scorers, and the Liguilla, whose
ties are settled exactly by the rules the article states (aggregate, then away goals where they apply, then the
higher seed)."""

from __future__ import annotations

import random
from typing import Callable

from .match_play import MatchEngine
from .model import LiguillaFormat, Match, ScorerRow, StandingsRow, Tie, Tournament
from .squads import Player, Squad
from .schedule import leg_dates, match_day, matchday_dates

Side = Callable[[str], tuple[Squad, float]]  # club id -> (squad, strength)


def decide_tie(tie: Tie, away_goals_rule: bool) -> None:
    higher, lower = tie.aggregate()
    if higher != lower:
        tie.winner, tie.decided_by = (tie.higher if higher > lower else tie.lower), "aggregate"
        return
    higher_away, lower_away = tie.away_goals()
    if away_goals_rule and higher_away != lower_away:
        tie.winner, tie.decided_by = (tie.higher if higher_away > lower_away else tie.lower), "away_goals"
        return
    tie.winner, tie.decided_by = tie.higher, "higher_seed"


class TournamentPlayer:
    def __init__(self, rng: random.Random, engine: MatchEngine, side: Side) -> None:
        self.rng = rng
        self.engine = engine
        self.side = side

    def play(self, tournament: Tournament, fixtures: list[list[tuple[str, str]]]) -> None:
        rng = self.rng
        rows = {club: StandingsRow(club) for club in tournament.clubs}
        minutes: dict[Player, int] = {}
        goals: dict[Player, int] = {}
        clubs_of: dict[Player, str] = {}
        starts = matchday_dates(rng, tournament.kind, tournament.year, len(fixtures))
        for (start, midweek), pairs in zip(starts, fixtures):
            matches = []
            for home, away in pairs:
                match = Match(match_day(rng, start, midweek), home, away)
                self.engine.play(match, self.side(home), self.side(away), minutes)
                _count(rows[home], match.home_score, match.away_score)
                _count(rows[away], match.away_score, match.home_score)
                for goal in match.goals:
                    if not goal.own_goal:
                        goals[goal.scorer] = goals.get(goal.scorer, 0) + 1
                        clubs_of[goal.scorer] = home if goal.for_home else away
                matches.append(match)
            tournament.matchdays.append(sorted(matches, key=lambda match: match.date))
        tournament.standings = sorted(rows.values(), key=StandingsRow.sort_key)
        scorers = [ScorerRow(player, clubs_of[player], count, minutes[player]) for player, count in goals.items()]
        scorers.sort(key=lambda row: (-row.goals, row.frequency, row.player.number))
        tournament.top_scorers = scorers[: rng.choice((10, 10, 15))]
        self.play_liguilla(tournament)

    def play_liguilla(self, tournament: Tournament) -> None:
        fmt: LiguillaFormat = tournament.format
        seeds = {row.club: number for number, row in enumerate(tournament.standings[: fmt.qualifiers], start=1)}
        by_seed = {number: club for club, number in seeds.items()}
        if fmt.byes:
            pairs = [(2, 7), (3, 6), (4, 5)]
        else:
            pairs = [(1, 8), (2, 7), (3, 6), (4, 5)]
        last = tournament.last_regular_date
        remaining = [seed for seed in seeds.values() if seed <= fmt.byes]
        for name in ("Quarterfinals", "Semifinals", "Final"):
            ties = [self.play_tie(by_seed[high], by_seed[low], high, low, last) for high, low in pairs]
            for tie in ties:
                decide_tie(tie, fmt.away_goals)
            tournament.rounds.append((name, ties))
            last = max(tie.second_leg.date for tie in ties)
            remaining = sorted(remaining + [seeds[tie.winner] for tie in ties])
            # Re-seeded every round: the best remaining seed meets the worst.
            pairs = [(remaining[index], remaining[-1 - index]) for index in range(len(remaining) // 2)]
            remaining = []
        tournament.champion = tournament.rounds[-1][1][0].winner

    def play_tie(self, higher: str, lower: str, higher_seed: int, lower_seed: int, after_day) -> Tie:
        first_date, second_date = leg_dates(self.rng, after_day)
        first = Match(first_date, lower, higher)
        second = Match(second_date, higher, lower)
        self.engine.play(first, self.side(lower), self.side(higher))
        self.engine.play(second, self.side(higher), self.side(lower))
        return Tie(higher, lower, higher_seed, lower_seed, first, second)


def _count(row: StandingsRow, scored: int, conceded: int) -> None:
    row.played += 1
    row.goals_for += scored
    row.goals_against += conceded
    if scored > conceded:
        row.won += 1
    elif scored == conceded:
        row.drawn += 1
    else:
        row.lost += 1
