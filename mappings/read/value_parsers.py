"""Small pure parsers for the values found in season articles.

Each returns a typed value, or ``None`` when the text is not of that kind; none of them raises on bad input, so the
reader can report the line and carry on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ascenso_kg.notation import minute_text

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "enero"),
            ("february", "feb", "febrero"),
            ("march", "mar", "marzo"),
            ("april", "apr", "abril"),
            ("may", "mayo"),
            ("june", "jun", "junio"),
            ("july", "jul", "julio"),
            ("august", "aug", "agosto"),
            ("september", "sep", "sept", "septiembre"),
            ("october", "oct", "octubre"),
            ("november", "nov", "noviembre"),
            ("december", "dec", "diciembre"),
        ],
        start=1,
    )
    for name in names
}

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+)?([A-Za-z]+)\.?,?\s+(?:de\s+)?(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str) -> dt.date | None:
    """'24 April 2013', 'December 2, 2012', '2013-04-24', '24 de abril de 2013' -> a date."""
    text = text.strip().rstrip(".")
    if match := _ISO_DATE.match(text):
        year, month, day = (int(group) for group in match.groups())
    elif match := _DAY_MONTH_YEAR.match(text):
        day, month_name, year = int(match[1]), match[2], int(match[3])
        month = MONTHS.get(month_name.lower())
    elif match := _MONTH_DAY_YEAR.match(text):
        month_name, day, year = match[1], int(match[2]), int(match[3])
        month = MONTHS.get(month_name.lower())
    else:
        return None
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_int(text: str) -> int | None:
    """'9,581' -> 9581, '+12' -> 12, '-3' / '−3' -> -3; anything else (such as '1,2500') -> None."""
    cleaned = text.strip().replace("\u2212", "-").replace("\u2013", "-")
    if re.fullmatch(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)", cleaned):
        return int(cleaned.replace(",", ""))
    return None


def parse_decimal(text: str) -> Decimal | None:
    """'91.36' -> Decimal('91.36'); '1,2500' is not a decimal here (English articles use points)."""
    cleaned = text.strip()
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class Score:
    home: int
    away: int


# The one grammar of a match's score: the reader finds it inside a score line ('Neza 2–1 Lobos BUAP'), the
# infobox inside a described match, and parse_score reads it alone.
SCORE = r"(?P<home_goals>\d{1,2})\s*[-–—]\s*(?P<away_goals>\d{1,2})"
_SCORE = re.compile(rf"\s*{SCORE}\s*")


def parse_score(text: str) -> Score | None:
    """'2-1', '2–1', '2 - 1' -> Score(2, 1)."""
    if match := _SCORE.fullmatch(text):
        return Score(int(match["home_goals"]), int(match["away_goals"]))
    return None


@dataclass(frozen=True)
class Minute:
    minute: int
    added: int | None = None

    def __str__(self) -> str:
        return minute_text(self.minute, self.added)


_MINUTE = re.compile(r"^(\d{1,3})(?:\s*\+\s*(\d{1,2}))?\s*['’′]?$")

# Regulation time plus extra time; a larger number is a typo the reader reports rather than a minute.
MAX_MINUTE = 120


def parse_minute(text: str) -> Minute | None:
    """"14'" -> Minute(14); "90+2'" -> Minute(90, 2); "105'" -> Minute(105)."""
    if not (match := _MINUTE.match(text.strip())):
        return None
    minute = int(match[1])
    added = int(match[2]) if match[2] else None
    if not 1 <= minute <= MAX_MINUTE:
        return None
    return Minute(minute, added)


_NATIONALITY = re.compile(r"^([A-Z]{3})\s+(\S.*)$")


def split_nationality(text: str) -> tuple[str | None, str]:
    """'MEX Víctor Lojero' -> ('MEX', 'Víctor Lojero'); 'Jaime Ordiales' -> (None, 'Jaime Ordiales')."""
    text = text.strip()
    if match := _NATIONALITY.match(text):
        return match[1], match[2]
    return None, text


_ORDINAL_TITLE = re.compile(r"^(?P<club>.+?)\s+(?P<number>\d+)(?:st|nd|rd|th)\s+Title$", re.IGNORECASE)


def parse_title_line(text: str) -> tuple[str, int | None]:
    """'La Piedad 2nd Title' -> ('La Piedad', 2); 'Neza' -> ('Neza', None)."""
    if match := _ORDINAL_TITLE.match(text.strip()):
        return match["club"], int(match["number"])
    return text.strip(), None


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "sixteen": 16,
}


def parse_count(text: str) -> int | None:
    """'six' -> 6, '8' -> 8."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)
