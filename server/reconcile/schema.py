"""What the reconciliation service reconciles against: its types and the properties a query may constrain.

Type ids are the local names of the ontology's classes and property ids the local names of its properties, so that
``schemaSpace`` (the ontology namespace) followed by an id is the class or property IRI.
"""

from __future__ import annotations

from dataclasses import dataclass

from ascenso_kg.iris import AKG


@dataclass(frozen=True)
class ReconType:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class ReconProperty:
    id: str
    name: str
    description: str
    types: tuple[str, ...]  # the types whose entities have it
    links_entities: bool  # its values are entities (matched by id or by their names) rather than plain text


TYPES = {
    t.id: t
    for t in (
        ReconType("Club", "club", "A football club under one identity (a renamed club is another entity)."),
        ReconType("Player", "player", "A footballer, distinct per club unless the articles show he is one man."),
        ReconType("Stadium", "stadium", "A football stadium."),
        ReconType("Season", "season", "A season of the Liga de Ascenso / Ascenso MX."),
    )
}

PROPERTIES = {
    p.id: p
    for p in (
        ReconProperty("club", "club", "A club the player played for (top scorers, goals, Liguilla captains).",
                      ("Player",), True),
        ReconProperty("nationality", "nationality", "Three-letter country code by the player's name (MEX, ARG…).",
                      ("Player",), False),
        ReconProperty("city", "city", "The city of a club in one of its seasons, or of a stadium.",
                      ("Club", "Stadium"), True),
        ReconProperty("stadium", "stadium", "A stadium the club played at.", ("Club",), True),
        ReconProperty("season", "season", "A season the club played in.", ("Club",), True),
    )
}


def type_id(given: str) -> str | None:
    """A type as a query names it ('Player', 'player' or the class IRI) -> its id; None if unknown."""
    local = given.removeprefix(AKG)
    for known in TYPES:
        if local.casefold() == known.casefold():
            return known
    return None


def property_id(given: str) -> str | None:
    local = given.removeprefix(AKG)
    return local if local in PROPERTIES else None
