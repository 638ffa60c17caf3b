"""Data extension (Reconciliation Service API 0.2, §5): once a spreadsheet's rows are matched to this graph's ids,
fetch properties of those entities as new columns.

- ``propose_properties(type, limit)``: the properties an entity of a type can be extended with (§5.1);
- ``extend(index, batch)``: ``{"ids": [...], "properties": [{"id": …}]}`` → ``{"meta": [...], "rows": {...}}``
  (§5.2), answered from the graph's own statements held in the reconciliation index: entities as ``{"id", "name"}``
  in this service's identifier space, plain values as ``{"str"}``.
"""

from __future__ import annotations

import json

from .index import ReconcileIndex
from .batches import MAX_BATCH, BadBatch
from .schema import PROPERTIES, TYPES, type_id

WIKIDATA = "wikidata"  # the build's reviewed owl:sameAs links to Wikidata items, as QIDs
# The type of the entities a property links to (None: plain values).
RANGES = {"club": ("Club", "club"), "city": ("City", "city"), "stadium": ("Stadium", "stadium"),
          "season": ("Season", "season")}
DEFAULT_PROPOSALS = 10


def extension_properties(type_given: str | None) -> list[dict]:
    """The properties offered for extension, those of one type when it is given."""
    wanted = type_id(type_given) if type_given else None
    found = [{"id": p.id, "name": p.name, "description": p.description}
             for p in PROPERTIES.values() if wanted is None or wanted in p.types]
    found.append({"id": WIKIDATA, "name": "Wikidata item",
                  "description": "The Wikidata item (QID) a person reviewed as the same entity."})
    return found


def propose_properties(type_given: str | None, limit: int | None) -> dict:
    if type_given and type_id(type_given) is None:
        raise BadBatch(f"unknown type {type_given!r}; the types are {', '.join(TYPES)}")
    limit = DEFAULT_PROPOSALS if limit is None else limit
    answer = {"properties": [{"id": p["id"], "name": p["name"]} for p in extension_properties(type_given)][:limit],
              "limit": limit}
    if type_given:
        answer = {"type": type_id(type_given), **answer}
    return answer


def parse_extension(raw: str) -> tuple[list[str], list[str]]:
    """The ids and property ids of an ``extend`` request; a message naming the problem otherwise."""
    try:
        request = json.loads(raw)
    except ValueError as error:
        raise BadBatch(f"extend is not JSON: {error}") from None
    if not isinstance(request, dict):
        raise BadBatch('extend must be an object: {"ids": [...], "properties": [{"id": ...}]}')
    ids, properties = request.get("ids"), request.get("properties")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise BadBatch("extend: ids must be a list of entity ids")
    if len(ids) > MAX_BATCH:
        raise BadBatch(f"extend: {len(ids)} ids in one request; at most {MAX_BATCH}")
    if not isinstance(properties, list) or not all(isinstance(p, dict) and isinstance(p.get("id"), str)
                                                   for p in properties):
        raise BadBatch('extend: properties must be a list of {"id": ...} objects')
    known = {p["id"] for p in extension_properties(None)}
    for prop in properties:
        if prop["id"] not in known:
            raise BadBatch(f"extend: unknown property {prop['id']!r}; the properties are {', '.join(sorted(known))}")
    return ids, [p["id"] for p in properties]


def extend(index: ReconcileIndex, ids: list[str], property_ids: list[str]) -> dict:
    meta = []
    for pid in property_ids:
        if pid == WIKIDATA:
            meta.append({"id": pid, "name": "Wikidata item"})
            continue
        item = {"id": pid, "name": PROPERTIES[pid].name}
        if pid in RANGES:
            item["type"] = {"id": RANGES[pid][0], "name": RANGES[pid][1]}
        meta.append(item)
    rows = {}
    for given in ids:
        entry = index.lookup(given)
        row = {}
        for pid in property_ids:
            if entry is None:
                row[pid] = []
            elif pid == WIKIDATA:
                row[pid] = [{"str": qid} for qid in sorted(entry.wikidata)]
            else:
                row[pid] = [_cell(index, value, pid in RANGES) for value in sorted(entry.related.get(pid, ()))]
        rows[given] = row
    return {"meta": meta, "rows": rows}


def _cell(index: ReconcileIndex, value: str, links_entities: bool) -> dict:
    if links_entities and value in index.entries:
        return {"id": value, "name": index.display(value)}
    return {"str": value}
