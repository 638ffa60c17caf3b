"""The part of Wikidata's vocabulary the linking queries use, and what a Wikidata item must be to match each kind of
entity of this graph.

Identifiers here are classes and properties of Wikidata's own schema (P31 'instance of', Q476028 'association football
club'…), never items for this graph's entities: those only ever come back from an endpoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

from ascenso_kg.mappings.rdf.links import WIKIDATA_ENTITY, wikidata_iri

QUERIES_DIR = Path(__file__).parent / "queries"
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

HUMAN = "Q5"
FOOTBALL_CLUB = "Q476028"
STADIUM = "Q483110"
HUMAN_SETTLEMENT = "Q486972"  # cities, towns and villages all descend from it

CLASS_NAMES = {
    FOOTBALL_CLUB: "association football club",
    STADIUM: "stadium",
    HUMAN_SETTLEMENT: "human settlement",
    HUMAN: "human",
}

# Languages a name is looked up in: the articles' names are Spanish, the items' often English, and "mul" holds the
# labels Wikidata shares across languages.
LABEL_LANGUAGES = ("es", "en", "mul")

_QID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class KindProfile:
    """What an item must be to stand for an entity of one kind.

    ``classes``: the item is an instance of one of them or of a subclass (P31/P279*); empty for kinds whose items are
    only ever reached through their own Wikipedia article (competitions, seasons, Liguillas), which the link check
    then does not type-check. ``search``: the query template that finds items by name, or None when names alone are
    too weak (a season's name is not unique across countries and years).
    """

    kind: str
    classes: tuple[str, ...]
    search: str | None


PROFILES = {
    profile.kind: profile
    for profile in (
        KindProfile("club", (FOOTBALL_CLUB,), "names-in-mexico"),
        KindProfile("stadium", (STADIUM,), "names-in-mexico"),
        KindProfile("city", (HUMAN_SETTLEMENT,), "names-in-mexico"),
        KindProfile("player", (HUMAN,), "names-of-footballers"),
        KindProfile("competition", (), None),
        KindProfile("season", (), None),
        KindProfile("liguilla", (), None),
    )
}


def describe_classes(qids: tuple[str, ...]) -> str:
    """('Q476028',) -> 'association football club (Q476028)'."""
    return " or ".join(f"{CLASS_NAMES.get(qid, 'item')} ({qid})" for qid in qids)


def qid_of(iri: str) -> str | None:
    """'http://www.wikidata.org/entity/Q42' -> 'Q42'; anything else (a property, a lexeme, a statement) -> None."""
    if not iri.startswith(WIKIDATA_ENTITY):
        return None
    local = iri[len(WIKIDATA_ENTITY):]
    return local if _QID.fullmatch(local) else None


def item(qid: str) -> str:
    """A QID as a SPARQL term."""
    return f"<{wikidata_iri(qid)}>"


def string_literal(text: str, language: str) -> str:
    """A language-tagged SPARQL literal, escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"@{language}'


@lru_cache(maxsize=None)
def _template(name: str) -> Template:
    return Template((QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8"))


def wikidata_query(name: str, **values: str) -> str:
    """A query of ``queries/<name>.rq`` for a Wikidata endpoint, its ``$placeholders`` filled with SPARQL terms."""
    return PREFIXES + _template(name).substitute(values)
