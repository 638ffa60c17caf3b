"""Matches, their goals, and two-legged ties."""

from __future__ import annotations

from ascenso_kg.iris import AKG, RDF, SCHEMA

from ..interpret.records import MatchRecord, Span, TieRecord


class MatchMapping:
    """Part of :class:`ArticleMapper` (``rdf.py``), which holds the graph being written and the resolvers."""

    def match_iri(self, match: MatchRecord) -> str:
        return self.iris.match(match.date.isoformat(), match.home, match.away)

    def map_match(self, match: MatchRecord) -> None:
        iri = self.match_iri(match)
        out = self.out
        home, away = self.club_name(match.home), self.club_name(match.away)
        out.typed(iri, "Match")
        out.link(iri, RDF + "type", SCHEMA + "SportsEvent")
        date = f"{match.date.day} {match.date:%B %Y}"
        out.label(iri, f"{home} {match.home_score}–{match.away_score} {away} ({date})")
        out.link(iri, SCHEMA + "homeTeam", self.iris.club(match.home))
        out.link(iri, SCHEMA + "awayTeam", self.iris.club(match.away))
        out.add(iri, SCHEMA + "startDate", match.date)
        out.add(iri, AKG + "homeScore", match.home_score)
        out.add(iri, AKG + "awayScore", match.away_score)
        out.add(iri, AKG + "leg", match.leg)
        if match.extra_time:
            out.add(iri, AKG + "afterExtraTime", True)
        if match.penalties:
            out.add(iri, AKG + "homePenalties", match.penalties[0])
            out.add(iri, AKG + "awayPenalties", match.penalties[1])
        if match.round:
            out.link(iri, AKG + "round", self.round_iri(match.round))
        self.derived(iri, match.span)
        for goal in match.goals:
            goal_iri = self.iris.goal(iri, goal.number)
            player = self.map_player(goal.scorer)
            out.typed(goal_iri, "Goal")
            minute = f" {goal.minute}'" if goal.minute else ""
            if goal.minute and goal.added_time:
                minute = f" {goal.minute}+{goal.added_time}'"
            out.label(goal_iri, f"{player.label}{minute} ({home} v {away}, {date})")
            out.link(goal_iri, AKG + "match", iri)
            out.link(goal_iri, AKG + "scorer", self.iris.player(player.id))
            out.link(goal_iri, AKG + "forClub", self.iris.club(goal.for_club))
            out.add(goal_iri, AKG + "minute", goal.minute)
            out.add(goal_iri, AKG + "addedTime", goal.added_time)
            out.add(goal_iri, AKG + "penalty", True if goal.penalty else None)
            out.add(goal_iri, AKG + "ownGoal", True if goal.own_goal else None)
            out.add(goal_iri, AKG + "nameAsWritten", goal.scorer.name)
            self.derived(goal_iri, Span(match.span.article, goal.line, goal.line))

    def map_tie(self, tie: TieRecord) -> None:
        round_iri = self.round_iri(tie.round)
        iri = self.iris.tie(round_iri, *(side.club for side in tie.sides[:2])) if len(tie.sides) == 2 else \
            f"{round_iri}/{tie.sides[0].club}"
        out = self.out
        out.typed(iri, "Tie")
        names = " v ".join(self.club_name(side.club) for side in tie.sides)
        if len(tie.sides) == 1:
            names += " v (opponent not named)"
        out.label(iri, f"{names} ({self.round_label(tie.round)[0]})")
        out.link(iri, AKG + "round", round_iri)
        for leg, prop in ((tie.first_leg, "firstLeg"), (tie.second_leg, "secondLeg")):
            if leg is not None:
                out.link(iri, AKG + prop, self.match_iri(leg))
                out.link(self.match_iri(leg), AKG + "tie", iri)
        for side in tie.sides:
            side_iri = self.iris.tie_side(iri, side.club)
            out.link(iri, AKG + "side", side_iri)
            out.typed(side_iri, "TieSide")
            out.label(side_iri, f"{self.club_name(side.club)} in {names}")
            out.link(side_iri, AKG + "club", self.iris.club(side.club))
            out.add(side_iri, AKG + "aggregateGoals", side.aggregate)
            out.add(side_iri, AKG + "awayGoals", side.away_goals)
            out.add(side_iri, AKG + "seed", side.seed)
        if tie.winner:
            out.link(iri, AKG + "winner", self.iris.club(tie.winner))
        if tie.decision:
            out.link(iri, AKG + "decidedBy", AKG + self.tables.decisions[tie.decision])
        legs = [leg.span for leg in (tie.first_leg, tie.second_leg) if leg is not None]
        self.derived(iri, *(legs or [tie.span]))
