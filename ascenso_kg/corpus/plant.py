"""Plant known inconsistencies in generated seasons, so that validation can be checked to find exactly them.

Each kind is a slip real articles make: a scorer line one goal short of the score, a standings row whose points are
not 3W+D, a relegation ratio off by 0.01, a season said to end before its promotion final is played. Plants are
chosen with their own random generator, so a corpus with plants differs from the same corpus without them only on
the planted lines.
"""

from __future__ import annotations

import random
from decimal import Decimal

from .model import Season

KINDS = ("scorer_shortfall", "standings_points", "relegation_ratio", "season_end_before_final")


def plant(seasons: list[Season], count: int, seed: int) -> None:
    rng = random.Random(f"plant:{seed}")
    used: list[object] = []  # the things already planted on (compared by identity)
    kinds = [KINDS[index % len(KINDS)] for index in range(count)]
    for kind in kinds:
        for attempt in range(50):
            candidate_kind = kind if attempt < 25 else rng.choice(KINDS)
            if _plant_one(rng, candidate_kind, rng.choice(seasons), used):
                break
        else:
            raise ValueError(f"could not plant {count} inconsistencies in {len(seasons)} seasons")


def _plant_one(rng: random.Random, kind: str, season: Season, used: list[object]) -> bool:
    def fresh(target: object) -> bool:
        return not any(target is other for other in used)

    if kind == "scorer_shortfall":
        tournament = rng.choice((season.apertura, season.clausura))
        matches = [match for matchday in tournament.matchdays for match in matchday
                   if fresh(match) and (match.home_score >= 2 or match.away_score >= 2)]
        if not matches:
            return False
        match = rng.choice(matches)
        sides = [for_home for for_home, score in ((True, match.home_score), (False, match.away_score)) if score >= 2]
        for_home = rng.choice(sides)
        match.dropped_goal = [goal for goal in match.goals if goal.for_home == for_home][-1]
        used.append(match)
        return True
    if kind == "standings_points":
        tournament = rng.choice((season.apertura, season.clausura))
        rows = [row for row in tournament.standings if fresh(row)]
        row = rng.choice(rows)
        row.points_offset = rng.choice((-1, 1))
        used.append(row)
        return True
    if kind == "relegation_ratio":
        rows = [row for row in season.relegation if fresh(row) and row.ratio >= Decimal("0.02")]
        if not rows:
            return False
        row = rng.choice(rows)
        row.ratio_offset = rng.choice((Decimal("-0.01"), Decimal("0.01")))
        used.append(row)
        return True
    if kind == "season_end_before_final":
        if season.promotion_final is None or not fresh(season):
            return False
        season.end_override = season.clausura.end  # the date of the Clausura final, as in the real 2013–14 article
        used.append(season)
        return True
    raise ValueError(f"unknown kind of inconsistency {kind!r}")
