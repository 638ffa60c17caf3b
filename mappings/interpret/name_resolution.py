"""Resolve names as written in an article to club, stadium, city and competition ids, using the mapping tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ascenso_kg.iris import slugify

from ..mapping_tables import MappingTables


def normalize_name(name: str) -> str:
    """Fold the spacing and trailing punctuation an article may vary: 'U. de G' and 'U. de G.' stay distinct rows
    in the alias table, but ' Neza ' and 'Neza' do not need two."""
    return " ".join(name.split())


@dataclass
class NameResolver:
    tables: MappingTables

    def club(self, name: str, article: str, line: int) -> str | None:
        """The club a name means at this place of this article, or None if the tables do not know it."""
        aliases = self.tables.club_aliases.get(normalize_name(name))
        if not aliases:
            return None
        here = f"{article}:{line}"
        for alias in aliases:
            if alias.scope == here:
                return alias.target
        general = [alias.target for alias in aliases if alias.scope is None]
        return general[0] if general else None

    def club_name(self, club_id: str) -> str:
        return self.tables.clubs.get(club_id, club_id)

    def stadium(self, name: str) -> tuple[str, str]:
        """(id, canonical name); an unknown stadium keeps the name as written."""
        name = normalize_name(name)
        stadium_id = self.tables.stadium_aliases.get(name)
        if stadium_id:
            return stadium_id, self.tables.stadiums[stadium_id]
        return slugify(name), name

    def city(self, name: str) -> tuple[str, str]:
        """(id, canonical name); an unknown city keeps the name as written."""
        name = normalize_name(name)
        if name in self.tables.city_aliases:
            return self.tables.city_aliases[name]
        city, _, state = name.rpartition(", ")
        if city and state in self.tables.states:  # 'Guadalajara, Jalisco' is Guadalajara
            return self.city(city)
        return slugify(name), name

    def competition(self, name: str) -> tuple[str, str] | None:
        return self.tables.competitions.get(normalize_name(name))

    def find_clubs(self, text: str, article: str, line: int) -> list[tuple[int, str, str]]:
        """Every club name in free text, as (position, club id, name as written), in order."""
        found = []
        for position, alias in _find_names(text, self.tables.club_aliases, r"(?<![\w.])", _NOT_A_RESERVE_TEAM):
            club = self.club(alias, article, line)
            if club:
                found.append((position, club, alias))
        return found

    def find_competitions(self, text: str) -> list[tuple[str, str]]:
        """Competitions named in free text, as (id, name), each once, in order."""
        found: dict[str, str] = {}
        for _, alias in _find_names(text, self.tables.competitions, r"(?<!\w)"):
            competition_id, name = self.tables.competitions[alias]
            found.setdefault(competition_id, name)
        return list(found.items())


# 'Veracruz B', 'Tecos "A"', 'Atlas Premier', 'Pachuca Juniors' are reserve and affiliate teams, clubs of their own:
# the senior club's name inside them is not the senior club.
_NOT_A_RESERVE_TEAM = r"(?!\s+(?:[\"'“‘]?[AB][\"'”’]?(?!\w)|Premier\b|Reserves?\b|Juniors?\b|Sub-?\d|U-?\d))"


def _find_names(text: str, names, before: str, after: str = "") -> list[tuple[int, str]]:
    """Where each name occurs in the text, longest names first so 'Toros Neza' is not read as 'Neza'."""
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"{before}{re.escape(name)}(?!\w){after}", text):
            span = range(match.start(), match.end())
            if not any(span.start < other.stop and other.start < span.stop for other in taken):
                taken.append(span)
                found.append((match.start(), name))
    return sorted(found)
