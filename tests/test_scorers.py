"""Scorer lines of match blocks: 'Club: Name 12', 30' , Other 45+1' (pen.)', one line per case."""

from __future__ import annotations

import pytest

from ascenso_kg.mappings.read.scorers import GoalMention, parse_scorer_line
from ascenso_kg.mappings.read.value_parsers import Minute


def goal(scorer: str, minute: int | None = None, added: int | None = None, *, pen: bool = False, og: bool = False):
    return GoalMention(scorer, None if minute is None else Minute(minute, added), pen, og)


@pytest.mark.parametrize("text, club, goals", [
    # as the seed articles write them
    ("Necaxa: A. Escoboza 14', 50' , C. Hurtado 61'", "Necaxa",
     [goal("A. Escoboza", 14), goal("A. Escoboza", 50), goal("C. Hurtado", 61)]),
    ("UAT: J. López 18', R. Saucedo 42'", "UAT", [goal("J. López", 18), goal("R. Saucedo", 42)]),
    ("León: C. Peña 23' , S. Maz 76', 81', 83'", "León",
     [goal("C. Peña", 23), goal("S. Maz", 76), goal("S. Maz", 81), goal("S. Maz", 83)]),
    ("U. de G.: C. Valdovinos", "U. de G.", [goal("C. Valdovinos")]),
    ("Necaxa: E. Lillingston 69' , J. Goncalves", "Necaxa", [goal("E. Lillingston", 69), goal("J. Goncalves")]),
    ("UdeG: Alatorre 83'", "UdeG", [goal("Alatorre", 83)]),
    ("La Piedad: Luis Antonio Martínez 25'", "La Piedad", [goal("Luis Antonio Martínez", 25)]),
    ("Necaxa: V. Lojero 14' , D. Cervantes 71' , R. de Pinho 90'", "Necaxa",
     [goal("V. Lojero", 14), goal("D. Cervantes", 71), goal("R. de Pinho", 90)]),
    ("Delfines F.C.: R. Prieto 26', 70' , J. Ibarra 89'", "Delfines F.C.",
     [goal("R. Prieto", 26), goal("R. Prieto", 70), goal("J. Ibarra", 89)]),
    # stoppage time and extra time
    ("Neza: A. Lucio 90+2'", "Neza", [goal("A. Lucio", 90, 2)]),
    ("Neza: A. Lucio 45+1', 90 + 4'", "Neza", [goal("A. Lucio", 45, 1), goal("A. Lucio", 90, 4)]),
    ("Neza: A. Lucio 105' , R. Vilchis 118'", "Neza", [goal("A. Lucio", 105), goal("R. Vilchis", 118)]),
    # penalties and own goals, before or after the minute
    ("Neza: R. Prieto 26' (pen.), 70'", "Neza", [goal("R. Prieto", 26, pen=True), goal("R. Prieto", 70)]),
    ("Neza: R. Prieto 26' pen.", "Neza", [goal("R. Prieto", 26, pen=True)]),
    ("Neza: R. Prieto 90+3' (p)", "Neza", [goal("R. Prieto", 90, 3, pen=True)]),
    ("Neza: R. Prieto (penalty) 26'", "Neza", [goal("R. Prieto", 26, pen=True)]),
    ("Necaxa: J. Pérez 12' o.g.", "Necaxa", [goal("J. Pérez", 12, og=True)]),
    ("Necaxa: J. Pérez 12' (o.g.)", "Necaxa", [goal("J. Pérez", 12, og=True)]),
    ("Necaxa: J. Pérez (o.g.) 12'", "Necaxa", [goal("J. Pérez", 12, og=True)]),
    ("Necaxa: J. Pérez 12' (og)", "Necaxa", [goal("J. Pérez", 12, og=True)]),
    ("Necaxa: J. Pérez 12' (own goal) , V. Lojero 30' (pen.)", "Necaxa",
     [goal("J. Pérez", 12, og=True), goal("V. Lojero", 30, pen=True)]),
    ("Necaxa: J. Ogando 12' , P. Penagos 30'", "Necaxa", [goal("J. Ogando", 12), goal("P. Penagos", 30)]),
    # spacing
    ("  Neza :  A. Lucio 9'  ", "Neza", [goal("A. Lucio", 9)]),
    ("Neza: A. Lucio 9’", "Neza", [goal("A. Lucio", 9)]),
    ("Neza: A. Lucio 45' 60'", "Neza", [goal("A. Lucio", 45), goal("A. Lucio", 60)]),
])
def test_parse_scorer_line(text, club, goals):
    line = parse_scorer_line(text)
    assert (line.club, line.goals, line.problems) == (club, goals, [])


@pytest.mark.parametrize("text", ["", "Necaxa 3-2 Veracruz", "24 April 2013", ": A. Lucio 9'"])
def test_not_a_scorer_line(text):
    assert parse_scorer_line(text) is None


@pytest.mark.parametrize("text, goals, problem", [
    # a minute out of range: the goal stands, its minute is unknown
    ("Neza: A. Lucio 130'", [goal("A. Lucio")], "130'"),
    ("Neza: A. Lucio 0'", [goal("A. Lucio")], "0'"),
    # a minute that is not a number: the goal still stands, the scorer is known, its minute is not
    ("Neza: R. Vilchis 12', A. Lucio 4S'", [goal("R. Vilchis", 12), goal("A. Lucio")], "4S'"),
    # minutes with no scorer before them
    ("Neza: 45'", [], "45'"),
])
def test_broken_scorer_minute_is_reported(text, goals, problem):
    line = parse_scorer_line(text)
    assert line.goals == goals
    assert len(line.problems) == 1 and problem in line.problems[0], line.problems
