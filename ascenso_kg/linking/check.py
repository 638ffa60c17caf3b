"""The link check: do the table's Wikidata identifiers still name items of the expected type?

Wikidata items get merged (the old QID becomes a redirect, which the Query Service shows as ``wd:Qold owl:sameAs
wd:Qnew``), deleted (the Query Service then knows nothing about the QID), or retyped. Each row a reviewer has not
rejected is checked:

- ``redirect``: replace the QID by its target (and review again);
- ``deleted``: the endpoint has no statement about the QID;
- ``incompatible type``: the item is not an instance (or subclass instance) of the class its kind needs (a club must be
  an association football club, a player a human...). Kinds whose items are only reached through their own article
  (competitions, seasons, Liguillas) are not type-checked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ascenso_kg.mappings.mapping_tables import WikidataLink

from .client import SparqlClient
from .wikidata import PROFILES, describe_classes, item, qid_of, wikidata_query

CHECK_BATCH = 100


@dataclass(frozen=True)
class LinkFinding:
    row: WikidataLink
    problem: str  # redirect, deleted, incompatible type
    detail: str

    def render(self, table_name: str) -> str:
        return f"{table_name}:{self.row.line}: {self.row.entity} {self.row.qid}: {self.problem}: {self.detail}"


@dataclass
class ItemState:
    exists: bool = False
    redirect: str | None = None
    classes: set[str] = field(default_factory=set)  # which of the checked classes it is an instance of


def _states(client: SparqlClient, qids: list[str], classes: list[str]) -> dict[str, ItemState]:
    states: dict[str, ItemState] = defaultdict(ItemState)
    for start in range(0, len(qids), CHECK_BATCH):
        batch = qids[start:start + CHECK_BATCH]
        query = wikidata_query("check", items=" ".join(item(qid) for qid in batch),
                               classes=" ".join(item(qid) for qid in classes))
        for binding in client.select(query):
            qid = qid_of(binding["item"]["value"])
            if qid is None:
                continue
            state = states[qid]
            state.exists = state.exists or binding.get("exists", {}).get("value") == "true"
            target = qid_of(binding.get("redirect", {}).get("value", ""))
            if target and target != qid:
                state.redirect = target
            matched = qid_of(binding.get("class", {}).get("value", ""))
            if matched:
                state.classes.add(matched)
    return states


def check_links(client: SparqlClient, rows: list[WikidataLink]) -> list[LinkFinding]:
    """Findings for every row not rejected by a reviewer, in table order."""
    checked = [row for row in rows if row.reviewed != "no"]
    qids = sorted({row.qid for row in checked}, key=lambda qid: int(qid[1:]))
    classes = sorted({qid for row in checked for qid in PROFILES[row.kind].classes})
    states = _states(client, qids, classes)
    findings = []
    for row in checked:
        state = states.get(row.qid, ItemState())
        expected = PROFILES[row.kind].classes
        if not state.exists:
            findings.append(LinkFinding(row, "deleted", "the endpoint has no statement about this item"))
        elif state.redirect:
            findings.append(LinkFinding(row, "redirect", f"redirects to {state.redirect}; use that item"))
        elif expected and not state.classes & set(expected):
            findings.append(LinkFinding(row, "incompatible type",
                                        f"not an instance of {describe_classes(expected)}, as a {row.kind} must be"))
    return findings
