"""Gold: every two-legged tie, its aggregate, away goals, winner and how it was decided, and each stage's rules.

Worked out by hand from the articles. Each Liguilla states its own rules: the 2011-12 Liguillas (lines 55-61 and
86-91) and the Clausura 2013 Liguilla (2012-13 lines 102-108) send a tie level on aggregate straight to the higher
seed; the Apertura 2012 Liguilla (2012-13 lines 56-62, Liguilla article lines 28-34), the Apertura 2013 and the
Clausura 2014 Liguillas (2013-14 lines 51-57 and 120-126) apply away goals first. The promotion finals (Campeón de
Ascenso) state no rule at all: the 2014 one is level on aggregate, Tecos scored the only away goal, and yet the
infobox has U. de G. promoted, so it was not decided on away goals.
"""

from __future__ import annotations

import pytest

from ascenso_kg.iris import AKG, Iris

IRIS = Iris()
ROUNDS = {"qf": "quarterfinals", "sf": "semifinals", "f": "final"}
AGG, AWAY, SEED, NOT_STATED = (AKG + name for name in (
    "DecidedOnAggregate", "DecidedOnAwayGoals", "DecidedOnHigherSeed", "DecisionNotStated"))


def stage_iri(stage: str) -> str:
    """'clausura-2012' is that tournament's Liguilla; '2011-12' is that season's promotion final."""
    return IRIS.liguilla(stage) if stage[0].isalpha() else IRIS.promotion_final(stage)


# stage, round, A (home in the first leg), B; aggregate A-B; away goals A-B; winner; decision
TIES = [
    ("clausura-2012", "qf", "correcaminos", "merida", (3, 1), (1, 0), "correcaminos", AGG),
    ("clausura-2012", "qf", "udeg", "necaxa", (1, 1), (0, 1), "necaxa", SEED),  # away goals do not count here
    ("clausura-2012", "qf", "lobos-buap", "neza", (1, 0), (0, 0), "lobos-buap", AGG),
    ("clausura-2012", "sf", "lobos-buap", "necaxa", (3, 1), (0, 0), "lobos-buap", AGG),
    ("clausura-2012", "sf", "correcaminos", "leon", (0, 1), (0, 1), "leon", AGG),
    ("clausura-2012", "f", "lobos-buap", "leon", (3, 7), (0, 3), "leon", AGG),
    ("2011-12", "f", "correcaminos", "leon", (2, 6), (0, 1), "leon", AGG),
    ("clausura-2013", "qf", "neza", "lobos-buap", (3, 1), (1, 1), "neza", AGG),
    ("clausura-2013", "qf", "celaya", "correcaminos", (1, 4), (0, 1), "correcaminos", AGG),
    ("clausura-2013", "qf", "necaxa", "veracruz", (6, 3), (3, 2), "necaxa", AGG),
    ("clausura-2013", "sf", "necaxa", "correcaminos", (6, 4), (3, 1), "necaxa", AGG),
    ("clausura-2013", "sf", "neza", "udeg", (4, 1), (2, 1), "neza", AGG),
    ("clausura-2013", "f", "neza", "necaxa", (4, 0), (1, 0), "neza", AGG),
    ("2012-13", "f", "la-piedad", "neza", (1, 1), (1, 1), "la-piedad", NOT_STATED),  # winner: infobox, line 14
    ("apertura-2013", "qf", "atletico-san-luis", "necaxa", (0, 4), (0, 2), "necaxa", AGG),
    ("apertura-2013", "qf", "correcaminos", "delfines", (2, 4), (1, 1), "delfines", AGG),
    ("apertura-2013", "qf", "udeg", "merida", (5, 2), (0, 0), "udeg", AGG),
    ("apertura-2013", "sf", "udeg", "oaxaca", (3, 2), (2, 0), "udeg", AGG),
    ("apertura-2013", "sf", "delfines", "necaxa", (0, 7), (0, 4), "necaxa", AGG),
    ("apertura-2013", "f", "udeg", "necaxa", (2, 1), (1, 0), "udeg", AGG),
    ("clausura-2014", "qf", "oaxaca", "udeg", (3, 2), (0, 1), "oaxaca", AGG),
    ("clausura-2014", "qf", "delfines", "necaxa", (3, 6), (1, 2), "necaxa", AGG),
    ("clausura-2014", "qf", "dorados-de-sinaloa", "tecos", (2, 2), (1, 1), "tecos", SEED),
    ("clausura-2014", "sf", "oaxaca", "correcaminos", (2, 2), (0, 0), "correcaminos", SEED),
    ("clausura-2014", "sf", "necaxa", "tecos", (0, 0), (0, 0), "tecos", SEED),
    ("clausura-2014", "f", "tecos", "correcaminos", (1, 1), (1, 0), "tecos", AWAY),
    ("2013-14", "f", "tecos", "udeg", (1, 1), (1, 0), "udeg", NOT_STATED),  # winner: infobox "Promoted", line 6
]

