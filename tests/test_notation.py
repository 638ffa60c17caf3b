"""The one home of each small writing rule: accents (``ascenso_kg.accents``), seasons and minutes
(``ascenso_kg.notation``), and each caller composed on it giving the output it gave when it had its own copy."""

from __future__ import annotations

import pytest

from ascenso_kg.accents import strip_accents
from ascenso_kg.corpus.model import Goal
from ascenso_kg.iris import slugify
from ascenso_kg.linking.folded_names import fold as linking_fold
from ascenso_kg.mappings.read.infobox_values import parse_season
from ascenso_kg.mappings.read.value_parsers import Minute
from ascenso_kg.notation import minute_text, season_id, season_id_from, season_name
from ascenso_kg.server.search_index import fold as search_fold


@pytest.mark.parametrize("text, expected", [
    ("León", "Leon"), ("MÉRIDA", "MERIDA"), ("Ñandú", "Nandu"), ("Querétaro F.C.", "Queretaro F.C."),
    ("e\u0301", "e"), ("ﬁnal", "final"), ("2012–13", "2012–13"), ("Straße", "Straße"),
])
def test_accents_are_stripped_and_nothing_else(text, expected):
    assert strip_accents(text) == expected


# Each caller adds its own step: slugify lower-cases and hyphenates; linking case-folds first ('ß' -> 'ss') and
# drops punctuation; search case-folds after and keeps punctuation.
@pytest.mark.parametrize("text, slug, linking, search", [
    ("Estadio Nou Camp (León)", "estadio-nou-camp-leon", "estadio nou camp leon", "estadio nou camp (leon)"),
    ("U. de G.", "u-de-g", "u de g", "u. de g."),
    ("2012–13", "2012-13", "2012 13", "2012–13"),
    ("Straße", "stra-e", "strasse", "strasse"),
    ("İstanbul", "istanbul", "istanbul", "istanbul"),
    ("ﬁnal", "final", "final", "final"),
    ("Querétaro F.C.", "queretaro-f-c", "queretaro f c", "queretaro f.c."),
])
def test_each_caller_folds_as_it_did(text, slug, linking, search):
    assert (slugify(text), linking_fold(text), search_fold(text)) == (slug, linking, search)


@pytest.mark.parametrize("text, expected", [
    ("2012–13", "2012-13"), ("2012-13", "2012-13"), ("2012—13", "2012-13"), ("2005−06", "2005-06"),
    ("2012/13", "2012-13"), ("2012 – 13", "2012-13"), ("2001–2002", "2001-02"), ("1999–2000", "1999-00"),
    ("2001–2003", None), ("2012–14", None), ("2012", None), ("Apertura 2012", None),
])
def test_a_season_is_read_in_any_dash_form(text, expected):
    assert season_id_from(text) == expected


@pytest.mark.parametrize("text, expected", [("'''2012–13'''", "2012-13"), ("2012-13[1]", "2012-13"), ("2012–14", None)])
def test_the_infobox_reads_seasons_with_the_same_rule_after_cleaning(text, expected):
    assert parse_season(text) == expected


def test_a_season_is_written_with_an_en_dash():
    assert (season_id(2012), season_id(1999), season_name("2012-13"), season_name(season_id(1999))) == \
        ("2012-13", "1999-00", "2012–13", "1999–00")


@pytest.mark.parametrize("minute, added, text", [(90, None, "90'"), (90, 2, "90+2'"), (45, 0, "45'"), (None, None, ""),
                                                 (105, None, "105'")])
def test_minutes(minute, added, text):
    assert minute_text(minute, added) == text


def test_the_reader_and_the_corpus_write_minutes_the_one_way():
    assert [str(Minute(90, 2)), str(Minute(14)), Goal(90, 2, None, True).minute_text, Goal(14, None, None, True).minute_text] \
        == ["90+2'", "14'", "90+2'", "14'"]
