"""The reader's output: an article as plain records with line numbers. Nothing here knows RDF or football rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator, Union

from .scorers import ScorerLine


@dataclass(frozen=True)
class Problem:
    """Something in an article the project could not read or map; always names the file and line."""

    file: str
    line: int
    message: str
    severity: str = "warning"  # "warning": data may be lost or doubtful; "info": noted and skipped on purpose

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class InfoboxField:
    key: str
    value: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True)
class BulletItem:
    text: str
    line: int


@dataclass(frozen=True)
class Placeholder:
    """An empty marker left by the rendering (``----``, ``<onlyinclude></onlyinclude>``)."""

    text: str
    line: int


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Table:
    rows: tuple[TableRow, ...]

    @property
    def line(self) -> int:
        return self.rows[0].line

    @property
    def last_line(self) -> int:
        return self.rows[-1].line


@dataclass(frozen=True)
class ScorerEntry:
    parsed: ScorerLine
    line: int


@dataclass(frozen=True)
class MatchBlock:
    """``24 April 2013`` / ``Neza 2-1 Lobos BUAP`` / indented scorer lines."""

    date: dt.date
    date_line: int
    home: str
    away: str
    home_score: int
    away_score: int
    score_line: int
    scorers: tuple[ScorerEntry, ...] = ()
    extra_time: bool = False
    penalties: tuple[int, int] | None = None
    away_line: int | None = None  # the rendering split the score line: '(a.e.t.) Necaxa' on a line of its own

    @property
    def line(self) -> int:
        return self.date_line

    @property
    def last_line(self) -> int:
        return max([self.score_line, self.away_line or 0, *(entry.line for entry in self.scorers)])


Block = Union[Paragraph, BulletItem, Placeholder, Table, MatchBlock]


@dataclass
class Section:
    title: str
    depth: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)

    def walk(self) -> Iterator["Section"]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass
class Document:
    file: str
    title: str
    title_line: int
    lines: list[str]
    infobox: list[InfoboxField] = field(default_factory=list)
    infobox_line: int | None = None
    root: Section = field(default_factory=lambda: Section("", 1, 0))
    problems: list[Problem] = field(default_factory=list)
    # A text file written whole ends with a line break; one that stops without it was cut inside its last line.
    ends_mid_line: bool = False
    infobox_end: int | None = None  # the last line of a wikitext copy's infobox template
    wikitext: bool = False  # a wikitext-like copy: its headings lost their '==' and stand as bare lines

    def problem(self, line: int, message: str, severity: str = "warning") -> None:
        self.problems.append(Problem(self.file, line, message, severity))
