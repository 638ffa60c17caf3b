"""Gold: club names and aliases, champions, promotions and relegations, players, and the club changes.

Read from the articles: a club goes by several names (the 2013-14 infobox writes "U. de G" without the last point,
its matches "UdeG", its stadia table "U. de G."), and each name must lead to one club. A player written "V. Lojero"
in a 2012-13 Necaxa scorer line is the "Víctor Lojero" of the 2012-13 Necaxa tables, but mentions that club and
season do not make unambiguous stay apart: a wrong merge is worse than a missed one.
"""

from __future__ import annotations


import pytest

from ascenso_kg.iris import AKG, Iris
from tests.checkout import ARTICLES_DIR

IRIS = Iris()
ARTICLES = {
    "11-12": "2011-12-liga-de-ascenso-season",
    "12-13": "2012-13-ascenso-mx-season",
    "13-14": "2013-14-ascenso-mx-season",
    "lig": "2012-ascenso-mx-apertura-liguilla",
}


def article_line(article: str, line: int) -> str:
    return (ARTICLES_DIR / f"{ARTICLES[article]}.txt").read_text(encoding="utf-8").splitlines()[line - 1]


# Clubs ---------------------------------------------------------------------------------------------------

# article, line, name as written there, club
CLUB_NAMES = [
    ("11-12", 46, "Correcaminos", "correcaminos"),
    ("11-12", 98, "UAT", "correcaminos"),
    ("12-13", 30, "Correcaminos", "correcaminos"),
    ("13-14", 43, "UAT", "correcaminos"),
    ("11-12", 47, "U. de G.", "udeg"),
    ("11-12", 101, "U. de G.", "udeg"),
    ("13-14", 5, "U. de G", "udeg"),
    ("13-14", 6, "U. de G.", "udeg"),
    ("13-14", 71, "UdeG", "udeg"),
    ("lig", 25, "Dorados", "dorados-de-sinaloa"),
    ("11-12", 45, "Dorados de Sinaloa", "dorados-de-sinaloa"),
    ("13-14", 41, "Sinaloa", "dorados-de-sinaloa"),
    ("13-14", 141, "Dorados", "dorados-de-sinaloa"),
    ("11-12", 34, "Neza FC", "neza"),
    ("11-12", 67, "Neza", "neza"),
    ("12-13", 39, "Neza", "neza"),
    ("11-12", 25, "Club Toros Neza", "neza"),
    ("13-14", 20, "Toros Neza", "neza"),
    ("11-12", 35, "Lobos BUAP", "lobos-buap"),
    ("11-12", 24, "Lobos de la BUAP", "lobos-buap"),
    ("13-14", 33, "BUAP", "lobos-buap"),
    ("11-12", 43, "Mérida", "merida"),
    ("11-12", 23, "Mérida FC", "merida"),
    ("13-14", 76, "Mérida FC", "merida"),
    ("12-13", 33, "Tecos", "tecos"),
    ("13-14", 37, "Estudiantes Tecos", "tecos"),
    ("lig", 21, "Estudiantes Tecos", "tecos"),
    ("11-12", 33, "Estudiantes de Altamira", "altamira"),
    ("11-12", 69, "Altamira", "altamira"),
    ("13-14", 36, "Delfines", "delfines"),
    ("13-14", 68, "Delfines F.C.", "delfines"),
    ("13-14", 63, "San Luis", "atletico-san-luis"),
    ("13-14", 31, "Atlético San Luis", "atletico-san-luis"),
    ("12-13", 29, "Celaya", "celaya"),
    ("13-14", 205, "Celaya F.C.", "celaya"),
    ("13-14", 44, "Zacatepec", "zacatepec"),
    ("13-14", 7, "Zacatepec 1948", "zacatepec"),
    ("13-14", 209, "Zacatepec 1948", "zacatepec"),
    ("13-14", 40, "Oaxaca", "oaxaca"),
    ("12-13", 35, "La Piedad", "la-piedad"),
    ("13-14", 16, "C.F. La Piedad", "la-piedad"),
    ("12-13", 34, "Irapuato", "irapuato"),
    ("13-14", 19, "Irapuato FC", "irapuato"),
    ("13-14", 32, "Ballenas Galeana", "ballenas-galeana"),
    ("13-14", 22, "Club de Futbol Ballenas Galeana Morelos", "ballenas-galeana"),
    ("11-12", 48, "Veracruz", "veracruz"),
    ("12-13", 42, "Veracruz", "veracruz"),
    ("11-12", 36, "Indios", "indios"),
]

