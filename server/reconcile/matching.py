"""Scoring reconciliation candidates: names first, then the property constraints, then whether to say ``match``.

Name score (0–100), the best over the entity's names, compared folded (no accents, case or punctuation):

- 100: the query is the entity's label; 95: one of its aliases or a name an article wrote for it;
- 50–89: every word of the query is a word of the name, or the reverse, scaled by how much of it they cover;
- below 80: a close spelling (difflib ratio ≥ 0.75), for typing slips.

Each property constraint the entity does not satisfy takes 25 points off. ``match`` is true for a candidate only
when its name is exact (label or alias), it satisfies every constraint, and no other candidate does the same: two
players called Diego Jiménez at two clubs are never matched on the name alone, but are once the club is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ascenso_kg.linking.names import fold

from .index import Entry, ReconcileIndex
from .schema import TYPES

LABEL = 100.0
ALIAS = 95.0
EXACT_ENOUGH = ALIAS  # names scoring at least this count as exact for ``match``
CONSTRAINT_PENALTY = 25.0
FUZZY_FLOOR = 0.75


@dataclass(frozen=True)
class Constraint:
    property_id: str
    values: tuple[str, ...]  # ids or names, as the query gave them


@dataclass(frozen=True)
class ReconQuery:
    text: str
    types: tuple[str, ...] = ()
    limit: int = 10
    constraints: tuple[Constraint, ...] = ()


@dataclass
class Scored:
    entry: Entry
    name_score: float
    constraints: dict[str, bool] = field(default_factory=dict)
    match: bool = False

    @property
    def satisfies_all(self) -> bool:
        return all(self.constraints.values())

    @property
    def score(self) -> float:
        unmet = sum(not met for met in self.constraints.values())
        return max(0.0, self.name_score - CONSTRAINT_PENALTY * unmet)


def name_score(query: str, entry: Entry) -> float:
    folded = fold(query)
    words = set(folded.split())
    best = 0.0
    for name in entry.names:
        if name.folded == folded:
            return LABEL if name.how == "label" else max(best, ALIAS)
        theirs = set(name.tokens)
        if words and words <= theirs:
            best = max(best, 60.0 + 29.0 * len(words) / len(theirs))
        elif theirs and theirs <= words:
            best = max(best, 50.0 + 29.0 * len(theirs) / len(words))
        else:
            ratio = SequenceMatcher(None, folded, name.folded).ratio()
            if ratio >= FUZZY_FLOOR:
                best = max(best, 80.0 * ratio)
    return round(best, 1)


def _pool(index: ReconcileIndex, query: str) -> set[str]:
    """Entries worth scoring: those sharing the exact name or a word with the query; failing that, all of them
    (a misspelt single word shares nothing, and the index is small enough to scan then)."""
    folded = fold(query)
    pool = set(index.exact.get(folded, ()))
    for word in folded.split():
        pool |= index.by_token.get(word, set())
    return pool or set(index.entries)


def satisfies(index: ReconcileIndex, entry: Entry, constraint: Constraint) -> bool:
    known = index.value_names(entry, constraint.property_id)
    return any(value.removeprefix(index.identifier_space) in known or fold(value) in known
               for value in constraint.values)


def reconcile(index: ReconcileIndex, query: ReconQuery) -> list[Scored]:
    """The best ``query.limit`` candidates, best first, with ``match`` decided."""
    types = set(query.types) or set(TYPES)
    direct = index.lookup(query.text) if query.text else None
    if direct is not None and direct.type in types:
        pool, scores = {direct.id}, {direct.id: LABEL}
    elif query.text:
        pool = {entry_id for entry_id in _pool(index, query.text) if index.entries[entry_id].type in types}
        scores = {entry_id: name_score(query.text, index.entries[entry_id]) for entry_id in pool}
    else:  # properties only: every entity of the types is a candidate, ranked by the constraints it meets
        pool = {entry_id for entry_id, entry in index.entries.items() if entry.type in types}
        scores = dict.fromkeys(pool, EXACT_ENOUGH)
    scored = []
    for entry_id in pool:
        if scores[entry_id] <= 0:
            continue
        entry = index.entries[entry_id]
        checks = {c.property_id: satisfies(index, entry, c) for c in query.constraints}
        candidate = Scored(entry, scores[entry_id], checks)
        if query.text or candidate.satisfies_all:
            scored.append(candidate)
    scored.sort(key=lambda c: (-c.score, -c.name_score, c.entry.name, c.entry.id))
    decisive = [c for c in scored if c.name_score >= EXACT_ENOUGH and c.satisfies_all]
    if len(decisive) == 1:
        decisive[0].match = True
    return scored[:query.limit]
