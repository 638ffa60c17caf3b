"""Statements as values of N-Triples term text: the mapper's output.

Building a pyoxigraph term object per value costs more than everything else the build does; keeping each term as
its N-Triples text and leaving parsing to Oxigraph's own loader and serializers (written in Rust) keeps a build of a
hundred seasons to seconds. A ``Statement`` holds its four terms apart, so later stages read them by name; its text
is made only when it is written (``triple_line``, ``quad_line``). IRIs are minted by ``ascenso_kg.iris`` from slugs,
or come from tables whose loaders check them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import NamedTuple

from ascenso_kg.iris import AKG, RDF, RDFS, XSD

TYPE = RDF + "type"
LABEL = RDFS + "label"

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_needs_escapes = re.compile(r'[\\"\n\r]').search


class Term(str):
    """An N-Triples term, ready to be written."""


class Statement(NamedTuple):
    """One statement of a named graph, each part an N-Triples term (``<iri>``, ``"text"@es``, ``_:node``).

    Statements sort as their lines do in the dumps: the terms of one position are IRIs closed by ``>`` or blank
    nodes followed by a space in the line, so comparing term by term compares the lines; the graph comes last, as
    it does in an N-Quads line."""

    subject: str
    predicate: str
    object: str
    graph: str

    def triple_line(self) -> str:
        return f"{self.subject} {self.predicate} {self.object} .\n"

    def quad_line(self) -> str:
        return f"{self.subject} {self.predicate} {self.object} {self.graph} .\n"


def iri(value: str) -> Term:
    return Term(f"<{value}>")


def text(value: str, language: str | None = None) -> Term:
    if _needs_escapes(value):  # seldom: translating every label would cost more than the rest of its statement
        value = value.translate(_ESCAPES)
    return Term(f'"{value}"@{language}' if language else f'"{value}"')


def literal(value: object) -> Term:
    """A typed literal for a Python value: bool, int, Decimal, date; anything else is a plain string."""
    if isinstance(value, bool):
        return Term(f'"{"true" if value else "false"}"^^<{XSD}boolean>')
    if isinstance(value, int):
        return Term(f'"{value}"^^<{XSD}integer>')
    if isinstance(value, Decimal):
        return Term(f'"{value}"^^<{XSD}decimal>')
    if isinstance(value, dt.date):
        return Term(f'"{value.isoformat()}"^^<{XSD}date>')
    return text(str(value))


_PREDICATES: dict[str, str] = {}  # a few dozen predicates, written once each
_new_statement = tuple.__new__  # NamedTuple's own constructor is a Python function: a tenth of a build's mapping time


def _predicate(predicate: str) -> str:
    term = _PREDICATES.get(predicate)
    if term is None:
        term = _PREDICATES[predicate] = f"<{predicate}>"
    return term


class GraphBuilder:
    """The statements of one named graph; ``None`` values are skipped so optional values need no ``if``."""

    def __init__(self, graph: str) -> None:
        self.graph = graph
        self.graph_term = f"<{graph}>"
        self.statements: list[Statement] = []

    def add(self, subject: str, predicate: str, value: object) -> None:
        if value is not None:
            term = value if isinstance(value, Term) else literal(value)
            self.statements.append(_new_statement(Statement, (f"<{subject}>", _predicate(predicate), term,
                                                              self.graph_term)))

    def link(self, subject: str, predicate: str, target: str | None) -> None:
        if target is not None:
            self.statements.append(_new_statement(Statement, (f"<{subject}>", _predicate(predicate), f"<{target}>",
                                                              self.graph_term)))

    def typed(self, subject: str, *classes: str) -> None:
        for name in classes:
            self.statements.append(_new_statement(Statement, (f"<{subject}>", _predicate(TYPE), f"<{AKG}{name}>",
                                                              self.graph_term)))

    def label(self, subject: str, english: str, spanish: str | None = None) -> None:
        self.add(subject, LABEL, text(english, "en"))
        if spanish:
            self.add(subject, LABEL, text(spanish, "es"))

    def name(self, subject: str, name: str) -> None:
        self.add(subject, LABEL, text(name))
