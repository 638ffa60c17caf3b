"""The infobox value grammar and the infobox's shape: one line per pattern the renderings produce."""

from __future__ import annotations

import pytest

from ascenso_kg.mappings.read.infobox_values import parse_number, parse_season, parse_tournament, parse_value, split_residue
from ascenso_kg.mappings.read.reader import read_text

from .infobox_facts import facts, read_infobox_of


def groups(value):
    return [(group.label, group.year, [(item.text, item.title_number, item.goals) for item in group.items])
            for group in parse_value(value)]


@pytest.mark.parametrize("value, expected", [
    ("Apertura: La Piedad , Clausura: Neza",
     [("Apertura", None, [("La Piedad", None, None)]), ("Clausura", None, [("Neza", None, None)])]),
    ("Apertura:, Oaxaca , Clausura:, Neza",
     [("Apertura", None, [("Oaxaca", None, None)]), ("Clausura", None, [("Neza", None, None)])]),
    ("Apertura:10", [("Apertura", None, [("10", None, None)])]),
    ("Apertura: 24,284 Clausura:26,829",
     [("Apertura", None, [("24,284", None, None)]), ("Clausura", None, [("26,829", None, None)])]),
    ("Invierno: Irapuato (3rd Title) , Verano: León (1st title)",
     [("Invierno", None, [("Irapuato", 3, None)]), ("Verano", None, [("León", 1, None)])]),
    ("Invieno: Irapuato", [("Invierno", None, [("Irapuato", None, None)])]),
    ("Guard1anes 2020:, León (8th title), Guardianes 2021:, Cruz Azul (9th title)",
     [("Guardianes", 2020, [("León", 8, None)]), ("Guardianes", 2021, [("Cruz Azul", 9, None)])]),
    ("Serie A: Loros UdeC , Serie B: Cañoneros Marina",
     [("Serie A", None, [("Loros UdeC", None, None)]), ("Serie B", None, [("Cañoneros Marina", None, None)])]),
    ("Serie A:: Irapuato , (69 points)", [("Serie A", None, [("Irapuato", None, None)])]),
    ("Apertura 2021, Atlante, (1st title), Clausura 2022:, Morelia, (1st title)",
     [("Apertura", 2021, [("Atlante", 1, None)]), ("Clausura", 2022, [("Morelia", 1, None)])]),
    ("Apertura:, Murciélagos, Clausura, Ballenas Galeana Morelos",
     [("Apertura", None, [("Murciélagos", None, None)]), ("Clausura", None, [("Ballenas Galeana Morelos", None, None)])]),
    ("Invierno:, Pachuca, (2nd title) , Campeón de Ascenso:, Pachuca, (1st title)",
     [("Invierno", None, [("Pachuca", 2, None)]), ("Campeón de Ascenso", None, [("Pachuca", 1, None)])]),
    # a value lost in the rendering: the Apertura champion is absent, Guadalajara stays the Clausura's
    (", Clausura:, Guadalajara", [("Clausura", None, [("Guadalajara", None, None)])]),
    ("Apertura: , Clausura: , Neza", [("Apertura", None, []), ("Clausura", None, [("Neza", None, None)])]),
    ("Apertura: Víctor Mañón (8 goals), Clausura: Roberto Nurse (7 goals)",
     [("Apertura", None, [("Víctor Mañón", None, 8)]), ("Clausura", None, [("Roberto Nurse", None, 7)])]),
    ("Necaxa[1]", [(None, None, [("Necaxa", None, None)])]),
    ("Necaxa[a] <", [(None, None, [("Necaxa", None, None)])]),
    ("Apertura: 61,561, América 0–3 Guadalajara, (August 27, 2016)",
     [("Apertura", None, [("61,561", None, None), ("América 0–3 Guadalajara", None, None)])]),
])
def test_value_grammar(value, expected):
    assert groups(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("2005−06", "2005-06"), ("2016-17", "2016-17"), ("2001–2002", "2001-02"), ("1999–2000", "1999-00"),
    ("2012–13", "2012-13"), ("2012–14", None), ("LPA 2008–09, LNT 2008–09", None),
])
def test_season_spellings(text, expected):
    assert parse_season(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Clausura 2013", ("Clausura", 2013)), ("2010 Apertura", ("Apertura", 2010)),
    ("Bicentenario 2010", ("Bicentenario", 2010)), ("Invierno 1998", ("Invierno", 1998)), ("2012–13", None),
])
def test_tournament_names(text, expected):
    assert parse_tournament(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("306", 306), ("61,561", 61561), ("4,069,808", 4069808), ("10 matches", 10), ("Chiapas", None), ("", None),
])
def test_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("America (11th title) | runner-up = Cruz Azul", ("America (11th title)", [("runner-up", "Cruz Azul")])),
    ("| runner-up =", ("", [("runner-up", "")])),
    ("Apertura: X | Y", ("Apertura: X | Y", [])),
])
def test_template_residue(value, expected):
    assert split_residue(value) == expected


