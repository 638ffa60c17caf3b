"""Play one match: who is on the pitch when, how many goals (Poisson, about 2.5 a match), at which minutes, by whom.

Each side fields a 4-4-2 drawn from its squad by form, with up to three substitutions, so a goal is always scored
by a player on the pitch at that minute and the minutes played that give the top scorers' goal frequency add up.
"""

from __future__ import annotations

import math
import random

from .model import Goal, Match
from .squads import OWN_GOAL_WEIGHT, POSITIONS, SCORING_WEIGHT, Player, Squad

HOME_GOALS = 1.38  # mean goals of the home side between equal clubs
AWAY_GOALS = 1.08
STRENGTH_EFFECT = 0.45
PENALTY_SHARE = 0.08
OWN_GOAL_SHARE = 0.025

Spell = tuple[Player, int, int]  # player, minute on, minute off


def poisson(rng: random.Random, mean: float) -> int:
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


class MatchEngine:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def lineup(self, squad: Squad) -> list[Spell]:
        rng = self.rng
        starters: list[Player] = []
        bench: list[Player] = []
        for position, (_, starting) in POSITIONS.items():
            group = squad.by_position(position)
            # Weighted order without replacement (Efraimidis–Spirakis): form decides who starts, not always the same.
            keys = [rng.random() ** (1.0 / player.regular) for player in group]
            ranked = [group[index] for index in sorted(range(len(group)), key=keys.__getitem__, reverse=True)]
            starters += ranked[:starting]
            if position != "GK":
                bench += ranked[starting:]
        spells = {player: [0, 90] for player in starters}
        substitutions = rng.choices((3, 2, 1, 0), weights=(70, 20, 8, 2))[0]
        for _ in range(substitutions):
            minute = rng.randint(46, 88) if rng.random() < 0.9 else rng.randint(20, 45)
            leaving = [p for p, (on, off) in spells.items() if p.position != "GK" and off == 90 and on < minute]
            if not leaving or not bench:
                break
            out = rng.choice(leaving)
            same = [player for player in bench if player.position == out.position]
            incoming = rng.choice(same or bench)
            bench.remove(incoming)
            spells[out][1] = minute
            spells[incoming] = [minute, 90]
        return [(player, on, off) for player, (on, off) in spells.items()]

    def minute(self) -> tuple[int, int | None]:
        rng = self.rng
        draw = rng.random()
        if draw < 0.03:
            return 90, rng.randint(1, 6)
        if draw < 0.045:
            return 45, rng.randint(1, 3)
        return min(90, int(90 * rng.random() ** 0.85) + 1), None

    def play(self, match: Match, home: tuple[Squad, float], away: tuple[Squad, float],
             minutes: dict[Player, int] | None = None) -> None:
        """Fill in the match's score and goals; add the minutes each player played to ``minutes``."""
        rng = self.rng
        (home_squad, home_strength), (away_squad, away_strength) = home, away
        lineups = (self.lineup(home_squad), self.lineup(away_squad))
        difference = STRENGTH_EFFECT * (home_strength - away_strength)
        match.home_score = poisson(rng, HOME_GOALS * math.exp(difference))
        match.away_score = poisson(rng, AWAY_GOALS * math.exp(-difference))
        sides = [True] * match.home_score + [False] * match.away_score
        goals = [self.goal(for_home, lineups) for for_home in sides]
        match.goals = sorted(goals, key=lambda goal: goal.order)
        if minutes is not None:
            for lineup in lineups:
                for player, on, off in lineup:
                    minutes[player] = minutes.get(player, 0) + off - on

    def goal(self, for_home: bool, lineups: tuple[list[Spell], list[Spell]]) -> Goal:
        rng = self.rng
        minute, added = self.minute()
        effective = minute  # 45+2' is still the first half
        ours, theirs = (lineups[0], lineups[1]) if for_home else (lineups[1], lineups[0])
        on_pitch = [player for player, on, off in ours if on < effective <= off]
        draw = rng.random()
        if draw < OWN_GOAL_SHARE:
            opponents = [player for player, on, off in theirs if on < effective <= off]
            scorer = rng.choices(opponents, weights=[OWN_GOAL_WEIGHT[p.position] for p in opponents])[0]
            return Goal(minute, added, scorer, for_home, own_goal=True)
        weights = [SCORING_WEIGHT[player.position] * player.talent for player in on_pitch]
        if draw < OWN_GOAL_SHARE + PENALTY_SHARE:
            taker = max(zip(weights, [p.number for p in on_pitch], on_pitch))[2]
            return Goal(minute, added, taker, for_home, penalty=True)
        return Goal(minute, added, rng.choices(on_pitch, weights=weights)[0], for_home)
