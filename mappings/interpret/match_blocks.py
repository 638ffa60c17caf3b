"""Match blocks (with their goals) and the bullets of club changes."""

from __future__ import annotations

from functools import partial

from ..read.document import BulletItem, MatchBlock
from .changes import read_change
from .context import Context, SectionState
from .prose import read_prose
from .reading import ArticleReading, club, person, report, span
from .records import ChangeRecord, GoalRecord, MatchRecord, RoundKey


def read_match(reading: ArticleReading, block: MatchBlock, context: Context) -> None:
    home = club(reading, block.home, block.score_line)
    away = club(reading, block.away, block.score_line)
    match = MatchRecord(block.date, home, away, block.home_score, block.away_score,
                        span(reading, block.date_line, block.last_line), extra_time=block.extra_time,
                        penalties=block.penalties)
    if context.stage and context.round:
        match.round = RoundKey(context.stage, context.round)
        match.leg = context.leg
    elif context.stage and context.stage.kind == "promotion_final":
        match.round = RoundKey(context.stage, "final")
        match.leg = context.leg
    else:
        report(reading, block.date_line, "a match outside any round of a Liguilla or final; its round is unknown")
    number = 0
    for entry in block.scorers:
        side = club(reading, entry.parsed.club, entry.line)
        if side not in (home, away):
            report(reading, entry.line, f"scorers for {entry.parsed.club!r}, who did not play in this match; left out")
            continue
        opponent = away if side == home else home
        for goal in entry.parsed.goals:
            number += 1
            scorer_club = opponent if goal.own_goal else side
            match.goals.append(GoalRecord(
                number=number, scorer=person(reading, goal.scorer, scorer_club), for_club=side, line=entry.line,
                minute=goal.minute.minute if goal.minute else None,
                added_time=goal.minute.added if goal.minute else None,
                penalty=goal.penalty, own_goal=goal.own_goal,
            ))
    reading.records.matches.append(match)
    reading.coverage.mapped(block.date_line, block.score_line, *(entry.line for entry in block.scorers),
                            *([block.away_line] if block.away_line else []))


def read_change_bullet(reading: ArticleReading, bullet: BulletItem, context: Context, state: SectionState) -> None:
    records: list[ChangeRecord] = read_change(
        bullet.text, span(reading, bullet.line), reading.season.id, reading.change_number + 1, reading.tables,
        reading.names, partial(club, reading), partial(report, reading),
    )
    reading.change_number += len(records)
    reading.records.changes.extend(records)
    for record in records:
        for club_id in (record.club, record.new_club):
            if club_id:
                reading.records.clubs_named.setdefault(club_id, set())
    for competition_id, name in reading.names.find_competitions(bullet.text):
        reading.records.competitions[competition_id] = name
    if records:
        reading.coverage.mapped(bullet.line)
    else:  # a bullet about the competition, not a club ('27 teams will participate'): the prose patterns say
        read_prose(reading, bullet.text, bullet.line, context, state)
