"""A wikitext copy's ``{{Infobox football league season}}`` gives the same infobox facts as the plain rendering of the
same article. Revisions may differ, so only what both state is compared: a fact of a field (and tournament) that
both give must be the same; a title number one rendering lost is not compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checkout import ARTICLES_DIR

from .infobox_facts import facts, family_file, read_infobox_of

SEEDS = {
    "2011–12_Liga_de_Ascenso_season": "2011-12-liga-de-ascenso-season.txt",
    "2012–13_Ascenso_MX_season": "2012-13-ascenso-mx-season.txt",
    "2013–14_Ascenso_MX_season": "2013-14-ascenso-mx-season.txt",
}
PAIRS = [
    "2011–12_Liga_de_Ascenso_season__friendlywiki_double-newline.txt",
    "2011–12_Liga_de_Ascenso_season__friendlywiki_single-newline.txt",
    "2012–13_Ascenso_MX_season__friendlywiki_double-newline.txt",
    "2012–13_Ascenso_MX_season__friendlywiki_single-newline.txt",
    "2013–14_Ascenso_MX_season__friendlywiki_double-newline.txt",
    "2013–14_Ascenso_MX_season__friendlywiki_single-newline.txt",
    "2013–14_Liga_MX_season__friendlywiki.txt",
    "2014–15_Liga_MX_season__friendlywiki.txt",
    "2017–18_Liga_MX_season__friendlywiki_double-newline.txt",
    "2017–18_Liga_MX_season__friendlywiki_single-newline.txt",
    "2018–19_Liga_MX_season__friendlywiki.txt",
    "2019–20_Liga_MX_season__friendlywiki.txt",
    "2020–21_Liga_MX_season__friendlywiki.txt",
    "2020–21_Liga_de_Expansión_MX_season__friendlywiki.txt",
    "2022–23_Liga_de_Expansión_MX_season__friendlywiki.txt",
]


def _plain_of(wikitext_name: str) -> Path:
    stem = wikitext_name.split("__")[0]
    if stem in SEEDS:
        return ARTICLES_DIR / SEEDS[stem]
    return family_file(f"plain/{stem}.txt")


def _comparable(fact: tuple) -> tuple:
    if fact[0] == "champion" and len(fact) == 4 and fact[3] is None:
        return fact[:3]
    return fact


def _field(fact: tuple) -> tuple:
    return fact[:1] if fact[0] in ("promoted", "relegated") and len(fact) == 2 else fact[:2]


@pytest.mark.parametrize("wikitext", PAIRS)
def test_the_wikitext_infobox_states_what_the_plain_one_states(wikitext):
    from_wikitext = facts(read_infobox_of(family_file(f"wikitext/{wikitext}")))
    from_plain = facts(read_infobox_of(_plain_of(wikitext)))
    both = {_field(fact) for fact in from_wikitext} & {_field(fact) for fact in from_plain}
    assert len(both) >= 7, "the pair shares too few fields to say anything"
    numbers_lost = {fact[:3] for fact in from_wikitext | from_plain if fact[0] == "champion" and len(fact) == 4
                    and fact[3] is None}
    def shared(found):
        return {_comparable(fact) if fact[:3] not in numbers_lost else fact[:3] for fact in found if _field(fact) in both}
    assert shared(from_wikitext) == shared(from_plain)
