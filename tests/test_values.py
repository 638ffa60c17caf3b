"""The small value parsers: one line per case, the bad inputs included (they give None, never raise)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ascenso_kg.mappings.read.document import MatchBlock
from ascenso_kg.mappings.read.reader import read_text
from ascenso_kg.mappings.read.value_parsers import (
    Minute,
    Score,
    parse_count,
    parse_date,
    parse_decimal,
    parse_int,
    parse_minute,
    parse_score,
    parse_title_line,
    split_nationality,
)

D = dt.date


@pytest.mark.parametrize("text, expected", [
    ("24 April 2013", D(2013, 4, 24)),
    ("2 May 2012", D(2012, 5, 2)),
    ("December 2, 2012", D(2012, 12, 2)),
    ("December 2 2012", D(2012, 12, 2)),
    ("Dec. 2, 2012", D(2012, 12, 2)),
    ("2 Dec 2012", D(2012, 12, 2)),
    ("Sept. 5, 2012", D(2012, 9, 5)),
    ("5th May 2013", D(2013, 5, 5)),
    ("May 5th, 2013", D(2013, 5, 5)),
    ("2013-05-11", D(2013, 5, 11)),
    ("24 de abril de 2013", D(2013, 4, 24)),
    ("  18 April 2012  ", D(2012, 4, 18)),
    ("21 January 2012.", D(2012, 1, 21)),
    ("29 February 2012", D(2012, 2, 29)),
    ("29 February 2013", None),
    ("31 April 2013", None),
    ("2013-13-01", None),
    ("2013-5-11", None),
    ("April 2013", None),
    ("24 Aprile 2013", None),
    ("Updated to 4 November 2012.", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("14'", Minute(14)),
    ("1'", Minute(1)),
    ("90'", Minute(90)),
    ("90+2'", Minute(90, 2)),
    ("45+1'", Minute(45, 1)),
    ("90 + 3'", Minute(90, 3)),
    ("90+2’", Minute(90, 2)),
    ("45+10'", Minute(45, 10)),
    ("105'", Minute(105)),
    ("120'", Minute(120)),
    ("120+1'", Minute(120, 1)),
    ("45", Minute(45)),
    ("121'", None),
    ("0'", None),
    ("999'", None),
    ("45'+2", None),
    ("90+'", None),
    ("4S'", None),
    ("'", None),
    ("", None),
])
def test_parse_minute(text, expected):
    assert parse_minute(text) == expected


@pytest.mark.parametrize("minute, text", [(Minute(14), "14'"), (Minute(90, 2), "90+2'"), (Minute(105), "105'")])
def test_minute_is_written_back_as_in_the_articles(minute, text):
    assert str(minute) == text


@pytest.mark.parametrize("text, expected", [
    ("2-1", Score(2, 1)),
    ("0-0", Score(0, 0)),
    ("10-0", Score(10, 0)),
    ("2–1", Score(2, 1)),
    ("2—1", Score(2, 1)),
    ("2 - 1", Score(2, 1)),
    ("2:1", None),  # the articles write a score with a dash; a colon is a time of day
    (" 3-3 ", Score(3, 3)),
    ("2-1 (a.e.t.)", None),
    ("100-1", None),
    ("-1-2", None),
    ("2-", None),
    ("two-one", None),
    ("", None),
])
def test_parse_score(text, expected):
    assert parse_score(text) == expected


@pytest.mark.parametrize("score", ["2-1", "0-0", "10-0", "2–1", "2—1", "2 - 1", "2:1", "100-1", "2-", "two-one"])
def test_the_reader_reads_a_score_line_s_score_as_parse_score_does(score):
    """One grammar of a score: a match block's score is what parse_score makes of it, and a score parse_score
    refuses makes no match block."""
    blocks = read_text(f"= T =\n\n24 April 2013\nNecaxa {score} Neza\n").root.blocks
    read = [Score(block.home_score, block.away_score) for block in blocks if isinstance(block, MatchBlock)]
    parsed = parse_score(score)
    assert read == ([parsed] if parsed else [])


@pytest.mark.parametrize("text, expected", [
    ("9,581", 9581),
    ("55,020", 55020),
    ("1,000,000", 1000000),
    ("14", 14),
    (" 7 ", 7),
    ("0", 0),
    ("+12", 12),
    ("-3", -3),
    ("\u22123", -3),
    ("\u20133", -3),
    ("12.5", None),
    ("'", None),
    ("", None),
    ("+-3", None),
    ("1 000", None),
    ("ten", None),
    ("1,2500", None),  # a ratio written with a decimal comma is not twelve thousand five hundred
])
def test_parse_int(text, expected):
    assert parse_int(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("91.36", Decimal("91.36")),
    ("1.2500", Decimal("1.2500")),
    ("0.9524", Decimal("0.9524")),
    ("12", Decimal("12")),
    ("-0.5", Decimal("-0.5")),
    ("1,2500", None),
    ("'", None),
    ("1.", None),
    (".5", None),
    ("abc", None),
    ("", None),
])
def test_parse_decimal(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("MEX Víctor Lojero", ("MEX", "Víctor Lojero")),
    ("ARG Roberto Nicolás Saucedo", ("ARG", "Roberto Nicolás Saucedo")),
    ("BRA C. E. de Souza", ("BRA", "C. E. de Souza")),
    ("USA Sonny Guadarrama", ("USA", "Sonny Guadarrama")),
    ("  URU Héctor Hugo Eugui ", ("URU", "Héctor Hugo Eugui")),
    ("Jaime Ordiales", (None, "Jaime Ordiales")),
    ("UdeG", (None, "UdeG")),
    ("MEXVíctor Lojero", (None, "MEXVíctor Lojero")),
    ("Mex Víctor Lojero", (None, "Mex Víctor Lojero")),
    ("ABCD Name", (None, "ABCD Name")),
])
def test_split_nationality(text, expected):
    assert split_nationality(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La Piedad 2nd Title", ("La Piedad", 2)),
    ("León 1st Title", ("León", 1)),
    ("U. de G. 3rd title", ("U. de G.", 3)),
    ("Necaxa 21st Title", ("Necaxa", 21)),
    ("Toros Neza 11th Title", ("Toros Neza", 11)),
    ("  Neza  ", ("Neza", None)),
    ("Title", ("Title", None)),
    ("La Piedad Title", ("La Piedad Title", None)),
])
def test_parse_title_line(text, expected):
    assert parse_title_line(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("six", 6), ("Seven", 7), ("eight", 8), ("8", 8), (" 16 ", 16), ("many", None), ("", None),
])
def test_parse_count(text, expected):
    assert parse_count(text) == expected
