"""Fixtures and dates: a single round robin per tournament (the Clausura plays the Apertura's fixtures with home and
away swapped), matchdays on weekends with a break or two and a midweek round or two, Liguilla legs midweek and at
the weekend."""

from __future__ import annotations

import datetime as dt
import random

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)
FRIDAY, WEDNESDAY = 4, 2


def round_robin(rng: random.Random, clubs: list[str]) -> list[list[tuple[str, str]]]:
    """Matchdays of (home, away) pairs by the circle method; with an odd number of clubs one rests each matchday."""
    teams: list[str | None] = list(clubs)
    rng.shuffle(teams)
    if len(teams) % 2:
        teams.append(None)
    size = len(teams)
    matchdays = []
    for number in range(size - 1):
        pairs = []
        for index in range(size // 2):
            home, away = teams[index], teams[size - 1 - index]
            if (index == 0 and number % 2) or (index > 0 and index % 2):
                home, away = away, home
            if home is not None and away is not None:
                pairs.append((home, away))
        matchdays.append(pairs)
        teams = [teams[0], teams[-1], *teams[1:-1]]
    rng.shuffle(matchdays)
    return matchdays


def on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + (weekday - day.weekday()) % 7 * DAY


def after(day: dt.date, weekday: int) -> dt.date:
    return day + ((weekday - day.weekday() - 1) % 7 + 1) * DAY


def matchday_dates(rng: random.Random, kind: str, year: int, count: int) -> list[tuple[dt.date, bool]]:
    """When each matchday starts, and whether it is played midweek. The Apertura starts in late July, the Clausura
    in the first days of January; a week or two is left free for international dates, and a matchday or two is
    played midweek (Tuesday and Wednesday) between two weekends."""
    apertura = kind == "Apertura"
    first = dt.date(year, 7, 17) if apertura else dt.date(year, 1, 2)
    friday = on_or_after(first, FRIDAY) + rng.randint(0, 1 if apertura else 0) * WEEK
    breaks = rng.sample(range(2, count - 2), k=rng.randint(1, 2) if apertura else rng.randint(0, 1))
    midweek = rng.sample([number for number in range(3, count - 1) if number - 1 not in breaks], k=rng.randint(1, 2))
    dates = []
    for number in range(count):
        if number in midweek:
            dates.append((friday - 3 * DAY, True))  # the Tuesday after the last weekend
            continue
        dates.append((friday, False))
        friday += WEEK * (2 if number in breaks else 1)
    return dates


def match_day(rng: random.Random, start: dt.date, midweek: bool) -> dt.date:
    if midweek:
        return start + rng.choices((0, 1), weights=(40, 60))[0] * DAY
    return start + rng.choices((0, 1, 2), weights=(35, 45, 20))[0] * DAY


def leg_dates(rng: random.Random, after_day: dt.date) -> tuple[dt.date, dt.date]:
    """A Liguilla round after a given day: first legs on Wednesday or Thursday, second legs on Saturday or Sunday."""
    wednesday = after(after_day, WEDNESDAY)
    first = wednesday + rng.choices((0, 1), weights=(80, 20))[0] * DAY
    second = wednesday + (3 + rng.choices((0, 1), weights=(80, 20))[0]) * DAY
    return first, second
