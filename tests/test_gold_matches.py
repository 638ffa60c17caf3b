"""Gold: every match and every goal of the four articles, with the lines they were read from.

The expected values below were written from a reading of data/articles/*.txt, line by line, not from the program's
output. Clubs are given by their ids in mappings/tables/clubs.csv: the articles' "UAT" is ``correcaminos``, "U. de
G." and "UdeG" are ``udeg``, "San Luis" is ``atletico-san-luis``, "Dorados" is ``dorados-de-sinaloa``.
"""

from __future__ import annotations

from collections import Counter

import pytest

from ascenso_kg.iris import Iris

IRIS = Iris()
ARTICLES = {
    "11-12": "2011-12-liga-de-ascenso-season",
    "12-13": "2012-13-ascenso-mx-season",
    "13-14": "2013-14-ascenso-mx-season",
    "lig": "2012-ascenso-mx-apertura-liguilla",
}
ROUNDS = {"qf": "quarterfinals", "sf": "semifinals", "f": "final"}


def stage_iri(stage: str) -> str:
    """'clausura-2012' is that tournament's Liguilla; '2011-12' is that season's promotion final."""
    return IRIS.liguilla(stage) if stage[0].isalpha() else IRIS.promotion_final(stage)


def round_iri(stage: str, round_: str) -> str:
    return IRIS.round(stage_iri(stage), ROUNDS[round_])


