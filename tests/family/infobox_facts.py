"""Read only the infobox of an article of the family, whatever its kind, and give its facts as plain tuples.

The season comes from the title (``2012–13 …``, ``… Apertura 2013 …``): which kind of article it is does not
matter to the infobox, so these tests do not depend on the article-kind table.
"""

from __future__ import annotations

import re
from pathlib import Path


from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.interpret.context import season_id_of
from ascenso_kg.notation import season_name
from ascenso_kg.mappings.read.infobox_values import parse_season
from ascenso_kg.mappings.interpret.infobox_fields import infobox_tournament, read_infobox
from ascenso_kg.mappings.interpret.reading import ArticleReading, span, start_reading
from ascenso_kg.mappings.read.reader import read_article, read_text
from ascenso_kg.mappings.interpret.records import SeasonRecord
from tests.checkout import SHARED_DIR, shared

FAMILY = SHARED_DIR / "family"
_SEASON_IN_TITLE = re.compile(r"(\d{4})\s*[–—−-]\s*(\d{2,4})")
_TOURNAMENT_IN_TITLE = re.compile(r"\b(Apertura|Clausura|Invierno|Verano|Bicentenario)\s+(\d{4})|(\d{4})\s+.*?(Apertura|Clausura)\b")


def family_file(relative: str) -> Path:
    path = shared("family") / relative
    assert path.is_file(), f"{path} is missing from the shared family articles"
    return path


def reading_for(document, article_id: str = "article") -> ArticleReading:
    reading = start_reading(document, article_id, default_tables())
    title = document.title
    if season := _SEASON_IN_TITLE.search(title):
        season_id = parse_season(season[0]) or f"{season[1]}-{season[2][-2:]}"
        reading.season = SeasonRecord(season_id, season_name(season_id), span(reading, 1))
    elif tournament := _TOURNAMENT_IN_TITLE.search(title):
        kind, year = (tournament[1], int(tournament[2])) if tournament[1] else (tournament[4], int(tournament[3]))
        season_id = season_id_of("Apertura" if kind in ("Apertura", "Invierno") else "Clausura", year)
        reading.season = SeasonRecord(season_id, season_name(season_id), span(reading, 1))
        infobox_tournament(reading, kind, year, 1)
    else:
        year = int(re.search(r"\d{4}", title)[0])
        reading.season = SeasonRecord(f"{year}-{(year + 1) % 100:02d}", "", span(reading, 1))
    return reading


def read_infobox_of(path_or_text, article_id: str = "article") -> ArticleReading:
    document = read_text(path_or_text) if isinstance(path_or_text, str) else read_article(path_or_text)
    reading = reading_for(document, article_id)
    read_infobox(reading)
    return reading


def facts(reading: ArticleReading) -> set[tuple]:
    """Every fact the infobox gave, as (field, owner, value…) tuples."""
    records = reading.records
    season = reading.season
    out: set[tuple] = set()
    if season.competition_name:
        out.add(("competition", season.competition_name))
    for name in ("previous", "next"):
        if getattr(season, name):
            out.add((name, getattr(season, name)))
    if season.start:
        out.add(("dates", season.start.isoformat(), season.end.isoformat()))
    for title in records.titles:
        out.add(("champion", title.tournament, title.club, title.number))
    for outcome in records.outcomes:
        out.add((outcome.kind, outcome.club))
    for stat in records.statistics:
        if stat.none_stated:
            out.add((stat.field, stat.owner, "none"))
            continue
        value = tuple(v for v in (stat.count, stat.clubs or None, stat.people or None,
                                  tuple(m for m, _ in stat.matches) or None, stat.label) if v is not None)
        out.add((stat.field, stat.owner, *value))
    return out


def captured(reading: ArticleReading) -> tuple[int, int]:
    report = reading.records.infobox_report
    meaningful = [row for row in report if not row[3].startswith("skipped (no meaning)")]
    return sum(not row[3].startswith("skipped") for row in meaningful), len(meaningful)
