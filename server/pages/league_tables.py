"""League tables as the articles print them: standings, top scorers, relegation (with points by tournament).

A table is read from the page graph (its rows point to it with ``akg:table``); the columns are the properties the
rows have, in the order football tables use, so a table the article printed without some column shows none.
"""

from __future__ import annotations

import re

import pyoxigraph

from ascenso_kg import iris

from .page_context import PageContext
from .graph import akg

# Columns in the order tables print them; rows show only the ones they have.
COLUMNS = ("rank", "club", "player", "played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "goalDifference",
           "points", "goals", "goalFrequency", "ratio")
KINDS = (("StandingsTable", "standings"), ("TopScorerTable", "top-scorers"), ("RelegationTable", "relegation"))
# Within a calendar year the Clausura (and the 2010 Bicentenario) is played before the Apertura.
_SPRING = ("clausura", "bicentenario")


def tournament_order(label: str) -> tuple[int, int, str]:
    """Sort key of a tournament by its name: year, then spring before autumn."""
    year = re.search(r"(\d{4})", label)
    spring = any(word in label.lower() for word in _SPRING)
    return (int(year.group(1)) if year else 0, 0 if spring else 1, label)


def tables_of(page: PageContext, scope) -> list[dict]:
    """The tables whose ``akg:tableOf`` is ``scope``, in a fixed order (standings, scorers, relegation)."""
    found = [table_data(page, table) for table in page.graph.subjects(akg("tableOf"), scope)]
    order = [kind for _, kind in KINDS]
    return sorted(found, key=lambda t: (order.index(t["kind"]) if t["kind"] in order else len(order), t["title"]))


def table_data(page: PageContext, table) -> dict:
    graph, show = page.graph, page.show
    rows = sorted(graph.subjects(akg("table"), table), key=lambda r: (graph.number(r, akg("rowIndex")) or 0, r.value))
    columns = [name for name in COLUMNS if any(graph.value(row, akg(name)) is not None for row in rows)]
    tournaments = _points_columns(page, rows)
    kind = next((kind for class_name, kind in KINDS if graph.has_type(table, class_name)), "table")
    updated = graph.value(table, akg("updatedOn"))
    ranks = [n for n in (graph.number(row, akg("rank")) for row in rows) if n is not None]
    return {
        "partial": (f"The article lists only rows {min(ranks)}–{max(ranks)} of this table."
                    if ranks and min(ranks) > 1 else None),
        "href": page.addresses.href(table.value),
        "title": show.text(table),
        "kind": kind,
        "updated": show.text(updated) if updated is not None else None,
        "sort_rule": graph.literal(table, akg("sortRule")),
        "columns": [show.property(iris.AKG + name) for name in columns]
                   + [{"text": label, "iri": iri, "href": page.addresses.href(iri), "es": None}
                      for iri, label in tournaments],
        "rows": [_row(page, row, columns, [iri for iri, _ in tournaments]) for row in rows],
    }


def _points_columns(page: PageContext, rows) -> list[tuple[str, str]]:
    """The tournaments a relegation table adds up, oldest first: (IRI, name)."""
    seen = {}
    for row in rows:
        for points in page.graph.objects(row, akg("tournamentPoints")):
            tournament = page.graph.value(points, akg("tournament"))
            if isinstance(tournament, pyoxigraph.NamedNode):
                seen[tournament.value] = page.show.text(tournament)
    return sorted(seen.items(), key=lambda item: tournament_order(item[1]))


def _row(page: PageContext, row, columns: list[str], tournaments: list[str]) -> dict:
    graph, show = page.graph, page.show
    cells = []
    for name in columns:
        value = graph.value(row, akg(name))
        cell = show.term(value) if value is not None else {"kind": "missing", "text": ""}
        if name == "rank" and graph.flag(row, akg("rankShared")):
            cell = {**cell, "text": cell["text"] + "="}
        cells.append(cell)
    by_tournament = {}
    for points in graph.objects(row, akg("tournamentPoints")):
        tournament = graph.value(points, akg("tournament"))
        if tournament is not None:
            by_tournament[tournament.value] = show.text(graph.value(points, akg("points")))
    cells += [{"kind": "literal", "text": by_tournament.get(iri) or ""} for iri in tournaments]
    return {"href": page.addresses.href(row.value), "cells": cells}


def gather_table(page: PageContext) -> None:
    page.gather("page-table")


def table_view(page: PageContext) -> dict:
    return {"table": table_data(page, page.this)}
