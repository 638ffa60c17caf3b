"""Pipe tables into rows of named fields: headers (none, one row, two rows), merged and lost cells.

A value the rendering lost stays absent and is reported with its line; it is never guessed. Tables are written here
as they appear in an article, starting at line 1.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.read.document import Table, TableRow
from ascenso_kg.mappings.read.reader import split_cells
from ascenso_kg.mappings.interpret.table_rows import read_table


def read(text: str, kind: str):
    """(ReadTable, problems as (line, message, severity))."""
    rows = tuple(TableRow(split_cells(line), number) for number, line in enumerate(text.strip().splitlines(), 1))
    problems: list[tuple[int, str, str]] = []
    result = read_table(Table(rows), kind, default_tables(), lambda *problem: problems.append(problem))
    return result, problems


def values(result) -> list[dict]:
    return [row.values for row in result.rows]


STADIA = """
| Club | City | Stadium | Capacity | Opened |
| Cometas del Norte | Villa Norte | Estadio Cometa | 9,581 | 1961 |
| Real Pinole | Pinole | Estadio Pino | 23,182 | 1970 |
"""


def test_header_maps_columns_and_reports_an_unmapped_one():
    result, problems = read(STADIA, "stadia")
    assert result.header_lines == [1]
    assert values(result) == [
        {"club": "Cometas del Norte", "city": "Villa Norte", "stadium": "Estadio Cometa", "capacity": 9581},
        {"club": "Real Pinole", "city": "Pinole", "stadium": "Estadio Pino", "capacity": 23182},
    ]
    assert problems == [(1, "column 'Opened' is not mapped for stadia tables", "info")]


HEADERLESS_SCORERS = """
| 1 | MEX Juan Cometa | Cometas del Norte | 5 | 90.00 |
| 2 | ARG Pedro Pino | Real Pinole | 4 | 100.50 |
"""


def test_table_without_a_header_is_read_in_the_usual_order_and_reported():
    result, problems = read(HEADERLESS_SCORERS, "top_scorers")
    assert result.header_lines == []
    assert values(result) == [
        {"rank": 1, "player": "MEX Juan Cometa", "club": "Cometas del Norte", "goals": 5,
         "goal_frequency": Decimal("90.00")},
        {"rank": 2, "player": "ARG Pedro Pino", "club": "Real Pinole", "goals": 4,
         "goal_frequency": Decimal("100.50")},
    ]
    assert [(line, severity) for line, _, severity in problems] == [(1, "info")]
    assert "without a header" in problems[0][1]


TEAMS = """
| S | Team | Manager | Captain | Performance at the Apertura 2030 | | | | | | | |
| Pld | W | D | L | GF | GA | GD | Pts | | | | |
| 1 | Cometas del Norte | Ana Luna | MEX Carlos Azul | 14 | 9 | 4 | 1 | 30 | 18 | +12 | 31 |
| 2 | Real Pinole | ARG Luis Sol | MEX Pedro Pino | 14 | 6 | 6 | 2 | 19 | 14 | +5 | 24 |
"""


def test_two_row_header_spells_out_the_group_of_the_first():
    result, problems = read(TEAMS, "entries")
    assert result.header_lines == [1, 2]
    assert result.group_label == "Performance at the Apertura 2030"
    assert values(result)[0] == {
        "seed": 1, "club": "Cometas del Norte", "manager": "Ana Luna", "captain": "MEX Carlos Azul", "played": 14,
        "won": 9, "drawn": 4, "lost": 1, "goals_for": 30, "goals_against": 18, "goal_difference": 12, "points": 31,
    }
    assert values(result)[1]["goal_difference"] == 5
    assert problems == []


STANDINGS = """
| Pos | Team | Regular phase | | |
| Pld | W | D | L | Pts |
| 1 | Cometas del Norte | 10 | 7 | 2 | 1 | 23 |
| 2 | Real Pinole | 10 | 6 | 2 | 2 | 20 |
"""


def test_two_row_header_of_a_standings_table():
    result, problems = read(STANDINGS, "standings")
    assert [column.header for column in result.columns][:7] == ["Pos", "Team", "Pld", "W", "D", "L", "Pts"]
    assert result.group_label == "Regular phase"
    assert values(result)[1] == {"rank": 2, "club": "Real Pinole", "played": 10, "won": 6, "drawn": 2, "lost": 2,
                                 "points": 20}
    assert problems == []


# The shape of the 2011-12 top scorers: no Goals header; a rank merged over the rows that share it survives in the
# first row only, and that row lost its goals cell.
SHARED_RANKS = """
| Rank | Player | Club |
| 1 | ARG Uno Cometa | Cometas del Norte |
| 2 | BRA Dos Pino | Real Pinole |
| MEX Tres Nube | Atlético Nube | 10 |
| MEX Cuatro Bruma | Deportivo Bruma | 10 |
| 5 | MEX Cinco Cometa | Cometas del Norte |
| ARG Seis Pino | Real Pinole | 9 |
| MEX Siete Nube | Atlético Nube | 9 |
"""


def test_merged_rank_is_shared_and_lost_goals_stay_absent():
    result, problems = read(SHARED_RANKS, "top_scorers")
    assert [(row.values.get("rank"), row.rank_shared, row.values.get("goals")) for row in result.rows] == [
        (1, False, None), (2, False, None), (2, True, 10), (2, True, 10), (5, False, None), (5, True, 9),
        (5, True, 9),
    ]
    assert {(line, severity) for line, _, severity in problems} == {(2, "info"), (3, "info"), (6, "info")}
    assert all("no goals" in message for _, message, _ in problems)


def test_rank_cell_lost_where_the_ranks_around_do_not_explain_it():
    result, problems = read("""
