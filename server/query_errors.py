"""A query the parser cannot read, explained for the person who wrote it.

The store's parser says ``error at 3:12: expected one of "(", ".", ['A' ..= 'Z' | …], [_]``: a position and the
grammar's raw expectations, character classes included. ``explain()`` turns that into the line and column, the line
itself with a caret under the failing token, and a plain sentence ("expected a letter, a digit, "(" or ".");
``QuerySyntaxError`` carries it with the query so the HTML answer can offer the query back for editing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .sparql.query_results import QueryFailed

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
# One expectation: a quoted token, a bracketed character class (its quotes may hold "]"), or a bare keyword.
_EXPECTATION = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:\'(?:[^\'\\]|\\.)*\'|[^\]\'])*\]|[A-Za-z][\w]*')
MAX_LISTED = 8  # expectations named in the sentence; the parser may list dozens of function names


@dataclass(frozen=True)
class SyntaxReport:
    line: int  # 1-based
    column: int  # 1-based, in characters
    source_line: str  # the query's line, as written
    token: str  # the text the parser stopped at ("" at the end of the query)
    expected: str  # the plain sentence

    @property
    def caret(self) -> str:
        """Spaces up to the column, then ``^`` under each character of the failing token."""
        return " " * (self.column - 1) + "^" * max(len(self.token), 1)

    @property
    def message(self) -> str:
        where = f"'{self.token}'" if self.token else "the end of the line"
        return (f"Syntax error in the query at line {self.line}, column {self.column} (at {where}): {self.expected}\n\n"
                f"  {self.source_line}\n  {self.caret}")


class QuerySyntaxError(QueryFailed):
    """A 400 for a query that cannot be parsed, with the report and the query (kept for the editor)."""

    def __init__(self, report: SyntaxReport, query: str):
        super().__init__(400, report.message)
        self.report = report
        self.query = query


def explain(error: QueryFailed, query: str) -> QueryFailed:
    """``error`` made readable when it is the parser's ("Syntax error in the query: error at L:C: …"); any other
    failure is returned unchanged."""
    if error.status != 400 or not error.message.startswith("Syntax error in the query:"):
        return error
    report = syntax_report(error.message.removeprefix("Syntax error in the query:").strip(), query)
    return QuerySyntaxError(report, query) if report else error


def syntax_report(parser_message: str, query: str) -> SyntaxReport | None:
    match = _POSITION.match(parser_message)
    if not match:
        return None
    line, column = int(match.group(1)), int(match.group(2))
    lines = query.splitlines() or [""]
    if not 1 <= line <= len(lines):  # past the last line: the parser ran off the end
        line, column = len(lines), len(lines[-1]) + 1
    source_line = lines[line - 1]
    column = max(1, min(column, len(source_line) + 1))
    token = re.match(r"\S*", source_line[column - 1:]).group(0)
    if not token and column > 1 and not source_line[column - 2].isspace():
        # The parser stops just after a word it could not take (an undeclared prefix): mark that word.
        start = len(source_line[:column - 1].rstrip()) - len(re.search(r"\S*$", source_line[:column - 1]).group(0))
        token, column = source_line[start:column - 1], start + 1
    expected = match.group(3)
    if "Prefix not found" in expected and ":" in token:
        prefix = token.split(":", 1)[0]
        sentence = f"the prefix {prefix}: is not declared; add a line 'PREFIX {prefix}: <…>' at the top."
    else:
        sentence = plain_expectations(expected)
    return SyntaxReport(line, column, source_line, token[:40], sentence)


def plain_expectations(text: str) -> str:
    """``expected one of "(", HAVING, ['0'..='9'], [_]`` → ``expected a digit, '(' or HAVING.``"""
    text = text.strip()
    if not text.startswith("expected"):
        return text.rstrip(".") + "."
    if "IRI parsing failed" in text:
        return "this IRI cannot be read (an IRI has no spaces and starts with a scheme such as https:)."
    if text == "expected [_]":  # any character at all: the parser could not go on from here
        return "the query cannot go on from here."
    named: list[str] = []
    for raw in _EXPECTATION.findall(text.removeprefix("expected").removeprefix(" one of")):
        word = _describe(raw)
        if word and word not in named:
            named.append(word)
    if not named:
        return "the query cannot go on from here."
    # Kinds of text first (a letter, a digit…), then the punctuation and keywords the grammar allows.
    named.sort(key=lambda word: not word.startswith("a "))
    shown = named[:MAX_LISTED]
    more = " or another keyword" if len(named) > MAX_LISTED else ""
    listing = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + (" or " + shown[-1] if not more else
                                                                         ", " + shown[-1])
    return f"expected {listing}{more}."


def _describe(raw: str) -> str | None:
    if raw.startswith('"'):
        try:  # a literal token, written by the parser as a quoted string with escapes
            return "'" + json.loads(raw) + "'"
        except ValueError:
            return raw
    if raw.startswith("["):
        if raw == "[_]":
            return None  # "any character": says nothing
        if "'A'" in raw and "'z'" in raw:
            return "a letter"
        if "'0'" in raw and "'9'" in raw and "'-'" not in raw:
            return "a digit"
        if "'-'" in raw:
            return "a name character"
        single = re.fullmatch(r"\['(.)'\]", raw.replace("\\\\", "\\"))
        if single:
            return f"'{single.group(1)}'"
        return "a character of a name"
    return raw  # a keyword: HAVING, OPTIONAL…
