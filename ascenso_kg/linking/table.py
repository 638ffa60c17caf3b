"""Writing ``mappings/tables/wikidata.csv``, the reviewable table of Wikidata links, without losing a review.

A reviewer marks a row ``reviewed`` = ``yes`` (the item is the entity: the build asserts it) or ``no`` (it is not:
the build never asserts it, even for a sitelink). Running ``ascenso-kg link`` again rewrites the table from what the
endpoint now returns, but:

- a new row for the same entity and item keeps the reviewer's decision;
- a reviewed row the endpoint no longer returns (a manual row, or an item that lost its sitelink) is kept as it was,
  so a decision is only ever changed by a person;
- an unreviewed row the endpoint no longer returns is dropped: it was only ever a proposal.

Rows are sorted by entity, best score first, so that a rerun with the same answers writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ascenso_kg.mappings.mapping_tables import WIKIDATA_COLUMNS, WikidataLink, load_wikidata_links

from .scoring import LinkRow


@dataclass(frozen=True)
class TableSummary:
    rows: int
    reviews_kept: int
    reviewed_rows_kept: int  # reviewed rows the endpoint did not return this time


def _format_score(score: float) -> str:
    return f"{score:.2f}"


def render_table(rows: list[LinkRow], previous: list[WikidataLink]) -> tuple[str, TableSummary]:
    decisions = {(old.entity, old.qid): old for old in previous if old.reviewed}
    fresh = {(row.entity, row.qid) for row in rows}
    records = []
    for row in rows:
        old = decisions.get((row.entity, row.qid))
        records.append((row.entity, row.qid, row.label, row.method, _format_score(row.score),
                        old.reviewed if old else "", row.note))
    kept = [old for key, old in decisions.items() if key not in fresh]
    for old in kept:
        records.append((old.entity, old.qid, old.label, old.method, _format_score(old.score), old.reviewed, old.note))
    records.sort(key=lambda record: (record[0], -float(record[4]), record[1]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(WIKIDATA_COLUMNS)
    writer.writerows(records)
    reviews_kept = sum(1 for row in rows if (row.entity, row.qid) in decisions)
    return buffer.getvalue(), TableSummary(len(records), reviews_kept, len(kept))


def write_table(path: Path, rows: list[LinkRow]) -> TableSummary:
    """Rewrite ``path`` atomically (a reader sees the old table or the new one), keeping every review."""
    text, summary = render_table(rows, load_wikidata_links(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)
    return summary
