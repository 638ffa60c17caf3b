"""The grammar of an infobox value, written once for every field and every rendering.

A value is a comma-separated run of items, optionally grouped by tournament or division labels, in whatever
punctuation the rendering left: ``Apertura: X , Clausura: Y``, ``Apertura:, X , Clausura:, Y``, ``Apertura:10``,
``Clausura, Y`` (no colon), ``Guard1anes 2020:, X``, ``Serie A: X``, ``Campeón de Ascenso:, X``. A label with no
item after it (a value lost in the rendering) gives an empty group, so the next item is never shifted into its
place. Items are cleaned of footnote marks, template residue and stray markup; parenthesised notes stay attached
to the item they follow: ``X (3rd Title)`` and ``X, (3rd title)`` both give item X with title number 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ascenso_kg.notation import season_id_from

# A tournament or division label; "Invieno" is a typo the articles use, "Guard1anes" a rendering's spelling.
_LABEL = re.compile(
    r"^(?P<label>Apertura|Clausura|Invierno|Invieno|Verano|Bicentenario|Guard[i1]anes|Serie\s+[AB]|Overall"
    r"|Campe[oó]n\s+de\s+Ascenso)(?:\s+(?P<year>\d{4}))?\s*(?::\s*(?P<rest>.*)|(?P<bare>))$",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d+|citation needed)\]", re.IGNORECASE)
_TEMPLATE_RESIDUE = re.compile(r"\|\s*[\w -]+?\s*=\s*")
# "America (11th title) | runner-up = Cruz Azul": another template parameter run into this value.
_RESIDUE_FIELD = re.compile(r"\|\s*(?P<key>[A-Za-z][\w -]*?)\s*=\s*(?P<value>[^|]*)")
_NOTE = re.compile(r"\(([^()]*)\)")
_TITLE_NUMBER = re.compile(r"^(?P<number>\d{1,3})\s*(?:st|nd|rd|th)\s+title$", re.IGNORECASE)
_GOALS = re.compile(r"^(?P<number>\d{1,3})(?:\s+goals?)?$", re.IGNORECASE)
_NONE = re.compile(
    r"^(?:none|n/?a|—|-|–|no\s+(?:relegation|promotion|champion|winner)s?\b.*|"
    r"tournament\s+(?:cancelled|canceled|suspended|abandoned)\b.*|not\s+awarded\b.*|vacant)$",
    re.IGNORECASE,
)

OPENING = {"apertura": "Apertura", "invierno": "Invierno", "invieno": "Invierno"}
CLOSING = {"clausura": "Clausura", "verano": "Verano", "bicentenario": "Bicentenario"}


@dataclass(frozen=True)
class Item:
    """One item of a value: the text, and the notes in parentheses that followed it."""

    text: str
    notes: tuple[str, ...] = ()

    @property
    def title_number(self) -> int | None:
        for note in self.notes:
            if match := _TITLE_NUMBER.match(note.strip()):
                return int(match["number"])
        return None

    @property
    def goals(self) -> int | None:
        for note in self.notes:
            if match := _GOALS.match(note.strip()):
                return int(match["number"])
        return None

    @property
    def states_none(self) -> bool:
        return bool(_NONE.match(self.text))


@dataclass(frozen=True)
class Group:
    """The items under one label (``None``: the value had no label, or items came before the first label)."""

    label: str | None
    year: int | None
    items: tuple[Item, ...] = field(default_factory=tuple)


def clean(text: str) -> str:
    """Footnote marks, template residue, stray markup and doubled spaces out."""
    text = _FOOTNOTE.sub("", text)
    text = _TEMPLATE_RESIDUE.sub(" ", text)
    text = text.replace("<", " ").replace(">", " ").replace("'''", "").replace("''", "")
    text = text.replace("\u00a0", " ")
    return " ".join(text.split()).strip(" ,;:'\"|")


def split_items(text: str) -> list[Item]:
    """'Irapuato (3rd Title)' / 'Atlante, (2nd title)' / 'Mauro Boselli, Avilés Hurtado, (11 goals)' -> items."""
    items: list[Item] = []
    for piece in split_commas(text):
        notes = tuple(note.strip() for note in _NOTE.findall(piece))
        bare = clean(_NOTE.sub(" ", piece))
        if not bare and notes and items:  # "(6th title)" after its item
            items[-1] = Item(items[-1].text, items[-1].notes + notes)
        elif bare:
            items.append(Item(bare, notes))
    return items


def parse_value(value: str) -> list[Group]:
    """A value as groups of items, by tournament or division label."""
    groups: list[Group] = []
    label, year, pending = None, None, ""
    for piece in split_commas(clean_keep_commas(value)):
        match = _LABEL.match(piece.strip())
        if match:
            if pending.strip(" ,") or label is not None:
                groups.append(Group(label, year, tuple(split_items(pending))))
            label, year = _label_name(match["label"]), int(match["year"]) if match["year"] else None
            pending = match["rest"] or ""
        else:
            pending += "," + piece
    if pending.strip(" ,") or label is not None:
        groups.append(Group(label, year, tuple(split_items(pending))))
    return groups


def split_residue(value: str) -> tuple[str, list[tuple[str, str]]]:
    """'Santos | runner-up = Monterrey' -> ('Santos', [('runner-up', 'Monterrey')])."""
    first = value.find("|")
    if first < 0 or not _RESIDUE_FIELD.match(value[first:]):
        return value, []
    return value[:first].strip(), [(m["key"], m["value"].strip()) for m in _RESIDUE_FIELD.finditer(value[first:])]


def split_commas(text: str) -> list[str]:
    """Split at the commas between items: not inside parentheses, not the thousands separators of '61,561'."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            thousands = index > 0 and text[index - 1].isdigit() and re.match(r"\d{3}(?!\d)", text[index + 1:])
            if not thousands:
                pieces.append(text[start:index])
                start = index + 1
    pieces.append(text[start:])
    return pieces


