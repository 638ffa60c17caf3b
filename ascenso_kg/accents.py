"""Accent folding, the one rule every comparison of names starts from: 'León' -> 'Leon', 'Ñ' -> 'N'.

Each caller adds its own step on top: ``iris.slugify`` lower-cases and joins words with hyphens, the linking names
case-fold first and drop punctuation, search case-folds after. Only the removal of accents lives here.
"""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """'Estadio Nou Camp (León)' -> 'Estadio Nou Camp (Leon)': compatibility decomposition without the combining
    marks, so 'é', 'é' (e + combining acute) and 'ﬁ' read as 'e', 'e' and 'fi'. Case and punctuation are kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