# article, first line (the date), last line (the last scorer line, or the score line), date, home, score, away,
# stage, round, leg
MATCHES = [
    # 2011-12: Clausura 2012 Liguilla (lines 93-145) and Campeón de Ascenso 2012 (lines 147-162)
    ("11-12", 96, 98, "2012-04-18", "correcaminos", 2, 0, "merida", "clausura-2012", "qf", 1),
    ("11-12", 99, 102, "2012-04-18", "udeg", 1, 1, "necaxa", "clausura-2012", "qf", 1),
    ("11-12", 103, 105, "2012-04-19", "lobos-buap", 1, 0, "neza", "clausura-2012", "qf", 1),
    ("11-12", 108, 109, "2012-04-21", "necaxa", 0, 0, "udeg", "clausura-2012", "qf", 2),
    ("11-12", 110, 113, "2012-04-21", "merida", 1, 1, "correcaminos", "clausura-2012", "qf", 2),
    ("11-12", 114, 115, "2012-04-22", "neza", 0, 0, "lobos-buap", "clausura-2012", "qf", 2),
    ("11-12", 120, 122, "2012-04-25", "lobos-buap", 3, 0, "necaxa", "clausura-2012", "sf", 1),
    ("11-12", 123, 125, "2012-04-25", "correcaminos", 0, 1, "leon", "clausura-2012", "sf", 1),
    ("11-12", 128, 130, "2012-04-28", "necaxa", 1, 0, "lobos-buap", "clausura-2012", "sf", 2),
    ("11-12", 131, 132, "2012-04-28", "leon", 0, 0, "correcaminos", "clausura-2012", "sf", 2),
    ("11-12", 137, 140, "2012-05-02", "lobos-buap", 3, 3, "leon", "clausura-2012", "f", 1),
    ("11-12", 143, 145, "2012-05-05", "leon", 4, 0, "lobos-buap", "clausura-2012", "f", 2),
    ("11-12", 151, 154, "2012-05-09", "correcaminos", 2, 1, "leon", "2011-12", "f", 1),
    ("11-12", 160, 162, "2012-05-12", "leon", 5, 0, "correcaminos", "2011-12", "f", 2),
    # 2012-13: Clausura 2013 Liguilla (lines 110-169) and Campeón de Ascenso 2013 (lines 171-185)
    ("12-13", 113, 116, "2013-04-24", "neza", 2, 1, "lobos-buap", "clausura-2013", "qf", 1),
    ("12-13", 117, 120, "2013-04-24", "celaya", 1, 1, "correcaminos", "clausura-2013", "qf", 1),
    ("12-13", 121, 124, "2013-04-24", "necaxa", 3, 2, "veracruz", "clausura-2013", "qf", 1),
    ("12-13", 127, 130, "2013-04-27", "veracruz", 1, 3, "necaxa", "clausura-2013", "qf", 2),
    ("12-13", 131, 133, "2013-04-27", "lobos-buap", 0, 1, "neza", "clausura-2013", "qf", 2),
    ("12-13", 134, 136, "2013-04-27", "correcaminos", 3, 0, "celaya", "clausura-2013", "qf", 2),
    ("12-13", 141, 144, "2013-05-01", "necaxa", 3, 1, "correcaminos", "clausura-2013", "sf", 1),
    ("12-13", 145, 148, "2013-05-02", "neza", 2, 1, "udeg", "clausura-2013", "sf", 1),
    ("12-13", 151, 154, "2013-05-04", "correcaminos", 3, 3, "necaxa", "clausura-2013", "sf", 2),
    ("12-13", 155, 157, "2013-05-05", "udeg", 0, 2, "neza", "clausura-2013", "sf", 2),
    ("12-13", 162, 164, "2013-05-08", "neza", 3, 0, "necaxa", "clausura-2013", "f", 1),
    ("12-13", 167, 169, "2013-05-11", "necaxa", 0, 1, "neza", "clausura-2013", "f", 2),
    ("12-13", 175, 177, "2013-05-15", "la-piedad", 0, 1, "neza", "2012-13", "f", 1),
    ("12-13", 183, 185, "2013-05-18", "neza", 0, 1, "la-piedad", "2012-13", "f", 2),
    # 2013-14: Apertura 2013 Liguilla (lines 59-115)
    ("13-14", 62, 64, "2013-11-13", "atletico-san-luis", 0, 2, "necaxa", "apertura-2013", "qf", 1),
    ("13-14", 65, 68, "2013-11-13", "correcaminos", 1, 1, "delfines", "apertura-2013", "qf", 1),
    ("13-14", 69, 71, "2013-11-13", "udeg", 5, 0, "merida", "apertura-2013", "qf", 1),
    ("13-14", 74, 76, "2013-11-16", "merida", 2, 0, "udeg", "apertura-2013", "qf", 2),
    ("13-14", 77, 80, "2013-11-16", "delfines", 3, 1, "correcaminos", "apertura-2013", "qf", 2),
    ("13-14", 81, 83, "2013-11-16", "necaxa", 2, 0, "atletico-san-luis", "apertura-2013", "qf", 2),
    ("13-14", 88, 90, "2013-11-20", "udeg", 1, 0, "oaxaca", "apertura-2013", "sf", 1),
    ("13-14", 91, 93, "2013-11-20", "delfines", 0, 4, "necaxa", "apertura-2013", "sf", 1),
    ("13-14", 96, 99, "2013-11-23", "oaxaca", 2, 2, "udeg", "apertura-2013", "sf", 2),
    ("13-14", 100, 102, "2013-11-23", "necaxa", 3, 0, "delfines", "apertura-2013", "sf", 2),
    ("13-14", 107, 109, "2013-11-27", "udeg", 1, 0, "necaxa", "apertura-2013", "f", 1),
    ("13-14", 112, 115, "2013-11-30", "necaxa", 1, 1, "udeg", "apertura-2013", "f", 2),
    # 2013-14: Clausura 2014 Liguilla (lines 119-183) and Campeón de Ascenso 2014 (lines 185-199)
    ("13-14", 131, 134, "2014-04-16", "oaxaca", 3, 1, "udeg", "clausura-2014", "qf", 1),
    ("13-14", 135, 138, "2014-04-16", "delfines", 2, 2, "necaxa", "clausura-2014", "qf", 1),
    ("13-14", 139, 142, "2014-04-16", "dorados-de-sinaloa", 1, 1, "tecos", "clausura-2014", "qf", 1),
    ("13-14", 145, 147, "2014-04-19", "udeg", 1, 0, "oaxaca", "clausura-2014", "qf", 2),
    ("13-14", 148, 151, "2014-04-19", "tecos", 1, 1, "dorados-de-sinaloa", "clausura-2014", "qf", 2),
    ("13-14", 152, 155, "2014-04-19", "necaxa", 4, 1, "delfines", "clausura-2014", "qf", 2),
    ("13-14", 160, 162, "2014-04-23", "oaxaca", 2, 0, "correcaminos", "clausura-2014", "sf", 1),
    ("13-14", 163, 164, "2014-04-23", "necaxa", 0, 0, "tecos", "clausura-2014", "sf", 1),
    ("13-14", 167, 168, "2014-04-26", "tecos", 0, 0, "necaxa", "clausura-2014", "sf", 2),
    ("13-14", 169, 171, "2014-04-26", "correcaminos", 2, 0, "oaxaca", "clausura-2014", "sf", 2),
    ("13-14", 176, 177, "2014-04-30", "tecos", 0, 0, "correcaminos", "clausura-2014", "f", 1),
    ("13-14", 180, 183, "2014-05-03", "correcaminos", 1, 1, "tecos", "clausura-2014", "f", 2),
    ("13-14", 189, 190, "2014-05-07", "tecos", 0, 0, "udeg", "2013-14", "f", 1),
    ("13-14", 196, 199, "2014-05-10", "udeg", 1, 1, "tecos", "2013-14", "f", 2),
]

