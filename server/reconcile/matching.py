"""Scoring reconciliation candidates: names first, then the property constraints, then whether to say ``match``.

Name score (0–100), the best over the entity's names, compared folded (no accents, case or punctuation):

- 100: the query is the entity's label; 95: one of its aliases or a name an article wrote for it;
- 50–89: every word of the query is a word of the name, or the reverse, scaled by how much of it they cover;
- below 80: a close spelling, for typing slips ('nexaca' for Necaxa): 80 × the similarity of the two spellings,
  the better of RapidFuzz's Indel ratio (≥ 0.75) and Jaro–Winkler (≥ 0.9, for swapped letters, between names of
  similar length). A close spelling is a candidate to review, never ``match``.

Season names are read in any form people write them: '2012-13', '2012–13', '2012/13' and '2012-2013' all name the
2012–13 season (each season's short name is one of its aliases).

Each property constraint the entity does not satisfy takes 25 points off. ``match`` is true for a candidate only
when its name is exact (label or alias), it satisfies every constraint, and no other candidate does the same: two
players called Diego Jiménez at two clubs are never matched on the name alone, but are once the club is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from ascenso_kg.linking.folded_names import fold

from .index import Entry, ReconcileIndex
from .schema import TYPES

LABEL = 100.0
ALIAS = 95.0
EXACT_ENOUGH = ALIAS  # names scoring at least this count as exact for ``match``
CONSTRAINT_PENALTY = 25.0
FUZZY = 80.0  # a close spelling scores at most this, below every exact name
FUZZY_FLOOR = 0.75  # Indel similarity (RapidFuzz's ratio, as difflib's) of a close spelling
TRANSPOSED_FLOOR = 0.9  # Jaro–Winkler similarity of a close spelling with swapped letters
SIMILAR_LENGTH = 0.75  # Jaro–Winkler is trusted only between names of about the same length
# A season as people write it, folded: '2012 13', '2012 2013' (from 2012-13, 2012–13, 2012/13, 2012-2013).
_SEASON = re.compile(r"\b(\d{4}) (\d{4}|\d{2})\b")


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


def season_form(folded: str) -> str:
    """'2012 2013' → '2012 13' (the form a season's folded short name has); any other text unchanged."""
    def short(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        if len(second) == 4 and int(second) == int(first) + 1:
            second = second[2:]
        return f"{first} {second}"

    return _SEASON.sub(short, folded)


def spelling_similarity(ours: str, theirs: str) -> float:
    """How close two folded spellings are (0–1), or 0 when they are not close enough to be a typing slip."""
    ratio = fuzz.ratio(ours, theirs) / 100
    best = ratio if ratio >= FUZZY_FLOOR else 0.0
    if min(len(ours), len(theirs)) >= SIMILAR_LENGTH * max(len(ours), len(theirs)):
        transposed = JaroWinkler.normalized_similarity(ours, theirs)
        if transposed >= TRANSPOSED_FLOOR:
            best = max(best, transposed)
    return best


def name_score(query: str, entry: Entry) -> float:
    folded = season_form(fold(query))
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
            similarity = spelling_similarity(folded, name.folded)
            if similarity:
                best = max(best, min(FUZZY * similarity, FUZZY - 0.1))
    return round(best, 1)


def _pool(index: ReconcileIndex, query: str) -> set[str]:
    """Entries worth scoring: those sharing the exact name or a word with the query; failing that, all of them
    (a misspelt single word shares nothing, and the index is small enough to scan then)."""
    folded = season_form(fold(query))
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
