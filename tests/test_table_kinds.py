"""A table is known by its header row, whatever heading is above it; headers match without case or footnote marks.

One line per pattern; the texts are made up in the articles' rendering."""

from __future__ import annotations

import pytest

from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.read.document import Table, TableRow
from ascenso_kg.mappings.read.reader import read_text, split_cells
from ascenso_kg.mappings.interpret.article import interpret
from ascenso_kg.mappings.interpret.table_rows import kinds_by_header, normalize_header


def table(text: str) -> Table:
    return Table(tuple(TableRow(split_cells(line), n) for n, line in enumerate(text.strip().splitlines(), 1)))


@pytest.mark.parametrize("text, kind", [
    ("| Club | Stadium | Capacity | City |", "stadia"),
    ("| Club | City | Stadium | Capacity |", "stadia"),
    ("| Team | Home City | Stadia |", "stadia"),
    ("| TEAM | location | stadium[1] |", "stadia"),
    ("| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |", "standings"),
    ("| Position | Club | Played | Won | Drawn | Lost | Points |", "standings"),
    ("| Rank | Player | Club | Goals |", "top_scorers"),
    ("| Pos | Team | Total Pts | Total Pld | Avg |", "relegation"),
])
def test_a_table_is_classified_by_its_header_row(text, kind):
    assert kinds_by_header(table(text), default_tables())[0] == kind


@pytest.mark.parametrize("text", ["| GK | 25 | William Yarbrough |", "| Team | Previous finals appearances |"])
def test_a_header_of_no_known_kind_gives_no_kind(text):
    assert kinds_by_header(table(text), default_tables()) == []


@pytest.mark.parametrize("header, normalized", [("Home City[1]", "home city"), ("Stadium*", "stadium"),
                                                ("  Goals for: ", "goals for")])
def test_headers_are_compared_after_normalisation(header, normalized):
    assert normalize_header(header) == normalized


def clubs_of(text: str) -> list[tuple[str, str | None, int | None]]:
    records, _, problems = interpret(read_text(text, "test.txt"), "test", default_tables())
    return [(row.name_as_written, row.stadium_name, row.capacity) for row in records.club_seasons]


SEASON_HEAD = "= 2030–31 Ascenso MX season =\n\n"
VENUES = "| Club | City | Stadium | Capacity |\n| Real Pinole | Pinole | Estadio Pino | 23,182 |\n"


@pytest.mark.parametrize("heading", [
    "==Stadiums and locations==\n", "==Stadium and locations==\n", "== Teams ==\n=== Group 1 ===\n",
    "==Teams==\n=== South Zone ===\n", "==Clubs==\n\n", "==Something else==\n",
])
def test_a_venues_table_is_read_under_any_heading(heading):
    assert clubs_of(SEASON_HEAD + heading + VENUES) == [("Real Pinole", "Estadio Pino", 23182)]


@pytest.mark.parametrize("row, venues", [
    ("| Real Pinole | Pinole | Estadio Pino | 23,182 |", [("Real Pinole", "Estadio Pino", 23182)]),
    ("| Ángeles | San Andrés Cholula, Puebla (Ap.) Acapulco, Guerrero (Cl.) | Preparatoria Benito Juárez (Ap.) "
     "Unidad Deportiva Acapulco (Cl.) | 1,500 13,000 |",
     [("Ángeles", "Preparatoria Benito Juárez", 1500), ("Ángeles", "Unidad Deportiva Acapulco", 13000)]),
    ("| Jaguares | Comalcalco, Tabasco | Antonio Valenzuela Alamilla Cefor Atlante Tabasco | 1,000 500 |",
     [("Jaguares", None, None)]),
])
def test_a_cell_with_several_stadiums_and_capacities_is_paired_or_left_out(row, venues):
    assert clubs_of(SEASON_HEAD + "==Teams==\n| Club | City | Stadium | Capacity |\n" + row + "\n") == venues


CUT = "skipped: cut by the end of the excerpt (truncated); not read"


# An excerpt listed as such, or a file that stops without a final line break, was cut inside its last line; a
# broken row in a file that ends whole is a row not understood.
@pytest.mark.parametrize("excerpt, ending, explanation", [(True, "", CUT), (False, "", CUT),
                                                          (False, "\n", "skipped: not understood (reported)")])
def test_a_row_cut_by_the_excerpt_s_end_is_explained_as_truncated_and_never_half_mapped(excerpt, ending, explanation):
    text = SEASON_HEAD + "==Clubs==\n" + VENUES + "| RS Zacatecas | Francisco Villa | 18,000 | Zacat" + ending
    records, coverage, _ = interpret(read_text(text, "test.txt"), "test", default_tables(), excerpt=excerpt)
    assert [row.name_as_written for row in records.club_seasons] == ["Real Pinole"]
    assert coverage.explained[6] == explanation


def test_a_match_lineup_is_explained_not_read_as_a_table_of_clubs():
    text = SEASON_HEAD + "==Final==\n| NECAXA: | | |\n| GK | 31 | MEX Iván Vázquez |\n| DF | 34 | MEX Luis Padilla |\n"
    records, coverage, problems = interpret(read_text(text, "test.txt"), "test", default_tables())
    assert records.club_seasons == [] and records.tables == []
    assert {coverage.explained[line] for line in (4, 5, 6)} == {
        "skipped: a match lineup (positions, numbers, players); lineups are not modelled"}


@pytest.mark.parametrize("text, clubs", [
    ("Veracruz B was promoted from Segunda División.", []),
    ("Tecos 'A' was renamed.", []),
    ('Estudiantes Tecos "B" joined the league.', []),
    ("Atlas Premier and Pachuca Juniors were relocated.", []),
    ("Veracruz was promoted; Neza stayed.", ["veracruz", "neza"]),
])
def test_the_senior_club_s_name_inside_a_reserve_team_s_is_not_the_senior_club(text, clubs):
    from ascenso_kg.mappings.interpret.name_resolution import NameResolver

    assert [club for _, club, _ in NameResolver(default_tables()).find_clubs(text, "test", 1)] == clubs


@pytest.mark.parametrize("cell, club", [
    ('Estudiantes Tecos "B"', "estudiantes-tecos-b"), ("Cachorros UdeG", "cachorros-udeg"),
    ("Tecos B", "tecos-b"), ("Petroleros de Veracruz", "petroleros-de-veracruz"), ("Atlas Premier", "atlas-premier"),
])
def test_a_reserve_or_affiliate_team_in_a_table_is_a_club_of_its_own(cell, club):
    text = SEASON_HEAD + "==Teams==\n| Club | City | Stadium | Capacity |\n" + f"| {cell} | Pinole | Estadio Pino | 800 |\n"
    records, _, problems = interpret(read_text(text, "test.txt"), "test", default_tables())
    assert [row.club for row in records.club_seasons] == [club]
    assert [p.line for p in problems if "is not in mappings/tables/club_aliases.csv" in p.message] == [5]