# article, line of the scorer line, scorer as written, club the goal counts for, minute (None: the article gives none)
GOALS = [
    ("11-12", 98, "J. Sara", "correcaminos", 18),
    ("11-12", 98, "D. Olsina", "correcaminos", 25),
    ("11-12", 101, "C. Valdovinos", "udeg", None),
    ("11-12", 102, "J. Correa", "necaxa", 45),
    ("11-12", 105, "M. Castillo", "lobos-buap", 90),
    ("11-12", 112, "D. Jiménez", "merida", 81),
    ("11-12", 113, "R. Saucedo", "correcaminos", 73),
    ("11-12", 122, "G. Ramírez", "lobos-buap", 46),
    ("11-12", 122, "G. Ramírez", "lobos-buap", 57),
    ("11-12", 122, "D. Jiménez", "lobos-buap", 49),
    ("11-12", 125, "S. Maz", "leon", 29),
    ("11-12", 130, "A. Castillo", "necaxa", 26),
    ("11-12", 139, "J. García", "lobos-buap", 18),
    ("11-12", 139, "J. García", "lobos-buap", 28),
    ("11-12", 139, "J. García", "lobos-buap", 30),
    ("11-12", 140, "L. Nieves", "leon", 7),
    ("11-12", 140, "S. Maz", "leon", 48),
    ("11-12", 140, "L. Montes", "leon", 60),
    ("11-12", 145, "C. Peña", "leon", 23),
    ("11-12", 145, "S. Maz", "leon", 76),
    ("11-12", 145, "S. Maz", "leon", 81),
    ("11-12", 145, "S. Maz", "leon", 83),
    ("11-12", 153, "J. López", "correcaminos", 18),
    ("11-12", 153, "R. Saucedo", "correcaminos", 42),
    ("11-12", 154, "I. González", "leon", None),
    ("11-12", 162, "C. Peña", "leon", 17),
    ("11-12", 162, "L. Nieves", "leon", 21),
    ("11-12", 162, "E. Pacheco", "leon", 44),
    ("11-12", 162, "H. Burbano", "leon", 70),
    ("11-12", 162, "H. Burbano", "leon", 75),
    ("12-13", 115, "A. Sepúlveda", "neza", 23),
    ("12-13", 115, "R. Vilchis", "neza", 83),
    ("12-13", 116, "I. Íñiguez", "lobos-buap", 25),
    ("12-13", 119, "J. Ocampo", "celaya", 34),
    ("12-13", 120, "E. Dos Santos", "correcaminos", 6),
    ("12-13", 123, "A. Escoboza", "necaxa", 14),
    ("12-13", 123, "A. Escoboza", "necaxa", 50),
    ("12-13", 123, "C. Hurtado", "necaxa", 61),
    ("12-13", 124, "B. Luna", "veracruz", 31),
    ("12-13", 124, "A. Castillo", "veracruz", 58),
    ("12-13", 129, "P. Torres", "veracruz", 67),
    ("12-13", 130, "V. Lojero", "necaxa", 40),
    ("12-13", 130, "D. Santoya", "necaxa", 57),
    ("12-13", 130, "M. García", "necaxa", 77),
    ("12-13", 133, "E. Guzmán", "neza", 26),
    ("12-13", 136, "E. Pacheco", "correcaminos", 4),
    ("12-13", 136, "R. Nurse", "correcaminos", 30),
    ("12-13", 136, "R. Nurse", "correcaminos", 36),
    ("12-13", 143, "A. Escoboza", "necaxa", 22),
    ("12-13", 143, "V. Lojero", "necaxa", 49),
    ("12-13", 143, "L. Padilla", "necaxa", 87),
    ("12-13", 144, "R. Nurse", "correcaminos", 58),
    ("12-13", 147, "R. Prieto", "neza", 19),
    ("12-13", 147, "E. Guzmán", "neza", 37),
    ("12-13", 148, "E. González", "udeg", 5),
    ("12-13", 153, "E. Pacheco", "correcaminos", 80),
    ("12-13", 153, "J. Silva", "correcaminos", 84),
    ("12-13", 154, "V. Lojero", "necaxa", 14),
    ("12-13", 154, "D. Cervantes", "necaxa", 71),
    ("12-13", 154, "R. de Pinho", "necaxa", 90),
    ("12-13", 157, "R. Vilchis", "neza", 65),
    ("12-13", 157, "R. Prieto", "neza", 77),
    ("12-13", 164, "R. Vilchis", "neza", 6),
    ("12-13", 164, "D. Mejía", "neza", 13),
    ("12-13", 164, "A. Sepúlveda", "neza", 46),
    ("12-13", 169, "A. Lucio", "neza", 90),
    ("12-13", 177, "Ever Guzmán", "neza", 32),
    ("12-13", 185, "Luis Antonio Martínez", "la-piedad", 25),
    ("13-14", 64, "V. Lojero", "necaxa", 61),
    ("13-14", 64, "D. Cervantes", "necaxa", 79),
    ("13-14", 67, "P. Ibarra", "correcaminos", 16),
    ("13-14", 68, "J. Gómez", "delfines", 21),
    ("13-14", 71, "J. Gutiérrez", "udeg", 14),
    ("13-14", 71, "E. González", "udeg", 50),
    ("13-14", 71, "C. Valdovinos", "udeg", 52),
    ("13-14", 71, "D. Esqueda", "udeg", 64),
    ("13-14", 71, "E. Mendoza", "udeg", 83),
    ("13-14", 76, "J. García", "merida", 29),
    ("13-14", 76, "H. Martín", "merida", 80),
    ("13-14", 79, "R. Prieto", "delfines", 26),
    ("13-14", 79, "R. Prieto", "delfines", 70),
    ("13-14", 79, "J. Ibarra", "delfines", 89),
    ("13-14", 80, "R. Nurse", "correcaminos", 45),
    ("13-14", 83, "V. Lojero", "necaxa", 6),
    ("13-14", 83, "V. Lojero", "necaxa", 49),
    ("13-14", 90, "R. Follé", "udeg", 24),
    ("13-14", 93, "V. Lojero", "necaxa", 4),
    ("13-14", 93, "V. Lojero", "necaxa", 45),
    ("13-14", 93, "J. Goncalves", "necaxa", 14),
    ("13-14", 93, "J. Isijara", "necaxa", 85),
    ("13-14", 98, "G. Ramírez", "oaxaca", 26),
    ("13-14", 98, "J. Moreno", "oaxaca", 45),
    ("13-14", 99, "J. Gutiérrez", "udeg", 73),
    ("13-14", 99, "D. Esqueda", "udeg", 79),
    ("13-14", 102, "S. Guadarrama", "necaxa", 55),
    ("13-14", 102, "J. Goncalves", "necaxa", 70),
    ("13-14", 102, "C. Hurtado", "necaxa", 83),
    ("13-14", 109, "J. Gutiérrez", "udeg", 55),
    ("13-14", 114, "J. Goncalves", "necaxa", 86),
    ("13-14", 115, "J. Gutiérrez", "udeg", 56),
    ("13-14", 133, "D. Calderón", "oaxaca", 52),
    ("13-14", 133, "D. Santoya", "oaxaca", 55),
    ("13-14", 133, "J. Moreno", "oaxaca", 60),
    ("13-14", 134, "E. González", "udeg", 20),
    ("13-14", 137, "D. Valdéz", "delfines", 36),
    ("13-14", 137, "C. Pinto", "delfines", 67),
    ("13-14", 138, "V. Alvarado", "necaxa", 31),
    ("13-14", 138, "J. Isijara", "necaxa", 77),
    ("13-14", 141, "R. Enríquez", "dorados-de-sinaloa", 3),
    ("13-14", 142, "J. Cuevas", "tecos", 19),
    ("13-14", 147, "E. González", "udeg", 11),
    ("13-14", 150, "H. Aguayo", "tecos", 59),
    ("13-14", 151, "D. Olsina", "dorados-de-sinaloa", 32),
    ("13-14", 154, "E. Lillingston", "necaxa", 69),
    ("13-14", 154, "S. Guadarrama", "necaxa", 73),
    ("13-14", 154, "V. Lojero", "necaxa", 90),
    ("13-14", 154, "J. Goncalves", "necaxa", None),
    ("13-14", 155, "R. Vázquez", "delfines", 50),
    ("13-14", 162, "D. Santoya", "oaxaca", 59),
    ("13-14", 162, "D. Santoya", "oaxaca", 65),
    ("13-14", 171, "R. Nurse", "correcaminos", 22),
    ("13-14", 171, "R. Saucedo", "correcaminos", 39),
    ("13-14", 182, "S. Rosas", "correcaminos", 39),
    ("13-14", 183, "E. Rangel", "tecos", 63),
    ("13-14", 198, "Alatorre", "udeg", 83),
    ("13-14", 199, "Bueno", "tecos", 57),
]


