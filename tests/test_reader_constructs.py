"""The reader, construct by construct: title, infobox, headings, tables, bullets, placeholders, match blocks.

Small texts written here (and the invented articles in tests/articles/) go through ``read_text`` and
``read_article``; every problem must name the file and the line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ascenso_kg.mappings.read.document import BulletItem, MatchBlock, Paragraph, Placeholder, Table
from ascenso_kg.mappings.read.reader import read_article, read_text, split_cells
from ascenso_kg.mappings.read.scorers import GoalMention
from ascenso_kg.mappings.read.value_parsers import Minute

ARTICLES = Path(__file__).parent / "articles"
SEASON = ARTICLES / "2030-31-liga-imaginaria-season.txt"
LIGUILLA = ARTICLES / "2030-liga-imaginaria-apertura-liguilla.txt"


def blocks(text: str, kind=object) -> list:
    """Every block of every section, in order, of the given kind."""
    document = read_text(text, file="test.txt")
    return [block for section in document.root.walk() for block in section.blocks if isinstance(block, kind)]


def problems(text: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.severity) for problem in read_text(text, file="test.txt").problems]


# Title and infobox ---------------------------------------------------------------------------------------------

def test_title_and_infobox_with_line_numbers():
    document = read_article(LIGUILLA)
    assert (document.file, document.title, document.title_line) == (
        LIGUILLA.name, "2030 Liga Imaginaria Apertura Liguilla", 1)
    assert document.infobox_line == 3
    assert [(field.key, field.value, field.line) for field in document.infobox] == [
        ("Title", "Ascenso MX", 4), ("Year", "2030", 5), ("Country", "Mexico", 6), ("Num Teams", "four", 7),
        ("Champion", "Cometas del Norte", 8), ("Prevseason", "Clausura 2030", 9),
        ("Nextseason", "Clausura 2031", 10),
    ]
    assert document.problems == []


def test_infobox_ends_at_the_first_line_that_is_not_a_field():
    document = read_text("= T =\nInfobox\n- Count: | runner-up =\n- Year: 2030\nProse after it.\n- A bullet\n")
    assert [(field.key, field.value) for field in document.infobox] == [("Count", "| runner-up ="), ("Year", "2030")]
    text = "= T =\nInfobox\n- Year: 2030\nProse after it.\n- A bullet\n"
    assert blocks(text, BulletItem) == [BulletItem("A bullet", 5)]


def test_article_without_title_is_reported_on_line_one():
    document = read_article(ARTICLES / "2031-notes.txt")
    assert document.title == ""
    assert [str(problem) for problem in document.problems] == [
        "2031-notes.txt:1: no '= Title =' line; the article has no title"]


def test_article_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("= Título =\n\nMérida\n".encode("latin-1"))
    document = read_article(path)
    assert [(problem.file, problem.line) for problem in document.problems] == [("latin1.txt", 1)]
    assert "UTF-8" in document.problems[0].message


# Headings ------------------------------------------------------------------------------------------------------

def test_headings_nest_by_depth_and_keep_their_lines():
    document = read_article(SEASON)
    outline = [(section.title, section.depth, section.line) for section in document.root.walk()][1:]
    assert outline[:9] == [
        ("Stadia and locations", 2, 15), ("Apertura 2030", 2, 23), ("Liguilla", 3, 26), ("Semifinals", 4, 32),
        ("First leg", 5, 34), ("Second leg", 5, 42), ("Final", 4, 51), ("First leg", 5, 53),
        ("Second leg", 5, 59),
    ]
    final = document.root.subsections[1].subsections[0].subsections[1]
    assert [sub.title for sub in final.subsections] == ["First leg", "Second leg"]


@pytest.mark.parametrize("line, title, depth", [
    ("==Results==", "Results", 2),
    ("== Relegation table ==", "Relegation table", 2),
    ("=== First leg===", "First leg", 3),
    ("=====Second leg=====", "Second leg", 5),
    ("====  Quarter-finals  ====", "Quarter-finals", 4),
])
def test_heading_spellings(line, title, depth):
    document = read_text(f"= T =\n{line}\ntext\n")
    section = document.root.subsections[0]
    assert (section.title, section.depth, section.line) == (title, depth, 2)


def test_unbalanced_heading_is_prose():
    assert blocks("= T =\n== Results =\n", Paragraph) == [Paragraph("== Results =", 2)]


# Bullets, placeholders, prose, tables ----------------------------------------------------------------------------

def test_bullets_placeholders_and_prose():
    text = "= T =\n- Atlante UTN was renamed Toros Neza.\n----\n<onlyinclude></onlyinclude>\nSome prose.\n"
    assert blocks(text) == [
        BulletItem("Atlante UTN was renamed Toros Neza.", 2), Placeholder("----", 3),
        Placeholder("<onlyinclude></onlyinclude>", 4), Paragraph("Some prose.", 5),
    ]


@pytest.mark.parametrize("row, cells", [
    ("| 1 | Necaxa | 30 |", ("1", "Necaxa", "30")),
    ("|Necaxa|Aguascalientes|", ("Necaxa", "Aguascalientes")),
    ("| Veracruz | 0 | ' | |", ("Veracruz", "0", "'", "")),
    ("| Rank | Team | Points | Games | |", ("Rank", "Team", "Points", "Games", "")),
    ("| Apertura 2012 winner: |", ("Apertura 2012 winner:",)),
])
def test_split_cells(row, cells):
    assert split_cells(row) == cells


def test_consecutive_rows_make_one_table_and_a_blank_line_ends_it():
    tables = blocks("= T =\n| a | 1 |\n| b | 2 |\n\n| c | 3 |\n", Table)
    assert [[(row.cells, row.line) for row in table.rows] for table in tables] == [
        [(("a", "1"), 2), (("b", "2"), 3)], [(("c", "3"), 5)]]
    assert (tables[0].line, tables[0].last_line) == (2, 3)


# Match blocks ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("date_line, date", [
    ("24 April 2013", dt.date(2013, 4, 24)),
    ("December 2, 2012", dt.date(2012, 12, 2)),
    ("2013-05-11", dt.date(2013, 5, 11)),
    (" 9 May 2012", dt.date(2012, 5, 9)),
])
def test_match_block_date_formats(date_line, date):
    (match,) = blocks(f"= T =\n{date_line}\nNeza 2-1 Lobos BUAP\n", MatchBlock)
    assert (match.date, match.date_line, match.score_line) == (date, 2, 3)


@pytest.mark.parametrize("score_line, home, score, away, extra_time, penalties", [
    ("Neza 2-1 Lobos BUAP", "Neza", (2, 1), "Lobos BUAP", False, None),
    ("Neza 2–1 Lobos BUAP", "Neza", (2, 1), "Lobos BUAP", False, None),
    (" León 5-0 UAT", "León", (5, 0), "UAT", False, None),
    ("U. de G. 1-1 Necaxa", "U. de G.", (1, 1), "Necaxa", False, None),
    ("Delfines F.C. 0-4 Necaxa", "Delfines F.C.", (0, 4), "Necaxa", False, None),
    ("Zacatepec 1948 10-0 Ballenas Galeana", "Zacatepec 1948", (10, 0), "Ballenas Galeana", False, None),
    ("Necaxa 2-1 Zacatepec 1948", "Necaxa", (2, 1), "Zacatepec 1948", False, None),
    ("Neza 2-1 Lobos BUAP (a.e.t.)", "Neza", (2, 1), "Lobos BUAP", True, None),
    ("Neza 2-1 Lobos BUAP (aet)", "Neza", (2, 1), "Lobos BUAP", True, None),
    ("Neza 1-1 Lobos BUAP (4-3 p)", "Neza", (1, 1), "Lobos BUAP", False, (4, 3)),
    ("Neza 1-1 Lobos BUAP (3–4 pen.)", "Neza", (1, 1), "Lobos BUAP", False, (3, 4)),
    ("Neza 1-1 Lobos BUAP (p 5-4)", "Neza", (1, 1), "Lobos BUAP", False, (5, 4)),
    ("Neza 1-1 Lobos BUAP (a.e.t., 4-3 p)", "Neza", (1, 1), "Lobos BUAP", True, (4, 3)),
    ("Neza 1-1 Lobos BUAP (a.e.t.) (4-3 p)", "Neza", (1, 1), "Lobos BUAP", True, (4, 3)),
])
def test_score_line_variants(score_line, home, score, away, extra_time, penalties):
    document = read_text(f"= T =\n2 May 2012\n{score_line}\n", file="test.txt")
    matches = [b for s in document.root.walk() for b in s.blocks if isinstance(b, MatchBlock)]
    assert len(matches) == 1, [str(problem) for problem in document.problems]
    match = matches[0]
    assert (match.home, (match.home_score, match.away_score), match.away) == (home, score, away)
    assert (match.extra_time, match.penalties) == (extra_time, penalties)
    assert document.problems == []


def test_score_note_not_understood_is_reported_on_the_score_line():
    (match,) = blocks("= T =\n2 May 2012\nNeza 2-1 Lobos BUAP (abandoned)\n", MatchBlock)
    assert (match.home_score, match.away_score, match.extra_time, match.penalties) == (2, 1, False, None)
    assert problems("= T =\n2 May 2012\nNeza 2-1 Lobos BUAP (abandoned)\n") == [(3, "warning")]


def test_match_block_of_the_invented_article_with_stoppage_time_penalty_and_own_goal():
    document = read_article(SEASON)
    match = next(b for s in document.root.walk() for b in s.blocks if isinstance(b, MatchBlock))
    assert (match.date, match.home, match.away, match.line, match.last_line) == (
        dt.date(2030, 12, 2), "Real Pinole", "Cometas del Norte", 35, 38)
    assert [(entry.parsed.club, entry.parsed.goals, entry.line) for entry in match.scorers] == [
        ("Real Pinole", [GoalMention("P. Rojo", Minute(90, 2))], 37),
        ("Cometas del Norte", [GoalMention("C. Azul", Minute(12), penalty=True),
                               GoalMention("J. Verde", Minute(30), own_goal=True)], 38),
    ]


def test_extra_time_and_shoot_out_in_the_invented_article():
    document = read_article(SEASON)
    matches = {b.date: b for s in document.root.walk() for b in s.blocks if isinstance(b, MatchBlock)}
    after_extra_time = matches[dt.date(2030, 12, 6)]
    assert (after_extra_time.extra_time, after_extra_time.scorers[0].parsed.goals) == (
        True, [GoalMention("P. Rojo", Minute(105))])
    shoot_out = matches[dt.date(2031, 5, 10)]
    assert (shoot_out.extra_time, shoot_out.penalties, shoot_out.score_line) == (False, (4, 3), 80)
    assert len(matches) == 10


def test_blank_line_between_date_and_score_and_unindented_line_ends_the_scorers():
    text = "= T =\n7 December 2030\n\nBruma 1-0 Nube\n  Bruma: B. Gris 10'\nBruma: B. Gris 20'\n"
    (match,) = blocks(text, MatchBlock)
    assert (match.date_line, match.score_line, [entry.line for entry in match.scorers]) == (2, 4, [5])
    assert blocks(text, Paragraph) == [Paragraph("Bruma: B. Gris 20'", 6)]


def test_date_line_with_no_score_is_prose_and_noted_with_its_line():
    document = read_article(SEASON)
    noted = [problem for problem in document.problems if problem.line == 48]
    assert [(problem.file, problem.severity) for problem in noted] == [(SEASON.name, "info")]
    assert "no score line" in noted[0].message
    assert Paragraph("8 December 2030", 48) in [b for s in document.root.walk() for b in s.blocks]


@pytest.mark.parametrize("line, fragment", [(56, "130'"), (63, "4S'")])
def test_broken_scorer_minute_is_reported_with_file_and_line(line, fragment):
    document = read_article(SEASON)
    reported = [str(problem) for problem in document.problems if problem.line == line]
    assert len(reported) == 1 and reported[0].startswith(f"{SEASON.name}:{line}: ") and fragment in reported[0]
    assert document.problems[[p.line for p in document.problems].index(line)].severity == "warning"
