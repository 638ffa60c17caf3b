"""A query the parser cannot read: line, column, a caret under the failing token, a plain sentence instead of the
grammar's character ranges, and the query kept for editing (HTML answer of /sparql)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pyoxigraph
import pytest

from ascenso_kg.server.query_errors import plain_expectations, syntax_report

from tests.web.web_helpers import BROWSER


def parser_message(query: str) -> str:
    with pytest.raises(SyntaxError) as raised:
        pyoxigraph.Store().query(query)
    return str(raised.value)


def test_a_report_names_line_column_and_marks_the_token():
    query = "SELECT * WHERE { ?s ?p ?o }\nLIMIT ten"
    report = syntax_report(parser_message(query), query)
    assert (report.line, report.column, report.token) == (2, 7, "ten")
    assert report.caret == "      ^^^"
    assert report.expected.startswith("expected a digit")


def test_character_ranges_become_words():
    raw = parser_message("SELECT * WHERE { ?s ?p ?o . ?")
    assert "\\u{00C0}" in raw  # what a user saw before
    sentence = plain_expectations(raw.split(": ", 1)[1])
    assert sentence == 'expected a digit, a letter or \'_\'.'


def test_a_long_list_of_keywords_is_cut():
    sentence = plain_expectations(parser_message("SELECT * WHERE { ?s ?p ?o } GROUP BY ?s HAVING").split(": ", 1)[1])
    assert sentence.endswith("or another keyword.")
    assert "..=" not in sentence


def test_a_position_past_the_end_points_at_the_end_of_the_last_line():
    report = syntax_report("error at 9:1: expected [_]", "SELECT *\nWHERE {")
    assert (report.line, report.column, report.token) == (2, 7, "{")
    assert report.message.splitlines()[0] == ("Syntax error in the query at line 2, column 7 (at '{'"
                                              "): the query cannot go on from here.")


class _ErrorPage(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.textarea, self.pre, self._in = [], "", "", None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        if tag in ("textarea", "pre"):
            self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "textarea":
            self.textarea += data
        elif self._in == "pre":
            self.pre += data


def test_the_html_answer_shows_the_caret_and_keeps_the_query(web_client):
    query = 'SELECT ?club WHERE {\n  ?club a <http://x> ;\n    <http://y> "x" .\n} LIMIT ten'
    response = web_client.post("/sparql", data={"query": query}, headers=BROWSER)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    page = _ErrorPage()
    page.feed(response.get_data(as_text=True))
    assert "line 4, column 9" in response.get_data(as_text=True)
    assert page.pre == "} LIMIT ten\n        ^^^"
    assert page.textarea == query  # the query, to edit and run again
    back = next(link for link in page.links if link.startswith("/sparql#"))
    assert parse_qs(urlsplit(back).fragment)["query"] == [query]  # the editor opens it in a tab


def test_an_undeclared_prefix_is_named(web_client):
    response = web_client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s a foo:Club }"})
    assert response.status_code == 400
    assert response.get_data(as_text=True).startswith(
        "Syntax error in the query at line 1, column 23 (at 'foo:Club'): the prefix foo: is not declared")


def test_other_failures_keep_the_plain_error_page(web_client):
    response = web_client.post("/sparql", data={"query": "CLEAR ALL"}, headers=BROWSER)
    assert response.status_code == 403
    assert "query-error" not in response.get_data(as_text=True)
