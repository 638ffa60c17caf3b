"""Tables: stadia, top scorers, relegation, a Liguilla's teams (with standings) and the winner box."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from .context import TOURNAMENT_NAME, Context, SectionState, season_id_of, tournament_id_of
from ..read.document import Table
from .reading import ArticleReading, club, person, report, span, stadium
from .records import ClubSeasonRecord, EntryRecord, TableRecord, TitleRecord, TournamentRecord
from .table_rows import kinds_by_header, read_table
from ..read.value_parsers import parse_title_line

_TOURNAMENT_MARK = re.compile(r"\s*\((?:Ap|Cl|Apertura|Clausura)\.?\)\s*")


def _by_tournament(cell) -> list[str | None]:
    """'A (Ap.) B (Cl.)' -> ['A', 'B']; 'A' -> ['A']; nothing -> [None]."""
    if not cell:
        return [None]
    parts = [part.strip() for part in _TOURNAMENT_MARK.split(str(cell)) if part.strip()]
    return parts or [None]


_LINEUP_CELL = re.compile(r"^(?:GK|DF|MF|FW|[A-Z][\w .]*:)$")


def _is_lineup(table: Table) -> bool:
    """'| GK | 31 | MEX Iván Vázquez |', '| NECAXA: | | |', '| Substitutes: | | |': a match's line-up, no header."""
    first_cells = [row.cells[0] for row in table.rows if row.cells]
    return bool(first_cells) and sum(bool(_LINEUP_CELL.match(cell)) for cell in first_cells) * 10 >= len(first_cells) * 9


_TABLE_ROLES = ("stadia", "top_scorers", "relegation", "entries", "standings")
_WINNER_BOX = re.compile(r"^(?P<tournament>.+?)\s+winner:?$", re.IGNORECASE)


def read_table_block(reading: ArticleReading, table: Table, context: Context, state: SectionState) -> None:
    first_cell = table.rows[0].cells[0] if table.rows[0].cells else ""
    if (box := _WINNER_BOX.match(first_cell)) and len(table.rows) >= 2:
        read_winner_box(reading, table, box["tournament"], context)
        return
    header = " | ".join(table.rows[0].cells)
    skipped = next((pattern for pattern in reading.tables.skipped_tables if pattern.regex.search(header)), None)
    if skipped is not None:  # a table of no place in the model, or wikitext markup read as cells: never read
        for row in table.rows:
            reading.coverage.skipped(row.line, skipped.note)
        return
    kind = table_kind(reading, table, context)
    if kind is None and _is_lineup(table):
        for row in table.rows:
            reading.coverage.skipped(row.line, "a match lineup (positions, numbers, players); lineups are not modelled")
        return
    if kind is None:
        report(reading, table.line, "a table in a section the tables give no meaning to; left out")
        for row in table.rows:
            reading.coverage.skipped(row.line, "table not understood (reported)")
        return
    read = read_table(table, kind, reading.tables, partial(report, reading))
    reading.coverage.mapped(*read.header_lines)
    if kind in ("stadia", "standings"):
        reading.records.rows_complete += len(read.rows)
    if kind == "stadia":
        read_stadia(reading, read)
        return
    if kind == "entries":
        read_entries(reading, read, context)
        return
    scope = context.scope or ("season", reading.season.id)
    record = TableRecord(kind, scope, span(reading, table.line, table.last_line))
    for row in read.rows:
        if "club" in row.values:
            row.values["club"] = club(reading, str(row.values["club"]), row.line)
        if kind == "top_scorers" and "player" in row.values:
            row.values["player"] = person(reading, str(row.values["player"]), row.values.get("club"))
        row.tournament_points = {_points_column(reading, key): points for key, points in row.tournament_points.items()}
        if kind == "standings" and row.values.get("club") and row.values.get("points") is not None:
            reading.records.rows_captured += 1
        record.rows.append(row)
        reading.coverage.mapped(row.line)
    record.updated_on, record.sort_rule = state.pending_updated, state.pending_sort
    state.last_table = record
    reading.records.tables.append(record)


def table_kind(reading: ArticleReading, table: Table, context: Context) -> str | None:
    """The heading gives a hint; the header row decides. A table under a heading of another kind (a venues table
    under 'Teams', under 'Group 1', under no known heading) is read as what its columns say it is."""
    hinted = context.role if context.role in _TABLE_ROLES else None
    if hinted == "entries" and context.stage is None:
        hinted = None  # 'Teams' outside a Liguilla: the clubs of a season, not a Liguilla's entrants
    by_header = kinds_by_header(table, reading.tables)
    known_by_header = {kind for kind, _ in reading.tables.table_kinds}
    if hinted and (hinted in by_header or not by_header or hinted not in known_by_header):
        return hinted
    return by_header[0] if by_header else None