ARTICLE = "= 2012–13 Ascenso MX season =\n\n{before}- Competition: Ascenso MX\n- Winners: Apertura: La Piedad , Clausura: Neza\n{after}"


@pytest.mark.parametrize("before, after, keys", [
    ("Infobox\n", "", ["Competition", "Winners"]),
    ("", "", ["Competition", "Winners"]),  # no literal Infobox line
    ('"a"|BUAP was supposed to be relegated.\n', "", ["Competition", "Winners"]),  # a stray footnote before it
    ("Infobox\n", "\n- Bullet: of the body\n", ["Competition", "Winners"]),  # stopped at the blank line
    ("Infobox\n", "==Teams==\n- Bullet: of the body\n", ["Competition", "Winners"]),  # stopped at a heading
    ("Infobox\n", "Prose right after.\n- Bullet: of the body\n", ["Competition", "Winners"]),
])
def test_the_infobox_is_found_by_its_shape(before, after, keys):
    document = read_text(ARTICLE.format(before=before, after=after))
    assert [field.key for field in document.infobox] == keys


def test_body_bullets_after_a_heading_are_never_an_infobox():
    document = read_text("= 2012–13 Ascenso MX season =\n\n==Changes==\n- Note: a bullet\n")
    assert document.infobox == []


@pytest.mark.parametrize("line, expected", [
    ("- Winners: Necaxa (3rd Title)", {("champion", "2012-13", ("necaxa",))}),  # no tournament named: the season's
    ("- Relegated: No relegation this season", {("relegated", "2012-13", "none")}),
    ("- Relegated: None", {("relegated", "2012-13", "none")}),
    ("- Promoted: None", {("promoted", "2012-13", "none")}),
    ("- Winners: Apertura: Necaxa, Clausura: Tournament cancelled",
     {("champion", "apertura-2012", "necaxa", None), ("champion", "clausura-2013", "none")}),
    ("- Relegated: Deportivo Toluca F.C., Toluca", {("relegated", "deportivo-toluca-f-c")}),
    ("- Prevseason: 2011-12", {("previous", "2011-12")}),
    ("- Nextseason: 2013−2014", {("next", "2013-14")}),
    ("- Matches: 148", {("matches_played", "2012-13", 148)}),
    ("- Total Goals Footnote: , Apertura:, 431 ( per match), Clausura:, 375 ( per match)",
     {("goals_scored", "apertura-2012", 431), ("goals_scored", "clausura-2013", 375)}),
    ("- Longest Wins: Apertura: 4 matches Necaxa, Clausura: 5 matches, Neza",
     {("longest_wins", "apertura-2012", 4, ("necaxa",)), ("longest_wins", "clausura-2013", 5, ("neza",))}),
    ("- Longest Wins: Apertura: 3 matches, , Clausura: 12 matches, Neza",  # the Apertura clubs were lost
     {("longest_wins", "apertura-2012", 3), ("longest_wins", "clausura-2013", 12, ("neza",))}),
    ("- Average Attendance: Apertura: 4,104, Clausura: 5,515",
     {("average_attendance", "apertura-2012", 4104), ("average_attendance", "clausura-2013", 5515)}),
    ("- League Topscorer: Apertura:, Mauro Boselli, Avilés Hurtado, (11 goals), Clausura:, Djaniny, (14 goals)",
     {("top_scorer", "apertura-2012", (("Mauro Boselli", 11), ("Avilés Hurtado", 11))),
      ("top_scorer", "clausura-2013", (("Djaniny", 14),))}),
    ("- Continentalcup1: CONCACAF Champions League", {("continental_cup", "2012-13", "CONCACAF Champions League")}),
    ("- Dates: 11 August 2012 – 1 June 2013", {("dates", "2012-08-11", "2013-06-01")}),
])
def test_infobox_fields(line, expected):
    text = f"= 2012–13 Ascenso MX season =\n\nInfobox\n{line}\n"
    assert facts(read_infobox_of(text)) == expected


@pytest.mark.parametrize("line, expected", [
    ("- Winners: Necaxa (3rd Title)", {("champion", "apertura-2012", "necaxa", 3)}),  # a number, not a name
    ("- Champions: Necaxa | runner-up = Neza",
     {("champion", "apertura-2012", "necaxa", None), ("runner_up", "2012-13", ("neza",))}),
    ("- Prevseason: Clausura 2012", {("previous_tournament", "apertura-2012", "clausura-2012")}),
    ("- Nextseason: 2013 Clausura", {("next_tournament", "apertura-2012", "clausura-2013")}),
])
def test_infobox_fields_of_a_tournament_article(line, expected):
    text = f"= 2012 Ascenso MX Apertura Liguilla =\n\nInfobox\n{line}\n"
    assert facts(read_infobox_of(text)) == expected
