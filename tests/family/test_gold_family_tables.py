"""Every complete venues row of the family's articles is read as the article gives it, and nothing is invented: a
stadium, capacity or city the row does not state is never in the records, a row the excerpt cuts short is never read,
and a cell of several stadiums that cannot be told apart leaves stadium and capacity out rather than guess.

Reads ../shared/family/plain directly (the development material of the family of season articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascenso_kg.accents import strip_accents
from ascenso_kg.mappings.interpret.article import interpret
from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.read.reader import read_article

from tests.checkout import shared

from .gold_family_tables import GOLD

TARGET = 0.95  # of complete venues rows captured whole (the target on the family set)


def _family() -> Path:
    return shared("family", "plain")


def _plain(text: str | None) -> str:
    return " ".join(strip_accents(text or "").casefold().split())


def _same(gold: str | None, read: str | None) -> bool:
    """A canonical name from the mapping tables may add to the article's ('Jalisco' -> 'Estadio Jalisco',
    'Guadalajara, Jalisco' -> 'Guadalajara', 'Nezahualcóyotl, State of Mexico' -> 'Ciudad Nezahualcóyotl'); it may not
    say something else."""
    if gold is None or read is None:
        return gold is read
    gold, read = _plain(gold), _plain(read)
    city = gold.split(",")[0]  # 'Nezahualcóyotl, State of Mexico' -> 'Ciudad Nezahualcóyotl' (a city after its state)
    return gold in read or read in gold or city in read


def venues_read(name: str) -> dict[int, tuple[str, list[tuple[str | None, int | None, str | None]]]]:
    records, _, _ = interpret(read_article(_family() / name), "gold", default_tables(), excerpt=True)
    rows: dict[int, tuple[str, list]] = {}
    for record in records.club_seasons:
        club, venues = rows.setdefault(record.span.first, (record.name_as_written, []))
        venues.append((record.stadium_name, record.capacity, record.city_name))
    return rows


def _venue_matches(gold, read) -> bool:
    return _same(gold[0], read[0]) and gold[1] == read[1] and _same(gold[2], read[2])


@pytest.mark.parametrize("name", sorted(GOLD))
def test_nothing_is_invented(name):
    """Every venue read is one the row states (or its city alone, when the stadiums cannot be told apart), and no
    row outside the gold (a cut row, a header) gives a venue."""
    read = venues_read(name)
    gold = {line: (club, venues) for line, club, venues in GOLD[name]}
    assert set(read) <= set(gold), f"rows read that are not complete rows: {sorted(set(read) - set(gold))}"
    for line, (club, venues) in read.items():
        assert _plain(club) == _plain(gold[line][0]), (line, club)
        for venue in venues:
            city_only = venue[0] is None and venue[1] is None and any(_same(g[2], venue[2]) for g in gold[line][1])
            assert city_only or any(_venue_matches(g, venue) for g in gold[line][1]), (line, venue, gold[line][1])


def test_complete_venues_rows_are_captured():
    captured, total, missed = 0, 0, []
    for name, rows in GOLD.items():
        read = venues_read(name)
        for line, club, venues in rows:
            total += 1
            got = read.get(line, ("", []))[1]
            if len(got) == len(venues) and all(_venue_matches(g, r) for g, r in zip(venues, got)):
                captured += 1
            else:
                missed.append((name, line, club))
    assert total == 175
    assert captured / total >= TARGET, missed
    # Only the rows whose stadium cell runs two stadium names together are not captured whole (172 of 175): their
    # stadiums and capacities are left out for review, their club and city kept.
    assert {(line, club) for _, line, club in missed} <= {
        (28, "Jaguares de Tabasco"), (27, "Inter Tehuacán"), (31, "Garzas UAEH")}
