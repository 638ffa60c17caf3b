"""Two-legged ties: pair the legs of each round, total the aggregate and away goals, and settle the winner and how
the tie was decided by the stage's own stated rules.

The rules decide in order: aggregate; then away goals, where the stage says they apply; then a recorded shoot-out;
then the higher seed, where the stage says so. What the article shows elsewhere is the evidence of who went
through: a club in the next round, the tournament's champion after its final, the promoted club after the
promotion final. Where the rules and the evidence disagree, or the rules do not decide, the evidence names the
winner and the decision is "not stated" — and that is reported, never smoothed over.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..read.document import Problem
from .records import ArticleRecords, MatchRecord, RoundKey, RulesRecord, StageKey, TieRecord, TieSideRecord


@dataclass
class Evidence:
    """What all the articles together say about who went through."""

    champions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # tournament -> clubs
    promoted: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # season -> clubs
    in_round: dict[RoundKey, set[str]] = field(default_factory=lambda: defaultdict(set))
    seeds: dict[tuple[StageKey, str], int] = field(default_factory=dict)
    rules: dict[StageKey, RulesRecord] = field(default_factory=dict)

    @classmethod
    def gather(cls, articles: list[ArticleRecords]) -> "Evidence":
        evidence = cls()
        for records in articles:
            for title in records.titles:
                evidence.champions[title.tournament].add(title.club)
            for outcome in records.outcomes:
                if outcome.kind == "promoted":
                    evidence.promoted[outcome.season].add(outcome.club)
            for match in records.matches:
                if match.round:
                    evidence.in_round[match.round] |= {match.home, match.away}
            for tie in records.ties:
                evidence.in_round[tie.round] |= {side.club for side in tie.sides}
            for entry in records.entries:
                if entry.seed is not None:
                    evidence.seeds[(entry.stage, entry.club)] = entry.seed
            for key, stage in records.stages.items():
                evidence.rules.setdefault(key, RulesRecord())
                _merge_rules(evidence.rules[key], stage.rules)
        return evidence

    def went_through(self, tie: TieRecord, round_order: dict[str, int]) -> set[str]:
        stage = tie.round.stage
        order = round_order.get(tie.round.round)
        clubs = {side.club for side in tie.sides}
        if tie.round.round == "final" and stage.kind == "liguilla":
            return clubs & self.champions.get(stage.owner, set())
        if tie.round.round == "final" and stage.kind == "promotion_final":
            return clubs & self.promoted.get(stage.owner, set())
        following = [name for name, value in round_order.items() if order is not None and value == order + 1]
        return clubs & set().union(*(self.in_round.get(RoundKey(stage, name), set()) for name in following))


def _merge_rules(into: RulesRecord, other: RulesRecord) -> None:
    for name in ("legs", "qualifiers", "byes", "away_goals", "tie_break", "reseeded",
                 "higher_seed_hosts_second_leg", "winner_to_promotion_final"):
        if getattr(into, name) is None:
            setattr(into, name, getattr(other, name))


def pair_legs(records: ArticleRecords, report) -> None:
    """Make a tie of each round's first and second legs (the second with home and away swapped)."""
    by_round: dict[RoundKey, list[MatchRecord]] = defaultdict(list)
    for match in records.matches:
        if match.round and match.round.stage.kind != "regular_season":
            by_round[match.round].append(match)
    for round_key, matches in by_round.items():
        _number_reverse_fixtures(matches)
        second_legs = [match for match in matches if match.leg == 2]
        for first in (match for match in matches if match.leg != 2):
            second = next((m for m in second_legs if (m.home, m.away) == (first.away, first.home)), None)
            if second is not None:
                second_legs.remove(second)
            records.ties.append(_tie_of(round_key, first, second))
            if second is None and first.leg == 1:
                report(first.span.first, f"no second leg for {first.home} v {first.away} in this round")
        for second in second_legs:
            report(second.span.first, f"a second leg ({second.home} v {second.away}) with no first leg")
            records.ties.append(_tie_of(round_key, None, second))