_GLUED_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:Apertura|Clausura|Invierno|Verano|Guard[i1]anes|Serie\s+[AB]|Overall)(?:\s+\d{4})?\s*:)")


def clean_keep_commas(value: str) -> str:
    value = _FOOTNOTE.sub("", value)
    # "Apertura: 24,284 Clausura:26,829": a label with no comma before it still starts a group.
    value = _GLUED_LABEL.sub(", ", value)
    # "Apertura:10" and "Apertura:Necaxa": a label glued to its item.
    return re.sub(r"(?<=[A-Za-z]):(?=\S)", ": ", value)


def _label_name(text: str) -> str:
    text = " ".join(text.split())
    lowered = text.lower()
    if lowered in OPENING:
        return OPENING[lowered]
    if lowered in CLOSING:
        return CLOSING[lowered]
    if lowered.startswith("guard"):
        return "Guardianes"
    if lowered.startswith("campe"):
        return "Campeón de Ascenso"
    return text[0].upper() + text[1:]


def parse_number(text: str) -> int | None:
    """'61,561' / '4,069,808' / '306' / '10 matches' -> the whole number; anything else -> None."""
    match = re.match(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:matches|games|goals|teams|clubs|points))?$",
                     text.strip(), re.IGNORECASE)
    return int(match[1].replace(",", "")) if match else None


_TOURNAMENT = re.compile(
    r"^(?:(?P<kind>Apertura|Clausura|Invierno|Verano|Bicentenario)\s+(?P<year>\d{4})"
    r"|(?P<year2>\d{4})\s+(?P<kind2>Apertura|Clausura|Invierno|Verano|Bicentenario))$", re.IGNORECASE)


def parse_tournament(text: str) -> tuple[str, int] | None:
    """'Clausura 2013' / '2010 Apertura' / 'Bicentenario 2010' -> ('Clausura', 2013), …"""
    match = _TOURNAMENT.match(clean(text))
    if not match:
        return None
    kind = (match["kind"] or match["kind2"]).capitalize()
    return kind, int(match["year"] or match["year2"])


def parse_season(text: str) -> str | None:
    """'2005−06' (a minus sign), '2016-17', '2001–2002', '1999–2000' -> '2005-06', …, '1999-00'."""
    return season_id_from(clean(text))
