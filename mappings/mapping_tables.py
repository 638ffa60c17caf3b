"""Load the mapping tables in ``mappings/tables/``: the knowledge that turns article text into graph terms.

Names, headings, column headers, prose and rule patterns, and the emission rules (which property a league table's
column becomes, which classes a league table and its rows get, their English and Spanish names, how a tie decision
is written, which class a club change is) live in small CSV files, so that a fix is a row in a table, never an
``if`` in the code. Each table is declared once in :data:`TABLES` (its file, its columns with their types and
checks, its key, where its rows go); one reader (``table_reading.py``) reads them all, compiles every pattern and
checks every reference (an alias to an unknown club, a column to an unknown field, a property or class the
ontology does not declare, a bad regular expression), naming the file and line of a bad row.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ascenso_kg.resources import MAPPING_TABLES_DIR, ONTOLOGY_FILE

from .ontology_terms import ontology_terms
from .table_reading import (
    Column,
    Into,
    LoadState,
    MappingTableError,
    RowRule,
    TableDeclaration,
    filled,
    known,
    matching,
    one_of,
    ontology_class,
    ontology_individual,
    ontology_property,
    ontology_terms_written,
    pattern,
    read_table,
    words,
)

__all__ = ["MappingTableError", "MappingTables", "TABLES", "default_tables", "load_tables", "load_wikidata_links"]

# The meanings the code has a reading for: a table may only use these (a new one is code, then a row).
_HEADING_ROLES = {
    "changes", "stadia", "tournament", "liguilla", "promotion_final", "round", "leg", "standings", "top_scorers",
    "relegation", "entries", "rules", "results", "matchday",
}
# The stage kinds and the values their names may use: a Liguilla and a regular season are named by their tournament,
# the promotion final by its year.
STAGE_KINDS = {"liguilla": {"tournament"}, "regular_season": {"tournament"}, "promotion_final": {"year"}}
_OUTCOME_KINDS = ("promoted", "relegated")  # the infobox fields read as a season's outcomes
_LEAGUE_TABLE_KINDS = ("standings", "top_scorers", "relegation")  # the tables mapped as league tables
_TIE_DECISIONS = ("aggregate", "away_goals", "higher_seed", "penalties", "not_stated")  # what ties.py decides
_PROSE_MEANINGS = {"season_dates", "tournament_dates", "updated_on", "sort_rule", "tie_note", "skip"}
_RULE_FIELDS = {
    "legs", "away_goals", "tie_break", "qualifiers", "byes", "reseeded", "higher_seed_hosts_second_leg",
    "winner_to_promotion_final",
}
_INFOBOX_FIELDS = {
    "competition_name", "winners", "promoted", "relegated", "season_name", "previous_season", "next_season",
    "qualifiers", "skip", "dates",
}
_OWN_INFOBOX_FIELDS = tuple(sorted(_INFOBOX_FIELDS - {"skip"}))
INFOBOX_SHAPES = {"clubs", "count", "scorers", "matches", "run", "attendance", "continental_cup",
                  "continental_qualifiers", "tournament"}


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


@dataclass(frozen=True)
class LeagueTable:
    """A row of league_tables.csv: the classes of a league table and of its rows, and its name in labels."""

    table_class: str
    row_class: str
    name_en: str
    name_es: str


@dataclass(frozen=True)
class OutcomeKind:
    """A row of outcome_kinds.csv: the class of an outcome's club change and the season's property naming the club."""

    change_class: str
    season_property: str


@dataclass(frozen=True)
class StageKind:
    """A row of stages.csv: a stage's class and its English and Spanish names (templates, see ``STAGE_KINDS``)."""

    stage_class: str
    label_en: str
    label_es: str


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
    change_kinds: list[Pattern] = field(default_factory=list)  # the kind is a subclass of akg:ClubChange
    league_tables: dict[str, LeagueTable] = field(default_factory=dict)  # league table kind -> classes and names
    row_properties: dict[str, str] = field(default_factory=dict)  # a league table row's field -> akg property
    decisions: dict[str, str] = field(default_factory=dict)  # how a tie was decided -> akg:TieDecision individual
    stages: dict[str, StageKind] = field(default_factory=dict)  # stage kind -> class and names
    outcome_kinds: dict[str, OutcomeKind] = field(default_factory=dict)  # an infobox outcome (promoted, relegated)
    own_infobox_properties: dict[str, str] = field(default_factory=dict)  # a field read by its own code -> its terms
    links: list[Link] = field(default_factory=list)
    wikidata_links: list[WikidataLink] = field(default_factory=list)

    @property
    def league_changes(self) -> set[str]:
        """The club-change classes that move a club to another league (a promotion, a relegation): the classes of
        outcome_kinds.csv. A sentence stating one may name that league."""
        return {kind.change_class for kind in self.outcome_kinds.values()}

    def default_columns(self, table_kind: str) -> list[str]:
        """The fields of a table kind in the order its columns usually come."""
        return list(dict.fromkeys(self.columns.get(table_kind, {}).values()))


