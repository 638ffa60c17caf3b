"""The generator's clubs are the mapping tables' clubs: the pool keeps only what the tables do not hold (which of a
club's names a season uses, in which order, its ground's capacity), and every name it writes resolves through the
tables to the club it stands for, so a change to ``clubs.csv``, ``club_aliases.csv`` or ``stadium_aliases.csv``
that the generated articles would no longer match fails here rather than in a bench run."""

from __future__ import annotations

import pytest

from ascenso_kg.corpus.club_pool import CLUBS
from ascenso_kg.mappings.interpret.name_resolution import NameResolver
from ascenso_kg.mappings.mapping_tables import default_tables


@pytest.fixture(scope="module")
def resolver() -> NameResolver:
    return NameResolver(default_tables())


@pytest.mark.parametrize("entry", CLUBS, ids=lambda entry: entry.id)
def test_every_name_the_generator_writes_resolves_to_its_club(entry, resolver):
    assert entry.id in resolver.tables.clubs
    names = {entry.name, *entry.match_names, *entry.renamings, *entry.table_names}
    assert {name: resolver.club(name, "", 0) for name in names} == {name: entry.id for name in names}


@pytest.mark.parametrize("entry", CLUBS, ids=lambda entry: entry.id)
def test_every_ground_is_a_stadium_of_the_tables(entry, resolver):
    assert entry.ground.stadium in resolver.tables.stadium_aliases
