"""Scoring candidates into the rows of the reviewable table.

Scores, from 0 to 1:

- 1.0: the item's English Wikipedia sitelink is the entity's own article and the item has the kind's type. Only these
  rows become ``owl:sameAs`` without review ("sitelink-exact").
- 0.5: a sitelink to an item of another type (an article about the town where one about its club was meant, say).
- at most 0.9 for a name match: 0.9 when our label is the item's label, 0.8 when one side's alias matches the
  other's label, 0.7 alias to alias; less when several items share the name, or one item is proposed for several of
  our entities (two players of the same name at two clubs), because then the name alone cannot tell them apart.

A name match is never accepted without a reviewer: the row says how it was found (``method``) and why it scored what
it did (``note``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .candidates import Candidate
from .folded_names import fold
from .wikidata import PROFILES, describe_classes

EXACT = 1.0
WRONG_TYPE = 0.5
AMBIGUITY_PENALTY = 0.2
FLOOR = 0.1


@dataclass(frozen=True)
class LinkRow:
    entity: str
    qid: str
    label: str
    method: str
    score: float
    note: str


def _sitelink_row(candidate: Candidate) -> LinkRow:
    expected = PROFILES[candidate.entity.kind].classes
    if not expected or candidate.classes & set(expected):
        return LinkRow(candidate.entity.entity, candidate.qid, candidate.label, "sitelink", EXACT,
                       f"English sitelink is {candidate.entity.article}")
    return LinkRow(candidate.entity.entity, candidate.qid, candidate.label, "sitelink", WRONG_TYPE,
                   f"English sitelink is {candidate.entity.article}, but the item is not an instance of "
                   f"{describe_classes(expected)}; review before accepting")


def _name_score(candidate: Candidate) -> tuple[float, str]:
    ours_is_label = fold(candidate.matched_name) in {fold(label) for label in candidate.entity.labels}
    theirs_is_label = candidate.method == "label"
    if ours_is_label and theirs_is_label:
        return 0.9, f"our label {candidate.matched_name!r} is the item's label"
    if ours_is_label or theirs_is_label:
        side = "our label" if ours_is_label else "our alias"
        return 0.8, f"{side} {candidate.matched_name!r} is the item's {'label' if theirs_is_label else 'alias'}"
    return 0.7, f"our alias {candidate.matched_name!r} is one of the item's aliases"


def score_candidates(candidates: list[Candidate]) -> list[LinkRow]:
    """One row per (entity, item). An entity with a sitelink hit keeps only its sitelink rows."""
    by_sitelink = {c.entity.entity for c in candidates if c.method == "sitelink"}
    rows = [_sitelink_row(c) for c in candidates if c.method == "sitelink"]
    by_name = [c for c in candidates if c.method != "sitelink" and c.entity.entity not in by_sitelink]
    items_per_entity: dict[str, set[str]] = defaultdict(set)
    entities_per_item: dict[str, set[str]] = defaultdict(set)
    for candidate in by_name:
        items_per_entity[candidate.entity.entity].add(candidate.qid)
        entities_per_item[candidate.qid].add(candidate.entity.entity)
    for candidate in by_name:
        score, note = _name_score(candidate)
        rivals = len(items_per_entity[candidate.entity.entity]) - 1
        if rivals:
            score -= AMBIGUITY_PENALTY
            note += f"; {rivals + 1} items share this name"
        namesakes = sorted(entities_per_item[candidate.qid] - {candidate.entity.entity})
        if namesakes:
            score -= AMBIGUITY_PENALTY
            note += f"; also proposed for {', '.join(namesakes)}"
        profile = PROFILES[candidate.entity.kind]
        where = ("a human with a football career" if candidate.entity.kind == "player"
                 else f"an instance of {describe_classes(profile.classes)} in Mexico")
        rows.append(LinkRow(candidate.entity.entity, candidate.qid, candidate.label, candidate.method,
                            round(max(FLOOR, score), 2), f"{note}; item is {where}"))
    return sorted(rows, key=lambda row: (row.entity, -row.score, row.qid))