# stage, away goals rule, qualifiers, clubs straight to the semifinals, re-seeded every round
RULES = [
    ("apertura-2011", False, 7, 1, True),  # 2011-12 lines 55-61
    ("clausura-2012", False, 7, 1, None),  # 2011-12 lines 86-91: re-seeding is not mentioned
    ("apertura-2012", True, 7, 1, True),  # 2012-13 lines 56-62 and the Liguilla article
    ("clausura-2013", False, 8, None, True),  # 2012-13 lines 102-108: no club skips the quarterfinals
    ("apertura-2013", True, 7, 1, True),  # 2013-14 lines 51-57
    ("clausura-2014", True, 7, 1, True),  # 2013-14 lines 120-126
]


@pytest.fixture(scope="module")
def ties(select) -> dict[tuple[str, frozenset], dict]:
    rows = select("""
        SELECT ?tie ?round ?club ?aggregate ?away ?winner ?decision ?firstHome ?secondHome WHERE {
          ?tie a akg:Tie ; akg:round ?round ; akg:side ?side .
          ?side akg:club ?club .
          OPTIONAL { ?side akg:aggregateGoals ?aggregate }
          OPTIONAL { ?side akg:awayGoals ?away }
          OPTIONAL { ?tie akg:winner ?winner }
          OPTIONAL { ?tie akg:decidedBy ?decision }
          OPTIONAL { ?tie akg:firstLeg/schema:homeTeam ?firstHome }
          OPTIONAL { ?tie akg:secondLeg/schema:homeTeam ?secondHome }
        }""")
    by_tie: dict[str, dict] = {}
    for row in rows:
        tie = by_tie.setdefault(row["tie"], {**row, "sides": {}})
        tie["sides"][row["club"]] = (row["aggregate"], row["away"])
    return {(tie["round"], frozenset(tie["sides"])): tie for tie in by_tie.values()}


@pytest.mark.parametrize("stage, round_, a, b, aggregate, away_goals, winner, decision", TIES)
def test_tie(ties, stage, round_, a, b, aggregate, away_goals, winner, decision):
    key = (IRIS.round(stage_iri(stage), ROUNDS[round_]), frozenset({IRIS.club(a), IRIS.club(b)}))
    assert key in ties, f"no tie {a} v {b} in {key[0]}"
    tie = ties[key]
    assert tie["sides"] == {IRIS.club(a): (aggregate[0], away_goals[0]), IRIS.club(b): (aggregate[1], away_goals[1])}
    assert (tie["firstHome"], tie["secondHome"]) == (IRIS.club(a), IRIS.club(b))
    assert (tie["winner"], tie["decision"]) == (IRIS.club(winner), decision)


def test_tie_note_of_the_liguilla_article(ties):
    """'Round tied 3-3. Dorados advance to Final by the away goal rule' (Liguilla article line 67): the note names
    one club only, so the tie has one side, and its aggregate is the 3 the note gives."""
    key = (IRIS.round(IRIS.liguilla("apertura-2012"), "semifinals"), frozenset({IRIS.club("dorados-de-sinaloa")}))
    assert key in ties
    tie = ties[key]
    assert tie["sides"] == {IRIS.club("dorados-de-sinaloa"): (3, None)}
    assert (tie["winner"], tie["decision"]) == (IRIS.club("dorados-de-sinaloa"), AWAY)


def test_there_are_exactly_these_ties(ties):
    assert len(ties) == len(TIES) + 1


@pytest.mark.parametrize("stage, away_goals, qualifiers, byes, reseeded", RULES)
def test_liguilla_rules(select, stage, away_goals, qualifiers, byes, reseeded):
    rows = select(f"""
        SELECT DISTINCT ?awayGoals ?tieBreak ?qualifiers ?byes ?reseeded ?legs ?hosts ?final WHERE {{
          <{IRIS.liguilla(stage)}> akg:rules ?rules .
          OPTIONAL {{ ?rules akg:awayGoalsRule ?awayGoals }}
          OPTIONAL {{ ?rules akg:tieBreak ?tieBreak }}
          OPTIONAL {{ ?rules akg:qualifiers ?qualifiers }}
          OPTIONAL {{ ?rules akg:byes ?byes }}
          OPTIONAL {{ ?rules akg:reseeded ?reseeded }}
          OPTIONAL {{ ?rules akg:legsPerTie ?legs }}
          OPTIONAL {{ ?rules akg:higherSeedHostsSecondLeg ?hosts }}
          OPTIONAL {{ ?rules akg:winnerPlaysPromotionFinal ?final }}
        }}""")
    flag = {True: "true", False: "false", None: None}
    assert rows == [{
        "awayGoals": flag[away_goals], "tieBreak": SEED, "qualifiers": qualifiers, "byes": byes,
        "reseeded": flag[reseeded], "legs": 2, "hosts": "true", "final": "true",
    }]


@pytest.mark.parametrize("season", ["2011-12", "2012-13", "2013-14"])
def test_promotion_finals_state_no_rules(select, season):
    stage = IRIS.promotion_final(season)
    assert select(f"SELECT ?stage WHERE {{ BIND(<{stage}> AS ?stage) ?stage a akg:PromotionFinal }}")
    assert select(f"SELECT ?rules WHERE {{ <{stage}> akg:rules ?rules }}") == []