def _order_number(value, row, state):
    return None if value.isdigit() else "order must be a whole number"


def _known_fields(value, row, state):
    return None if set(value.split()) <= state.tables.field_types.keys() else "unknown field in {value!r}"


def _infobox_field(value, row, state):
    if value in _INFOBOX_FIELDS or value in state.tables.infobox_fields:
        return None
    return "unknown infobox field {value!r} (not in infobox_fields.csv)"


def _wikidata_entity(value, row, state):
    kind, _, entity_id = value.partition("/")
    if kind in WIKIDATA_KINDS and entity_id:
        return None
    return f"entity must be kind/id with a kind of {', '.join(WIKIDATA_KINDS)}: {{value!r}}"


def _score(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return -1.0


def _score_range(value, row, state):
    return None if 0.0 <= _score(value) <= 1.0 else "score must be a number from 0 to 1: {value!r}"


def _stage_name(value, row, state):
    offered = STAGE_KINDS.get(row["stage"], set())
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError:
        used = {"?"}
    if used <= offered:
        return None
    # the sentence is itself formatted with the row's cells, hence the doubled braces
    names = ", ".join("{{" + name + "}}" for name in sorted(offered))
    return f"a {row['stage']} stage's name may only use {names}"


def _infobox_key(row):
    return row["article_kind"], row["key"].lower()  # a key is matched without case


_PATTERN = Column("pattern", type=pattern())


def _text(name: str, *checks, required: bool = True) -> Column:
    return Column(name, required=required, checks=checks)


# Every mapping table, in the order they are read: a table may refer to the tables above it.
TABLES: tuple[TableDeclaration, ...] = (
    TableDeclaration(
        "clubs.csv", (_text("id"), _text("name")), key=lambda row: row["id"], duplicate="club {id!r} listed twice",
        into=(Into("clubs", key="id", value="name"),)),
    TableDeclaration(
        "club_aliases.csv",
        (_text("alias"), _text("club", known("clubs", "unknown club {value!r} (not in clubs.csv)")), _text("scope")),
        into=(Into("club_aliases", key="alias", value=lambda row, line: Alias(row["club"], row["scope"] or None),
                   grouped=True),)),
    TableDeclaration("stadiums.csv", (_text("id"), _text("name")), into=(Into("stadiums", key="id", value="name"),)),
    TableDeclaration(
        "stadium_aliases.csv", (_text("alias"), _text("stadium", known("stadiums", "unknown stadium {value!r}"))),
        into=(Into("stadium_aliases", key="alias", value="stadium"),)),
    TableDeclaration(
        "city_aliases.csv", (_text("alias"), _text("city"), _text("name")),
        into=(Into("city_aliases", key="alias", value=("city", "name")),)),
    TableDeclaration(
        "competitions.csv", (_text("alias"), _text("competition"), _text("name")),
        into=(Into("competitions", key="alias", value=("competition", "name")),)),
    TableDeclaration(
        "rounds.csv",
        (_text("round"), _text("label_en"), _text("label_es"), Column("order", type=int, checks=(_order_number,))),
        into=(Into("rounds", key="round", value=("label_en", "label_es", "order")),)),
    TableDeclaration(
        "headings.csv",
        (_PATTERN, _text("role", one_of(_HEADING_ROLES, "unknown role {value!r}")), _text("argument")),
        rules=(RowRule(lambda row, state: row["role"] != "round" or row["argument"] in state.tables.rounds,
                       "unknown round"),),
        into=(Into("headings", value=lambda row, line: Pattern(row["pattern"], row["role"], row["argument"])),)),
    TableDeclaration(
        "fields.csv", (_text("field"), _text("type")), into=(Into("field_types", key="field", value="type"),)),
    TableDeclaration(
        "columns.csv",
        (_text("table"), _text("header"),
         _text("field", known("field_types", "unknown field {value!r} (not in fields.csv)"))),
        into=(Into("columns", key=("table", "header"), value="field"),)),
    TableDeclaration(
        "column_patterns.csv",
        (_text("table"), _PATTERN, _text("field", known("field_types", "unknown field {value!r}"))),
        into=(Into("column_patterns", key="table", value=lambda row, line: Pattern(row["pattern"], row["field"]),
                   grouped=True),)),
    TableDeclaration(
        "table_kinds.csv", (_text("table"), Column("requires", type=words, checks=(_known_fields,))),
        into=(Into("table_kinds", value=("table", "requires")),)),
    TableDeclaration(
        "league_tables.csv",
        (_text("table", one_of(_LEAGUE_TABLE_KINDS, "unknown league table kind {value!r}")),
         _text("class", ontology_class("Table")),
         _text("row_class", ontology_class("TableRow")), _text("name_en"), _text("name_es")),
        key=lambda row: row["table"], duplicate="league table {table!r} listed twice", complete=_LEAGUE_TABLE_KINDS,
        into=(Into("league_tables", key="table", value=lambda row, line: LeagueTable(
            row["class"], row["row_class"], row["name_en"], row["name_es"])),)),
    TableDeclaration(
        "league_table_properties.csv",
        (_text("field", known("field_types", "unknown field {value!r} (not in fields.csv)")),
         _text("property", ontology_property)),
        key=lambda row: row["field"], duplicate="field {field!r} listed twice",
        into=(Into("row_properties", key="field", value="property"),)),
    TableDeclaration(
        "infobox_fields.csv",
        (_text("field", lambda value, row, state: "field {value!r} is read by its own code"
               if value in _INFOBOX_FIELDS else None),
         _text("shape", one_of(INFOBOX_SHAPES, "unknown infobox value shape {value!r}")),
         _text("property", matching(r"[a-z][A-Za-z]*", "property must be an ontology term's local name: {value!r}"),
               ontology_property)),
        into=(Into("infobox_fields", key="field", value=("shape", "property")),)),
    TableDeclaration(
        "infobox_keys.csv",
        (_text("article_kind"), _text("key"), _text("field", _infobox_field), _text("note", required=False)),
        rules=(RowRule(lambda row, state: row["field"] != "skip" or bool(row["note"]),
                       "a skipped key needs its reason (note)"),),
        key=_infobox_key, duplicate="key {key!r} listed twice for {article_kind}",
        into=(Into("infobox_keys", key=_infobox_key, value="field"),
              Into("infobox_notes", key=_infobox_key, value="note"))),
    TableDeclaration(
        "infobox_own_fields.csv",
        (_text("field", one_of(_OWN_INFOBOX_FIELDS,
                               "field {value!r} is not read by its own code (its row belongs in infobox_fields.csv)")),
         _text("properties", filled("every field names the terms it becomes"), ontology_terms_written)),
        key=lambda row: row["field"], duplicate="field {field!r} listed twice", complete=_OWN_INFOBOX_FIELDS,
        into=(Into("own_infobox_properties", key="field",
                   value=lambda row, line: ", ".join(row["properties"].split())),)),
    TableDeclaration(
        "article_kinds.csv", (Column("pattern", type=pattern(0)), _text("kind")),
        into=(Into("article_kinds", value=lambda row, line: Pattern(row["pattern"], row["kind"])),)),
    TableDeclaration(
        "tie_decisions.csv",
        (_text("decision", one_of(_TIE_DECISIONS, "unknown tie decision {value!r}")),
         _text("individual", ontology_individual("TieDecision"))),
        key=lambda row: row["decision"], duplicate="decision {decision!r} listed twice", complete=_TIE_DECISIONS,
        into=(Into("decisions", key="decision", value="individual"),)),
    TableDeclaration(
        "rules.csv", (_PATTERN, _text("field", one_of(_RULE_FIELDS, "unknown rule field {value!r}")), _text("value")),
        rules=(RowRule(lambda row, state: row["field"] != "tie_break" or row["value"] in state.tables.decisions,
                       "unknown tie decision {value!r} (not in tie_decisions.csv)"),),
        into=(Into("rules", value=lambda row, line: Pattern(row["pattern"], row["field"], row["value"])),)),
    TableDeclaration(
        "prose.csv",
        (_PATTERN, _text("meaning", one_of(_PROSE_MEANINGS, "unknown meaning {value!r}")), _text("reason")),
        into=(Into("prose", value=lambda row, line: Pattern(row["pattern"], row["meaning"], note=row["reason"])),)),
    TableDeclaration("states.csv", (_text("state"),), into=(Into("states", value="state"),)),
    TableDeclaration(
        "skipped_tables.csv",
        (Column("header", type=pattern()), _text("reason", filled("every skipped table needs its reason"))),
        into=(Into("skipped_tables", value=lambda row, line: Pattern(row["header"], "skip", note=row["reason"])),)),
    TableDeclaration(
        "change_kinds.csv", (_PATTERN, _text("kind", ontology_class("ClubChange", "change kind"))),
        into=(Into("change_kinds", value=lambda row, line: Pattern(row["pattern"], row["kind"])),)),
    TableDeclaration(
        "stages.csv",
        (_text("stage", one_of(STAGE_KINDS, "unknown stage kind {value!r}")),
         _text("class", ontology_class("Stage")), _text("label_en", _stage_name), _text("label_es", _stage_name)),
        key=lambda row: row["stage"], duplicate="stage {stage!r} listed twice", complete=tuple(STAGE_KINDS),
        into=(Into("stages", key="stage",
                   value=lambda row, line: StageKind(row["class"], row["label_en"], row["label_es"])),)),
    TableDeclaration(
        "outcome_kinds.csv",
        (_text("kind", one_of(_OUTCOME_KINDS, "unknown outcome kind {value!r}")),
         _text("class", ontology_class("ClubChange")), _text("season_property", ontology_property)),
        key=lambda row: row["kind"], duplicate="outcome kind {kind!r} listed twice", complete=_OUTCOME_KINDS,
        into=(Into("outcome_kinds", key="kind",
                   value=lambda row, line: OutcomeKind(row["class"], row["season_property"])),)),
    TableDeclaration(
        "links.csv",
        (_text("kind", one_of(LINK_KINDS, "unknown kind {value!r}")), _text("id"),
         _text("enwiki_url", lambda value, row, state: None if value.startswith("https://en.wikipedia.org/wiki/")
               else "enwiki_url must be an English Wikipedia article URL"),
         _text("evidence", filled("every link needs its evidence"))),
        into=(Into("links", value=lambda row, line: Link(row["kind"], row["id"], row["enwiki_url"], row["evidence"],
                                                         line)),)),
)

# wikidata.csv is written by ``ascenso-kg link`` as well as read by the build, so it is declared on its own and can
# be read alone (load_wikidata_links).
WIKIDATA_TABLE = TableDeclaration(
    "wikidata.csv",
    (_text("entity", _wikidata_entity),
     _text("qid", lambda value, row, state: None if _QID.fullmatch(value) else "not a Wikidata item id: {value!r}"),
     _text("label"),
     _text("method", one_of(WIKIDATA_METHODS, "unknown method {value!r}")),
     Column("score", type=_score, checks=(_score_range,)),
     _text("reviewed", one_of(WIKIDATA_REVIEWS, "reviewed must be yes, no or empty")),
     _text("note")),
    rules=(
        RowRule(lambda row, state: row["method"] != "manual" or row["reviewed"] == "yes",
                "a row added by hand (method manual) must be reviewed: yes"),
        # a data set's pairing is only evidence: the row records the reviewer's decision either way
        RowRule(lambda row, state: row["method"] != "dataset" or row["reviewed"] in ("yes", "no"),
                "a row found in a data set (method dataset) must be reviewed: yes or no"),
        RowRule(lambda row, state: row["method"] != "dataset" or bool(row["note"].strip()),
                "a row found in a data set (method dataset) must name that source in its note"),
    ),
    optional=True,
    into=(Into("wikidata_links", value=lambda row, line: WikidataLink(
        *row["entity"].partition("/")[::2], row["qid"], row["label"], row["method"], row["score"], row["reviewed"],
        row["note"], line)),),
)


def load_tables(directory: Path = MAPPING_TABLES_DIR, ontology: Path = ONTOLOGY_FILE) -> MappingTables:
    """Read every declared table of ``directory``, checking each row against the tables above it and the ontology.

    The ontology check runs here, at every load, rather than only in a test: reading the ontology takes about a
    millisecond, and a table edited after the tests ran (a user's own row, a table folder given to a build) is then
    refused with its file and line before any article is read, like every other bad row.
    """
    state = LoadState(MappingTables(), ontology_terms(ontology))
    for declaration in (*TABLES, WIKIDATA_TABLE):
        read_table(declaration, directory / declaration.file, state)
    return state.tables


def load_wikidata_links(path: Path) -> list[WikidataLink]:
    """The rows of a Wikidata links table (``mappings/tables/wikidata.csv``); a missing file has none."""
    state = LoadState(MappingTables(), None)
    read_table(WIKIDATA_TABLE, path, state)
    return state.tables.wikidata_links


@lru_cache(maxsize=1)
def default_tables() -> MappingTables:
    return load_tables()
