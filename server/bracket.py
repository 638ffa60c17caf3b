"""A Liguilla drawn as a bracket: where each tie's box goes and how the winners' lines join the next round.

Pure layout, no SVG text: ``layout()`` takes the rounds (each a list of ties with two sides) and returns boxes and
connector paths in pixels; the ``_bracket.html`` partial draws them as SVG, so the server sends a picture that needs
no script, and every box is a link to its tie.

The ties of a round are placed in the order of the ties their winners go on to, so a winner's line runs to the
next round without crossing others. Liguillas are re-seeded every round, so a tie may have no earlier tie feeding a
side (a club that went straight to the semifinals); such a side simply has no line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BOX_WIDTH = 230
ROW_HEIGHT = 22
BOX_HEIGHT = 2 * ROW_HEIGHT
COLUMN_GAP = 56
SLOT_HEIGHT = BOX_HEIGHT + 26  # vertical room per tie in the busiest round
HEADER_HEIGHT = 28
MARGIN = 8
NAME_CHARACTERS = 24  # what fits in a box beside the score at the partial's font size


@dataclass
class Side:
    club: str | None  # the club's IRI (to follow it from round to round)
    name: str
    score: str  # the aggregate as text ("" when the article gives none)
    winner: bool
    seed: int | None = None


@dataclass
class Tie:
    href: str
    title: str
    sides: list[Side]
    winner: str | None  # the winning club's IRI


@dataclass
class Round:
    title: str
    href: str | None
    ties: list[Tie]


@dataclass
class Box:
    tie: Tie
    x: int
    y: int
    rows: list[dict] = field(default_factory=list)  # one per side: text, score, winner, y of its baseline


@dataclass
class Bracket:
    width: int
    height: int
    headers: list[dict]
    boxes: list[Box]
    connectors: list[str]  # SVG path data
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT
    row_height: int = ROW_HEIGHT


def short(name: str, limit: int = NAME_CHARACTERS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def order_rounds(rounds: list[Round]) -> list[list[Tie]]:
    """Each round's ties, ordered so that every tie sits in line with the tie its winner plays next."""
    if not rounds:
        return []
    ordered = [list(rounds[-1].ties)]
    for earlier in reversed(rounds[:-1]):
        later = ordered[0]
        position = {}
        for index, tie in enumerate(later):
            for side_index, side in enumerate(tie.sides):
                if side.club:
                    position.setdefault(side.club, (index, side_index))
        ties = sorted(earlier.ties, key=lambda t: position.get(t.winner, (len(later), 0)))
        ordered.insert(0, ties)
    return ordered


def layout(rounds: list[Round]) -> Bracket:
    columns = order_rounds(rounds)
    busiest = max((len(ties) for ties in columns), default=1) or 1
    height = HEADER_HEIGHT + busiest * SLOT_HEIGHT + MARGIN
    headers, boxes, placed = [], [], {}
    for column, (round_, ties) in enumerate(zip(rounds, columns)):
        x = MARGIN + column * (BOX_WIDTH + COLUMN_GAP)
        headers.append({"x": x, "y": HEADER_HEIGHT - 10, "text": round_.title, "href": round_.href})
        slot = busiest * SLOT_HEIGHT / max(len(ties), 1)
        for index, tie in enumerate(ties):
            y = round(HEADER_HEIGHT + slot * index + (slot - BOX_HEIGHT) / 2)
            box = Box(tie, x, y)
            for side_index, side in enumerate(tie.sides[:2]):
                box.rows.append({"text": short(side.name), "full": side.name, "score": side.score,
                                 "winner": side.winner, "seed": side.seed,
                                 "y": y + side_index * ROW_HEIGHT + ROW_HEIGHT - 6})
            boxes.append(box)
            placed[(column, id(tie))] = box
    connectors = []
    for column in range(1, len(columns)):
        for tie in columns[column]:
            target = placed[(column, id(tie))]
            for side_index, side in enumerate(tie.sides[:2]):
                source = next((placed[(column - 1, id(t))] for t in columns[column - 1]
                               if side.club and t.winner == side.club), None)
                if source is None:
                    continue
                start_x, start_y = source.x + BOX_WIDTH, source.y + BOX_HEIGHT // 2
                end_x, end_y = target.x, target.y + side_index * ROW_HEIGHT + ROW_HEIGHT // 2
                middle = start_x + COLUMN_GAP // 2
                connectors.append(f"M{start_x},{start_y} H{middle} V{end_y} H{end_x}")
    width = MARGIN * 2 + len(columns) * BOX_WIDTH + max(len(columns) - 1, 0) * COLUMN_GAP
    return Bracket(width, height, headers, boxes, connectors)
