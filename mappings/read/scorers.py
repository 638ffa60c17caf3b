"""Scorer lines of match blocks: ``Necaxa: A. Escoboza 14', 50' , C. Hurtado 61'``.

A scorer line names a club, then scorers separated by commas; each scorer has zero or more minutes, each minute
possibly marked as a penalty or an own goal (``45' (pen.)``, ``12' o.g.``, ``(o.g.) 12'``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .value_parsers import Minute, parse_minute


@dataclass(frozen=True)
class GoalMention:
    """One goal as written: who, when (if given), and how."""

    scorer: str
    minute: Minute | None = None
    penalty: bool = False
    own_goal: bool = False


@dataclass
class ScorerLine:
    club: str
    goals: list[GoalMention] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


_PENALTY = re.compile(r"\(\s*(?:pen\.?|p|penalty)\s*\)|\bpen\.", re.IGNORECASE)
_OWN_GOAL = re.compile(r"\(\s*(?:o\.\s*g\.?|og|own goal)\s*\)|\bo\.\s*g\.|\bog\b", re.IGNORECASE)
_MINUTE_TOKEN = re.compile(r"\d{1,3}(?:\s*\+\s*\d{1,2})?\s*['’′]")
_BROKEN_MINUTE = re.compile(r"\s+(\S*\d\S*['’′])$")  # "4S'": meant as a minute, not readable as one
_SCORER_LINE = re.compile(r"^\s*(?P<club>[^:]+?)\s*:\s*(?P<scorers>.*)$")


def _markers(text: str) -> tuple[str, bool, bool]:
    """Strip penalty and own-goal markers from a piece of text; say which were there."""
    penalty = bool(_PENALTY.search(text))
    own_goal = bool(_OWN_GOAL.search(text))
    text = _OWN_GOAL.sub(" ", _PENALTY.sub(" ", text))
    return " ".join(text.split()), penalty, own_goal


def parse_scorer_line(text: str) -> ScorerLine | None:
    """Parse 'Club: Name 12', 30' , Other 45+1' (pen.)'; None when the text is not a scorer line at all."""
    match = _SCORER_LINE.match(text)
    if not match or not match["club"].strip():
        return None
    line = ScorerLine(club=match["club"].strip())
    current: str | None = None
    for piece in (part.strip() for part in match["scorers"].split(",")):
        if not piece:
            continue
        piece, penalty, own_goal = _markers(piece)
        minutes = _MINUTE_TOKEN.findall(piece)
        name = _MINUTE_TOKEN.sub(" ", piece).strip()
        if broken := _BROKEN_MINUTE.search(name):
            name = name[: broken.start()].strip()
            line.problems.append(f"cannot read minute {broken[1]!r} of {name or current}; the goal is kept without it")
            minutes.append(broken[1])
        if name:
            if re.search(r"\d", name):
                line.problems.append(f"cannot read scorer {piece!r}")
                continue
            current = name
            if not minutes:
                line.goals.append(GoalMention(current, None, penalty, own_goal))
                continue
        elif current is None:
            line.problems.append(f"minute {piece!r} comes before any scorer name")
            continue
        for token in minutes:
            minute = parse_minute(token)
            if minute is None and not (broken and token == broken[1]):
                line.problems.append(f"cannot read minute {token!r} of {current}")
            line.goals.append(GoalMention(current, minute, penalty, own_goal))
    return line
