"""The sentences of the report: labels for IRIs, dates written out, and source lines."""

from __future__ import annotations

import pytest

from ascenso_kg.validation.findings import SourceLines, where
from ascenso_kg.validation.messages import humanize, iris_in, local_words

LABELS = {"https://w3id.org/ascenso-kg/resource/club/udeg": "Leones Negros UdeG",
          "https://w3id.org/ascenso-kg/resource/season/2012-13": "2012–13 Ascenso MX season"}


@pytest.mark.parametrize("text, sentence", [
    ("https://w3id.org/ascenso-kg/resource/club/udeg won.", "Leones Negros UdeG won."),
    ("The https://w3id.org/ascenso-kg/resource/season/2012-13: a gap", "The 2012–13 Ascenso MX season: a gap"),
    ("from 2013-05-15 to 2013-05-18", "from 15 May 2013 to 18 May 2013"),
    ("https://example.org/unknown stays", "https://example.org/unknown stays"),
    ("not a date: 2013-13-45", "not a date: 2013-13-45"),
    ("https://w3id.org/ascenso-kg/resource/match/2013-05-15-x keeps its date", "https://w3id.org/ascenso-kg/resource/match/2013-05-15-x keeps its date"),
])
def test_humanize(text, sentence):
    assert humanize(text, LABELS.get) == sentence


def test_iris_in_leaves_the_full_stop_out():
    assert iris_in("see https://example.org/a. and https://example.org/b, too") == {"https://example.org/a",
                                                                                      "https://example.org/b"}


@pytest.mark.parametrize("iri, words", [
    ("http://schema.org/homeTeam", "home team"),
    ("https://w3id.org/ascenso-kg/ontology#aggregateGoals", "aggregate goals"),
    ("http://www.w3.org/ns/shacl#IRI", "iri"),
])
def test_local_words(iri, words):
    assert local_words(iri) == words


@pytest.mark.parametrize("lines, text", [
    ([("a.txt", 12, 12)], "a.txt, line 12"),
    ([("a.txt", 151, 154)], "a.txt, lines 151–154"),
    ([("a.txt", 5, 5), ("a.txt", 80, 80)], "a.txt, lines 5 and 80"),
    ([("b.txt", 1, 1), ("a.txt", 3, 4)], "a.txt, lines 3–4; b.txt, line 1"),
])
def test_where(lines, text):
    assert where(tuple(sorted(SourceLines(file, first, last, "") for file, first, last in lines))) == text