# Names that stand for different clubs: (article, line) of one, (article, line) of the other, and why.
DIFFERENT_CLUBS = [
    (("11-12", 18), ("11-12", 48), "the Veracruz suspended in 2011 is not the Orizaba club renamed Veracruz (line 19)"),
    (("12-13", 39), ("13-14", 36), "Toros Neza was rebranded Delfines F.C. and moved (13-14 line 20): a new identity"),
    (("12-13", 34), ("13-14", 44), "Irapuato FC was rebranded Zacatepec and moved (13-14 line 19): a new identity"),
]


def clubs_read_at(select, article: str, line: int) -> set[str]:
    """The clubs linked from what was read from a span of lines covering this line."""
    rows = select(f"""
        SELECT DISTINCT ?club WHERE {{
          ?thing prov:wasDerivedFrom ?span ; ?link ?club .
          ?span akg:article <{IRIS.article(ARTICLES[article])}> ; akg:firstLine ?first ; akg:lastLine ?last .
          FILTER(?first <= {line} && {line} <= ?last)
          ?club a akg:Club .
        }}""")
    return {row["club"] for row in rows}


@pytest.mark.parametrize("article, line, name, club", CLUB_NAMES)
def test_club_name_as_written_resolves(select, article, line, name, club):
    assert name in article_line(article, line)
    assert IRIS.club(club) in clubs_read_at(select, article, line)


@pytest.mark.parametrize("name", sorted({name for _, _, name, _ in CLUB_NAMES}))
def test_club_name_labels_one_club(select, name):
    """Every name a club goes by is a label of that club and of no other."""
    clubs = {club for _, _, written, club in CLUB_NAMES if written == name}
    rows = select(f"""
        SELECT DISTINCT ?club WHERE {{
          ?club a akg:Club . {{ ?club rdfs:label ?name }} UNION {{ ?club skos:altLabel ?name }}
          FILTER(STR(?name) = "{name}")
        }}""")
    assert {row["club"] for row in rows} == {IRIS.club(club) for club in clubs}


@pytest.mark.parametrize("one, other, why", DIFFERENT_CLUBS)
def test_names_that_stand_for_different_clubs(select, one, other, why):
    first, second = clubs_read_at(select, *one), clubs_read_at(select, *other)
    assert len(first) == len(second) == 1, why
    assert first != second, why


# Champions, promotions, relegations (the infoboxes, and the Liguilla article's winner box) -------------------

CHAMPIONS = [
    ("apertura-2011", "correcaminos", None),  # 2011-12 line 5
    ("clausura-2012", "leon", None),
    ("apertura-2012", "la-piedad", 2),  # 2012-13 line 5; "La Piedad 2nd Title" in the Liguilla article, line 78
    ("clausura-2013", "neza", None),
    ("apertura-2013", "udeg", None),  # 2013-14 line 5: "U. de G"
    ("clausura-2014", "tecos", None),
]
# season, promoted, relegated, what the infobox adds in brackets
OUTCOMES = [
    ("2011-12", "promoted", "leon", None),
    ("2012-13", "promoted", "la-piedad", None),
    ("2012-13", "relegated", "pumas-morelos", "dissolved after relegation"),
    ("2013-14", "promoted", "udeg", None),
    ("2013-14", "relegated", "zacatepec", "stay in league after bought Cruz Azul Hidalgo"),
]


@pytest.mark.parametrize("tournament, club, number", CHAMPIONS)
def test_champion(select, tournament, club, number):
    rows = select(f"""
        SELECT DISTINCT ?champion ?titleClub ?number WHERE {{
          <{IRIS.tournament(tournament)}> akg:champion ?champion .
          ?title a akg:Title ; akg:tournament <{IRIS.tournament(tournament)}> ; akg:club ?titleClub .
          OPTIONAL {{ ?title akg:titleNumber ?number }}
        }}""")
    assert rows == [{"champion": IRIS.club(club), "titleClub": IRIS.club(club), "number": number}]


@pytest.mark.parametrize("season, kind", [(s, k) for s in ("2011-12", "2012-13", "2013-14")
                                          for k in ("promoted", "relegated")])