@pytest.fixture(scope="module")
def matches(select) -> list[dict]:
    return select("""
        SELECT ?match ?date ?home ?away ?homeScore ?awayScore ?leg ?round ?article ?first ?last WHERE {
          ?match a akg:Match ; schema:startDate ?date ; schema:homeTeam ?home ; schema:awayTeam ?away ;
                 akg:homeScore ?homeScore ; akg:awayScore ?awayScore ; prov:wasDerivedFrom ?span .
          ?span a akg:SourceSpan ; akg:article ?article ; akg:firstLine ?first ; akg:lastLine ?last .
          OPTIONAL { ?match akg:leg ?leg }
          OPTIONAL { ?match akg:round ?round }
        }""")


@pytest.fixture(scope="module")
def goals(select) -> list[dict]:
    return select("""
        SELECT ?goal ?match ?name ?club ?minute ?added ?penalty ?ownGoal ?article ?first ?last WHERE {
          ?goal a akg:Goal ; akg:match ?match ; akg:nameAsWritten ?name ; akg:forClub ?club ;
                prov:wasDerivedFrom ?span .
          ?span akg:article ?article ; akg:firstLine ?first ; akg:lastLine ?last .
          OPTIONAL { ?goal akg:minute ?minute }
          OPTIONAL { ?goal akg:addedTime ?added }
          OPTIONAL { ?goal akg:penalty ?penalty }
          OPTIONAL { ?goal akg:ownGoal ?ownGoal }
        }""")


