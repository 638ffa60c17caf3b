"""Comparing names the way people type them: without accents, case or punctuation.

Used by the Wikidata candidate scoring and by the reconciliation index, so that 'Leon', 'LEÓN' and 'León' are one
name, and 'U. de G.', 'U de G' and 'u. de g' are another.
"""

from __future__ import annotations

import re

from ..accents import strip_accents

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(name: str) -> str:
    """'Estadio Nou Camp (León)' -> 'estadio nou camp leon'; '2012–13' -> '2012 13'."""
    return _NOT_WORD.sub(" ", strip_accents(name.casefold())).strip()


def tokens(name: str) -> tuple[str, ...]:
    """The words of a folded name, in order."""
    return tuple(fold(name).split())


def is_abbreviated(name: str) -> bool:
    """'J. López' or 'R. de Pinho': a name that gives only an initial, which no name search can match safely."""
    return re.search(r"(^|\s)\w\.(\s|$)", name) is not None
