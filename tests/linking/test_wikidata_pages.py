"""Entity pages show the Wikidata item of a reviewed link, with the label and the evidence the build took from the
reviewed row (mappings/tables/wikidata.csv), never fetched live; an entity without a link shows no Wikidata section."""

from __future__ import annotations

import re


def page(client, path: str) -> str:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def wikidata_section(html: str) -> str:
    found = re.search(r'<section class="wikidata".*?</section>', html, re.S)
    assert found, "no Wikidata section"
    return found.group()


def test_a_club_page_shows_its_reviewed_item_with_the_label_and_evidence(reconcile_client):
    section = wikidata_section(page(reconcile_client, "/resource/club/necaxa"))
    assert 'href="https://www.wikidata.org/wiki/Q1280895">Club Necaxa</a>' in section
    assert "found in a public data file pairing the item with its label; reviewed by a person" in section
    assert "data/stale_entries.csv at commit fafd376a4f4b86b59f0045f5b26772395ca25922" in section


def test_the_first_division_page_shows_its_item(reconcile_client):
    section = wikidata_section(page(reconcile_client, "/resource/competition/liga-mx"))
    assert ">Liga MX</a> (<code>Q764690</code>)" in section


def test_unlinked_entities_show_no_wikidata_section(reconcile_client):
    for path in ("/resource/competition/liga-de-ascenso", "/resource/club/tiburones-rojos-de-veracruz",
                 "/resource/club/veracruz"):
        assert 'class="wikidata"' not in page(reconcile_client, path), path