def _points_column(reading: ArticleReading, key: str) -> str:
    kind, yy = key.split("-")
    year = 2000 + int(yy)
    tournament = tournament_id_of("Apertura" if kind == "A" else "Clausura", year)
    reading.records.tournaments.setdefault(
        tournament,
        TournamentRecord(tournament, "Apertura" if kind == "A" else "Clausura", year,
                         season_id_of("Apertura" if kind == "A" else "Clausura", year), span(reading, 1)),
    )
    return tournament


def read_stadia(reading: ArticleReading, read) -> None:
    for row in read.rows:
        values = row.values
        if "club" not in values:
            report(reading, row.line, "a stadia row with no club; left out")
            continue
        club_id = club(reading, str(values["club"]), row.line)
        venues = venues_of(reading, values, row.line)
        if all(stadium_name for _, stadium_name, _ in venues):
            reading.records.rows_captured += 1
        for city, stadium_name, capacity in venues:
            record = ClubSeasonRecord(reading.season.id, club_id, str(values["club"]), span(reading, row.line))
            if city:
                record.city, record.city_name = reading.names.city(city)
            if stadium_name:
                record.stadium, record.stadium_name = stadium(reading, stadium_name, row.line)
            record.capacity = capacity
            reading.records.club_seasons.append(record)
        reading.coverage.mapped(row.line)


def venues_of(reading: ArticleReading, values: dict, line: int) -> list[tuple[str | None, str | None, int | None]]:
    """(city, stadium, capacity) of each venue a row gives. A club that played its tournaments at two venues has
    cells such as 'Preparatoria Benito Juárez (Ap.) Unidad Deportiva Acapulco (Cl.)' and '1,500 13,000': kept as
    two venues, paired in order. Several capacities with stadiums that cannot be told apart ('Antonio Valenzuela
    Alamilla Cefor Atlante Tabasco') are not paired by guess: stadium and capacity are left out and reported."""
    cities = _by_tournament(values.get("city"))
    stadiums = _by_tournament(values.get("stadium"))
    capacity = values.get("capacity")
    capacities = capacity if isinstance(capacity, list) else [capacity]
    if len(stadiums) == 1 and len(capacities) > 1 or len(stadiums) > 1 and len(capacities) not in (1, len(stadiums)):
        report(reading, line, f"{len(capacities)} capacities for stadium cell {values.get('stadium')!r}, which "
                              "cannot be split into as many stadiums; stadium and capacity left out for review")
        return [(cities[0] if len(cities) == 1 else None, None, None)]
    if len(stadiums) > 1 and len(capacities) == 1:
        capacities = [None] * len(stadiums)  # one capacity for two stadiums belongs to neither
        report(reading, line, "one capacity for several stadiums; the capacity is left out", "info")
    if len(cities) not in (1, len(stadiums)):
        cities = [None]
    count = max(len(stadiums), 1)
    return [(cities[i] if len(cities) > 1 else cities[0], stadiums[i] if stadiums else None,
             capacities[i] if i < len(capacities) else None) for i in range(count)]


def read_entries(reading: ArticleReading, read, context: Context) -> None:
    """A Liguilla article's Teams table: seeds, managers, captains and (under a group header) standings."""
    if not read.rows:  # a header without rows (a truncated article) holds no entry
        return
    stage = context.stage
    tournament = context.tournament
    if read.group_label and (named := TOURNAMENT_NAME.search(read.group_label)):
        tournament = tournament_id_of(named["kind"], int(named["year"]))
    standings = TableRecord("standings", ("tournament", tournament),
                            span(reading, read.rows[0].line, read.rows[-1].line))
    for row in read.rows:
        values = row.values
        club_id = club(reading, str(values.get("club", "")), row.line)
        entry = EntryRecord(stage, club_id, row.line, seed=values.get("seed"))
        if values.get("manager"):
            entry.manager = person(reading, str(values["manager"]), None)
        if values.get("captain"):
            entry.captain = person(reading, str(values["captain"]), club_id)
        reading.records.entries.append(entry)
        stats = {key: value for key, value in values.items() if key not in ("seed", "manager", "captain")}
        stats["club"] = club_id
        if len(stats) > 1:
            standings.rows.append(replace(row, values=stats))
        reading.coverage.mapped(row.line)
    if standings.rows:
        reading.records.tables.append(standings)


def read_winner_box(reading: ArticleReading, table: Table, tournament_text: str, context: Context) -> None:
    named = TOURNAMENT_NAME.search(tournament_text)
    tournament = tournament_id_of(named["kind"], int(named["year"])) if named else context.tournament
    club_text, number = parse_title_line(" ".join(cell for cell in table.rows[1].cells if cell))
    if tournament is None:
        report(reading, table.line, f"a winner box for {tournament_text!r}, which names no tournament")
        return
    reading.records.titles.append(
        TitleRecord(tournament, club(reading, club_text, table.rows[1].line),
                    span(reading, table.line, table.rows[1].line), number)
    )
    reading.coverage.mapped(*(row.line for row in table.rows[:2]))
    for row in table.rows[2:]:
        report(reading, row.line, "extra row in a winner box; left out")
