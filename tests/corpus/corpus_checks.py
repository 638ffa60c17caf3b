"""Independent checks of a generated article, read with the project's reader: the arithmetic of its tables, its
results against its standings, its season dates against its matches. Each inconsistency is returned as
(file, line, kind), the form of ``planted.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.read.document import BulletItem, Document, MatchBlock, Paragraph, Section, Table
from ascenso_kg.mappings.interpret.name_resolution import NameResolver
from ascenso_kg.mappings.read.reader import read_article
from ascenso_kg.mappings.read.value_parsers import parse_date, parse_int

_SEASON_DATES = re.compile(r"took place from (?P<start>.+?) to (?P<end>\d{1,2} \w+ \d{4})")


@dataclass
class Standing:
    line: int
    rank: int
    club: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    goal_difference: int
    points: int


@dataclass
class TournamentText:
    name: str
    standings: list[Standing] = field(default_factory=list)
    matchdays: list[list[MatchBlock]] = field(default_factory=list)
    liguilla: dict[str, list[MatchBlock]] = field(default_factory=dict)  # round -> both legs
    rules: str = ""  # the Liguilla's rules, as written
    top_scorers: list[tuple[str, str, int, str]] = field(default_factory=list)  # player, club, goals, nationality


@dataclass
class ArticleText:
    document: Document
    season_dates: tuple = ()
    season_line: int = 0
    tournaments: dict[str, TournamentText] = field(default_factory=dict)
    promotion_final: list[MatchBlock] = field(default_factory=list)
    relegation: list[tuple[int, list[str]]] = field(default_factory=list)  # line, cells

    @property
    def file(self) -> str:
        return self.document.file


def club_id(name: str) -> str:
    """The club a name means, by the mapping tables."""
    club = NameResolver(default_tables()).club(name, "", 0)
    assert club is not None, f"{name!r} is not a club name the tables know"
    return club


def read(path: Path) -> ArticleText:
    document = read_article(path)
    article = ArticleText(document)
    for block in document.root.blocks:
        if isinstance(block, Paragraph) and (match := _SEASON_DATES.search(block.text)):
            article.season_dates = (parse_date(match["start"]), parse_date(match["end"]))
            article.season_line = block.line
    for section in document.root.subsections:
        _read_section(article, section)
    return article


def _cells(table: Table) -> list[tuple[int, list[str]]]:
    return [(row.line, list(row.cells)) for row in table.rows[1:]]


def _matches(section: Section) -> list[MatchBlock]:
    return [block for sub in section.walk() for block in sub.blocks if isinstance(block, MatchBlock)]


def _read_section(article: ArticleText, section: Section) -> None:
    title = section.title
    if re.fullmatch(r"(Apertura|Clausura) \d{4}", title):
        tournament = article.tournaments.setdefault(title, TournamentText(title))
        for sub in section.subsections:
            if sub.title == "Standings":
                table = next(block for block in sub.blocks if isinstance(block, Table))
                for line, cells in _cells(table):
                    numbers = [parse_int(cell) for cell in cells]
                    tournament.standings.append(Standing(line, numbers[0], cells[1], *numbers[2:]))
            elif sub.title.startswith("Matchday"):
                tournament.matchdays.append(_matches(sub))
            elif "Liguilla" in sub.title:
                tournament.liguilla = {round_.title: _matches(round_) for round_ in sub.subsections}
                tournament.rules = " ".join(block.text for block in sub.blocks
                                            if isinstance(block, (Paragraph, BulletItem)))
    elif title.startswith("Top goalscorers - "):
        name = title.removeprefix("Top goalscorers - ").removesuffix(" regular season")
        table = next(block for block in section.blocks if isinstance(block, Table))
        article.tournaments[name].top_scorers = [
            (cells[1].split(" ", 1)[1], cells[2], int(cells[3]), cells[1].split(" ", 1)[0]) for _, cells in _cells(table)
        ]
    elif title.startswith("Campeón de Ascenso"):
        article.promotion_final = _matches(section)
    elif title == "Relegation table":
        table = next(block for block in section.blocks if isinstance(block, Table))
        article.relegation = _cells(table)


def goals_written(match: MatchBlock) -> int:
    return sum(len(entry.parsed.goals) for entry in match.scorers)


def short_lines(match: MatchBlock) -> list[int]:
    """The scorer lines of a side whose goals fall short of its score."""
    lines = []
    for club, score in ((match.home, match.home_score), (match.away, match.away_score)):
        entries = [entry for entry in match.scorers if entry.parsed.club == club]
        if sum(len(entry.parsed.goals) for entry in entries) != score:
            lines += [entry.line for entry in entries] or [match.score_line]
    return lines


def inconsistencies(article: ArticleText) -> set[tuple[str, int, str]]:
    """Everything in the article that does not add up, as (file, line, kind)."""
    found: set[tuple[str, int, str]] = set()
    file = article.file
    for tournament in article.tournaments.values():
        for row in tournament.standings:
            if row.points != 3 * row.won + row.drawn:
                found.add((file, row.line, "standings_points"))
        for match in [m for day in tournament.matchdays for m in day] + [
                m for legs in tournament.liguilla.values() for m in legs]:
            found |= {(file, line, "scorer_shortfall") for line in short_lines(match)}
    for line, cells in article.relegation:
        points, games, ratio = int(cells[2]), int(cells[3]), Decimal(cells[4])
        if (Decimal(points) / Decimal(games)).quantize(Decimal("0.0001"), ROUND_HALF_UP) != ratio:
            found.add((file, line, "relegation_ratio"))
    if article.promotion_final and article.season_dates[1] < max(m.date for m in article.promotion_final):
        found.add((file, article.season_line, "season_end_before_final"))
    return found
