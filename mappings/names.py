"""Resolve names as written in an article to club, stadium, city and competition ids, using the mapping tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ascenso_kg.iris import slugify

from .config import MappingTables


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
        return slugify(name), name

    def competition(self, name: str) -> tuple[str, str] | None:
        return self.tables.competitions.get(normalize_name(name))

    def find_clubs(self, text: str, article: str, line: int) -> list[tuple[int, str, str]]:
        """Every club name in free text, longest names first, as (position, club id, name as written)."""
        found: list[tuple[int, str, str]] = []
        taken: list[range] = []
        for alias in sorted(self.tables.club_aliases, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w.]){re.escape(alias)}(?!\w)", text):
                span = range(match.start(), match.end())
                if any(span.start < other.stop and other.start < span.stop for other in taken):
                    continue
                club = self.club(alias, article, line)
                if club:
                    taken.append(span)
                    found.append((match.start(), club, alias))
        return sorted(found)

    def find_competitions(self, text: str) -> list[tuple[str, str]]:
        """Competitions named in free text, as (id, name), longest names first, each once."""
        found: dict[str, str] = {}
        taken: list[range] = []
        for alias in sorted(self.tables.competitions, key=len, reverse=True):
            for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
                span = range(match.start(), match.end())
                if any(span.start < other.stop and other.start < span.stop for other in taken):
                    continue
                taken.append(span)
                competition_id, name = self.tables.competitions[alias]
                found.setdefault(competition_id, name)
        return list(found.items())
