"""Match, tie and round pages: scorelines, scorers with minutes, both legs of a tie and how it was decided.

The summaries here are also used inside other pages (a club's results, a Liguilla's bracket), so they read only what
the page graph holds and never query on their own.
"""

from __future__ import annotations

import pyoxigraph

from ascenso_kg import iris
from ascenso_kg.notation import minute_text

from .page_context import PageContext
from .graph import akg, node

HOME_TEAM = node(iris.SCHEMA + "homeTeam")
AWAY_TEAM = node(iris.SCHEMA + "awayTeam")
START_DATE = node(iris.SCHEMA + "startDate")
DECIDED_ON_AWAY_GOALS = iris.AKG + "DecidedOnAwayGoals"
DECIDED_ON_AGGREGATE = iris.AKG + "DecidedOnAggregate"
DECIDED_ON_HIGHER_SEED = iris.AKG + "DecidedOnHigherSeed"
DECIDED_ON_PENALTIES = iris.AKG + "DecidedOnPenalties"


def goal_summary(page: PageContext, goal) -> dict:
    graph, show = page.graph, page.show
    minute, added = graph.number(goal, akg("minute")), graph.number(goal, akg("addedTime"))
    scorer = graph.value(goal, akg("scorer"))
    club = graph.value(goal, akg("forClub"))
    return {
        "href": page.addresses.href(goal.value) if isinstance(goal, pyoxigraph.NamedNode) else None,
        "scorer": show.term(scorer) if scorer is not None else None,
        "written": graph.literal(goal, akg("nameAsWritten")),
        "minute": minute_text(minute, added),
        "sort": (minute if minute is not None else 999, added or 0),
        "penalty": graph.flag(goal, akg("penalty")),
        "own_goal": graph.flag(goal, akg("ownGoal")),
        "club": club.value if club is not None else None,
    }


def match_summary(page: PageContext, match, with_goals: bool = False) -> dict:
    """The scoreline of a match from the page graph: clubs, score, penalties, date, round, leg."""
    graph, show = page.graph, page.show
    home, away = graph.value(match, HOME_TEAM), graph.value(match, AWAY_TEAM)
    date = graph.value(match, START_DATE)
    home_penalties = graph.number(match, akg("homePenalties"))
    away_penalties = graph.number(match, akg("awayPenalties"))
    summary = {
        "href": page.addresses.href(match.value),
        "label": show.text(match),
        "date": show.text(date) if date is not None else None,
        "iso_date": date.value if isinstance(date, pyoxigraph.Literal) else "",
        "home": show.term(home) if home is not None else None,
        "away": show.term(away) if away is not None else None,
        "home_score": graph.number(match, akg("homeScore")),
        "away_score": graph.number(match, akg("awayScore")),
        "penalties": (home_penalties, away_penalties) if home_penalties is not None else None,
        "extra_time": graph.flag(match, akg("afterExtraTime")),
        "leg": graph.number(match, akg("leg")),
        "round": show.term(graph.value(match, akg("round"))) if graph.value(match, akg("round")) else None,
    }
    if with_goals:
        goals = sorted((goal_summary(page, g) for g in graph.subjects(akg("match"), match)), key=lambda g: g["sort"])
        home_iri, away_iri = (home.value if home else None), (away.value if away else None)
        summary["goals"] = {
            "home": [g for g in goals if g["club"] == home_iri],
            "away": [g for g in goals if g["club"] == away_iri],
            "other": [g for g in goals if g["club"] not in (home_iri, away_iri)],
        }
        summary["goal_count"] = len(goals)
    return summary


def result_for(summary: dict, club_iri: str) -> str | None:
    """W, D or L for ``club_iri`` in a match summary (penalties decide nothing here: a leg can end level)."""
    home, away = summary["home_score"], summary["away_score"]
    if home is None or away is None or not summary["home"] or not summary["away"]:
        return None
    ours, theirs = (home, away) if summary["home"]["iri"] == club_iri else (away, home)
    return "W" if ours > theirs else "L" if ours < theirs else "D"


