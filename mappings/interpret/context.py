"""What the interpreter knows while it walks an article: where it is (tournament, stage, round, leg, kind of
section), which lines it has accounted for, and how tournaments, seasons and their ids relate."""

from __future__ import annotations

from ascenso_kg.notation import season_id

import re
from dataclasses import dataclass, field

from ..read.document import Document
from .records import StageKey, TableRecord

TOURNAMENT_NAME = re.compile(r"\b(?P<kind>Apertura|Clausura|Bicentenario|Invierno|Verano)\s+(?P<year>\d{4})\b")
TOURNAMENT_KIND = re.compile(r"\b(?P<kind>Apertura|Clausura)\b")
OPENING_TOURNAMENTS = ("Apertura", "Invierno")  # Invierno and Verano were the Apertura and Clausura before 2002


def season_id_of(tournament_kind: str, year: int) -> str:
    """Apertura (Invierno) 2012 opens 2012–13; Clausura (Verano, Bicentenario) 2013 closes it."""
    return season_id(year if tournament_kind in OPENING_TOURNAMENTS else year - 1)


def tournament_id_of(kind: str, year: int) -> str:
    return f"{kind.lower()}-{year}"


@dataclass
class Coverage:
    """For each line of an article: 'mapped', or the reason it was skipped."""

    explained: dict[int, str] = field(default_factory=dict)

    def mapped(self, *lines: int) -> None:
        for line in lines:  # a fact read from a line outranks a reason to skip the rest of it
            self.explained[line] = "mapped"

    def skipped(self, line: int, reason: str) -> None:
        self.explained.setdefault(line, f"skipped: {reason}")

    def unexplained(self, document: Document) -> list[int]:
        return [
            number
            for number, text in enumerate(document.lines, start=1)
            if text.strip() and number not in self.explained
        ]


@dataclass(frozen=True)
class Context:
    role: str | None = None
    tournament: str | None = None
    stage: StageKey | None = None
    round: str | None = None
    leg: int | None = None
    scope: tuple[str, str] | None = None  # what a table here covers


@dataclass
class SectionState:
    """Notes that attach to a table of the same section ('Last updated on …', 'Players sorted first by …')."""

    last_table: TableRecord | None = None
    pending_updated: object = None
    pending_sort: str | None = None