def match_at(matches: list[dict], article: str, first: int) -> dict:
    found = [m for m in matches if m["article"] == IRIS.article(ARTICLES[article]) and m["first"] == first]
    assert len(found) == 1, f"{len(found)} matches read from {ARTICLES[article]} line {first}"
    return found[0]


def enclosing_match(article: str, line: int) -> tuple:
    return next(m for m in MATCHES if m[0] == article and m[1] <= line <= m[2])


@pytest.mark.parametrize("article, first, last, date, home, home_score, away_score, away, stage, round_, leg", MATCHES)
def test_match(matches, article, first, last, date, home, home_score, away_score, away, stage, round_, leg):
    match = match_at(matches, article, first)
    assert (match["date"], match["home"], match["away"]) == (date, IRIS.club(home), IRIS.club(away))
    assert (match["homeScore"], match["awayScore"]) == (home_score, away_score)
    assert (match["round"], match["leg"]) == (round_iri(stage, round_), leg)
    assert match["last"] == last


def test_there_are_exactly_the_54_matches_of_the_articles(matches):
    assert len(MATCHES) == 54
    assert len({m["match"] for m in matches}) == len(matches) == 54


@pytest.mark.parametrize("article, count", [("11-12", 14), ("12-13", 14), ("13-14", 26), ("lig", 0)])
def test_matches_per_article(matches, article, count):
    """The 2012 Apertura Liguilla article shows its rounds only as empty placeholders: no match may be invented."""
    assert sum(m["article"] == IRIS.article(ARTICLES[article]) for m in matches) == count


