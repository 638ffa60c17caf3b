"""The HTML-text mirrors never stop the reader: what can be read is read, and an infobox it cannot read is reported
with the file, the line and why."""

from __future__ import annotations

import pytest

from ascenso_kg.mappings.read.reader import read_article

from .infobox_facts import FAMILY, family_file

MIRRORS = {
    "2001–02_Primera_División_A_season__cryer.org.uk.txt": (3, "'Key:value' lines"),
    "2003–04_Primera_División_A_season__everything.explained.today.txt": (3, "'Key:value' lines"),
    "2008–09_Liga_Premier_de_Ascenso_season__ipfs.dweb.link.txt": (3, "into a table"),
    "2012–13_Ascenso_MX_season__wikihandbk.com.txt": (6, "template unexpanded"),
    "2016–17_Liga_MX_season__encyclopedia.datana.cloud.txt": (6, "labels and values together"),
    "2019–20_Ascenso_MX_season__kiwix.casplantje.nl.txt": (6, "labels and values together"),
}


def test_every_mirror_is_listed():
    family_file("INDEX.tsv")
    assert len(list((FAMILY / "other").glob("*.txt"))) == 12


@pytest.mark.parametrize("name", sorted(path.name for path in (FAMILY / "other").glob("*.txt")))
def test_a_mirror_is_read_without_stopping(name):
    document = read_article(family_file(f"other/{name}"))
    assert document.lines
    infobox_problems = [problem for problem in document.problems if "infobox" in problem.message]
    if name in MIRRORS:
        line, reason = MIRRORS[name]
        assert [(problem.line, reason in problem.message) for problem in infobox_problems] == [(line, True)]
        assert document.infobox == []
