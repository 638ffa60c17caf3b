"""Sentences for validation results.

A SPARQL constraint writes its own message with the values involved, naming resources by IRI; a core constraint
(sh:minCount, sh:datatype, …) gets a sentence made here from its parameters. Either way every IRI is then replaced
by the resource's label and every ISO date is written out ("2012-04-15" -> "15 April 2012"), so that a message
reads as plain English.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import SH

Labeler = Callable[[str], "str | None"]

_IRI = re.compile(r"https?://[^\s,;()<>\"]+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def local_words(iri: str) -> str:
    """'http://schema.org/homeTeam' -> 'home team'."""
    name = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return _CAMEL.sub(" ", name).lower()


def _date(match: re.Match[str]) -> str:
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return match[0]
    return f"{day.day} {day:%B %Y}"


def _split_iri(text: str) -> tuple[str, str]:
    """An IRI found in a sentence, and the punctuation that ends the sentence rather than the IRI."""
    iri = text.rstrip(".:")
    return iri, text[len(iri):]


def iris_in(text: str) -> set[str]:
    return {_split_iri(match)[0] for match in _IRI.findall(text)}


def humanize(text: str, label: Labeler) -> str:
    """Replace the IRIs in ``text`` by labels and write its ISO dates out."""

    parts, done = [], 0
    for match in _IRI.finditer(text):
        iri, trail = _split_iri(match[0])
        # Dates are written out only outside IRIs, which may hold one (…/match/2013-05-15-…).
        parts += [_ISO_DATE.sub(_date, text[done:match.start()]), label(iri) or iri, _ISO_DATE.sub(_date, trail)]
        done = match.end()
    return "".join(parts) + _ISO_DATE.sub(_date, text[done:])


def show(term: rdflib.term.Node | None, label: Labeler) -> str:
    """A value as a reader would write it: a resource by its label (or its IRI), a literal by its text."""
    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        return label(str(term)) or str(term)
    return humanize(str(term), label)


@dataclass(frozen=True)
class PathWords:
    """How to name the values a property shape checks: 'the home score -1', or, for an inverse path, 'Stray, which
    points to it by its table'."""

    name: str
    inverse: bool = False

    def of(self, value: str) -> str:
        return f"{value}, which points to it by its {self.name}," if self.inverse else f"the {self.name} {value}"

    def none(self) -> str:
        return f"nothing points to it by its {self.name}" if self.inverse else f"it has no {self.name}"


def path_words(path: rdflib.term.Node | None, shapes: rdflib.Graph, label: Labeler) -> PathWords:
    if isinstance(path, rdflib.URIRef):
        return PathWords(label(str(path)) or local_words(str(path)))
    inverse = shapes.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, rdflib.URIRef):
        return PathWords(label(str(inverse)) or local_words(str(inverse)), inverse=True)
    return PathWords("value")


def core_sentence(component: str, parameters: rdflib.term.Node, shapes: rdflib.Graph, focus: str,
                  path: PathWords, value: str, values: list[str], label: Labeler) -> str:
    """A sentence for a result of a core constraint, from the constraint's parameters in the shapes graph."""
    kind = component.removeprefix(str(SH)).removesuffix("ConstraintComponent")
    what = path.of(value)

    def parameter(name: str) -> str:
        return show(shapes.value(parameters, SH[name]), label)

    def other(name: str) -> str:
        iri = str(shapes.value(parameters, SH[name]))
        return label(iri) or local_words(iri)

    if kind == "MinCount":
        count = parameter("minCount")
        return f"{focus}: {path.none()}." if count == "1" else f"{focus}: fewer than {count} values of {path.name}."
    if kind == "MaxCount":
        found = f"{len(values)} values of {path.name} ({', '.join(values)})" if values else f"more values of {path.name}"
        return f"{focus} has {found}, where at most {parameter('maxCount')} may be."
    if kind == "Datatype":
        return f"{focus}: {what} is not of type {local_words(str(shapes.value(parameters, SH.datatype)))}."
    if kind == "Class":
        return f"{focus}: {what} is not a {parameter('class')}."
    if kind == "NodeKind":
        return f"{focus}: {what} is not {local_words(str(shapes.value(parameters, SH.nodeKind)))}."
    if kind in ("MinInclusive", "MinExclusive", "MaxInclusive", "MaxExclusive"):
        bound = parameter(kind[0].lower() + kind[1:])
        relation = {"MinInclusive": "below the minimum", "MinExclusive": "not above", "MaxInclusive": "above the maximum",
                    "MaxExclusive": "not below"}[kind]
        return f"{focus}: {what} is {relation} {bound}."
    if kind == "In":
        allowed = Collection(shapes, shapes.value(parameters, SH["in"]))
        return f"{focus}: {what} is not one of {', '.join(show(item, label) for item in allowed)}."
    if kind == "Pattern":
        return f"{focus}: {what} does not match {parameter('pattern')}."
    if kind == "LessThanOrEquals":
        return f"{focus}: {what} is greater than its {other('lessThanOrEquals')}."
    if kind == "Disjoint":
        return f"{focus}: {value} is both its {path.name} and its {other('disjoint')}."
    if kind == "Or":
        return f"{focus} meets none of the alternatives its shape allows."
    return f"{focus} fails {local_words(component)} on {path.name}{f' ({value})' if value else ''}."


def fill_template(template: str, focus: str, path: str, value: str) -> str:
    """A shape's own sh:message for a core constraint, with {$this}, {$value} and {$path} filled in."""
    for name, text in (("this", focus), ("value", value), ("path", path)):
        template = re.sub(r"\{[?$]" + name + r"\}", lambda _match: text, template)
    return template


def capitalized(sentence: str) -> str:
    """The sentence with a capital letter, unless it starts with an IRI."""
    return sentence if sentence.startswith("http") else sentence[:1].upper() + sentence[1:]
