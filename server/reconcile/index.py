"""The in-memory index the reconciliation service answers from, built once per app from two named queries.

Reconciliation must compare a spreadsheet's names without accents, case or punctuation ('Leon', 'U de G'): a SPARQL
REGEX per request would scan every label each time. Instead every name (label, alias, name as written in an article)
is folded once into a dictionary (exact lookups) and a token index (partial lookups), and the property values a query
may constrain (a player's clubs, a club's cities…) are kept with each entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph

from ascenso_kg.linking.folded_names import fold

from .schema import PROPERTIES, TYPES

WIKIDATA_RELATION = "wikidata"  # reconcile-relations.rq's name for the build's owl:sameAs to a Wikidata item
WIKIDATA_SPACE = "http://www.wikidata.org/entity/"  # the identifier space of the QIDs a candidate carries


@dataclass(frozen=True)
class Name:
    text: str
    folded: str
    tokens: tuple[str, ...]
    how: str  # label, alias or written (as an article wrote it)


@dataclass
class Entry:
    id: str  # the IRI without the identifier space: 'club/necaxa'
    iri: str
    type: str
    names: list[Name] = field(default_factory=list)
    related: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # property -> ids or literals
    description: str = ""
    wikidata: set[str] = field(default_factory=set)  # QIDs of the build's owl:sameAs links (reviewed rows only)
    _display: tuple[int, str] | None = None

    @property
    def name(self) -> str:
        return self._display[1] if self._display else self.id

    def offer_display_name(self, text: str, rank: int) -> None:
        """Keep the best display name: an English or untagged label beats a Spanish one, a label beats an alias."""
        if self._display is None or (rank, text) < self._display:
            self._display = (rank, text)


class ReconcileIndex:
    def __init__(self, identifier_space: str):
        self.identifier_space = identifier_space
        self.entries: dict[str, Entry] = {}
        self.exact: dict[str, set[str]] = defaultdict(set)  # folded name -> entry ids
        self.by_token: dict[str, set[str]] = defaultdict(set)  # word of a folded name -> entry ids
        self._value_names: dict[tuple[str, str], frozenset[str]] = {}

    # Building -------------------------------------------------------------------------------------------------
    def id_of(self, iri: str) -> str:
        return iri.removeprefix(self.identifier_space)

    def add_name(self, iri: str, type_id: str, text: str, how: str, language: str) -> None:
        entry = self.entries.setdefault(self.id_of(iri), Entry(self.id_of(iri), iri, type_id))
        folded = fold(text)
        if not folded or any(name.folded == folded and name.how == how for name in entry.names):
            return
        entry.names.append(Name(text, folded, tuple(folded.split()), how))
        rank = {"label": 0, "alias": 2, "written": 3}[how] + (1 if language not in ("", "en") else 0)
        entry.offer_display_name(text, rank)
        self.exact[folded].add(entry.id)
        for token in folded.split():
            self.by_token[token].add(entry.id)

    def add_relation(self, iri: str, property_id: str, value: str, value_is_iri: bool) -> None:
        entry = self.entries.get(self.id_of(iri))
        if entry is not None and property_id == WIKIDATA_RELATION and value.startswith(WIKIDATA_SPACE):
            entry.wikidata.add(value.removeprefix(WIKIDATA_SPACE))
            return
        if entry is not None and property_id in PROPERTIES:
            entry.related[property_id].add(self.id_of(value) if value_is_iri else value)

    def finish(self) -> "ReconcileIndex":
        for entry in self.entries.values():
            entry.names.sort(key=lambda name: ({"label": 0, "alias": 1, "written": 2}[name.how], name.text))
            entry.description = self._describe(entry)
        return self

    def _describe(self, entry: Entry) -> str:
        """'player · Necaxa · MEX': enough to tell namesakes apart in a candidate list."""
        parts = [TYPES[entry.type].name if entry.type in TYPES else entry.type.lower()]
        for property_id in ("club", "city", "nationality"):
            values = entry.related.get(property_id)
            if values:
                parts.append(", ".join(sorted(self.display(value) for value in values)))
        parts += [f"Wikidata {qid}" for qid in sorted(entry.wikidata)]
        return " · ".join(parts)

    # Reading --------------------------------------------------------------------------------------------------
    def display(self, value: str) -> str:
        """An entry id as its name; a literal as itself."""
        entry = self.entries.get(value)
        return entry.name if entry else value

    def lookup(self, given: str) -> Entry | None:
        """An entry by its id or its full IRI."""
        return self.entries.get(given.strip().removeprefix(self.identifier_space))

    def value_names(self, entry: Entry, property_id: str) -> frozenset[str]:
        """Everything a query may give for this property of this entry, folded: the ids of the related entries, all
        their names, and literal values."""
        key = (entry.id, property_id)
        if key not in self._value_names:
            names = set()
            for value in entry.related.get(property_id, ()):
                names.add(value)
                related = self.entries.get(value)
                if related is not None:
                    names.update(name.folded for name in related.names)
                else:
                    names.add(fold(value))
            self._value_names[key] = frozenset(names)
        return self._value_names[key]

    def __len__(self) -> int:
        return len(self.entries)


def build_index(identifier_space: str, names, relations) -> ReconcileIndex:
    """The index from the rows of reconcile-names.rq and reconcile-relations.rq (dicts of pyoxigraph terms)."""
    index = ReconcileIndex(identifier_space)
    for row in names:
        index.add_name(row["entity"].value, row["type"].value, row["name"].value, row["how"].value,
                       row["language"].value if "language" in row else "")
    for row in relations:
        value = row["value"]
        index.add_relation(row["entity"].value, row["property"].value, value.value,
                           isinstance(value, pyoxigraph.NamedNode))
    return index.finish()
