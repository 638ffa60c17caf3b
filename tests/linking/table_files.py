"""Reading and writing Wikidata link tables in the tests, and running ``ascenso-kg link`` without pauses."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ascenso_kg.cli import main


def run_link(*arguments: str) -> int:
    return main(["link", "--delay", "0", "--retries", "0", *arguments])


def read_rows(table: Path) -> list[dict[str, str]]:
    with table.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(table: Path, rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    table.write_text(buffer.getvalue(), encoding="utf-8")
