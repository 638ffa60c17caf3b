"""Reading reconciliation query batches and writing result batches (Reconciliation Service API 0.2, §4).

A batch is a JSON object of queries by key: ``{"q0": {"query": "León", "type": "Club", "limit": 3,
"properties": [{"pid": "city", "v": "León"}], "type_strict": "should"}}``. ``type`` may be one id or a list; a
property's ``v`` one value or a list, each a string, a number, a boolean or an entity ``{"id": …, "name": …}``.
``type_strict`` is accepted and ignored: the types given always restrict the candidates.
"""

from __future__ import annotations

import json

from .index import WIKIDATA_SPACE, ReconcileIndex
from .matching import Constraint, ReconQuery, Scored
from .schema import TYPES, property_id, type_id

MAX_BATCH = 100
MAX_LIMIT = 100
DEFAULT_LIMIT = 10


class BadBatch(ValueError):
    """A batch the service cannot read; the message says which query and why."""


class TooLarge(Exception):
    """More queries in one batch than the manifest's batchSize."""

    def __init__(self, size: int):
        super().__init__(f"{size} queries in one batch; at most {MAX_BATCH}")
        self.size = size


def _types(key: str, given) -> tuple[str, ...]:
    if given is None:
        return ()
    names = [given] if isinstance(given, str) else given
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise BadBatch(f"query {key}: type must be a type id or a list of them")
    known = []
    for name in names:
        found = type_id(name)
        if found is None:
            raise BadBatch(f"query {key}: unknown type {name!r}; the types are {', '.join(TYPES)}")
        known.append(found)
    return tuple(known)


def _value_texts(key: str, values) -> tuple[str, ...]:
    values = values if isinstance(values, list) else [values]
    texts = []
    for value in values:
        if isinstance(value, dict):
            if not isinstance(value.get("id"), str):
                raise BadBatch(f"query {key}: an entity value needs an id")
            texts.append(value["id"])
            if isinstance(value.get("name"), str):
                texts.append(value["name"])
        elif isinstance(value, bool):
            texts.append("true" if value else "false")
        elif isinstance(value, (str, int, float)):
            texts.append(str(value))
        else:
            raise BadBatch(f"query {key}: a property value must be a string, number, boolean or entity")
    return tuple(texts)


def _constraints(key: str, given) -> tuple[Constraint, ...]:
    if given is None:
        return ()
    if not isinstance(given, list):
        raise BadBatch(f"query {key}: properties must be a list of {{pid, v}} objects")
    constraints = []
    for item in given:
        if not isinstance(item, dict) or not isinstance(item.get("pid"), str) or "v" not in item:
            raise BadBatch(f"query {key}: each property needs a pid and a v")
        known = property_id(item["pid"])
        if known is None:
            raise BadBatch(f"query {key}: unknown property {item['pid']!r}")
        constraints.append(Constraint(known, _value_texts(key, item["v"])))
    return tuple(constraints)


def parse_query(key: str, query) -> ReconQuery:
    if not isinstance(query, dict):
        raise BadBatch(f"query {key} must be an object")
    text = query.get("query", "")
    if not isinstance(text, str):
        raise BadBatch(f"query {key}: query must be a string")
    limit = query.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit < 1 or limit != int(limit):
        raise BadBatch(f"query {key}: limit must be a positive whole number")
    constraints = _constraints(key, query.get("properties"))
    if not text.strip() and not constraints:
        raise BadBatch(f"query {key} needs a query string or properties")
    return ReconQuery(text.strip(), _types(key, query.get("type")), min(int(limit), MAX_LIMIT), constraints)


def parse_batch(raw: str) -> dict[str, ReconQuery]:
    try:
        batch = json.loads(raw)
    except ValueError as error:
        raise BadBatch(f"queries is not JSON: {error}") from None
    if not isinstance(batch, dict):
        raise BadBatch("queries must be a JSON object of queries by key")
    if len(batch) > MAX_BATCH:
        raise TooLarge(len(batch))
    return {key: parse_query(key, query) for key, query in batch.items()}


def render_candidate(index: ReconcileIndex, candidate: Scored) -> dict:
    entry = candidate.entry
    features = [{"id": "name", "value": candidate.name_score}]
    features += [{"id": f"property:{pid}", "value": met} for pid, met in candidate.constraints.items()]
    found = {
        "id": entry.id,
        "name": entry.name,
        "description": entry.description,
        "type": [{"id": entry.type, "name": TYPES[entry.type].name}],
        "score": round(candidate.score, 1),
        "features": features,
        "match": candidate.match,
    }
    if entry.wikidata:
        # The API gives a candidate one id in the service's identifier space; the same entity's Wikidata items (the
        # build's reviewed owl:sameAs links) follow as additional identifiers, each with its own identifier space.
        found["sameAs"] = [{"id": qid, "identifierSpace": WIKIDATA_SPACE} for qid in sorted(entry.wikidata)]
    return found
