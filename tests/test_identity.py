"""Seasons, tournaments, Liguillas, tables, titles and club changes are scoped by competition: two competitions'
2012–13 seasons are two resources, and a Liga MX champion never lands on an Ascenso MX tournament. The Liga de Ascenso
(Ascenso MX) keeps the IRIs it had before competitions were told apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascenso_kg.iris import Iris
from ascenso_kg.mappings.pipeline import map_articles

BASE = "https://w3id.org/ascenso-kg/resource/"
ASCENSO = """= 2012–13 Ascenso MX season =

Infobox
- Competition: Ascenso MX
- Winners: Apertura: La Piedad, Clausura: Neza
- Season: 2012–13
"""
LIGA_MX = """= 2012–13 Liga MX season =

Infobox
- Competition: Liga MX
- Winners: Apertura: Tijuana, Clausura: América
- Season: 2012–13
"""


@pytest.fixture(scope="module")
def statements(tmp_path_factory) -> str:
    folder: Path = tmp_path_factory.mktemp("identity")
    (folder / "ascenso.txt").write_text(ASCENSO, encoding="utf-8")
    (folder / "liga-mx.txt").write_text(LIGA_MX, encoding="utf-8")
    result = map_articles(folder, Iris())
    return "".join(s.triple_line() for graph in result.graphs.values() for s in graph)


def test_two_competitions_2012_13_seasons_are_two_resources(statements):
    assert f"<{BASE}season/2012-13> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in statements
    assert f"<{BASE}season/liga-mx/2012-13> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in statements
    assert f"<{BASE}season/liga-mx/2012-13> <https://w3id.org/ascenso-kg/ontology#competition> <{BASE}competition/liga-mx>" in statements
    assert f"<{BASE}season/2012-13> <https://w3id.org/ascenso-kg/ontology#competition> <{BASE}competition/liga-de-ascenso>" in statements


def test_a_liga_mx_champion_never_lands_on_an_ascenso_tournament(statements):
    ascenso_titles = [s for s in statements.splitlines() if s.startswith(f"<{BASE}tournament/apertura-2012/")]
    liga_mx_titles = [s for s in statements.splitlines() if s.startswith(f"<{BASE}tournament/liga-mx/apertura-2012/")]
    assert ascenso_titles and liga_mx_titles
    assert not any("club/tijuana" in s for s in ascenso_titles)
    assert not any("club/la-piedad" in s for s in liga_mx_titles)


@pytest.mark.parametrize("competition, expected", [
    ("liga-de-ascenso", "season/2012-13"), ("liga-mx", "season/liga-mx/2012-13"),
    ("primera-division-a", "season/primera-division-a/2012-13"), ("", "season/2012-13"),
])
def test_season_iris_are_scoped_by_competition_except_the_liga_de_ascenso(competition, expected):
    assert Iris().scoped_to(competition).season("2012-13") == BASE + expected


@pytest.mark.parametrize("title, competition", [
    ("2005–06 Primera División A season", "primera-division-a"),
    ("1999–2000 Primera División A season", "primera-division-a"),
    ("Primera División de México Apertura 2005", "liga-mx"),
    ("2012 Primera División de México Clausura Liguilla", "liga-mx"),
    ("Apertura 2013 Liga MX final phase", "liga-mx"),
    ("Apertura 2017 Copa MX", "copa-mx"),
    ("Apertura 2017 Copa MX final", "copa-mx"),
    ("2011–12 Liga Premier de Ascenso season", "liga-premier"),
    ("2021–22 Serie A de México season", "liga-premier-serie-a"),
    ("2007–08 Mexican Segunda División season", "segunda-division"),
    ("2020–21 Liga de Expansión MX season", "liga-de-expansion-mx"),
    ("2012–13 Ascenso MX season", "liga-de-ascenso"),
])
def test_the_family_s_titles_give_their_competition(title, competition):
    from ascenso_kg.mappings.mapping_tables import default_tables
    from ascenso_kg.mappings.interpret.article import interpret
    from ascenso_kg.mappings.read.reader import read_text

    records, _, problems = interpret(read_text(f"= {title} =\n", "t.txt"), "t", default_tables())
    assert (records.competition, bool(records.seasons)) == (competition, True), [str(p) for p in problems]


def test_a_title_of_no_known_kind_is_read_from_its_infobox_season_and_competition():
    from ascenso_kg.mappings.mapping_tables import default_tables
    from ascenso_kg.mappings.interpret.article import interpret
    from ascenso_kg.mappings.read.reader import read_text

    text = "= Torneo de Ascenso 2030–31 =\n\nInfobox\n- Competition: Liga de Expansión MX\n- Season: 2030–31\n"
    records, _, problems = interpret(read_text(text, "t.txt"), "t", default_tables())
    assert (records.competition, [season.id for season in records.seasons]) == ("liga-de-expansion-mx", ["2030-31"])
    assert any("read as a season from its infobox" in problem.message for problem in problems)


def test_a_four_digit_end_year_is_the_same_season():
    from ascenso_kg.notation import season_id_from

    assert [season_id_from(text) for text in ("1999–2000", "2005−06", "2016-17", "2001–2002", "2001–2003")] == \
        ["1999-00", "2005-06", "2016-17", "2001-02", None]


def test_two_articles_different_capacities_of_one_stadium_coexist_each_with_its_season(tmp_path):
    for season, capacity in (("2030–31", "18,000"), ("2031–32", "20,500")):
        (tmp_path / f"{season}.txt").write_text(
            f"= {season} Ascenso MX season =\n\n==Stadiums and locations==\n| Club | Stadium | Capacity | City |\n"
            f"| Real Pinole | Estadio Pino | {capacity} | Pinole |\n", encoding="utf-8")
    statements = "".join(s.triple_line() for graph in map_articles(tmp_path, Iris()).graphs.values() for s in graph)
    for season, capacity in (("2030-31", 18000), ("2031-32", 20500)):
        statement = f"{BASE}season/{season}/club/real-pinole/capacity/estadio-pino"
        assert f'<{statement}> <https://w3id.org/ascenso-kg/ontology#statedCapacity> "{capacity}"' in statements
        assert f"<{statement}> <https://w3id.org/ascenso-kg/ontology#season> <{BASE}season/{season}>" in statements
        assert f"<{statement}> <http://www.w3.org/ns/prov#wasDerivedFrom>" in statements


@pytest.mark.parametrize("minted, expected", [
    (lambda iris: iris.capacity_statement(iris.club_season("2012-13", "neza"), "estadio-neza-86"),
     "season/2012-13/club/neza/capacity/estadio-neza-86"),
    (lambda iris: iris.one_sided_tie(iris.round(iris.liguilla("clausura-2013"), "semifinals"), "necaxa"),
     "tournament/clausura-2013/liguilla/semifinals/necaxa"),
    (lambda iris: iris.tournament_points(iris.table_row(iris.table(iris.season("2012-13"), "relegation"), 3),
                                         "apertura-2012"),
     "season/2012-13/relegation/row/3/points/apertura-2012"),
    (lambda iris: iris.statistic(iris.season("2012-13"), "top_scorer", 2), "season/2012-13/statistic/top-scorer-2"),
])
def test_the_iris_that_hang_off_another_resource_are_minted_by_iris(minted, expected):
    """Capacity statements, a tie a note names by one side, a relegation row's points per tournament and an infobox
    figure: one home (ascenso_kg/iris.py), under the configured base like every other resource."""
    assert minted(Iris()) == BASE + expected
    assert minted(Iris("https://example.org/kg/")) == "https://example.org/kg/resource/" + expected
