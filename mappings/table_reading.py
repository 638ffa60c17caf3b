"""How a mapping table is declared and read: its file, its columns (name, whether the header must have it, its type
and checks), its key and where its rows go. One reader reads every table from its declaration
(``mapping_tables.TABLES``) and names the file and line of a bad row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .ontology_terms import OntologyTerms


class MappingTableError(ValueError):
    """A bad row in a mapping table; the message names the file and line."""


class BadValue(ValueError):
    """A cell a column's type cannot read; the reader adds the file and line."""


Row = dict[str, Any]  # a row's cells by column, each read by its column's type
# A check answers a problem (a sentence, ``{value!r}`` and ``{column}`` filled from the row) or None; it sees the row
# and what is loaded so far (``LoadState``: the tables read before and the ontology's terms).
Check = Callable[[Any, Row, "LoadState"], str | None]


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = True  # whether the header row must name it (an optional column reads as "")
    type: Callable[[str], Any] = str  # reads the cell's text; raises BadValue for a cell it cannot read
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class RowRule:
    """A condition over several cells of one row, with the sentence that explains a row breaking it."""

    holds: Callable[[Row, "LoadState"], bool]
    message: str


@dataclass(frozen=True)
class Into:
    """Where the rows of a table go in :class:`MappingTables`: ``attribute``, keyed by a column (a tuple of two
    columns: a dict of dicts; a function: a computed key; None: a list or set in row order), with ``value`` a column,
    a tuple of columns or a function of (row, line); ``grouped``: several values under one key, as a list."""

    attribute: str
    key: str | tuple[str, str] | Callable[[Row], Any] | None = None
    value: str | tuple[str, ...] | Callable[[Row, int], Any] = ""
    grouped: bool = False

    def put(self, tables: Any, row: Row, line: int) -> None:
        if callable(self.value):
            value = self.value(row, line)
        elif isinstance(self.value, tuple):
            value = tuple(row[name] for name in self.value)
        else:
            value = row[self.value]
        held = getattr(tables, self.attribute)
        if self.key is None:
            if isinstance(held, frozenset):
                setattr(tables, self.attribute, held | {value})
            else:
                held.append(value)
            return
        if isinstance(self.key, tuple):
            held, key = held.setdefault(row[self.key[0]], {}), row[self.key[1]]
        else:
            key = self.key(row) if callable(self.key) else row[self.key]
        if self.grouped:
            held.setdefault(key, []).append(value)
        else:
            held[key] = value


@dataclass(frozen=True)
class TableDeclaration:
    file: str
    columns: tuple[Column, ...]
    into: tuple[Into, ...]
    key: Callable[[Row], Any] | None = None  # what no two rows may share
    duplicate: str = ""  # the sentence for a repeated key
    rules: tuple[RowRule, ...] = ()
    optional: bool = False  # a missing file has no rows
    complete: tuple[str, ...] = ()  # keys the code looks up: each needs its row (a missing one fails at load)


@dataclass
class LoadState:
    tables: Any  # the MappingTables being filled: a row may refer to a table declared before its own
    ontology: OntologyTerms | None  # None when a table that names no ontology term is read alone


def read_rows(path: Path, required: tuple[str, ...]):
    """Yield (line number, row) of a CSV file, checking its header."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise MappingTableError(f"{path.name}:1: missing columns {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items() if key}


def read_table(declaration: TableDeclaration, path: Path, state: LoadState) -> list[tuple[int, Row]]:
    """The checked rows of one table, each read by its columns' types; put into ``state.tables``."""
    if declaration.optional and not path.exists():
        return []
    required = tuple(column.name for column in declaration.columns if column.required)
    seen: set[Any] = set()
    rows = []
    for line, cells in read_rows(path, required):
        def fail(message: str) -> None:
            raise MappingTableError(f"{path.name}:{line}: {message}")

        row: Row = dict(cells)
        for column in declaration.columns:
            text = cells.get(column.name, "")
            for check in column.checks:
                problem = check(text, cells, state)
                if problem:
                    fail(_filled_in(problem, {**cells, "value": text}))
            try:
                row[column.name] = column.type(text)
            except BadValue as error:
                fail(str(error))
        for rule in declaration.rules:
            if not rule.holds(row, state):
                fail(_filled_in(rule.message, cells))
        if declaration.key is not None:
            key = declaration.key(row)
            if key in seen:
                fail(_filled_in(declaration.duplicate, cells))
            seen.add(key)
        for into in declaration.into:
            into.put(state.tables, row, line)
        rows.append((line, row))
    missing = [key for key in declaration.complete if key not in seen]
    if missing:
        raise MappingTableError(f"{path.name}: no row for {', '.join(map(repr, missing))} (the code looks each up)")
    return rows