@pytest.mark.parametrize("article, line, name, club, minute", GOALS)
def test_goal(goals, matches, article, line, name, club, minute):
    found = [g for g in goals if g["article"] == IRIS.article(ARTICLES[article]) and g["first"] == g["last"] == line
             and g["name"] == name and g["minute"] == minute]
    assert len(found) == 1, f"goals by {name} at {minute} read from line {line}: {found}"
    goal = found[0]
    assert goal["club"] == IRIS.club(club)
    assert goal["added"] is None
    expected_match = enclosing_match(article, line)
    assert goal["match"] == match_at(matches, article, expected_match[1])["match"]


def test_every_goal_of_the_articles_and_no_other(goals):
    assert len(GOALS) == 126
    read = Counter((g["article"], g["first"], g["name"], g["minute"]) for g in goals)
    expected = Counter((IRIS.article(ARTICLES[a]), line, name, minute) for a, line, name, _, minute in GOALS)
    assert read == expected


def test_no_goal_is_marked_penalty_or_own_goal(goals):
    """None of the scorer lines of the four articles marks a penalty or an own goal."""
    assert [g for g in goals if g["penalty"] is not None or g["ownGoal"] is not None] == []


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_spans_name_their_article_and_its_file(select, article):
    rows = select(f"""
        SELECT DISTINCT ?file ?url WHERE {{
          <{IRIS.article(ARTICLES[article])}> a akg:SourceArticle ; akg:fileName ?file ; schema:url ?url .
        }}""")
    assert rows == [{"file": ARTICLES[article] + ".txt", "url": rows[0]["url"]}]
    assert rows[0]["url"].startswith("https://en.wikipedia.org/wiki/")


@pytest.mark.parametrize("article, first, last", [(m[0], m[1], m[2]) for m in MATCHES[::9]])
def test_match_span_iri_names_article_and_lines(select, article, first, last):
    rows = select(f"""
        SELECT ?match WHERE {{
          ?match a akg:Match ; prov:wasDerivedFrom <{IRIS.span(ARTICLES[article], first, last)}> .
          <{IRIS.span(ARTICLES[article], first, last)}> a akg:SourceSpan ; akg:firstLine {first} ;
              akg:lastLine {last} ; akg:article <{IRIS.article(ARTICLES[article])}> .
        }}""")
    assert len(rows) == 1
