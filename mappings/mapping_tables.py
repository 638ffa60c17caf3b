"""Load the mapping tables in ``mappings/tables/``: the knowledge that turns article text into graph terms.

Names, headings, column headers, prose and rule patterns live in small CSV files so that a name fix is a row in a
table, never an ``if`` in the code. One loader reads them all, compiles every pattern and checks every reference
(an alias to an unknown club, a column to an unknown field, a bad regular expression), naming the file and line of
a bad row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ascenso_kg.resources import MAPPING_TABLES_DIR

_ONTOLOGY_CHANGE_KINDS = {
    "Promotion", "Relegation", "Rebranding", "Relocation", "Dissolution", "Suspension", "FranchisePurchase",
    "ImageChange",
}
_HEADING_ROLES = {
    "changes", "stadia", "tournament", "liguilla", "promotion_final", "round", "leg", "standings", "top_scorers",
    "relegation", "entries", "rules", "results", "matchday",
}
_PROSE_MEANINGS = {"season_dates", "tournament_dates", "updated_on", "sort_rule", "tie_note", "skip"}
_RULE_FIELDS = {
    "legs", "away_goals", "tie_break", "qualifiers", "byes", "reseeded", "higher_seed_hosts_second_leg",
    "winner_to_promotion_final",
}
_INFOBOX_FIELDS = {
    "competition_name", "winners", "promoted", "relegated", "season_name", "previous_season", "next_season",
    "qualifiers", "skip", "dates",
}
INFOBOX_SHAPES = {"clubs", "count", "scorers", "matches", "run", "attendance", "continental_cup", "continental_qualifiers",
                  "tournament"}


class MappingTableError(ValueError):
    """A bad row in a mapping table; the message names the file and line."""


@dataclass(frozen=True)
class Alias:
    target: str
    scope: str | None  # "article-id:line" for a name that means something else at one place


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    value: str
    argument: str = ""
    note: str = ""


@dataclass(frozen=True)
class Link:
    """A row of links.csv: an entity of the graph and its English Wikipedia article, with the evidence."""

    kind: str
    id: str
    enwiki_url: str
    evidence: str
    line: int


LINK_KINDS = ("club", "stadium", "city", "competition", "season", "liguilla")


@dataclass(frozen=True)
class WikidataLink:
    """A row of wikidata.csv: an entity of the graph (``kind/id``), a Wikidata item proposed for it by
    ``ascenso-kg link`` (or added by hand), how it was found, its score and whether a person reviewed it."""

    kind: str
    id: str
    qid: str
    label: str
    method: str  # sitelink, label, alias (found by ascenso-kg link); manual or dataset (added by a person; dataset:
    # the item was found in a public data file pairing it with its label, named in the note)
    score: float
    reviewed: str  # "yes": a person confirmed it; "no": a person rejected it; "": nobody has looked yet
    note: str
    line: int

    @property
    def entity(self) -> str:
        return f"{self.kind}/{self.id}"

    @property
    def accepted(self) -> bool:
        """Whether the build asserts ``owl:sameAs`` the item: a person confirmed it, or the item's own English
        Wikipedia sitelink is the entity's article and its type fits (score 1), and nobody rejected it."""
        if self.reviewed == "no":
            return False
        return self.reviewed == "yes" or (self.method == "sitelink" and self.score == 1.0)


WIKIDATA_KINDS = (*LINK_KINDS, "player")
WIKIDATA_METHODS = ("sitelink", "label", "alias", "manual", "dataset")
WIKIDATA_REVIEWS = ("", "yes", "no")
WIKIDATA_COLUMNS = ("entity", "qid", "label", "method", "score", "reviewed", "note")
_QID = re.compile(r"Q[1-9][0-9]*")


@dataclass
class MappingTables:
    clubs: dict[str, str] = field(default_factory=dict)  # id -> canonical name
    club_aliases: dict[str, list[Alias]] = field(default_factory=dict)
    stadiums: dict[str, str] = field(default_factory=dict)
    stadium_aliases: dict[str, str] = field(default_factory=dict)
    city_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (id, name)
    competitions: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (id, name)
    rounds: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # id -> (en, es, order)
    headings: list[Pattern] = field(default_factory=list)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # table kind -> header -> field
    column_patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    table_kinds: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # kind -> fields its header names
    field_types: dict[str, str] = field(default_factory=dict)
    infobox_keys: dict[tuple[str, str], str] = field(default_factory=dict)  # (article kind or "*", key) -> field
    infobox_fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (shape, ontology property)
    infobox_notes: dict[tuple[str, str], str] = field(default_factory=dict)  # why a skipped key is skipped
    article_kinds: list[Pattern] = field(default_factory=list)
    rules: list[Pattern] = field(default_factory=list)
    prose: list[Pattern] = field(default_factory=list)
    states: frozenset[str] = frozenset()  # Mexico's federal entities, written after a city ('Guadalajara, Jalisco')
    skipped_tables: list[Pattern] = field(default_factory=list)  # header patterns of tables with no place in the model
    change_kinds: list[Pattern] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    wikidata_links: list[WikidataLink] = field(default_factory=list)

    def default_columns(self, table_kind: str) -> list[str]:
        """The fields of a table kind in the order its columns usually come."""
        return list(dict.fromkeys(self.columns.get(table_kind, {}).values()))


