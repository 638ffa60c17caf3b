"""Invented articles (tests/articles/) through the interpreter and the whole mapping pipeline.

The season article has what the seed articles do not: dates written 'December 2, 2030' and '2031-05-03', a
penalty, an own goal, stoppage time, a match after extra time, a shoot-out, an infobox key and a heading never
seen, a date line with no score, broken scorer minutes and a top-scorer table without a header. The Liguilla
article has its own infobox keys, one unknown, and a Teams table with a two-row header. A third file has no title.
Each problem names its file and line, and the rest is mapped all the same.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ascenso_kg.iris import AKG, Iris, prefixes
from ascenso_kg.mappings.mapping_tables import MappingTables, load_tables
from ascenso_kg.mappings.interpret.article import interpret
from ascenso_kg.mappings.pipeline import MappingResult, map_articles
from ascenso_kg.mappings.read.reader import read_article
from ascenso_kg.mappings.interpret.records import StageKey
from ascenso_kg.resources import MAPPING_TABLES_DIR
from ascenso_kg.build.store import memory_store

ARTICLES = Path(__file__).parent / "articles"
SEASON = "2030-31-liga-imaginaria-season"
LIGUILLA = "2030-liga-imaginaria-apertura-liguilla"
NOTES = "2031-notes"
IRIS = Iris().scoped_to("liga-imaginaria")  # a competition the tables do not know: its seasons live under its own id
CLUBS = {
    "cometas-del-norte": "Cometas del Norte", "real-pinole": "Real Pinole", "atletico-nube": "Atlético Nube",
    "deportivo-bruma": "Deportivo Bruma",
}
PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes().items())


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> MappingTables:
    """The project's mapping tables plus a row for each invented club: a new name is a row in a table."""
    directory = tmp_path_factory.mktemp("tables") / "tables"
    shutil.copytree(MAPPING_TABLES_DIR, directory)
    with (directory / "clubs.csv").open("a", encoding="utf-8") as clubs, \
            (directory / "club_aliases.csv").open("a", encoding="utf-8") as aliases:
        for club, name in CLUBS.items():
            clubs.write(f"{club},{name},invented for the tests\n")
            aliases.write(f"{name},{club},,\n")
    return load_tables(directory)


@pytest.fixture(scope="module")
def result(tables) -> MappingResult:
    return map_articles(ARTICLES, IRIS, tables)


@pytest.fixture(scope="module")
def select(result):
    store = memory_store(result.quads())

    def run(query: str) -> list[dict]:
        solutions = store.query(PREFIXES + query)
        names = [variable.value for variable in solutions.variables]
        return [{name: None if solution[name] is None else solution[name].value for name in names}
                for solution in solutions]

    return run


def ours(result: MappingResult) -> set[tuple[str, int, str]]:
    files = {f"{name}.txt" for name in (SEASON, LIGUILLA, NOTES)}
    return {(problem.file, problem.line, problem.severity) for problem in result.problems if problem.file in files}


# Problems: file, line, severity, and a piece of the message ---------------------------------------------------

EXPECTED_PROBLEMS = [
    (SEASON, 8, "warning", "infobox key 'Mascot'"),
    (SEASON, 48, "info", "date line with no score"),
    (SEASON, 49, "warning", "The replay was called off."),
    (SEASON, 56, "warning", "130'"),
    (SEASON, 63, "warning", "4S'"),
    (SEASON, 98, "info", "heading 'Mascots'"),
    (SEASON, 99, "warning", "has a goat"),
    (SEASON, 102, "info", "without a header"),
    (LIGUILLA, 8, "warning", "infobox key 'Champion'"),
    (LIGUILLA, 12, "warning", "invented knockout tournament"),
    (SEASON, 1, "warning", "competition 'Liga Imaginaria' is not in mappings/tables/competitions.csv"),
    (LIGUILLA, 1, "warning", "competition 'Liga Imaginaria' is not in mappings/tables/competitions.csv"),
    # A stadium the tables do not know is its own stadium, minted from its name and reported once for review.
    (SEASON, 18, "warning", "stadium 'Estadio Cometa' is not in mappings/tables/stadium_aliases.csv; recorded as "
                            "stadium 'estadio-cometa'"),
    (SEASON, 19, "warning", "stadium 'Estadio Pino' is not in mappings/tables/stadium_aliases.csv"),
    (SEASON, 20, "warning", "stadium 'Estadio Nube' is not in mappings/tables/stadium_aliases.csv"),
    (SEASON, 21, "warning", "stadium 'Estadio Bruma' is not in mappings/tables/stadium_aliases.csv"),
    (NOTES, 1, "warning", "no '= Title =' line"),
    (NOTES, 1, "info", "not listed in sources.csv"),
    (NOTES, 3, "warning", "The league was never played."),
]


