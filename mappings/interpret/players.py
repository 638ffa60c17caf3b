"""Who is who: settle player mentions across all articles.

A full name (``Víctor Lojero``) names one player per club: the same full name for the same club is the same
player in any season. An abbreviated name (``V. Lojero``, ``Alatorre``) is that player only where exactly one full
name of the same club and season fits its initials and surname; otherwise it stays a player of its own, scoped to
its club and season. A wrong merge is worse than a missed one, so nothing else is merged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ascenso_kg.iris import slugify

from .records import PlayerMention

_INITIAL = re.compile(r"^[^\W\d_]\.$")  # 'V.', 'Á.'; the first letter of a given name


@dataclass
class Player:
    id: str
    label: str
    full_name: bool
    names: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)


def is_abbreviated(name: str) -> bool:
    tokens = name.split()
    return len(tokens) == 1 or bool(_INITIAL.match(tokens[0]) and tokens[0][0].isupper())


def _fold(text: str) -> str:
    return slugify(text).replace("-", " ")


def _fits(abbreviated: str, full: str) -> bool:
    """'V. Lojero' fits 'Víctor Lojero'; 'S. Maz' fits 'Nelson Sebastián Maz'; 'Alatorre' fits 'X Alatorre'."""
    tokens = abbreviated.split()
    initials = [_fold(token[0]) for token in tokens if _INITIAL.match(token)]
    surname = _fold(" ".join(token for token in tokens if not _INITIAL.match(token)))
    full_tokens = _fold(full).split()
    surname_tokens = surname.split()
    if not surname_tokens or full_tokens[-len(surname_tokens):] != surname_tokens:
        return False
    given = full_tokens[: len(full_tokens) - len(surname_tokens)]
    if not given:
        return False
    position = 0
    for initial in initials:  # each initial matches a later given name, in order
        while position < len(given) and given[position][0] != initial:
            position += 1
        if position == len(given):
            return False
        position += 1
    return True


class PlayerRegistry:
    """Collects mentions, then resolves each to a player id."""

    def __init__(self) -> None:
        self.mentions: list[PlayerMention] = []
        self.resolved: dict[PlayerMention, str] = {}
        self.players: dict[str, Player] = {}

    def add(self, mention: PlayerMention) -> None:
        self.mentions.append(mention)

    def resolve(self) -> None:
        full_by_club_season: dict[tuple[str | None, str], set[str]] = defaultdict(set)
        for mention in self.mentions:
            if not is_abbreviated(mention.name):
                player_id = self._full_id(mention)
                self._record(mention, player_id, mention.name, True)
                full_by_club_season[(mention.club, mention.season)].add(mention.name)
        for mention in self.mentions:
            if mention in self.resolved:
                continue
            candidates = {
                self._full_id(PlayerMention(name, mention.club, mention.season))
                for name in full_by_club_season[(mention.club, mention.season)]
                if _fits(mention.name, name)
            }
            if len(candidates) == 1:
                player_id = candidates.pop()
                self._record(mention, player_id, self.players[player_id].label, True)
            else:
                scoped = "/".join(part for part in (mention.club, mention.season, slugify(mention.name)) if part)
                self._record(mention, scoped, mention.name, False)

    def _full_id(self, mention: PlayerMention) -> str:
        return "/".join(part for part in (mention.club, slugify(mention.name)) if part)

    def _record(self, mention: PlayerMention, player_id: str, label: str, full: bool) -> None:
        self.resolved[mention] = player_id
        player = self.players.setdefault(player_id, Player(player_id, label, full))
        player.names.add(mention.name)
        if mention.nationality:
            player.nationalities.add(mention.nationality)

    def player_of(self, mention: PlayerMention) -> Player:
        return self.players[self.resolved[mention]]
