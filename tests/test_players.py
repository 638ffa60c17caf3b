"""Who is who: an abbreviated name is a full name's player only where club and season leave one candidate.

A wrong merge is worse than a missed one. Mentions here are (name, club, season).
"""

from __future__ import annotations

import pytest

from ascenso_kg.mappings.interpret.players import PlayerRegistry, is_abbreviated
from ascenso_kg.mappings.interpret.records import PlayerMention


def resolve(*mentions: PlayerMention) -> PlayerRegistry:
    registry = PlayerRegistry()
    for mention in mentions:
        registry.add(mention)
    registry.resolve()
    return registry


def M(name: str, club: str = "necaxa", season: str = "2012-13", nationality: str | None = None) -> PlayerMention:
    return PlayerMention(name, club, season, nationality)


@pytest.mark.parametrize("name, abbreviated", [
    ("V. Lojero", True),
    ("C. E. de Souza", True),
    ("Alatorre", True),
    ("Víctor Lojero", False),
    ("Gustavo A. Ramírez", False),
    ("Juan de Dios Hernández", False),
])
def test_is_abbreviated(name, abbreviated):
    assert is_abbreviated(name) is abbreviated


# a mention, the other mentions around it, and whether the first is the player of the full name listed first after it
@pytest.mark.parametrize("mention, others, same", [
    (M("V. Lojero"), [M("Víctor Lojero")], True),
    (M("V. Lojero"), [M("Víctor Lojero", season="2011-12")], False),  # another season
    (M("V. Lojero"), [M("Víctor Lojero", club="neza")], False),  # another club
    (M("V. Lojero", season="2013-14"), [M("Víctor Lojero", season="2012-13"), M("Víctor Lojero", season="2011-12")],
     False),
    (M("S. Maz", "leon", "2011-12"), [M("Nelson Sebastián Maz", "leon", "2011-12")], True),
    (M("J. Gutierrez", "irapuato"), [M("José Cruz Gutiérrez", "irapuato")], True),  # accents do not matter
    (M("J. C. Gutiérrez", "irapuato"), [M("José Cruz Gutiérrez", "irapuato")], True),
    (M("C. J. Gutiérrez", "irapuato"), [M("José Cruz Gutiérrez", "irapuato")], False),  # initials out of order
    (M("R. de Pinho"), [M("Ricardo de Pinho")], True),
    (M("Alatorre", "udeg"), [M("Luis Alatorre", "udeg")], True),
    (M("A. Lojero"), [M("Víctor Lojero")], False),  # initial does not fit
    (M("V. Lojera"), [M("Víctor Lojero")], False),  # surname does not fit
    (M("V. Lojero"), [M("Lojero")], False),  # a single name is no full name to fit
    (M("J. García"), [M("Juan García"), M("José García")], False),  # two candidates: keep apart
    (M("J. García"), [M("Juan García"), M("Pedro García")], True),
])
def test_abbreviated_mention(mention, others, same):
    registry = resolve(mention, *others)
    assert (registry.player_of(mention) is registry.player_of(others[0])) is same


def test_ambiguous_abbreviation_is_a_player_of_its_own_per_club_and_season():
    mentions = [M("J. García"), M("J. García", season="2013-14"), M("J. García", club="merida"),
                M("Juan García"), M("José García")]
    registry = resolve(*mentions)
    assert len({registry.player_of(mention).id for mention in mentions}) == 5


@pytest.mark.parametrize("one, other, same", [
    (M("Víctor Lojero", season="2011-12"), M("Víctor Lojero", season="2012-13"), True),  # one club, two seasons
    (M("Roberto Nurse", "la-piedad", "2011-12"), M("Roberto Nurse", "correcaminos", "2012-13"), False),
    (M("Diego Jiménez", "tecos"), M("Diego Jiménez", "merida"), False),
])
def test_full_names(one, other, same):
    registry = resolve(one, other)
    assert (registry.player_of(one) is registry.player_of(other)) is same


def test_merged_player_keeps_the_full_name_and_every_spelling_and_nationality():
    registry = resolve(M("V. Lojero"), M("Víctor Lojero", nationality="MEX"), M("Víctor Lojero", season="2011-12"))
    player = registry.player_of(M("V. Lojero"))
    assert (player.label, player.full_name, player.names, player.nationalities) == (
        "Víctor Lojero", True, {"V. Lojero", "Víctor Lojero"}, {"MEX"})


def test_unmerged_abbreviation_is_labelled_as_written():
    player = resolve(M("Bueno", "tecos", "2013-14")).player_of(M("Bueno", "tecos", "2013-14"))
    assert (player.label, player.full_name) == ("Bueno", False)