@pytest.mark.parametrize("article, line, severity, fragment", EXPECTED_PROBLEMS)
def test_problem_names_file_and_line(result, article, line, severity, fragment):
    found = [problem for problem in result.problems
             if (problem.file, problem.line, problem.severity) == (f"{article}.txt", line, severity)
             and fragment in problem.message]
    assert len(found) == 1, [str(problem) for problem in result.problems if problem.file == f"{article}.txt"]
    assert str(found[0]).startswith(f"{article}.txt:{line}: ")


def test_constructs_the_reader_understands_raise_no_problem(result):
    """Penalty, own goal, stoppage and extra time, the shoot-out, the new date formats, the two-row header: no
    problem beyond the expected ones."""
    expected = {(f"{article}.txt", line, severity) for article, line, severity, _ in EXPECTED_PROBLEMS}
    assert ours(result) - expected == set()


def test_the_build_goes_on_past_the_problems(result):
    assert {records.article for records in result.records} == {SEASON, LIGUILLA}
    assert set(result.graphs) >= {IRIS.article_graph(SEASON), IRIS.article_graph(LIGUILLA)}
    assert IRIS.article_graph(NOTES) not in result.graphs


# The season article in the graph --------------------------------------------------------------------------------

GOALS = [
    # match date, scorer as written, club it counts for, minute, added time, penalty, own goal
    ("2030-12-02", "P. Rojo", "real-pinole", 90, 2, None, None),
    ("2030-12-02", "C. Azul", "cometas-del-norte", 12, None, "true", None),
    ("2030-12-02", "J. Verde", "cometas-del-norte", 30, None, None, "true"),
    ("2030-12-06", "P. Rojo", "real-pinole", 105, None, None, None),
    ("2030-12-10", "C. Azul", "cometas-del-norte", None, None, None, None),  # '130'' is no minute
    ("2030-12-10", "B. Gris", "deportivo-bruma", 45, 1, None, None),
    ("2031-05-10", "P. Rojo", "real-pinole", 90, 4, None, None),
]


@pytest.mark.parametrize("date, name, club, minute, added, penalty, own_goal", GOALS)
def test_goal_constructs(select, date, name, club, minute, added, penalty, own_goal):
    rows = select(f"""
        SELECT ?club ?minute ?added ?penalty ?ownGoal WHERE {{
          ?goal akg:match/schema:startDate "{date}"^^xsd:date ; akg:nameAsWritten "{name}" ; akg:forClub ?club .
          OPTIONAL {{ ?goal akg:minute ?minute }} OPTIONAL {{ ?goal akg:addedTime ?added }}
          OPTIONAL {{ ?goal akg:penalty ?penalty }} OPTIONAL {{ ?goal akg:ownGoal ?ownGoal }}
        }}""")
    assert rows == [{"club": IRIS.club(club), "minute": minute and str(minute), "added": added and str(added),
                     "penalty": penalty, "ownGoal": own_goal}]


def test_own_goal_scorer_is_not_a_player_of_the_club_it_counts_for(select):
    rows = select("""SELECT ?verde ?azul WHERE {
        ?own akg:nameAsWritten "J. Verde" ; akg:scorer ?verde .
        ?goal akg:nameAsWritten "C. Azul" ; akg:scorer ?azul ; akg:match/schema:startDate "2030-12-02"^^xsd:date .
    }""")
    assert rows[0]["verde"].startswith(IRIS.player("real-pinole/"))
    assert rows[0]["azul"].startswith(IRIS.player("cometas-del-norte/"))


