"""Statements as N-Triples text: the mapper's output format.

Building a pyoxigraph term object per value costs more than everything else the build does; writing the N-Triples
text directly and leaving parsing to Oxigraph's own loader and serializers (written in Rust) keeps a build of a
hundred seasons to seconds. A statement is ``<s> <p> o`` without the final `` .``; a quad adds the graph name.
IRIs are minted by ``ascenso_kg.iris`` from slugs, or come from tables whose loaders check them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ascenso_kg.iris import AKG, RDF, RDFS, XSD

TYPE = RDF + "type"
LABEL = RDFS + "label"

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class Term(str):
    """An N-Triples term, ready to be written."""


def iri(value: str) -> Term:
    return Term(f"<{value}>")


def text(value: str, language: str | None = None) -> Term:
    quoted = '"' + value.translate(_ESCAPES) + '"'
    return Term(f"{quoted}@{language}" if language else quoted)


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


def quad_line(statement: str, graph: str) -> str:
    return f"{statement} <{graph}> .\n"


def triple_line(statement: str) -> str:
    return f"{statement} .\n"


class GraphBuilder:
    """The statements of one named graph; ``None`` values are skipped so optional values need no ``if``."""

    def __init__(self, graph: str) -> None:
        self.graph = graph
        self.statements: list[str] = []

    def add(self, subject: str, predicate: str, value: object) -> None:
        if value is not None:
            term = value if isinstance(value, Term) else literal(value)
            self.statements.append(f"<{subject}> <{predicate}> {term}")

    def link(self, subject: str, predicate: str, target: str | None) -> None:
        if target is not None:
            self.statements.append(f"<{subject}> <{predicate}> <{target}>")

    def typed(self, subject: str, *classes: str) -> None:
        for name in classes:
            self.statements.append(f"<{subject}> <{TYPE}> <{AKG}{name}>")

    def label(self, subject: str, english: str, spanish: str | None = None) -> None:
        self.add(subject, LABEL, text(english, "en"))
        if spanish:
            self.add(subject, LABEL, text(spanish, "es"))

    def name(self, subject: str, name: str) -> None:
        self.add(subject, LABEL, text(name))
