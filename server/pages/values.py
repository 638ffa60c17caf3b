"""Terms as the pages show them: plain dicts with the text to print and where it links.

Every view turns the terms it reads into these dicts, so a template never sees an RDF term and never has to decide
how to print a date or which label to pick. Jinja escapes whatever the dicts hold when it renders them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

import pyoxigraph

from ascenso_kg import iris

from .addresses import Addresses
from .names import LabelLookup, term_label

XSD = iris.XSD
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def format_date(text: str) -> str:
    """``2013-05-11`` -> ``11 May 2013``; anything else unchanged."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_literal(literal: pyoxigraph.Literal) -> str:
    datatype = literal.datatype.value
    if datatype == XSD + "date":
        return format_date(literal.value)
    if datatype == XSD + "boolean":
        return "yes" if literal.value in ("true", "1") else "no"
    if datatype == XSD + "decimal":
        try:
            return format(Decimal(literal.value).normalize(), "f")
        except InvalidOperation:
            return literal.value
    if datatype == XSD + "integer":
        try:
            return f"{int(literal.value):,}" if abs(int(literal.value)) >= 1_000 else literal.value
        except ValueError:
            return literal.value
    return literal.value


class Presenter:
    """Turns terms into display dicts with the app's names and addresses."""

    def __init__(self, names: LabelLookup, addresses: Addresses):
        self.names = names
        self.addresses = addresses

    def link(self, iri: str) -> dict:
        other = self.names.other_label(iri)
        local = self.addresses.local_path(iri)
        ours = iri.startswith(self.addresses.base)  # under the base but not served here (the shapes): no link
        return {
            "kind": "iri",
            "iri": iri,
            "href": local or (None if ours else iri),
            "external": local is None and not ours,
            "text": term_label(iri, self.names),
            "other": {"text": other.text, "lang": other.lang} if other else None,
        }

    def literal(self, literal: pyoxigraph.Literal) -> dict:
        datatype = literal.datatype.value
        return {
            "kind": "literal",
            "text": format_literal(literal),
            "lang": literal.language or None,
            "datatype": None if literal.language or datatype == XSD + "string" else term_label(datatype, self.names),
        }

    def term(self, term) -> dict:
        if isinstance(term, pyoxigraph.NamedNode):
            return self.link(term.value)
        if isinstance(term, pyoxigraph.Literal):
            return self.literal(term)
        return {"kind": "blank", "text": "(unnamed node)"}

    def text(self, term) -> str | None:
        """Just the words for a term (a label for an IRI, the formatted value for a literal), or None."""
        if term is None:
            return None
        return self.term(term)["text"]

    def property(self, iri: str) -> dict:
        """A property (or class) named by its ontology labels: English to show, Spanish beside it."""
        labels = {label.lang: label.text for label in self.names.labels(iri)}
        english = labels.get("en") or labels.get("") or term_label(iri, self.names)
        spanish = labels.get("es")
        return {"iri": iri, "href": self.addresses.href(iri), "text": english,
                "es": spanish if spanish and spanish != english else None}
