"""How football writes seasons and minutes, and how the project reads them back.

A season's id is '2012-13' (it sits in IRIs); its name is '2012–13' (an en dash, as the articles and the graph's
labels write it). A goal's minute is "90'" or "90+2'". Articles, the graph, the pages and the generated corpus all
use these functions, so a season or a minute is written one way everywhere.
"""

from __future__ import annotations

import re

EN_DASH = "\u2013"

# Any dash people write between a season's years: hyphen, en dash, em dash, minus sign, or a slash.
_SEASON = re.compile(r"^(?P<start>\d{4})\s*[-–—−/]\s*(?P<end>\d{2}|\d{4})$")


def season_id(start_year: int) -> str:
    """2012 -> '2012-13'; 1999 -> '1999-00'."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def season_name(season: str) -> str:
    """'2012-13' -> '2012–13': a season id written as a name."""
    return season.replace("-", EN_DASH)


def season_id_from(text: str) -> str | None:
    """'2012–13', '2005−06', '2016-17', '2012/13', '2001–2002', '1999–2000' -> '2012-13', …, '1999-00'; None for
    text that is not one season spanning two consecutive years ('2001–2003', '2012')."""
    match = _SEASON.match(text.strip())
    if not match:
        return None
    start, end = int(match["start"]), match["end"]
    if len(end) == 4 and int(end) != start + 1 or len(end) == 2 and int(end) != (start + 1) % 100:
        return None
    return season_id(start)


def minute_text(minute: int | None, added: int | None = None) -> str:
    """"90'", "90+2'"; an empty string when no minute is known. No added time (None or 0) is not written."""
    if minute is None:
        return ""
    return f"{minute}+{added}'" if added else f"{minute}'"