def _number_reverse_fixtures(matches: list[MatchRecord]) -> None:
    """A knockout round's two matches between the same clubs, home and away swapped, with no leg headings (a final
    phase article lists them one after the other): the earlier is the first leg, the later the second."""
    unnumbered = [match for match in matches if match.leg is None]
    for match in unnumbered:
        if match.leg is not None:
            continue
        reverse = [m for m in unnumbered if m.leg is None and (m.home, m.away) == (match.away, match.home)]
        if len(reverse) == 1 and reverse[0].date != match.date:
            first, second = sorted((match, reverse[0]), key=lambda m: m.date)
            first.leg, second.leg = 1, 2


def _tie_of(round_key: RoundKey, first: MatchRecord | None, second: MatchRecord | None) -> TieRecord:
    leg = first or second
    a = TieSideRecord(leg.home if first else leg.away)
    b = TieSideRecord(leg.away if first else leg.home)
    if first and second:
        a.aggregate = first.home_score + second.away_score
        b.aggregate = first.away_score + second.home_score
        a.away_goals, b.away_goals = second.away_score, first.away_score
    spans = [match.span for match in (first, second) if match]
    span = type(spans[0])(spans[0].article, min(s.first for s in spans), max(s.last for s in spans))
    return TieRecord(round=round_key, sides=[a, b], span=span, first_leg=first, second_leg=second)


def decide(tie: TieRecord, evidence: Evidence, round_order: dict[str, int], report) -> None:
    """Set the tie's winner and decision from its legs, its stage's rules and the evidence of who went through."""
    through = evidence.went_through(tie, round_order)
    if tie.stated_winner:
        tie.winner = tie.stated_winner
        return
    rules = evidence.rules.get(tie.round.stage, RulesRecord())
    computed, decision = _by_rules(tie, rules, evidence)
    stated = next(iter(through)) if len(through) == 1 else None
    clubs = " v ".join(side.club for side in tie.sides)
    if computed and stated and computed != stated:
        report(tie.span.first, f"by the stated rules {computed} wins {clubs} ({decision.replace('_', ' ')}), "
                               f"but the article has {stated} going through; recorded as stated, decision not stated")
        tie.winner, tie.decision = stated, "not_stated"
    elif computed:
        tie.winner, tie.decision = computed, decision
    elif stated:
        tie.winner = stated
        tie.decision = decision if decision == "higher_seed" else "not_stated"
    else:
        report(tie.span.first, f"the article does not say who won {clubs}")


def _by_rules(tie: TieRecord, rules: RulesRecord, evidence: Evidence) -> tuple[str | None, str | None]:
    if len(tie.sides) != 2 or any(side.aggregate is None for side in tie.sides):
        return None, None
    a, b = tie.sides
    if a.aggregate != b.aggregate:
        return (a.club if a.aggregate > b.aggregate else b.club), "aggregate"
    if rules.away_goals and a.away_goals != b.away_goals:
        return (a.club if a.away_goals > b.away_goals else b.club), "away_goals"
    shootout = tie.second_leg.penalties if tie.second_leg else None
    if shootout and shootout[0] != shootout[1]:
        home_won = shootout[0] > shootout[1]
        return (tie.second_leg.home if home_won else tie.second_leg.away), "penalties"
    if rules.tie_break == "higher_seed":
        seeds = [evidence.seeds.get((tie.round.stage, side.club)) for side in tie.sides]
        for side, seed in zip(tie.sides, seeds):
            side.seed = seed
        if None not in seeds:
            return (a.club if seeds[0] < seeds[1] else b.club), "higher_seed"
        return None, "higher_seed"
    return None, None


def resolve_ties(articles: list[ArticleRecords], round_order: dict[str, int]) -> list[Problem]:
    problems: list[Problem] = []
    files = {records.article: records.file for records in articles}

    def reporter(records: ArticleRecords):
        return lambda line, message, severity="warning": problems.append(
            Problem(files[records.article], line, message, severity)
        )

    for records in articles:
        pair_legs(records, reporter(records))
    evidence = Evidence.gather(articles)
    for records in articles:
        for tie in records.ties:
            decide(tie, evidence, round_order, reporter(records))
    return problems