def test_promoted_and_relegated(select, season, kind):
    """2011-12 says "Relegated: None": nobody is relegated that season."""
    rows = select(f"""
        SELECT DISTINCT ?club ?note WHERE {{
          <{IRIS.season(season)}> akg:{kind} ?club .
          ?change a akg:{"Promotion" if kind == "promoted" else "Relegation"} ; akg:season <{IRIS.season(season)}> ;
                  akg:club ?club ; prov:wasDerivedFrom/akg:firstLine {6 if kind == "promoted" else 7} .
          OPTIONAL {{ ?change rdfs:comment ?note }}
        }}""")
    expected = [{"club": IRIS.club(club), "note": note} for s, k, club, note in OUTCOMES if (s, k) == (season, kind)]
    assert rows == expected


# Players ---------------------------------------------------------------------------------------------------

# (article, line, name as written): a scorer line, a top-scorer row, or a captain in the Liguilla Teams table
SAME_PLAYER = [
    [("12-13", 130, "V. Lojero"), ("12-13", 143, "V. Lojero"), ("12-13", 154, "V. Lojero"),
     ("12-13", 71, "Víctor Lojero"), ("12-13", 193, "Víctor Lojero"), ("lig", 19, "Víctor Lojero")],
    [("12-13", 130, "D. Santoya"), ("12-13", 73, "Danny Santoya"), ("12-13", 196, "Danny Santoya"),
     ("lig", 88, "Danny Santoya")],
    [("11-12", 113, "R. Saucedo"), ("11-12", 153, "R. Saucedo"), ("11-12", 66, "Roberto Nicolás Saucedo")],
    [("11-12", 98, "D. Olsina"), ("11-12", 76, "Diego Olsina")],
    [("11-12", 162, "E. Pacheco"), ("11-12", 74, "Eder Pacheco")],
    [("11-12", 125, "S. Maz"), ("11-12", 145, "S. Maz"), ("11-12", 73, "Nelson Sebastián Maz")],
    [("12-13", 136, "R. Nurse"), ("12-13", 144, "R. Nurse"), ("12-13", 75, "Roberto Nurse")],
    [("12-13", 133, "E. Guzmán"), ("12-13", 147, "E. Guzmán"), ("12-13", 177, "Ever Guzmán"),
     ("lig", 96, "Ever Guzmán")],
    [("12-13", 130, "M. García"), ("lig", 97, "Michel García")],
    [("12-13", 129, "P. Torres"), ("12-13", 194, "Pablo Torres")],
    [("12-13", 147, "R. Prieto"), ("12-13", 72, "Rodrigo Prieto")],
    [("12-13", 164, "D. Mejía"), ("12-13", 197, "Diego Mejía"), ("lig", 20, "Diego Mejía")],
    [("12-13", 119, "J. Ocampo"), ("12-13", 201, "Jorge Ocampo")],
    [("12-13", 185, "Luis Antonio Martínez"), ("lig", 24, "Luis Antonio Martínez")],
    [("12-13", 78, "Cuauhtémoc Blanco"), ("lig", 25, "Cuauhtémoc Blanco")],
]

# Pairs of mentions that club and season do not make one player.
DIFFERENT_PLAYERS = [
    (("12-13", 130, "V. Lojero"), ("13-14", 64, "V. Lojero"), "no full name of a 2013-14 Necaxa player"),
    (("12-13", 71, "Víctor Lojero"), ("13-14", 93, "V. Lojero"), "no full name of a 2013-14 Necaxa player"),
    (("12-13", 73, "Danny Santoya"), ("13-14", 162, "D. Santoya"), "Necaxa 2012-13, Oaxaca 2013-14"),
    (("12-13", 75, "Roberto Nurse"), ("13-14", 80, "R. Nurse"), "no full name of a 2013-14 UAT player"),
    (("11-12", 70, "Roberto Nurse"), ("12-13", 75, "Roberto Nurse"), "La Piedad, then Correcaminos"),
    (("11-12", 74, "Eder Pacheco"), ("12-13", 136, "E. Pacheco"), "León 2011-12, UAT 2012-13"),
    (("11-12", 112, "D. Jiménez"), ("11-12", 122, "D. Jiménez"), "Mérida and Lobos BUAP, same season"),
    (("lig", 21, "Diego Jiménez"), ("lig", 98, "Diego Jiménez"), "Tecos' captain, a Mérida scorer"),
    (("11-12", 130, "A. Castillo"), ("12-13", 124, "A. Castillo"), "Necaxa 2011-12, Veracruz 2012-13"),
    (("11-12", 139, "J. García"), ("13-14", 76, "J. García"), "Lobos BUAP 2011-12, Mérida 2013-14"),
    (("11-12", 122, "G. Ramírez"), ("13-14", 98, "G. Ramírez"), "Lobos BUAP 2011-12, Oaxaca 2013-14"),
    (("lig", 86, "Gustavo A. Ramírez"), ("13-14", 98, "G. Ramírez"), "Dorados 2012-13, Oaxaca 2013-14"),
    (("11-12", 101, "C. Valdovinos"), ("13-14", 71, "C. Valdovinos"), "U. de G., two seasons, no full name"),
    (("11-12", 72, "Ever Guzmán"), ("12-13", 177, "Ever Guzmán"), "Mérida 2011-12, Neza 2012-13"),
    (("12-13", 82, "Sonny Guadarrama"), ("13-14", 102, "S. Guadarrama"), "Mérida 2012-13, Necaxa 2013-14"),
    (("12-13", 76, "Eduardo Lillingston"), ("13-14", 154, "E. Lillingston"), "Tecos 2012-13, Necaxa 2013-14"),
    (("12-13", 72, "Rodrigo Prieto"), ("13-14", 79, "R. Prieto"), "Neza 2012-13, Delfines 2013-14"),
    (("11-12", 76, "Diego Olsina"), ("13-14", 151, "D. Olsina"), "Correcaminos 2011-12, Dorados 2013-14"),
    (("11-12", 69, "Ismael Valadéz"), ("12-13", 84, "Ismael Valadéz"), "Altamira, then Cruz Azul Hidalgo"),
    (("12-13", 148, "E. González"), ("13-14", 134, "E. González"), "U. de G., two seasons, no full name"),
]