@pytest.mark.parametrize("date, extra_time, home_penalties, away_penalties", [
    ("2030-12-06", "true", None, None),
    ("2031-05-10", None, "4", "3"),
    ("2030-12-02", None, None, None),
])
def test_extra_time_and_shoot_out(select, date, extra_time, home_penalties, away_penalties):
    rows = select(f"""SELECT ?aet ?hp ?ap WHERE {{
        ?match a akg:Match ; schema:startDate "{date}"^^xsd:date .
        OPTIONAL {{ ?match akg:afterExtraTime ?aet }}
        OPTIONAL {{ ?match akg:homePenalties ?hp }} OPTIONAL {{ ?match akg:awayPenalties ?ap }}
    }}""")
    assert rows == [{"aet": extra_time, "hp": home_penalties, "ap": away_penalties}]


def test_dates_in_other_formats(select):
    rows = select("""SELECT ?date ?first WHERE {
        ?match a akg:Match ; schema:startDate ?date ; prov:wasDerivedFrom/akg:firstLine ?first }""")
    assert {(row["date"], row["first"]) for row in rows} >= {("2030-12-02", "35"), ("2030-12-03", "39"),
                                                               ("2031-05-03", "73"), ("2031-05-10", "79")}
    assert len(rows) == 10


TIES = [
    # stage, round, clubs, winner, decision, seeds (where the Teams table gives them)
    (IRIS.liguilla("apertura-2030"), "semifinals", {"real-pinole", "cometas-del-norte"}, "cometas-del-norte",
     "DecidedOnAwayGoals", {}),
    (IRIS.liguilla("apertura-2030"), "semifinals", {"atletico-nube", "deportivo-bruma"}, "deportivo-bruma",
     "DecidedOnHigherSeed", {"atletico-nube": "3", "deportivo-bruma": "2"}),
    (IRIS.liguilla("apertura-2030"), "final", {"cometas-del-norte", "deportivo-bruma"}, "cometas-del-norte",
     "DecidedOnAggregate", {}),
    (IRIS.liguilla("clausura-2031"), "final", {"real-pinole", "deportivo-bruma"}, "deportivo-bruma",
     "DecidedOnPenalties", {}),  # the Clausura 2031 Liguilla states no away goals rule
    (IRIS.promotion_final("2030-31"), "final", {"deportivo-bruma", "cometas-del-norte"}, "cometas-del-norte",
     "DecidedOnAggregate", {}),
]


@pytest.mark.parametrize("stage, round_, clubs, winner, decision, seeds", TIES)
def test_tie_decisions(select, stage, round_, clubs, winner, decision, seeds):
    rows = select(f"""SELECT ?tie ?club ?seed ?winner ?decision WHERE {{
        ?tie akg:round <{IRIS.round(stage, round_)}> ; akg:side ?side ; akg:winner ?winner ; akg:decidedBy ?decision .
        ?side akg:club ?club . OPTIONAL {{ ?side akg:seed ?seed }}
    }}""")
    ties = {}
    for row in rows:
        ties.setdefault(row["tie"], []).append(row)
    (tie,) = [sides for sides in ties.values() if {s["club"] for s in sides} == {IRIS.club(c) for c in clubs}]
    assert {(s["winner"], s["decision"]) for s in tie} == {(IRIS.club(winner), AKG + decision)}
    assert {s["club"]: s["seed"] for s in tie if s["seed"]} == {IRIS.club(c): seed for c, seed in seeds.items()}


def test_headerless_top_scorer_table(select):
    rows = select(f"""SELECT DISTINCT ?rank ?goals ?frequency ?name WHERE {{
        ?row akg:table <{IRIS.table(IRIS.season("2030-31"), "top-scorers")}> ; akg:rank ?rank ; akg:goals ?goals ;
             akg:goalFrequency ?frequency ; akg:player/rdfs:label ?name }} ORDER BY ?rank""")
    assert [(row["rank"], row["goals"], Decimal(row["frequency"]), row["name"]) for row in rows] == [
        ("1", "5", Decimal(90), "Carlos Azul"), ("2", "5", Decimal(100), "Bruno Gris"),
        ("3", "4", Decimal(120), "Pablo Rojo")]


@pytest.mark.parametrize("names", [
    ["C. Azul", "Carlos Azul"],
    ["P. Rojo", "Pablo Rojo"],
    ["B. Gris", "Bruno Gris"],
])
def test_abbreviated_scorer_is_the_full_name_of_the_same_club_and_season(select, names):
    """'C. Azul' scores for Cometas in 2030-31; the top scorers and the Liguilla captains name 'Carlos Azul'."""
    rows = select(f"""SELECT DISTINCT ?player WHERE {{
        {{ ?goal akg:nameAsWritten ?name ; akg:scorer ?player }} UNION {{ ?player rdfs:label ?name }}
        ?player a akg:Player . FILTER(STR(?name) IN ("{names[0]}", "{names[1]}"))
    }}""")
    assert len(rows) == 1


