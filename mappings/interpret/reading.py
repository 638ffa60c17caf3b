"""What the interpreter holds while it reads one article, and the helpers every kind of block uses.

:class:`ArticleReading` is the one state of a walk: the document, the records being built, which lines are
accounted for, the problems found. The readers of each kind of block (``infobox_fields.py``, ``prose.py``,
``article_tables.py``, ``match_blocks.py``) are plain functions that take it as their first argument and call the
functions below to name clubs, stadiums, people, tournaments and stages, to cite lines and to report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ascenso_kg.iris import slugify
from ascenso_kg.notation import season_name

from ..mapping_tables import MappingTables
from ..read.document import Document, Problem
from ..read.value_parsers import split_nationality
from .context import Coverage, season_id_of, tournament_id_of
from .name_resolution import NameResolver
from .records import ArticleRecords, PlayerMention, SeasonRecord, Span, StageKey, StageRecord, TournamentRecord


@dataclass
class ArticleReading:
    """One article being interpreted: what it says (``document``), what has been made of it (``records``), which of
    its lines are explained (``coverage``) and what went wrong (``problems``)."""

    document: Document
    article: str  # the article's id, cited by every span
    tables: MappingTables
    excerpt: bool
    names: NameResolver
    records: ArticleRecords
    coverage: Coverage = field(default_factory=Coverage)
    problems: list[Problem] = field(default_factory=list)
    season: SeasonRecord | None = None
    change_number: int = 0  # club changes are numbered through the season
    stadiums_reported: set[str] = field(default_factory=set)


def start_reading(document: Document, article_id: str, tables: MappingTables, excerpt: bool = False) -> ArticleReading:
    records = ArticleRecords(article=article_id, title=document.title, kind="unknown", file=document.file)
    return ArticleReading(document, article_id, tables, excerpt, NameResolver(tables), records)


# Reporting and citing ------------------------------------------------------------------------------------
def report(reading: ArticleReading, line: int, message: str, severity: str = "warning") -> None:
    reading.problems.append(Problem(reading.document.file, line, message, severity))


def span(reading: ArticleReading, *lines: int) -> Span:
    return Span.of(reading.article, *lines)


# Names ---------------------------------------------------------------------------------------------------
def club(reading: ArticleReading, name: str, line: int) -> str:
    name = " ".join(name.split())
    club_id = reading.names.club(name, reading.article, line)
    if club_id is None:
        club_id = slugify(name)
        if club_id not in reading.records.clubs_named:  # once per article is enough to find the row to add
            report(reading, line, f"club {name!r} is not in mappings/tables/club_aliases.csv; "
                                  f"recorded as club {club_id!r}")
    reading.records.clubs_named.setdefault(club_id, set()).add(name)
    return club_id


def stadium(reading: ArticleReading, name: str, line: int) -> tuple[str, str]:
    """(id, name) of a stadium; one the tables do not know is its own stadium, minted from its cleaned name and
    reported once per article for review."""
    stadium_id, canonical = reading.names.stadium(name)
    if stadium_id not in reading.tables.stadiums and stadium_id not in reading.stadiums_reported:
        reading.stadiums_reported.add(stadium_id)
        report(reading, line, f"stadium {canonical!r} is not in mappings/tables/stadium_aliases.csv; "
                              f"recorded as stadium {stadium_id!r}")
    return stadium_id, canonical


def person(reading: ArticleReading, text: str, club_id: str | None) -> PlayerMention:
    nationality, name = split_nationality(text)
    season = reading.season.id if reading.season else ""
    return PlayerMention(name=name, club=club_id, season=season, nationality=nationality)


def competition_of(reading: ArticleReading, name: str) -> str:
    """The competition id of a name; a name the tables do not know is minted from the name and reported once."""
    name = " ".join(name.split())
    known = reading.names.competition(name)
    if known:
        reading.records.competitions[known[0]] = known[1]
        return known[0]
    if not name:
        return ""
    competition = slugify(name)
    # Its seasons are minted under their own competition, so nothing merges by mistake; but an article of a
    # competition this graph does not cover (another country's league) deserves a look.
    report(reading, reading.document.title_line or 1,
           f"competition {name!r} is not in mappings/tables/competitions.csv (not a competition this graph "
           f"covers?); its seasons are recorded under competition {competition!r}")
    reading.records.competitions[competition] = name
    return competition


# Tournaments and stages ----------------------------------------------------------------------------------
def tournament(reading: ArticleReading, kind: str, year: int, line: int) -> str:
    tournament_id = tournament_id_of(kind, year)
    season = season_id_of(kind, year)
    if reading.season and season != reading.season.id:
        report(reading, line, f"{kind} {year} belongs to season {season_name(season)}, not {reading.season.name}")
    if tournament_id not in reading.records.tournaments:
        reading.records.tournaments[tournament_id] = TournamentRecord(tournament_id, kind, year, season,
                                                                      span(reading, line))
    return tournament_id


def stage(reading: ArticleReading, key: StageKey, line: int) -> StageRecord:
    if key not in reading.records.stages:
        reading.records.stages[key] = StageRecord(key, span(reading, line))
    return reading.records.stages[key]
