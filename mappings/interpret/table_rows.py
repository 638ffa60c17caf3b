"""Read a pipe table into rows of named fields.

Rendered tables lose things: a merged header spans two rows (``Performance at the 2012 Apertura`` over ``Pld | W |
…``), a merged rank or goals cell survives only in the first row of its group, a header may be missing or shorter
than the rows. The column headers are mapped to fields through ``columns.csv``; each row's cells are then placed in
order, each in the first remaining column whose type accepts it, so a lost cell leaves its column empty instead of
shifting the rest. A rank merged over several rows is shared by them only when the next rank confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..mapping_tables import MappingTables
from ..read.document import Table, TableRow
from .records import RowRecord
from ..read.value_parsers import parse_decimal, parse_int

MISSING_MARKERS = {"", "'", "—", "–", "-", "n/a", "N/A", "?"}

Report = Callable[[int, str, str], None]  # (line, message, severity)


@dataclass(frozen=True)
class Column:
    field: str | None  # None: a column the tables do not map
    header: str
    argument: dict[str, str] = field(default_factory=dict)  # named groups of a column pattern


@dataclass
class ReadTable:
    kind: str
    columns: list[Column]
    header_lines: list[int]
    group_label: str | None
    rows: list[RowRecord]


_SEVERAL_NUMBERS = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\s+\d{1,3}(?:,\d{3})*)+$")


def _is_numeric(cell: str) -> bool:
    return parse_int(cell) is not None or parse_decimal(cell) is not None


def several_numbers(cell: str) -> list[int] | None:
    """'1,500 13,000' -> [1500, 13000]: a cell that holds one number per stadium of a club that had several."""
    if not _SEVERAL_NUMBERS.match(cell.strip()):
        return None
    return [parse_int(part) for part in cell.split()]


def normalize_header(header: str) -> str:
    """'Home City[1]' -> 'home city': headers are compared without case, footnote marks or stray punctuation."""
    header = re.sub(r"\[[^\]]*\]|[*†‡]", "", header)
    return " ".join(header.casefold().replace("_", " ").split()).strip(" :.")


def _column_for(header: str, kind: str, tables: MappingTables) -> Column:
    fields = tables.columns.get(kind, {})
    if header in fields:
        return Column(fields[header], header)
    normalized = {normalize_header(name): value for name, value in fields.items()}
    if (key := normalize_header(header)) and key in normalized:
        return Column(normalized[key], header)
    for pattern in tables.column_patterns.get(kind, []):
        if match := pattern.regex.match(header):
            return Column(pattern.value, header, match.groupdict())
    return Column(None, header)


def kinds_by_header(table: Table, tables: MappingTables) -> list[str]:
    """The table kinds whose required columns (``table_kinds.csv``) the first or first two rows name, in the table's
    order: a table is known by its header row, whatever the heading above it says."""
    headers = [cell for row in table.rows[:2] for cell in row.cells if cell and not _is_numeric(cell)]
    found = []
    for kind, required in tables.table_kinds:
        named = {_column_for(header, kind, tables).field for header in headers}
        if required <= named:
            found.append(kind)
    return found


def _is_header_row(row: TableRow, kind: str, tables: MappingTables) -> bool:
    cells = [cell for cell in row.cells if cell]
    if not cells or any(_is_numeric(cell) for cell in cells):
        return False
    return any(_column_for(cell, kind, tables).field for cell in cells)


def _accepts(field_type: str, cell: str) -> bool:
    if field_type == "integer":
        return parse_int(cell) is not None or several_numbers(cell) is not None
    if field_type == "decimal":
        return parse_decimal(cell) is not None
    return not _is_numeric(cell)


def _header_columns(
    header_rows: list[TableRow], kind: str, tables: MappingTables
) -> tuple[list[Column], str | None]:
    """Columns from one or two header rows; a second row spells out the group the first row's last cell spans."""
    first = list(header_rows[0].cells)
    while first and not first[-1]:
        first.pop()
    group_label = None
    if len(header_rows) > 1:
        second = [cell for cell in header_rows[1].cells if cell]
        if first and not _column_for(first[-1], kind, tables).field:
            group_label = first.pop()
        first += second
    return [_column_for(header, kind, tables) for header in first], group_label


