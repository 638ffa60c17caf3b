"""Finding Wikidata items for the graph's entities: first through the Wikipedia sitelink, then by name.

1. Sitelink: an entity with an English Wikipedia article (links.csv) is the topic of the item whose sitelink is that
   article (``<article> schema:about ?item``). The item's classes come back with it, so that scoring can tell a
   sitelink to an item of the wrong type.
2. Names: an entity without a sitelink hit is looked up by its label and aliases, exactly, among the items of the
   right type (a football club, stadium or human settlement in Mexico; a human with a football career). Names are
   sent in batches of VALUES, in Spanish, English and Wikidata's language-neutral "mul", because the Query Service
   matches labels as exact language-tagged literals; a name that only gives an initial ('J. López') is not sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .client import SparqlClient
from .entities import LinkEntity
from .folded_names import is_abbreviated
from .wikidata import LABEL_LANGUAGES, PROFILES, item, qid_of, string_literal, wikidata_query

SITELINK_BATCH = 50  # articles per query
NAME_BATCH = 40  # names per query (each sent in every language of LABEL_LANGUAGES)


@dataclass
class Candidate:
    """An item the endpoint returned for an entity, and how it was found."""

    entity: LinkEntity
    qid: str
    label: str  # the item's English label, or the name it matched
    method: str  # sitelink, label (our name is the item's label) or alias (our name is one of its aliases)
    classes: set[str] = field(default_factory=set)  # for sitelinks: the kind's classes the item belongs to
    matched_name: str = ""  # for names: which of our names matched


def _batches(values: list, size: int) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def find_by_sitelink(client: SparqlClient, entities: Iterable[LinkEntity]) -> list[Candidate]:
    with_article = [entity for entity in entities if entity.article]
    by_article: dict[str, list[LinkEntity]] = {}
    for entity in with_article:
        by_article.setdefault(entity.article, []).append(entity)
    classes = sorted({qid for entity in with_article for qid in PROFILES[entity.kind].classes})
    found: dict[tuple[str, str], Candidate] = {}
    for batch in _batches(sorted(by_article), SITELINK_BATCH):
        query = wikidata_query("sitelinks", articles=" ".join(f"<{article}>" for article in batch),
                               classes=" ".join(item(qid) for qid in classes))
        for binding in client.select(query):
            qid = qid_of(binding["item"]["value"])
            if qid is None:
                continue
            for entity in by_article.get(binding["article"]["value"], []):
                label = binding.get("label", {}).get("value", "")
                candidate = found.setdefault((entity.entity, qid), Candidate(entity, qid, label, "sitelink"))
                matched_class = qid_of(binding.get("class", {}).get("value", ""))
                if matched_class:
                    candidate.classes.add(matched_class)
    return list(found.values())


def searchable_names(entity: LinkEntity) -> list[str]:
    names = [*entity.labels, *entity.aliases]
    if entity.kind == "player":
        names = [name for name in names if not is_abbreviated(name)]
    return list(dict.fromkeys(name for name in names if name.strip()))


def find_by_name(client: SparqlClient, entities: Iterable[LinkEntity]) -> list[Candidate]:
    """Items whose label or alias is exactly one of the entities' names, searched kind by kind."""
    found: dict[tuple[str, str], Candidate] = {}
    by_kind: dict[str, list[LinkEntity]] = {}
    for entity in entities:
        if PROFILES[entity.kind].search:
            by_kind.setdefault(entity.kind, []).append(entity)
    for kind, members in sorted(by_kind.items()):
        profile = PROFILES[kind]
        owners: dict[str, list[LinkEntity]] = {}
        for entity in members:
            for name in searchable_names(entity):
                owners.setdefault(name, []).append(entity)
        for batch in _batches(sorted(owners), NAME_BATCH):
            names = " ".join(string_literal(name, language) for name in batch for language in LABEL_LANGUAGES)
            query = wikidata_query(profile.search, names=names, classes=" ".join(item(q) for q in profile.classes))
            for binding in client.select(query):
                qid = qid_of(binding["item"]["value"])
                name = binding["name"]["value"]
                if qid is None:
                    continue
                label = binding.get("label", {}).get("value", name)
                for entity in owners.get(name, []):
                    key = (entity.entity, qid)
                    method = binding["matchedBy"]["value"]
                    previous = found.get(key)
                    if previous is None or (previous.method == "alias" and method == "label"):
                        found[key] = Candidate(entity, qid, label, method, matched_name=name)
    return list(found.values())


def find_candidates(client: SparqlClient, entities: list[LinkEntity]) -> list[Candidate]:
    """Sitelink candidates, then name candidates for the entities no sitelink found."""
    by_sitelink = find_by_sitelink(client, entities)
    found = {candidate.entity.entity for candidate in by_sitelink}
    return by_sitelink + find_by_name(client, [entity for entity in entities if entity.entity not in found])