| Rank | Team | Points | Games | Avg |
| 1 | Cometas del Norte | 100 | 84 | 1.1905 |
| Real Pinole | 90 | 84 | 1.0714 |
| 4 | Atlético Nube | 80 | 84 | 0.9524 |
""", "relegation")
    assert "rank" not in values(result)[1] and not result.rows[1].rank_shared
    assert (3, "warning") in [(line, severity) for line, _, severity in problems]


# The shape of the 2011-12 relegation row of Veracruz (line 179): the row keeps the table's full width and ends in
# an empty cell, its first (rank) cell is gone. That rank was lost, not merged: it must stay absent.
LOST_RANK = """
| Pos | Team | '11 A Pts | '12 C Pts | Total Pts | Total Pld | Avg |
| 13 | Real Pinole | 15 | 19 | 34 | 28 | ' |
| Atlético Nube | 22 | 12 | 34 | 28 | ' | |
| 15 | Deportivo Bruma | 12 | 20 | 32 | 28 | ' |
"""


def test_rank_cell_merged_with_the_row_above_is_shared_when_the_next_rank_confirms_it():
    """13, (lost), 15: the lost cell was merged with the 13 above (a rowspan), so the row shares rank 13."""
    result, problems = read(LOST_RANK, "relegation")
    nube = result.rows[1]
    assert nube.values == {"rank": 13, "club": "Atlético Nube", "points": 34, "played": 28}
    assert nube.tournament_points == {"A-11": 22, "C-12": 12}
    assert nube.rank_shared


def test_relegation_points_columns_and_stray_quotes():
    result, problems = read(LOST_RANK, "relegation")
    assert result.rows[0].values == {"rank": 13, "club": "Real Pinole", "points": 34, "played": 28}
    assert result.rows[0].tournament_points == {"A-11": 15, "C-12": 19}
    assert "ratio" not in result.rows[2].values


def test_empty_header_over_the_ratio_column():
    """The 2013-14 relegation table heads its ratio column with nothing."""
    result, problems = read("""
| Rank | Team | Points | Games | |
| 14 | Ballenas Galeana | 28 | 28 | 1.0000 |
| 15 | Zacatepec 1948 | 80 | 84 | 0.9524 |
""", "relegation")
    assert values(result) == [
        {"rank": 14, "club": "Ballenas Galeana", "points": 28, "played": 28, "ratio": Decimal("1.0000")},
        {"rank": 15, "club": "Zacatepec 1948", "points": 80, "played": 84, "ratio": Decimal("0.9524")},
    ]
    assert problems == []


@pytest.mark.parametrize("row, ratio, message", [
    ("| 1 | Cometas del Norte | 100 | 84 | 1.1905 | extra |", Decimal("1.1905"), "beyond the table's columns"),
    ("| 1 | Cometas del Norte | 100 | 84 | 1,1905 |", None, "fits none of the remaining columns"),
])
def test_cells_that_fit_nowhere_are_left_out_and_reported(row, ratio, message):
    result, problems = read("| Rank | Team | Points | Games | % |\n" + row, "relegation")
    assert values(result) == [{"rank": 1, "club": "Cometas del Norte", "points": 100, "played": 84,
                               **({"ratio": ratio} if ratio else {})}]
    assert [(line, severity) for line, _, severity in problems] == [(2, "warning")]
    assert message in problems[0][1]
