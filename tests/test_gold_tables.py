"""Gold: the tables of the articles, row by row, as the articles give them.

Rendered tables lose cells, and a lost value must stay absent, never be guessed:

* the 2011-12 top scorers (lines 65-77) have no Goals header; a ranked row lost its goals cell, and the rows under
  it lost their rank cell because it was merged over the rows that share it (2, 2, 2, then 5; 7, 7, 7; 10, 10, 10);
* the 2011-12 relegation row of Veracruz (line 179) lost its rank cell: the row keeps the table's full width and
  ends in an empty cell, and the Avg cells of that table hold only a stray quote;
* the 2013-14 relegation table (lines 203-209) has an empty header over its ratio column.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ascenso_kg.iris import Iris

IRIS = Iris()
ARTICLES = {
    "11-12": "2011-12-liga-de-ascenso-season",
    "12-13": "2012-13-ascenso-mx-season",
    "13-14": "2013-14-ascenso-mx-season",
    "lig": "2012-ascenso-mx-apertura-liguilla",
}
TOP_SCORERS = {
    "apertura-2011": IRIS.table(IRIS.tournament("apertura-2011"), "top-scorers"),
    "apertura-2012": IRIS.table(IRIS.tournament("apertura-2012"), "top-scorers"),
    "clausura-2013": IRIS.table(IRIS.tournament("clausura-2013"), "top-scorers"),
    "liguilla-2012": IRIS.table(IRIS.liguilla("apertura-2012"), "top-scorers"),
}
RELEGATION = {season: IRIS.table(IRIS.season(season), "relegation") for season in ("2011-12", "2012-13", "2013-14")}

# table, article, line, rank (None: lost), rank shared, nationality, player, club, goals (None: lost), goal frequency
SCORER_ROWS = [
    ("apertura-2011", "11-12", 66, 1, False, "ARG", "Roberto Nicolás Saucedo", "correcaminos", None, None),
    ("apertura-2011", "11-12", 67, 2, False, "BRA", "Luciano Emílio", "neza", None, None),
    ("apertura-2011", "11-12", 68, 2, True, "MEX", "José Cruz Gutiérrez", "irapuato", 10, None),
    ("apertura-2011", "11-12", 69, 2, True, "MEX", "Ismael Valadéz", "altamira", 10, None),
    ("apertura-2011", "11-12", 70, 5, False, "MEX", "Roberto Nurse", "la-piedad", None, None),
    ("apertura-2011", "11-12", 71, 5, True, "ARG", "Pablo Gabriel Torres", "cruz-azul-hidalgo", 9, None),
    ("apertura-2011", "11-12", 72, 7, False, "MEX", "Ever Guzmán", "merida", None, None),
    ("apertura-2011", "11-12", 73, 7, True, "URU", "Nelson Sebastián Maz", "leon", 8, None),
    ("apertura-2011", "11-12", 74, 7, True, "BRA", "Eder Pacheco", "leon", 8, None),
    ("apertura-2011", "11-12", 75, 10, False, "MEX", "Víctor Lojero", "necaxa", None, None),
    ("apertura-2011", "11-12", 76, 10, True, "ARG", "Diego Olsina", "correcaminos", 6, None),
    ("apertura-2011", "11-12", 77, 10, True, "GUA", "Carlos Ruiz", "veracruz", 6, None),
    ("apertura-2012", "12-13", 71, 1, False, "MEX", "Víctor Lojero", "necaxa", 11, "91.36"),
    ("apertura-2012", "12-13", 72, 2, False, "MEX", "Rodrigo Prieto", "neza", 11, "109.73"),
    ("apertura-2012", "12-13", 73, 3, False, "COL", "Danny Santoya", "necaxa", 9, "104.00"),
    ("apertura-2012", "12-13", 74, 4, False, "ARG", "Juan Manuel Cavallo", "la-piedad", 9, "126.56"),
    ("apertura-2012", "12-13", 75, 5, False, "MEX", "Roberto Nurse", "correcaminos", 8, "141.25"),
    ("apertura-2012", "12-13", 76, 6, False, "MEX", "Eduardo Lillingston", "tecos", 8, "146.88"),
    ("apertura-2012", "12-13", 77, 7, False, "MEX", "Julio Pardini", "celaya", 7, "119.14"),
    ("apertura-2012", "12-13", 78, 8, False, "MEX", "Cuauhtémoc Blanco", "dorados-de-sinaloa", 6, "195.00"),
    ("apertura-2012", "12-13", 79, 9, False, "BRA", "Aparecido Lima", "lobos-buap", 5, "184.80"),
    ("apertura-2012", "12-13", 80, 10, False, "ARG", "Ariel González", "irapuato", 5, "208.60"),
    ("apertura-2012", "12-13", 81, 11, False, "MEX", "Omar Tejeda", "lobos-buap", 5, "209.60"),
    ("apertura-2012", "12-13", 82, 12, False, "USA", "Sonny Guadarrama", "merida", 4, "148.25"),
    ("apertura-2012", "12-13", 83, 13, False, "MEX", "Diego Campos", "udeg", 4, "200.00"),
    ("apertura-2012", "12-13", 84, 14, False, "MEX", "Ismael Valadéz", "cruz-azul-hidalgo", 4, "225.75"),
    ("apertura-2012", "12-13", 85, 15, False, "MEX", "Juan de Dios Hernández", "dorados-de-sinaloa", 4, "241.00"),
    ("clausura-2013", "12-13", 193, 1, False, "MEX", "Víctor Lojero", "necaxa", 12, "101.00"),
    ("clausura-2013", "12-13", 194, 2, False, "ARG", "Pablo Torres", "veracruz", 11, "111.64"),
    ("clausura-2013", "12-13", 195, 3, False, "ARG", "Eial Strahman", "udeg", 9, "102.78"),
    ("clausura-2013", "12-13", 196, 4, False, "COL", "Danny Santoya", "necaxa", 7, "139.14"),
    ("clausura-2013", "12-13", 197, 5, False, "MEX", "Diego Mejía", "neza", 6, "185.50"),
    ("clausura-2013", "12-13", 198, 6, False, "URU", "Diego Martiñones", "tecos", 5, "184.80"),
    ("clausura-2013", "12-13", 199, 7, False, "MEX", "Oscar Fernández", "altamira", 5, "190.40"),
    ("clausura-2013", "12-13", 200, 8, False, "USA", "Sonny Guadarrama", "merida", 5, "234.60"),
    ("clausura-2013", "12-13", 201, 9, False, "MEX", "Jorge Ocampo", "celaya", 5, "244.00"),
    ("clausura-2013", "12-13", 202, 10, False, "MEX", "Hebert Alférez", "lobos-buap", 4, "119.25"),
    ("liguilla-2012", "lig", 86, 1, False, "PAR", "Gustavo A. Ramírez", "dorados-de-sinaloa", 4, "82.75"),
    ("liguilla-2012", "lig", 87, 2, False, "ARG", "Juan Manuel Cavallo", "la-piedad", 4, "113.00"),
    ("liguilla-2012", "lig", 88, 3, False, "COL", "Danny Santoya", "necaxa", 2, "84.00"),
    ("liguilla-2012", "lig", 89, 4, False, "BRA", "C. E. de Souza", "lobos-buap", 2, "154.50"),
    ("liguilla-2012", "lig", 90, 5, False, "MEX", "Rafael Murguía", "la-piedad", 2, "241.50"),
    ("liguilla-2012", "lig", 91, 6, False, "URU", "Diego Martiñones", "tecos", 1, "90.00"),
    ("liguilla-2012", "lig", 92, 7, False, "CRC", "Ever Alfaro", "merida", 1, "101.00"),
    ("liguilla-2012", "lig", 93, 8, False, "MEX", "Fernando Sinecio González", "la-piedad", 1, "132.00"),
    ("liguilla-2012", "lig", 94, 9, False, "BRA", "Aparecido Lima", "lobos-buap", 1, "143.00"),
    ("liguilla-2012", "lig", 95, 10, False, "MEX", "Gabriel España", "merida", 1, "161.00"),
    ("liguilla-2012", "lig", 96, 11, False, "MEX", "Ever Guzmán", "neza", 1, "163.00"),
    ("liguilla-2012", "lig", 97, 12, False, "MEX", "Michel García", "necaxa", 1, "168.00"),
    ("liguilla-2012", "lig", 98, 13, False, "MEX", "Diego Jiménez", "merida", 1, "180.00"),
    ("liguilla-2012", "lig", 99, 14, False, "MEX", "Eduardo Lillingston", "tecos", 1, "180.00"),
    ("liguilla-2012", "lig", 100, 15, False, "MEX", "Hebert Alférez", "lobos-buap", 1, "266.00"),
]

# season, line, rank (None: lost), club, points, games, ratio (None: lost)
RELEGATION_ROWS = [
    ("2011-12", 166, 1, "leon", 168, 92, None),
    ("2011-12", 167, 2, "necaxa", 47, 28, None),
    ("2011-12", 168, 3, "irapuato", 148, 92, None),
    ("2011-12", 169, 4, "lobos-buap", 132, 92, None),
    ("2011-12", 170, 5, "neza", 126, 92, None),
    ("2011-12", 171, 6, "correcaminos", 125, 92, None),
    ("2011-12", 172, 7, "la-piedad", 123, 92, None),
    ("2011-12", 173, 8, "dorados-de-sinaloa", 119, 92, None),
    ("2011-12", 174, 9, "pumas-morelos", 118, 92, None),
    ("2011-12", 175, 10, "altamira", 76, 60, None),
    ("2011-12", 176, 11, "cruz-azul-hidalgo", 116, 92, None),
    ("2011-12", 177, 12, "merida", 114, 92, None),
    ("2011-12", 178, 13, "celaya", 34, 28, None),
    ("2011-12", 179, None, "veracruz", 34, 28, None),
    ("2011-12", 180, 15, "udeg", 90, 92, None),
    ("2012-13", 210, 9, "dorados-de-sinaloa", 105, 84, "1.2500"),
    ("2012-13", 211, 10, "merida", 103, 84, "1.2262"),
    ("2012-13", 212, 11, "celaya", 62, 52, "1.1923"),
    ("2012-13", 213, 12, "altamira", 100, 84, "1.1905"),
    ("2012-13", 214, 13, "udeg", 101, 85, "1.1882"),
    ("2012-13", 215, 14, "cruz-azul-hidalgo", 93, 84, "1.1071"),
    ("2012-13", 216, 15, "pumas-morelos", 92, 85, "1.0824"),
    ("2013-14", 204, 10, "dorados-de-sinaloa", 106, 84, "1.2619"),
    ("2013-14", 205, 11, "celaya", 98, 84, "1.1667"),
    ("2013-14", 206, 12, "altamira", 94, 84, "1.1190"),
    ("2013-14", 207, 13, "cruz-azul-hidalgo", 86, 84, "1.0238"),
    ("2013-14", 208, 14, "ballenas-galeana", 28, 28, "1.0000"),
    ("2013-14", 209, 15, "zacatepec", 80, 84, "0.9524"),
]

# 2011-12 relegation, line: points in Apertura 2009, Clausura 2010, Apertura 2010, Clausura 2011, Apertura 2011,
# Clausura 2012 (the columns '09 A, '10 C, '10 A, '11 C, '11 A, '12 C)
POINT_COLUMNS = ["apertura-2009", "clausura-2010", "apertura-2010", "clausura-2011", "apertura-2011", "clausura-2012"]
TOURNAMENT_POINTS = [
    (166, (21, 34, 25, 34, 20, 34)),
    (167, (0, 0, 0, 0, 20, 27)),
    (168, (32, 23, 24, 33, 20, 16)),
    (169, (28, 24, 27, 15, 18, 20)),
    (170, (24, 17, 9, 29, 23, 24)),
    (171, (19, 24, 15, 24, 24, 19)),
    (172, (18, 25, 18, 15, 28, 19)),
    (173, (26, 19, 22, 24, 14, 14)),
    (174, (21, 26, 19, 19, 20, 13)),
    (175, (0, 0, 23, 21, 19, 13)),
    (176, (25, 23, 22, 24, 12, 10)),
    (177, (24, 22, 12, 16, 12, 28)),
    (178, (0, 0, 0, 0, 15, 19)),
    (179, (0, 0, 0, 0, 22, 12)),
    (180, (13, 13, 18, 14, 12, 20)),
]

# The Teams table of the 2012 Apertura Liguilla article (two header rows, lines 17-18): line, seed, club, manager,
# manager's nationality, captain, then the regular phase: played, won, drawn, lost, goals for, against, difference,
# points
TEAMS = [
    (19, 1, "necaxa", "Jaime Ordiales", None, "Víctor Lojero", (14, 9, 4, 1, 30, 18, 12, 31)),
    (20, 2, "neza", "Carlos Bustos", "ARG", "Diego Mejía", (14, 6, 6, 2, 19, 14, 5, 24)),
    (21, 3, "tecos", "Héctor Hugo Eugui", "URU", "Diego Jiménez", (14, 6, 5, 3, 16, 12, 4, 23)),
    (22, 4, "lobos-buap", "Sergio Orduña", "MEX", "Alex Diego", (14, 7, 2, 5, 20, 17, 3, 23)),
    (23, 5, "merida", "Ricardo Valiño", "ARG", "Eder Patiño", (14, 6, 5, 3, 14, 12, 2, 23)),
    (24, 6, "la-piedad", "Cristóbal Ortega", "MEX", "Luis Antonio Martínez", (14, 6, 4, 4, 21, 16, 5, 22)),
    (25, 7, "dorados-de-sinaloa", "Francisco Javier Ramírez", "MEX", "Cuauhtémoc Blanco",
     (14, 6, 4, 4, 23, 22, 1, 22)),
]
STANDINGS = IRIS.table(IRIS.tournament("apertura-2012"), "standings")
STAT_NAMES = ("played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "goalDifference", "points")

# table, updated on, sort rule (the article's sentence)
TABLE_NOTES = [
    (TOP_SCORERS["apertura-2011"], None, "Players sorted first by goals scored, then by last name."),
    (TOP_SCORERS["apertura-2012"], "2012-11-04",
     "Players sorted first by goals scored, then by goal frequency (Minutes played/Goals scored)."),
    (TOP_SCORERS["clausura-2013"], "2012-01-21",  # as written ("21 January 2012"), though it follows 2013 tables
     "Players sorted first by goals scored, then by goal frequency (Minutes played/Goals scored)."),
    (TOP_SCORERS["liguilla-2012"], "2012-12-02",
     "Players sorted first by goals scored, then by goal frequency (Minutes played/Goals scored)."),
    (RELEGATION["2011-12"], "2011-11-21", None),
]


def row_at(select, table: str, article: str, line: int) -> dict:
    rows = select(f"""
        SELECT ?row ?rank ?shared ?club ?player ?goals ?frequency ?points ?played ?ratio WHERE {{
          ?row akg:table <{table}> ; prov:wasDerivedFrom ?span .
          ?span akg:article <{IRIS.article(ARTICLES[article])}> ; akg:firstLine {line} ; akg:lastLine {line} .
          OPTIONAL {{ ?row akg:rank ?rank }}
          OPTIONAL {{ ?row akg:rankShared ?shared }}
          OPTIONAL {{ ?row akg:club ?club }}
          OPTIONAL {{ ?row akg:player ?player }}
          OPTIONAL {{ ?row akg:goals ?goals }}
          OPTIONAL {{ ?row akg:goalFrequency ?frequency }}
          OPTIONAL {{ ?row akg:points ?points }}
          OPTIONAL {{ ?row akg:played ?played }}
          OPTIONAL {{ ?row akg:ratio ?ratio }}
        }}""")
    assert len(rows) == 1, f"{len(rows)} rows of {table} read from {ARTICLES[article]} line {line}: {rows}"
    return rows[0]


def decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("table, article, line, rank, shared, nationality, player, club, goals, frequency",
                         SCORER_ROWS)
def test_top_scorer_row(select, table, article, line, rank, shared, nationality, player, club, goals, frequency):
    row = row_at(select, TOP_SCORERS[table], article, line)
    assert (row["rank"], row["shared"] == "true") == (rank, shared)
    assert row["club"] == IRIS.club(club)
    assert (row["goals"], decimal(row["frequency"])) == (goals, decimal(frequency))
    person = select(f"""
        SELECT DISTINCT ?name ?nationality WHERE {{
          <{row["player"]}> a akg:Player ; rdfs:label ?name ; akg:nationality ?nationality .
          FILTER(?nationality = "{nationality}")
        }}""")
    assert person == [{"name": player, "nationality": nationality}]


@pytest.mark.parametrize("season, line, rank, club, points, played, ratio", RELEGATION_ROWS)
def test_relegation_row(select, season, line, rank, club, points, played, ratio):
    article = {"2011-12": "11-12", "2012-13": "12-13", "2013-14": "13-14"}[season]
    row = row_at(select, RELEGATION[season], article, line)
    assert row["club"] == IRIS.club(club)
    assert (row["points"], row["played"], decimal(row["ratio"])) == (points, played, decimal(ratio))
    if rank is not None:  # the lost rank has a test of its own below
        assert (row["rank"], row["shared"]) == (rank, None)


def test_relegation_row_whose_rank_cell_was_merged_shares_the_rank_above(select):
    """Veracruz (2011-12 line 179) lost its rank cell to a rowspan: ranks 13, (lost), 15 say it shares 13 with
    Celaya, level on 34 points from 28 games."""
    row = row_at(select, RELEGATION["2011-12"], "11-12", 179)
    assert (row["rank"], row["shared"]) == (13, "true")


@pytest.mark.parametrize("line, points", TOURNAMENT_POINTS)
def test_relegation_points_by_tournament(select, line, points):
    row = row_at(select, RELEGATION["2011-12"], "11-12", line)
    found = select(f"""
        SELECT ?tournament ?points WHERE {{
          <{row["row"]}> akg:tournamentPoints ?column . ?column akg:tournament ?tournament ; akg:points ?points .
        }}""")
    assert sorted((r["tournament"], r["points"]) for r in found) == sorted(
        (IRIS.tournament(tournament), value) for tournament, value in zip(POINT_COLUMNS, points))


@pytest.mark.parametrize("table, count", [
    *((iri, sum(row[0] == name for row in SCORER_ROWS)) for name, iri in TOP_SCORERS.items()),
    *((iri, sum(row[0] == season for row in RELEGATION_ROWS)) for season, iri in RELEGATION.items()),
    (STANDINGS, len(TEAMS)),
])
def test_tables_have_exactly_the_article_rows(select, table, count):
    rows = select(f"SELECT DISTINCT ?row WHERE {{ ?row akg:table <{table}> }}")
    assert len(rows) == count


@pytest.mark.parametrize("line, seed, club, manager, manager_nationality, captain, stats", TEAMS)
def test_liguilla_team(select, line, seed, club, manager, manager_nationality, captain, stats):
    entry = select(f"""
        SELECT DISTINCT ?seed ?manager ?managerNationality ?captain WHERE {{
          ?entry akg:stage <{IRIS.liguilla("apertura-2012")}> ; akg:club <{IRIS.club(club)}> ; akg:seed ?seed ;
                 prov:wasDerivedFrom/akg:firstLine {line} ;
                 akg:manager/rdfs:label ?manager ; akg:captain/rdfs:label ?captain .
          OPTIONAL {{ ?entry akg:manager/akg:nationality ?managerNationality }}
        }}""")
    assert entry == [{"seed": seed, "manager": manager, "managerNationality": manager_nationality,
                      "captain": captain}]
    row = row_at(select, STANDINGS, "lig", line)
    assert row["club"] == IRIS.club(club)
    values = select(f"""
        SELECT {" ".join("?" + name for name in STAT_NAMES)} WHERE {{
          <{row["row"]}> {" ; ".join(f"akg:{name} ?{name}" for name in STAT_NAMES)} .
        }}""")
    assert values == [dict(zip(STAT_NAMES, stats))]


@pytest.mark.parametrize("table, updated_on, sort_rule", TABLE_NOTES)
def test_table_notes(select, table, updated_on, sort_rule):
    rows = select(f"""
        SELECT DISTINCT ?updated ?sort WHERE {{
          <{table}> a akg:Table .
          OPTIONAL {{ <{table}> akg:updatedOn ?updated }}
          OPTIONAL {{ <{table}> akg:sortRule ?sort }}
        }}""")
    assert rows == [{"updated": updated_on, "sort": sort_rule}]