def tie_summary(page: PageContext, tie, with_goals: bool = False) -> dict:
    """Both legs, both sides with aggregate and away goals, the winner and how the tie was decided."""
    graph, show = page.graph, page.show
    first, second = graph.value(tie, akg("firstLeg")), graph.value(tie, akg("secondLeg"))
    legs = [match_summary(page, leg, with_goals) for leg in (first, second) if leg is not None]
    winner = graph.value(tie, akg("winner"))
    decision = graph.value(tie, akg("decidedBy"))
    sides = [_side(page, side, winner) for side in graph.objects(tie, akg("side"))]
    # The side that hosted the first leg is listed first, as the articles write a tie.
    first_home = legs[0]["home"]["iri"] if legs and legs[0]["home"] else None
    sides.sort(key=lambda s: (s["club"] is None or s["club"]["iri"] != first_home,
                              s["club"]["text"] if s["club"] else ""))
    round_ = graph.value(tie, akg("round"))
    stage = graph.value(round_, akg("stage")) if round_ is not None else None
    return {
        "href": page.addresses.href(tie.value),
        "label": show.text(tie),
        "round": show.term(round_) if round_ is not None else None,
        "stage": show.term(stage) if stage is not None else None,
        "legs": legs,
        "sides": sides,
        "winner": show.term(winner) if winner is not None else None,
        "decision": show.term(decision) if decision is not None else None,
        "explanation": explain_decision(sides, winner.value if winner else None, decision.value if decision else None,
                                        show.text(winner) if winner else None),
    }


def _side(page: PageContext, side, winner) -> dict:
    graph = page.graph
    club = graph.value(side, akg("club"))
    return {
        "club": page.show.term(club) if club is not None else None,
        "aggregate": graph.number(side, akg("aggregateGoals")),
        "away_goals": graph.number(side, akg("awayGoals")),
        "seed": graph.number(side, akg("seed")),
        "winner": club is not None and winner is not None and club == winner,
    }


def explain_decision(sides: list[dict], winner: str | None, decision: str | None, winner_name: str | None) -> str:
    """How the tie was decided, in a sentence (only from what the graph states; nothing is inferred)."""
    if winner is None:
        return "The article does not say who went through."
    ours = next((s for s in sides if s["club"] and s["club"]["iri"] == winner), None)
    theirs = next((s for s in sides if s is not ours), None)
    score = (f"{ours['aggregate']}–{theirs['aggregate']}"
             if ours and theirs and ours["aggregate"] is not None and theirs["aggregate"] is not None else None)
    if decision == DECIDED_ON_AGGREGATE:
        return f"{winner_name} went through {score + ' ' if score else ''}on aggregate."
    if decision == DECIDED_ON_AWAY_GOALS:
        away = (f" ({ours['away_goals']}–{theirs['away_goals']})"
                if ours and theirs and ours["away_goals"] is not None and theirs["away_goals"] is not None else "")
        level = f"Level {score} on aggregate; " if score else ""
        return f"{level}{winner_name} went through on away goals{away}."
    if decision == DECIDED_ON_HIGHER_SEED:
        level = f"Level {score} on aggregate; " if score else ""
        return f"{level}{winner_name} went through as the higher seed."
    if decision == DECIDED_ON_PENALTIES:
        return f"{winner_name} went through on penalties."
    return f"{winner_name} went through; the article does not say how the tie was decided."


def gather_match(page: PageContext) -> None:
    page.gather("page-match")


def match_view(page: PageContext) -> dict:
    tie = page.graph.value(page.this, akg("tie"))
    summary = match_summary(page, page.this, with_goals=True)
    tie_data = tie_summary(page, tie) if tie is not None else None
    other_leg = None
    if tie_data:
        other_leg = next((leg for leg in tie_data["legs"] if leg["href"] != summary["href"]), None)
    return {"match": summary, "tie": tie_data, "other_leg": other_leg}


def gather_tie(page: PageContext) -> None:
    page.gather("page-tie")


def tie_view(page: PageContext) -> dict:
    tie = tie_summary(page, page.this, with_goals=True)
    return {"tie": tie, "heading": tie_heading(tie)}


def tie_heading(tie: dict) -> str | None:
    """``Neza v Necaxa (Clausura 2013 Liguilla final): 4–0 on aggregate``; None when an aggregate is not given."""
    scores = [side["aggregate"] for side in tie["sides"]]
    if len(scores) != 2 or None in scores or not tie["label"]:
        return None
    return f"{tie['label']}: {scores[0]}–{scores[1]} on aggregate"


def gather_round(page: PageContext) -> None:
    page.gather("page-round")


def round_view(page: PageContext) -> dict:
    ties = [tie_summary(page, tie) for tie in page.graph.instances("Tie")
            if page.graph.value(tie, akg("round")) == page.this]
    matches = [match_summary(page, match) for match in page.graph.subjects(akg("round"), page.this)
               if page.graph.has_type(match, "Match")]
    matches.sort(key=lambda m: (m["iso_date"], m["href"]))
    ties.sort(key=lambda t: t["label"] or "")
    stage = page.graph.value(page.this, akg("stage"))
    return {"ties": ties, "matches": matches, "stage": page.show.term(stage) if stage is not None else None}