def _rows(path: Path, required: tuple[str, ...]):
    """Yield (line number, row) of a CSV file, checking its header."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise MappingTableError(f"{path.name}:1: missing columns {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items() if key}


def _compile(path: Path, line: int, text: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(text, flags)
    except re.error as error:
        raise MappingTableError(f"{path.name}:{line}: bad pattern {text!r}: {error}") from None


def _check(condition: bool, path: Path, line: int, message: str) -> None:
    if not condition:
        raise MappingTableError(f"{path.name}:{line}: {message}")


def load_tables(directory: Path = MAPPING_TABLES_DIR) -> MappingTables:
    tables = MappingTables()
    path = directory / "clubs.csv"
    for line, row in _rows(path, ("id", "name")):
        _check(row["id"] not in tables.clubs, path, line, f"club {row['id']!r} listed twice")
        tables.clubs[row["id"]] = row["name"]
    path = directory / "club_aliases.csv"
    for line, row in _rows(path, ("alias", "club", "scope")):
        _check(row["club"] in tables.clubs, path, line, f"unknown club {row['club']!r} (not in clubs.csv)")
        tables.club_aliases.setdefault(row["alias"], []).append(Alias(row["club"], row["scope"] or None))
    path = directory / "stadiums.csv"
    for line, row in _rows(path, ("id", "name")):
        tables.stadiums[row["id"]] = row["name"]
    path = directory / "stadium_aliases.csv"
    for line, row in _rows(path, ("alias", "stadium")):
        _check(row["stadium"] in tables.stadiums, path, line, f"unknown stadium {row['stadium']!r}")
        tables.stadium_aliases[row["alias"]] = row["stadium"]
    for line, row in _rows(directory / "city_aliases.csv", ("alias", "city", "name")):
        tables.city_aliases[row["alias"]] = (row["city"], row["name"])
    for line, row in _rows(directory / "competitions.csv", ("alias", "competition", "name")):
        tables.competitions[row["alias"]] = (row["competition"], row["name"])
    path = directory / "rounds.csv"
    for line, row in _rows(path, ("round", "label_en", "label_es", "order")):
        _check(row["order"].isdigit(), path, line, "order must be a whole number")
        tables.rounds[row["round"]] = (row["label_en"], row["label_es"], int(row["order"]))
    path = directory / "headings.csv"
    for line, row in _rows(path, ("pattern", "role", "argument")):
        _check(row["role"] in _HEADING_ROLES, path, line, f"unknown role {row['role']!r}")
        _check(row["role"] != "round" or row["argument"] in tables.rounds, path, line, "unknown round")
        tables.headings.append(Pattern(_compile(path, line, row["pattern"]), row["role"], row["argument"]))
    path = directory / "fields.csv"
    for line, row in _rows(path, ("field", "type")):
        tables.field_types[row["field"]] = row["type"]
    path = directory / "columns.csv"
    for line, row in _rows(path, ("table", "header", "field")):
        _check(row["field"] in tables.field_types, path, line, f"unknown field {row['field']!r} (not in fields.csv)")
        tables.columns.setdefault(row["table"], {})[row["header"]] = row["field"]
    path = directory / "column_patterns.csv"
    for line, row in _rows(path, ("table", "pattern", "field")):
        _check(row["field"] in tables.field_types, path, line, f"unknown field {row['field']!r}")
        tables.column_patterns.setdefault(row["table"], []).append(
            Pattern(_compile(path, line, row["pattern"]), row["field"])
        )
    path = directory / "table_kinds.csv"
    for line, row in _rows(path, ("table", "requires")):
        required = frozenset(row["requires"].split())
        _check(required <= tables.field_types.keys(), path, line, f"unknown field in {row['requires']!r}")
        tables.table_kinds.append((row["table"], required))
    path = directory / "infobox_fields.csv"
    for line, row in _rows(path, ("field", "shape", "property")):
        _check(row["shape"] in INFOBOX_SHAPES, path, line, f"unknown infobox value shape {row['shape']!r}")
        _check(row["field"] not in _INFOBOX_FIELDS, path, line, f"field {row['field']!r} is read by its own code")
        _check(re.fullmatch(r"[a-z][A-Za-z]*", row["property"]) is not None, path, line,
               f"property must be an ontology term's local name: {row['property']!r}")
        tables.infobox_fields[row["field"]] = (row["shape"], row["property"])
    path = directory / "infobox_keys.csv"
    for line, row in _rows(path, ("article_kind", "key", "field")):
        _check(row["field"] in _INFOBOX_FIELDS or row["field"] in tables.infobox_fields, path, line,
               f"unknown infobox field {row['field']!r} (not in infobox_fields.csv)")
        _check(row["field"] != "skip" or bool(row.get("note")), path, line, "a skipped key needs its reason (note)")
        key = (row["article_kind"], row["key"].lower())
        _check(key not in tables.infobox_keys, path, line, f"key {row['key']!r} listed twice for {row['article_kind']}")
        tables.infobox_keys[key] = row["field"]
        tables.infobox_notes[key] = row.get("note", "")
    path = directory / "article_kinds.csv"
    for line, row in _rows(path, ("pattern", "kind")):
        tables.article_kinds.append(Pattern(_compile(path, line, row["pattern"], 0), row["kind"]))
    path = directory / "rules.csv"
    for line, row in _rows(path, ("pattern", "field", "value")):
        _check(row["field"] in _RULE_FIELDS, path, line, f"unknown rule field {row['field']!r}")
        tables.rules.append(Pattern(_compile(path, line, row["pattern"]), row["field"], row["value"]))
    path = directory / "prose.csv"
    for line, row in _rows(path, ("pattern", "meaning", "reason")):
        _check(row["meaning"] in _PROSE_MEANINGS, path, line, f"unknown meaning {row['meaning']!r}")
        tables.prose.append(Pattern(_compile(path, line, row["pattern"]), row["meaning"], note=row["reason"]))
    path = directory / "states.csv"
    tables.states = frozenset(row["state"] for _, row in _rows(path, ("state",)))
    path = directory / "skipped_tables.csv"
    for line, row in _rows(path, ("header", "reason")):
        _check(bool(row["reason"]), path, line, "every skipped table needs its reason")
        tables.skipped_tables.append(Pattern(_compile(path, line, row["header"]), "skip", note=row["reason"]))
    path = directory / "change_kinds.csv"
    for line, row in _rows(path, ("pattern", "kind")):
        _check(row["kind"] in _ONTOLOGY_CHANGE_KINDS, path, line, f"unknown change kind {row['kind']!r}")
        tables.change_kinds.append(Pattern(_compile(path, line, row["pattern"]), row["kind"]))
    path = directory / "links.csv"
    for line, row in _rows(path, ("kind", "id", "enwiki_url", "evidence")):
        _check(row["kind"] in LINK_KINDS, path, line, f"unknown kind {row['kind']!r}")
        _check(row["enwiki_url"].startswith("https://en.wikipedia.org/wiki/"), path, line,
               "enwiki_url must be an English Wikipedia article URL")
        _check(bool(row["evidence"]), path, line, "every link needs its evidence")
        tables.links.append(Link(row["kind"], row["id"], row["enwiki_url"], row["evidence"], line))
    tables.wikidata_links = load_wikidata_links(directory / "wikidata.csv")
    return tables


def load_wikidata_links(path: Path) -> list[WikidataLink]:
    """The rows of a Wikidata links table (``mappings/tables/wikidata.csv``); a missing file has none."""
    if not path.exists():
        return []
    rows = []
    for line, row in _rows(path, WIKIDATA_COLUMNS):
        kind, _, entity_id = row["entity"].partition("/")
        _check(kind in WIKIDATA_KINDS and bool(entity_id), path, line,
               f"entity must be kind/id with a kind of {', '.join(WIKIDATA_KINDS)}: {row['entity']!r}")
        _check(_QID.fullmatch(row["qid"]) is not None, path, line, f"not a Wikidata item id: {row['qid']!r}")
        _check(row["method"] in WIKIDATA_METHODS, path, line, f"unknown method {row['method']!r}")
        _check(row["reviewed"] in WIKIDATA_REVIEWS, path, line, "reviewed must be yes, no or empty")
        _check(row["method"] != "manual" or row["reviewed"] == "yes", path, line,
               "a row added by hand (method manual) must be reviewed: yes")
        # a data set's pairing is only evidence: the row records the reviewer's decision either way
        _check(row["method"] != "dataset" or row["reviewed"] in ("yes", "no"), path, line,
               "a row found in a data set (method dataset) must be reviewed: yes or no")
        _check(row["method"] != "dataset" or bool(row["note"].strip()), path, line,
               "a row found in a data set (method dataset) must name that source in its note")
        try:
            score = float(row["score"])
        except ValueError:
            score = -1.0
        _check(0.0 <= score <= 1.0, path, line, f"score must be a number from 0 to 1: {row['score']!r}")
        rows.append(WikidataLink(kind, entity_id, row["qid"], row["label"], row["method"], score, row["reviewed"],
                                 row["note"], line))
    return rows


@lru_cache(maxsize=1)
def default_tables() -> MappingTables:
    return load_tables()