def player_at(select, article: str, line: int, name: str) -> str:
    assert name in article_line(article, line)
    rows = select(f"""
        SELECT DISTINCT ?player WHERE {{
          {{ ?thing akg:scorer ?player ; akg:nameAsWritten "{name}" }}
          UNION {{ ?thing akg:player ?player }} UNION {{ ?thing akg:captain ?player }}
          ?thing prov:wasDerivedFrom ?span .
          ?span akg:article <{IRIS.article(ARTICLES[article])}> ; akg:firstLine {line} ; akg:lastLine {line} .
        }}""")
    assert len(rows) == 1, f"{name} on line {line} of {ARTICLES[article]}: {rows}"
    return rows[0]["player"]


@pytest.mark.parametrize("mentions", SAME_PLAYER, ids=lambda mentions: mentions[-1][2])
def test_mentions_of_one_player(select, mentions):
    players = {player_at(select, *mention) for mention in mentions}
    assert len(players) == 1
    full_name = mentions[-1][2]
    labels = select(f"SELECT DISTINCT ?label WHERE {{ <{players.pop()}> a akg:Player ; rdfs:label ?label }}")
    assert labels == [{"label": full_name}]


@pytest.mark.parametrize("one, other, why", DIFFERENT_PLAYERS)
def test_mentions_kept_apart(select, one, other, why):
    assert player_at(select, *one) != player_at(select, *other), why


def test_abbreviated_name_is_kept_as_an_alternative_label(select):
    lojero = player_at(select, "12-13", 71, "Víctor Lojero")
    rows = select(f"SELECT DISTINCT ?name WHERE {{ <{lojero}> skos:altLabel ?name }}")
    assert rows == [{"name": "V. Lojero"}]


# Club changes ------------------------------------------------------------------------------------------------

