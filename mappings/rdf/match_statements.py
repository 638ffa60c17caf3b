"""Rounds, matches, their goals, and two-legged ties."""

from __future__ import annotations

from ascenso_kg.iris import AKG, RDF, SCHEMA
from ascenso_kg.notation import minute_text

from ..interpret.records import MatchRecord, RoundKey, Span, TieRecord
from .club_statements import map_player
from .graph_context import GraphContext, club_name, derived
from .terms import stage_iri, stage_label


def map_round(graph: GraphContext, key: RoundKey) -> str:
    """The round a match or tie is played in, described where it is first used; its IRI."""
    iri = graph.described.get(key)
    if iri is not None:
        return iri
    iri = graph.described[key] = graph.iris.round(stage_iri(graph.iris, key.stage), key.round)
    graph.out.typed(iri, "Round")
    graph.out.label(iri, *round_label(graph, key))
    graph.out.link(iri, AKG + "stage", stage_iri(graph.iris, key.stage))
    graph.out.add(iri, AKG + "roundOrder", round_order(graph, key))
    return iri


def round_order(graph: GraphContext, key: RoundKey) -> int:
    if key.round.startswith("matchday-"):
        return int(key.round.removeprefix("matchday-"))
    return graph.tables.rounds[key.round][2]


def round_label(graph: GraphContext, key: RoundKey) -> tuple[str, str]:
    stage_en, stage_es = stage_label(key.stage, graph.tables)
    if key.round.startswith("matchday-"):
        number = key.round.removeprefix("matchday-")
        return f"{stage_en}, matchday {number}", f"Jornada {number} ({stage_es})"
    english, spanish, _ = graph.tables.rounds[key.round]
    if key.stage.kind == "promotion_final":
        return stage_en, stage_es
    return f"{stage_en} {english.lower()}", f"{spanish} ({stage_es})"


def match_iri(graph: GraphContext, match: MatchRecord) -> str:
    return graph.iris.match(match.date.isoformat(), match.home, match.away)


def map_match(graph: GraphContext, match: MatchRecord) -> None:
    iri = match_iri(graph, match)
    out = graph.out
    home, away = club_name(graph, match.home), club_name(graph, match.away)
    out.typed(iri, "Match")
    out.link(iri, RDF + "type", SCHEMA + "SportsEvent")
    date = f"{match.date.day} {match.date:%B %Y}"
    out.label(iri, f"{home} {match.home_score}–{match.away_score} {away} ({date})")
    out.link(iri, SCHEMA + "homeTeam", graph.iris.club(match.home))
    out.link(iri, SCHEMA + "awayTeam", graph.iris.club(match.away))
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
        out.link(iri, AKG + "round", map_round(graph, match.round))
    derived(graph, iri, match.span)
    for goal in match.goals:
        goal_iri = graph.iris.goal(iri, goal.number)
        player = map_player(graph, goal.scorer)
        out.typed(goal_iri, "Goal")
        minute = f" {minute_text(goal.minute, goal.added_time)}" if goal.minute else ""
        out.label(goal_iri, f"{player.label}{minute} ({home} v {away}, {date})")
        out.link(goal_iri, AKG + "match", iri)
        out.link(goal_iri, AKG + "scorer", graph.iris.player(player.id))
        out.link(goal_iri, AKG + "forClub", graph.iris.club(goal.for_club))
        out.add(goal_iri, AKG + "minute", goal.minute)
        out.add(goal_iri, AKG + "addedTime", goal.added_time)
        out.add(goal_iri, AKG + "penalty", True if goal.penalty else None)
        out.add(goal_iri, AKG + "ownGoal", True if goal.own_goal else None)
        out.add(goal_iri, AKG + "nameAsWritten", goal.scorer.name)
        derived(graph, goal_iri, Span(match.span.article, goal.line, goal.line))


def map_tie(graph: GraphContext, tie: TieRecord) -> None:
    round_iri = map_round(graph, tie.round)
    iri = graph.iris.tie(round_iri, *(side.club for side in tie.sides[:2])) if len(tie.sides) == 2 else \
        graph.iris.one_sided_tie(round_iri, tie.sides[0].club)
    out = graph.out
    out.typed(iri, "Tie")
    names = " v ".join(club_name(graph, side.club) for side in tie.sides)
    if len(tie.sides) == 1:
        names += " v (opponent not named)"
    out.label(iri, f"{names} ({round_label(graph, tie.round)[0]})")
    out.link(iri, AKG + "round", round_iri)
    for leg, prop in ((tie.first_leg, "firstLeg"), (tie.second_leg, "secondLeg")):
        if leg is not None:
            out.link(iri, AKG + prop, match_iri(graph, leg))
            out.link(match_iri(graph, leg), AKG + "tie", iri)
    for side in tie.sides:
        side_iri = graph.iris.tie_side(iri, side.club)
        out.link(iri, AKG + "side", side_iri)
        out.typed(side_iri, "TieSide")
        out.label(side_iri, f"{club_name(graph, side.club)} in {names}")
        out.link(side_iri, AKG + "club", graph.iris.club(side.club))
        out.add(side_iri, AKG + "aggregateGoals", side.aggregate)
        out.add(side_iri, AKG + "awayGoals", side.away_goals)
        out.add(side_iri, AKG + "seed", side.seed)
    if tie.winner:
        out.link(iri, AKG + "winner", graph.iris.club(tie.winner))
    if tie.decision:
        out.link(iri, AKG + "decidedBy", AKG + graph.tables.decisions[tie.decision])
    legs = [leg.span for leg in (tie.first_leg, tie.second_leg) if leg is not None]
    derived(graph, iri, *(legs or [tie.span]))