def _filled_in(sentence: str, cells: dict[str, str]) -> str:
    """The sentence with the row's cells in its ``{column}`` places; a sentence that already quotes a cell holding
    braces is kept as it is."""
    try:
        return sentence.format(**cells)
    except (KeyError, IndexError, ValueError):
        return sentence


# Column types: each reads a cell's text or says why it cannot.

def pattern(flags: int = re.IGNORECASE) -> Callable[[str], re.Pattern[str]]:
    def compiled(text: str) -> re.Pattern[str]:
        try:
            return re.compile(text, flags)
        except re.error as error:
            raise BadValue(f"bad pattern {text!r}: {error}") from None
    return compiled


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Checks: each returns the sentence for a cell that fails it.

def one_of(allowed, message: str) -> Check:
    return lambda value, row, state: None if value in allowed else message


def filled(message: str) -> Check:
    return lambda value, row, state: None if value else message


def matching(regex: str, message: str) -> Check:
    compiled = re.compile(regex)
    return lambda value, row, state: None if compiled.fullmatch(value) else message


def known(attribute: str, message: str) -> Check:
    """The cell names an entry of a table loaded before (its keys)."""
    return lambda value, row, state: None if value in getattr(state.tables, attribute) else message


def ontology_property(value: str, row: Row, state: LoadState) -> str | None:
    if value in state.ontology.properties:
        return None
    return "unknown property {value!r} (not a property of ontology/ascenso.ttl)"


# The other vocabularies the graph uses (ascenso_kg/iris.py), by the prefixes the ontology and the shapes write.
# Their terms are not checked one by one: the project holds no copy of schema.org or Dublin Core to check them against.
EXTERNAL_PREFIXES = ("schema", "rdf", "rdfs", "owl", "skos", "dcterms", "prov", "foaf")


def ontology_terms_written(value: str, row: Row, state: LoadState) -> str | None:
    """The cell holds prefixed names separated by spaces: ``akg:`` ones are properties of the ontology, the others
    are in a vocabulary the graph uses."""
    for term in value.split():
        prefix, colon, name = term.partition(":")
        if not colon or not name:
            return f"{term!r} is not a prefixed name (akg:name, schema:name …)"
        if prefix == "akg":
            if name not in state.ontology.properties:
                return f"unknown property {term!r} (not a property of ontology/ascenso.ttl)"
        elif prefix not in EXTERNAL_PREFIXES:
            return f"unknown vocabulary {prefix!r} in {term!r} (known: akg, {', '.join(EXTERNAL_PREFIXES)})"
    return None


def ontology_class(of: str, what: str = "class") -> Check:
    """The cell names a class of the ontology that is a kind of ``akg:<of>``."""
    def check(value: str, row: Row, state: LoadState) -> str | None:
        if state.ontology.is_subclass(value, of):
            return None
        return f"unknown {what} {{value!r}} (not a subclass of akg:{of} in ontology/ascenso.ttl)"
    return check


def ontology_individual(of: str) -> Check:
    """The cell names an individual the ontology declares as an ``akg:<of>``."""
    def check(value: str, row: Row, state: LoadState) -> str | None:
        if state.ontology.is_instance(value, of):
            return None
        return f"unknown individual {{value!r}} (not an akg:{of} in ontology/ascenso.ttl)"
    return check
