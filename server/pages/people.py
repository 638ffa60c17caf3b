"""Telling people apart: the clubs and seasons each player is named in, and pairs of players who are probably one.

The graph merges two names into one player only where club and season make it certain (``V. Lojero`` in a
2012–13 Necaxa match and ``Víctor Lojero`` in the 2012–13 Necaxa top-scorer table). Pages must still let a reader
tell the two "J. García" apart and see that the 2013–14 Necaxa "V. Lojero" is probably the same man: so every player
is shown with the clubs and seasons the articles name them in, and two players of one club whose names agree
(same surname, and the same first name or its initial) are shown as probably the same, never merged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..search_index import fold
from .names import LabelLookup


@dataclass(frozen=True)
class Appearance:
    club: str | None
    club_name: str | None
    season: str | None
    season_name: str | None


def name_parts(label: str) -> tuple[str, str] | None:
    """``Víctor Lojero`` -> (``victor``, ``lojero``); ``R. de Pinho`` -> (``r.``, ``de pinho``); one word: None."""
    words = fold(label).split()
    if len(words) < 2:
        return None
    return words[0], " ".join(words[1:])


def same_person_names(first: str, second: str) -> bool:
    """Two names that can be one person's: the same surname, and the same first name or its initial."""
    a, b = name_parts(first), name_parts(second)
    if a is None or b is None or a[1] != b[1]:
        return False
    given_a, given_b = a[0].rstrip("."), b[0].rstrip(".")
    if given_a == given_b:
        return True
    initial_a, initial_b = a[0].endswith(".") or len(given_a) == 1, b[0].endswith(".") or len(given_b) == 1
    if initial_a and not initial_b:
        return given_b.startswith(given_a)
    if initial_b and not initial_a:
        return given_a.startswith(given_b)
    return False


class PlayerContexts:
    """Every player's appearances (club, season) and the players of the same club probably the same person."""

    def __init__(self, appearances: dict[str, list[Appearance]], labels: dict[str, str]):
        self.appearances = appearances
        self.labels = labels
        self.players = sorted(appearances)
        self._probable = self._pair()

    def _pair(self) -> dict[str, list[str]]:
        # Only players of one club with one surname can pair: compare within those small groups, not club-wide.
        groups: dict[tuple[str, str], set[str]] = defaultdict(set)
        for player, found in self.appearances.items():
            parts = name_parts(self.labels.get(player, ""))
            if parts is None:
                continue
            for appearance in found:
                if appearance.club:
                    groups[(appearance.club, parts[1])].add(player)
        pairs: dict[str, set[str]] = defaultdict(set)
        for players in groups.values():
            ordered = sorted(players)
            for index, one in enumerate(ordered):
                for other in ordered[index + 1:]:
                    if same_person_names(self.labels[one], self.labels[other]):
                        pairs[one].add(other)
                        pairs[other].add(one)
        return {player: sorted(found) for player, found in pairs.items()}

    def probable(self, player: str) -> list[str]:
        """The other players probably the same person as ``player`` (same club, agreeing names)."""
        return self._probable.get(player, [])

    def context(self, player: str) -> str | None:
        """``Lobos BUAP, 2011–12``: the clubs and seasons the articles name the player in, or None if none."""
        found = self.appearances.get(player, [])
        clubs = list(dict.fromkeys(a.club_name for a in found if a.club_name))
        seasons = sorted({a.season_name for a in found if a.season_name})
        if not clubs and not seasons:
            return None
        season_text = ""
        if len(seasons) == 1:
            season_text = seasons[0]
        elif len(seasons) == 2:
            season_text = f"{seasons[0]} and {seasons[1]}"
        elif seasons:
            season_text = f"{seasons[0]} to {seasons[-1]}"
        return ", ".join(part for part in (" / ".join(sorted(clubs)), season_text) if part)

    def seasons(self, player: str) -> list[str]:
        """The short names of the seasons the articles name the player in, oldest first."""
        return sorted({a.season_name for a in self.appearances.get(player, []) if a.season_name})

    def labelled(self, player: str) -> str:
        """``J. García (Lobos BUAP, 2011–12)``: the label with its context, to tell namesakes apart."""
        label = self.labels.get(player, player)
        context = self.context(player)
        return f"{label} ({context})" if context else label


def read_player_contexts(rows, names: LabelLookup, seasons: list[dict]) -> PlayerContexts:
    """From the rows of ``catalogue-players.rq`` (player, club, season) and the catalogue's seasons."""
    short = {s["link"]["iri"]: s["short"] or s["link"]["text"] for s in seasons}
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    rows = list(rows)
    seasoned = {(player.value, club.value) for player, club, season in rows if club is not None and season is not None}
    for player, club, season in rows:
        known = appearances[player.value]
        if club is None or (season is None and (player.value, club.value) in seasoned):
            continue  # the player alone, or a club the player also has with a season
        appearance = Appearance(club.value, names.text(club.value),
                                season.value if season is not None else None,
                                short.get(season.value) if season is not None else None)
        if appearance not in known:
            known.append(appearance)
    labels = {player: names.text(player) or player for player in appearances}
    return PlayerContexts(dict(appearances), labels)
