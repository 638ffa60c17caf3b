"""Gold infobox facts of the family articles (``gold_infobox.py``): what is read equals what a person read."""

from __future__ import annotations

import pytest

from ascenso_kg.iris import slugify
from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.interpret.name_resolution import NameResolver

from .gold_infobox import CORE, CORE_FIELDS, FULL
from .infobox_facts import FAMILY, captured, facts, family_file, read_infobox_of

_NAMES = NameResolver(default_tables())


def _club(name: str) -> str:
    return _NAMES.club(name, "gold", 0) or slugify(name)


def _resolve(fact: tuple) -> tuple:
    """Clubs written as the article writes them -> the ids the reader gives them."""
    field = fact[0]
    if field in ("promoted", "relegated") and len(fact) == 2:
        return (field, _club(fact[1]))
    if field == "champion" and len(fact) == 4 and isinstance(fact[2], str):
        return (field, fact[1], _club(fact[2]), fact[3])
    return tuple(tuple(_club(v) for v in part) if isinstance(part, tuple) and part and isinstance(part[0], str)
                 and field not in ("biggest_home_win", "biggest_away_win", "highest_scoring", "highest_attendance",
                                   "lowest_attendance")
                 else part for part in fact)


def test_every_plain_file_of_the_family_has_gold_facts():
    family_file("INDEX.tsv")  # fails clearly when ../shared is missing
    plain = {f"plain/{path.name}" for path in (FAMILY / "plain").glob("*.txt")}
    assert len(plain) == 48
    missing = sorted(plain - set(FULL) - set(CORE))
    assert not missing, f"no gold infobox facts for {missing}"


@pytest.mark.parametrize("relative", sorted(FULL))
def test_every_infobox_fact_of_the_article(relative):
    read = facts(read_infobox_of(family_file(relative)))
    expected = {_resolve(fact) for fact in FULL[relative]}
    assert read - expected == set(), "read but not in the gold facts (invented?)"
    assert expected - read == set(), "in the gold facts but not read"


@pytest.mark.parametrize("relative", sorted(CORE))
def test_champions_promoted_relegated_and_neighbours(relative):
    read = {fact for fact in facts(read_infobox_of(family_file(relative))) if fact[0] in CORE_FIELDS}
    assert read == {_resolve(fact) for fact in CORE[relative]}


def test_at_least_95_percent_of_the_family_infobox_fields_are_captured():
    family_file("INDEX.tsv")
    captured_fields = meaningful = 0
    for path in sorted((FAMILY / "plain").glob("*.txt")):
        found, fields = captured(read_infobox_of(path))
        captured_fields += found
        meaningful += fields
    assert meaningful > 550
    assert captured_fields / meaningful >= 0.95, f"{captured_fields} of {meaningful}"
