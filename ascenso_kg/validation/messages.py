"""Sentences for validation results.

A SPARQL constraint writes its own message with the values involved, naming resources by IRI; a core constraint
(sh:minCount, sh:datatype, …) gets a sentence made here from its parameters. Either way every IRI is then replaced
by the resource's label and every ISO date is written out ("2012-04-15" -> "15 April 2012"), so that a message
reads as plain English.
"""

from __future__ import annotations

import datetime as dt
import re
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
    """A value as a reader would write it: a resource by its label, a literal by its text."""
    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        return label(str(term)) or local_words(str(term))
    return humanize(str(term), label)


def path_words(path: rdflib.term.Node | None, shapes: rdflib.Graph, label: Labeler) -> str:
    if isinstance(path, rdflib.URIRef):
        return label(str(path)) or local_words(str(path))
    inverse = shapes.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, rdflib.URIRef):
        return f"'{label(str(inverse)) or local_words(str(inverse))}' link to it"
    return "value"


def core_sentence(component: str, parameters: rdflib.term.Node, shapes: rdflib.Graph, focus: str,
                  path: str, value: str, values: list[str], label: Labeler) -> str:
    """A sentence for a result of a core constraint, from the constraint's parameters in the shapes graph."""
    kind = component.removeprefix(str(SH)).removesuffix("ConstraintComponent")

    def parameter(name: str) -> str:
        return show(shapes.value(parameters, SH[name]), label)

    if kind == "MinCount":
        count = parameter("minCount")
        if path.endswith("link to it"):
            return f"{focus} has no {path}." if count == "1" else f"{focus} has fewer than {count} {path}s."
        return f"{focus} has no {path}." if count == "1" else f"{focus} has fewer than {count} values of {path}."
    if kind == "MaxCount":
        found = f": {', '.join(values)}" if values else ""
        return f"{focus} has more than {parameter('maxCount')} {path}{found}."
    if kind == "Datatype":
        return f"{focus}: the {path} {value} is not of type {local_words(str(shapes.value(parameters, SH.datatype)))}."
    if kind == "Class":
        return f"{focus}: the {path} {value} is not a {parameter('class')}."
    if kind == "NodeKind":
        return f"{focus}: the {path} {value} is not {local_words(str(shapes.value(parameters, SH.nodeKind)))}."
    if kind in ("MinInclusive", "MinExclusive", "MaxInclusive", "MaxExclusive"):
        bound = parameter(kind[0].lower() + kind[1:])
        relation = {"MinInclusive": "below the minimum", "MinExclusive": "not above", "MaxInclusive": "above the maximum",
                    "MaxExclusive": "not below"}[kind]
        return f"{focus}: the {path} {value} is {relation} {bound}."
    if kind == "In":
        allowed = Collection(shapes, shapes.value(parameters, SH["in"]))
        return f"{focus}: the {path} {value} is not one of {', '.join(show(item, label) for item in allowed)}."
    if kind == "Pattern":
        return f"{focus}: the {path} {value} does not match {parameter('pattern')}."
    if kind == "LessThanOrEquals":
        other = shapes.value(parameters, SH.lessThanOrEquals)
        return f"{focus}: the {path} {value} is greater than its {label(str(other)) or local_words(str(other))}."
    if kind == "Disjoint":
        other = shapes.value(parameters, SH.disjoint)
        return f"{focus}: {value} is both its {path} and its {label(str(other)) or local_words(str(other))}."
    if kind == "Or":
        return f"{focus} meets none of the alternatives its shape allows."
    return f"{focus} fails {local_words(component)} on {path}{f' ({value})' if value else ''}."


def fill_template(template: str, focus: str, path: str, value: str) -> str:
    """A shape's own sh:message for a core constraint, with {$this}, {$value} and {$path} filled in."""
    for name, text in (("this", focus), ("value", value), ("path", path)):
        template = re.sub(r"\{[?$]" + name + r"\}", lambda _match: text, template)
    return template


def capitalized(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