# season, line, club, kinds, new club, new name, new city, other league
CHANGES = [
    ("2011-12", 16, "alacranes-de-durango", {"Dissolution"}, None, None, None, None),
    ("2011-12", 17, "atlante-utn", {"Rebranding"}, "neza", "Toros Neza", None, None),
    ("2011-12", 18, "tiburones-rojos-de-veracruz", {"Suspension"}, None, None, None, None),
    ("2011-12", 19, "orizaba", {"Relocation", "Rebranding"}, "veracruz", "Veracruz", "veracruz", None),
    ("2011-12", 20, "tijuana", {"Promotion"}, None, None, None, "liga-mx"),
    ("2011-12", 21, "necaxa", {"Relegation"}, None, None, None, "liga-mx"),
    ("2011-12", 22, "celaya", {"Promotion"}, None, None, None, "segunda-division"),
    ("2011-12", 23, "merida", {"Rebranding", "ImageChange"}, None, "FC Mérida", None, None),
    ("2011-12", 24, "lobos-buap", {"ImageChange"}, None, None, None, None),
    ("2011-12", 25, "neza", {"Rebranding", "ImageChange"}, None, "Neza FC", None, None),
    ("2011-12", 26, "indios", {"Suspension"}, None, None, None, None),
    ("2012-13", 18, "leon", {"Promotion"}, None, None, None, "liga-mx"),
    ("2012-13", 19, "tecos", {"Relegation"}, None, None, None, "liga-mx"),
    ("2012-13", 20, "titanes-de-tulancingo", {"Suspension"}, None, None, None, None),
    ("2012-13", 20, "tecamachalco", {"Suspension"}, None, None, None, None),
    ("2012-13", 21, "indios", {"Suspension"}, None, None, None, None),
    ("2013-14", 16, "la-piedad", {"Promotion", "Rebranding", "Relocation"}, "tiburones-rojos-de-veracruz",
     "Tiburones Rojos de Veracruz", "veracruz", "liga-mx"),
    ("2013-14", 17, "queretaro", {"Relegation", "FranchisePurchase", "Dissolution"}, None, None, None, "liga-mx"),
    ("2013-14", 18, "veracruz", {"Rebranding", "Relocation"}, "atletico-san-luis", "Atlético San Luis",
     "san-luis-potosi", None),
    ("2013-14", 19, "irapuato", {"Rebranding", "Relocation"}, "zacatepec", "Zacatepec", "zacatepec-de-hidalgo", None),
    ("2013-14", 20, "neza", {"Rebranding", "Relocation"}, "delfines", "Delfines F.C.", "ciudad-del-carmen", None),
    ("2013-14", 21, "tecamachalco", {"Promotion", "Rebranding", "Relocation"}, "oaxaca", "Alebrijes de Oaxaca",
     "oaxaca", "segunda-division"),
    ("2013-14", 22, "ballenas-galeana", {"Promotion"}, None, None, None, "segunda-division"),
    ("2013-14", 23, "pumas-morelos", {"Relegation", "Dissolution"}, None, None, None, "segunda-division"),
]
KINDS = {"Promotion", "Relegation", "Rebranding", "Relocation", "Dissolution", "Suspension", "FranchisePurchase",
         "ImageChange"}
ARTICLE_OF_SEASON = {"2011-12": "11-12", "2012-13": "12-13", "2013-14": "13-14"}


def changes_at(select, season: str, line: int) -> dict[str, dict]:
    rows = select(f"""
        SELECT ?change ?club ?kind ?newClub ?newName ?newCity ?league ?text WHERE {{
          ?change a akg:ClubChange ; a ?kind ; akg:season <{IRIS.season(season)}> ; akg:club ?club ;
                  prov:wasDerivedFrom/akg:firstLine {line} .
          OPTIONAL {{ ?change akg:newClub ?newClub }}
          OPTIONAL {{ ?change akg:newName ?newName }}
          OPTIONAL {{ ?change akg:newCity ?newCity }}
          OPTIONAL {{ ?change akg:league ?league }}
          OPTIONAL {{ ?change rdfs:comment ?text }}
        }}""")
    by_club: dict[str, dict] = {}
    for row in rows:
        change = by_club.setdefault(row["club"], {**row, "kinds": set()})
        if row["kind"].startswith(AKG) and row["kind"] != AKG + "ClubChange":
            change["kinds"].add(row["kind"].removeprefix(AKG))
    return by_club


@pytest.mark.parametrize("season, line, club, kinds, new_club, new_name, new_city, league", CHANGES)
def test_club_change(select, season, line, club, kinds, new_club, new_name, new_city, league):
    changes = changes_at(select, season, line)
    assert IRIS.club(club) in changes, f"no change of {club} on line {line}: {sorted(changes)}"
    change = changes[IRIS.club(club)]
    assert change["kinds"] & KINDS == kinds
    assert change["newClub"] == (new_club and IRIS.club(new_club))
    assert change["newName"] == new_name
    assert change["newCity"] == (new_city and IRIS.city(new_city))
    assert change["league"] == (league and IRIS.competition(league))
    assert change["text"] == article_line(ARTICLE_OF_SEASON[season], line).removeprefix("- ")


def test_avoiding_relegation_is_no_relegation(select):
    """'U. de G. avoided relegation due to the disaffiliation to Indios.' (2012-13 line 21)"""
    changes = changes_at(select, "2012-13", 21)
    assert "Relegation" not in changes.get(IRIS.club("udeg"), {"kinds": set()})["kinds"]
    assert changes[IRIS.club("indios")]["kinds"] == {"Suspension"}