def test_season_infobox_is_mapped_past_the_unknown_key(select):
    rows = select(f"""SELECT ?promoted ?apertura ?clausura WHERE {{
        <{IRIS.season("2030-31")}> akg:promoted ?promoted .
        <{IRIS.tournament("apertura-2030")}> akg:champion ?apertura .
        <{IRIS.tournament("clausura-2031")}> akg:champion ?clausura }}""")
    assert {tuple(row.values()) for row in rows} == {
        (IRIS.club("cometas-del-norte"), IRIS.club("cometas-del-norte"), IRIS.club("deportivo-bruma"))}


# The Liguilla article --------------------------------------------------------------------------------------------

def test_liguilla_article_with_its_own_infobox_keys(tables):
    document = read_article(ARTICLES / f"{LIGUILLA}.txt")
    records, coverage, problems = interpret(document, LIGUILLA, tables)
    assert records.kind == "liguilla"
    assert [(season.id, season.competition_name) for season in records.seasons] == [("2030-31", "Ascenso MX")]
    rules = records.stages[StageKey("liguilla", "apertura-2030")].rules
    assert (rules.qualifiers, rules.byes) == (4, 1)  # 'Num Teams: four'; first team straight to the semifinals
    assert [(entry.club, entry.seed, entry.manager.name, entry.captain.name) for entry in records.entries] == [
        ("cometas-del-norte", 1, "Ana Luna", "Carlos Azul"), ("deportivo-bruma", 2, "Luis Sol", "Bruno Gris"),
        ("atletico-nube", 3, "Marta Mar", "Nico Blanco"), ("real-pinole", 4, "Rosa Rio", "Pablo Rojo"),
    ]
    assert [(title.tournament, title.club, title.number) for title in records.titles] == [
        ("apertura-2030", "cometas-del-norte", 1)]
    assert {line: coverage.explained[line].split(":")[0] for line in (5, 6, 7, 8, 9)} == {
        5: "skipped", 6: "skipped", 7: "mapped", 8: "skipped", 9: "skipped"}
    assert [(problem.line, problem.severity) for problem in problems] == [(1, "warning"), (8, "warning"), (12, "warning")]
    assert "'Liga Imaginaria' is not in mappings/tables/competitions.csv" in problems[0].message


def test_two_row_header_teams_table_in_the_graph(select):
    rows = select(f"""SELECT ?club ?played ?won ?drawn ?lost ?gf ?ga ?gd ?points WHERE {{
        ?row akg:table <{IRIS.table(IRIS.tournament("apertura-2030"), "standings")}> ; akg:club ?club ;
             akg:played ?played ; akg:won ?won ; akg:drawn ?drawn ; akg:lost ?lost ; akg:goalsFor ?gf ;
             akg:goalsAgainst ?ga ; akg:goalDifference ?gd ; akg:points ?points }}""")
    assert sorted(tuple(row.values()) for row in rows) == sorted([
        (IRIS.club("cometas-del-norte"), "14", "9", "4", "1", "30", "18", "12", "31"),
        (IRIS.club("deportivo-bruma"), "14", "6", "6", "2", "19", "14", "5", "24"),
        (IRIS.club("atletico-nube"), "14", "6", "5", "3", "16", "12", "4", "23"),
        (IRIS.club("real-pinole"), "14", "5", "5", "4", "15", "14", "1", "20"),
    ])


def test_with_the_project_tables_an_unknown_club_is_reported_once_per_article_and_still_mapped():
    result = map_articles(ARTICLES, IRIS)
    reported = sorted((problem.file, problem.line) for problem in result.problems
                      if "'Cometas del Norte' is not in mappings/tables/club_aliases.csv" in problem.message)
    assert reported == sorted([(f"{LIGUILLA}.txt", 19), (f"{SEASON}.txt", 5)])
    season = result.graphs[IRIS.article_graph(SEASON)]
    homes = {s.object for s in season if s.predicate == "<http://schema.org/homeTeam>"}
    assert f"<{IRIS.club('cometas-del-norte')}>" in homes
