"""Suggest services (Reconciliation Service API 0.2, §6): auto-completion of entities, types and properties.

Entities are suggested by prefix, compared folded: a name that starts with the prefix ranks first (labels before
aliases), then names with a word that starts with it. An entity id or IRI given as prefix returns that entity.
"""

from __future__ import annotations

from ascenso_kg.linking.folded_names import fold

from .index import Entry, ReconcileIndex
from .schema import PROPERTIES, TYPES, type_id

PAGE = 10


def _page(items: list, cursor: int) -> list:
    return items[cursor:cursor + PAGE]


def suggest_entities(index: ReconcileIndex, prefix: str, cursor: int = 0, type_given: str | None = None) -> list[dict]:
    wanted = type_id(type_given) if type_given else None
    direct = index.lookup(prefix) if prefix.strip() else None
    folded = fold(prefix)
    ranked: list[tuple[int, str, Entry]] = []
    for entry in index.entries.values():
        if entry.type not in TYPES or (wanted and entry.type != wanted):
            continue
        if entry is direct:
            ranked.append((-1, entry.name, entry))
            continue
        if not folded:
            continue
        ranks = [0 if name.how == "label" else 1 for name in entry.names if name.folded.startswith(folded)]
        ranks += [2 for name in entry.names if any(token.startswith(folded) for token in name.tokens)]
        if ranks:
            ranked.append((min(ranks), entry.name, entry))
    ranked.sort(key=lambda item: (item[0], fold(item[1]), item[2].id))
    return [{"id": entry.id, "name": entry.name, "description": entry.description,
             "notable": [{"id": entry.type, "name": TYPES[entry.type].name}]}
            for _, _, entry in _page(ranked, cursor)]


def _matches(prefix: str, *texts: str) -> bool:
    folded = fold(prefix)
    return not folded or any(fold(text).startswith(folded) or f" {folded}" in f" {fold(text)}" for text in texts)


def suggest_types(prefix: str, cursor: int = 0) -> list[dict]:
    found = [{"id": t.id, "name": t.name, "description": t.description}
             for t in TYPES.values() if _matches(prefix, t.id, t.name)]
    return _page(found, cursor)


def suggest_properties(prefix: str, cursor: int = 0, type_given: str | None = None) -> list[dict]:
    wanted = type_id(type_given) if type_given else None
    found = [{"id": p.id, "name": p.name, "description": p.description}
             for p in PROPERTIES.values()
             if _matches(prefix, p.id, p.name) and (wanted is None or wanted in p.types)]
    return _page(found, cursor)
