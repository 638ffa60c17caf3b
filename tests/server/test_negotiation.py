"""parse_accept() and format choice: q-values, specificity, wildcards, q=0, and the format= override."""

from __future__ import annotations

import pytest

from ascenso_kg.server.negotiation import (
    BOOLEAN_FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    MediaRange,
    choose_format,
    formats_for,
    negotiate,
    parse_accept,
    quality,
)


@pytest.mark.parametrize("header, expected", [
    (None, [MediaRange("*", "*")]),
    ("", [MediaRange("*", "*")]),
    ("text/csv", [MediaRange("text", "csv")]),
    ("TEXT/CSV", [MediaRange("text", "csv")]),
    ("text/csv;q=0.5, application/json", [MediaRange("application", "json"), MediaRange("text", "csv", 0.5)]),
    ("text/html;level=1;q=0.7", [MediaRange("text", "html", 0.7, (("level", "1"),))]),
    ('text/turtle; charset="utf-8"', [MediaRange("text", "turtle", 1.0, (("charset", "utf-8"),))]),
    ("text/csv;q=abc, text/tsv", [MediaRange("text", "tsv")]),  # a bad q drops that element only
    ("text/csv;q=1.5", []),
    ("nonsense, */*;q=0.1", [MediaRange("*", "*", 0.1)]),
    ("*/json", []),  # a wildcard type needs a wildcard subtype
    ("a/b;q=0.3,c/d;q=0.3,e/f;q=0.9",
     [MediaRange("e", "f", 0.9), MediaRange("a", "b", 0.3), MediaRange("c", "d", 0.3)]),
])
def test_parse_accept(header, expected):
    assert parse_accept(header) == expected


@pytest.mark.parametrize("header, media_type, expected", [
    ("text/*;q=0.3, text/csv;q=0.7", "text/csv", 0.7),  # the most specific range wins…
    ("text/*;q=0.3, text/csv;q=0.7", "text/turtle", 0.3),  # …and the general one covers the rest
    ("*/*;q=0.1, text/*;q=0", "text/csv", 0.0),
    ("*/*;q=0.1, text/*;q=0", "application/n-triples", 0.1),
    ("text/html;level=1", "text/html", 0.0),  # a variant we never produce
    ("text/turtle;charset=utf-8", "text/turtle", 1.0),
    ("application/json", "text/csv", 0.0),
])
def test_quality_of_a_media_type(header, media_type, expected):
    assert quality(media_type, parse_accept(header)) == expected


@pytest.mark.parametrize("header, expected", [
    (None, "json"),
    ("*/*", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/sparql-results+json;q=0.5, text/csv", "csv"),
    ("text/*", "csv"),  # text/csv comes before text/tab-separated-values and text/html in the table
    ("text/tab-separated-values, */*;q=0.1", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),  # a browser
    ("application/sparql-results+json,*/*;q=0.9", "json"),  # YASGUI
    ("application/sparql-results+xml, application/sparql-results+json;q=0.9", "xml"),
    ("*/*, application/sparql-results+json;q=0", "xml"),  # explicitly refused
    ("image/png", None),
])
def test_select_negotiation(header, expected):
    chosen = negotiate(header, RESULT_FORMATS)
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize("header, expected", [
    (None, "turtle"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),  # for a graph, plain JSON means JSON-LD
    ("application/rdf+xml", "rdfxml"),
    ("application/n-triples", "ntriples"),
    ("text/plain", "ntriples"),
    ("application/trig", "trig"),
    ("application/n-quads", "nquads"),
    ("text/turtle;q=0.2, application/ld+json;q=0.8", "jsonld"),
    ("application/sparql-results+json", None),  # a results format cannot carry a graph
])
def test_construct_negotiation(header, expected):
    chosen = negotiate(header, GRAPH_FORMATS)
    assert (chosen.name if chosen else None) == expected


def test_ask_has_no_csv_or_tsv():
    assert negotiate("text/csv", BOOLEAN_FORMATS) is None
    assert {f.name for f in formats_for("ASK")} == {"json", "xml", "html"}


@pytest.mark.parametrize("form, param, expected", [
    ("SELECT", "csv", "csv"),
    ("SELECT", "text/tab-separated-values", "tsv"),
    ("SELECT", "JSON", "json"),
    ("CONSTRUCT", "ttl", "turtle"),
    ("CONSTRUCT", "json-ld", "jsonld"),
    ("CONSTRUCT", "nt", "ntriples"),
    ("DESCRIBE", "xml", "rdfxml"),
    ("SELECT", "ttl", None),
    ("SELECT", "bogus", None),
])
def test_format_parameter_overrides_accept(form, param, expected):
    chosen = choose_format("text/html", param, formats_for(form))
    assert (chosen.name if chosen else None) == expected
