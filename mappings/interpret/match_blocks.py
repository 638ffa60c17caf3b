"""Match blocks (with their goals) and the bullets of club changes."""

from __future__ import annotations

from .changes import read_change
from .context import Context
from ..read.document import BulletItem, MatchBlock
from .records import ChangeRecord, GoalRecord, MatchRecord, RoundKey


class MatchReading:
    """Part of :class:`ArticleInterpreter` (``interpret.py``), which holds the state these methods use."""

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
        self.coverage.mapped(block.date_line, block.score_line, *(entry.line for entry in block.scorers),
                             *([block.away_line] if block.away_line else []))

    def read_change_bullet(self, bullet: BulletItem, context: Context, state) -> None:
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
        else:  # a bullet about the competition, not a club ('27 teams will participate'): the prose patterns say
            self.read_prose(bullet.text, bullet.line, context, state)