def read_table(table: Table, kind: str, tables: MappingTables, report: Report) -> ReadTable:
    rows = list(table.rows)
    header_rows: list[TableRow] = []
    while rows and len(header_rows) < 2 and _is_header_row(rows[0], kind, tables):
        header_rows.append(rows.pop(0))
    defaults = tables.default_columns(kind)
    if header_rows:
        columns, group_label = _header_columns(header_rows, kind, tables)
        for column in columns:
            if column.field is None and column.header:
                report(header_rows[0].line, f"column {column.header!r} is not mapped for {kind} tables", "info")
    else:
        columns, group_label = [Column(name, name) for name in defaults], None
        report(table.line, f"{kind} table without a header; columns read in the usual order", "info")
    # Cells beyond the header belong to the usual columns the header left out (a header cell lost in rendering).
    named = {column.field for column in columns}
    columns += [Column(name, "") for name in defaults if name not in named]
    records = [_read_row(row, index, columns, kind, tables, report) for index, row in enumerate(rows, start=1)]
    _share_ranks(records, report)
    _report_short_rows(records, report)
    return ReadTable(kind, columns, [row.line for row in header_rows], group_label, records)


def _read_row(
    row: TableRow, index: int, columns: list[Column], kind: str, tables: MappingTables, report: Report
) -> RowRecord:
    record = RowRecord(index=index, line=row.line)
    cells = list(row.cells)
    while len(cells) > len(columns) and not cells[-1]:
        cells.pop()
    position = 0
    lost: list[Column] = []
    for cell in cells:
        if position >= len(columns):
            if cell in MISSING_MARKERS:
                continue
            report(row.line, f"cell {cell!r} is beyond the table's columns; left out", "warning")
            break
        if cell in MISSING_MARKERS:
            position += 1
            continue
        for candidate in range(position, len(columns)):
            column = columns[candidate]
            if column.field is None or _accepts(tables.field_types[column.field], cell):
                break
        else:
            report(row.line, f"cell {cell!r} fits none of the remaining columns; left out", "warning")
            continue
        lost += [column for column in columns[position:candidate] if column.field]
        _store(record, columns[candidate], cell, tables)
        position = candidate + 1
    # A lost rank cell is settled by _share_ranks; any other lost cell stays empty (see _report_short_rows).
    if any(column.field == "rank" for column in lost):
        record.values["_rank_lost"] = True
    return record


def _store(record: RowRecord, column: Column, cell: str, tables: MappingTables) -> None:
    if column.field is None:
        return
    field_type = tables.field_types[column.field]
    value: object
    if field_type == "integer":
        value = parse_int(cell)
        if value is None:
            value = several_numbers(cell)  # a list: the reader of the table's kind pairs or refuses it
    elif field_type == "decimal":
        value = parse_decimal(cell)
    else:
        value = cell
    if column.field == "tournament_points":
        key = f"{column.argument['kind']}-{column.argument['yy']}"
        record.tournament_points[key] = value  # type: ignore[assignment]
    else:
        record.values[column.field] = value


def _report_short_rows(rows: list[RowRecord], report: Report) -> None:
    """A row that lacks a field most rows of its table have lost a merged cell; say so (the value stays absent)."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row.values:
            counts[name] = counts.get(name, 0) + 1
    usual = {name for name, count in counts.items() if count * 2 > len(rows)}
    for row in rows:
        missing = sorted(usual - row.values.keys())
        if missing:
            report(row.line, f"no {', '.join(missing)} in this row (merged cell lost in the rendering); left empty", "info")


def _share_ranks(rows: list[RowRecord], report: Report) -> None:
    """Give rows whose rank cell was merged away the rank above, when the next stated rank confirms the group."""
    index = 0
    while index < len(rows):
        if not rows[index].values.pop("_rank_lost", False):
            index += 1
            continue
        group_end = index
        while group_end < len(rows) and rows[group_end].values.get("rank") is None:
            rows[group_end].values.pop("_rank_lost", None)
            group_end += 1
        above = rows[index - 1].values.get("rank") if index > 0 else None
        next_rank = rows[group_end].values.get("rank") if group_end < len(rows) else None
        group_size = group_end - index + 1  # the ranked row above and the rows sharing its rank
        if above is not None and (next_rank is None or next_rank == above + group_size):
            for row in rows[index:group_end]:
                row.values["rank"] = above
                row.rank_shared = True
        else:
            for row in rows[index:group_end]:
                report(row.line, "rank cell lost and the ranks around it do not say which it was; left empty", "warning")
        index = group_end
