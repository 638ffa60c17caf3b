"""schema.org JSON-LD in the HTML pages: each entity page describes its entity with the type search engines know,
and the home and dumps pages describe the dataset (licence, creator, distribution) for Google Dataset Search."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.web_helpers import BROWSER

SITE = "http://localhost"


def structured(client, path: str) -> dict:
    html = client.get(path, headers=BROWSER).get_data(as_text=True)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, path
    return json.loads(blocks[0])


@pytest.mark.parametrize("path, kind, name", [
    ("/resource/match/2013-05-11-necaxa-neza", "SportsEvent", "Necaxa 0–1 Neza (11 May 2013)"),
    ("/resource/club/necaxa", "SportsTeam", "Necaxa"),
    ("/resource/player/necaxa/victor-lojero", "Person", "Víctor Lojero"),
    ("/resource/stadium/estadio-victoria", "StadiumOrArena", "Estadio Victoria"),
    ("/resource/competition/liga-de-ascenso", "SportsOrganization", None),
    ("/resource/season/2012-13", "SportsEvent", "2012–13 Ascenso MX season"),
    ("/resource/tournament/clausura-2013", "SportsEvent", "Clausura 2013"),
    ("/resource/tournament/clausura-2013/liguilla", "SportsEvent", "Clausura 2013 Liguilla"),
    ("/resource/tournament/clausura-2013/liguilla/final/neza-necaxa", "SportsEvent", None),
])
def test_entity_pages_embed_their_schema_org_description(web_client, path, kind, name):
    data = structured(web_client, path)
    assert data["@context"] == "https://schema.org" and data["@type"] == kind
    assert data["url"] == SITE + path  # the page on this site
    if name:
        assert data["name"] == name
    else:
        assert data["name"]


def test_a_match_names_its_teams_date_and_round(web_client):
    data = structured(web_client, "/resource/match/2013-05-11-necaxa-neza")
    assert data["startDate"] == "2013-05-11"
    assert data["homeTeam"] == {"@type": "SportsTeam", "@id": SITE + "/resource/club/necaxa",
                                "url": SITE + "/resource/club/necaxa", "name": "Necaxa"}
    assert data["awayTeam"]["name"] == "Neza"
    assert data["superEvent"]["url"] == SITE + "/resource/tournament/clausura-2013/liguilla/final/neza-necaxa"


def test_a_club_and_a_stadium_carry_their_links_and_capacity(web_client):
    club = structured(web_client, "/resource/club/necaxa")
    assert "http://www.wikidata.org/entity/Q1280895" in club["sameAs"]
    assert "https://en.wikipedia.org/wiki/Club_Necaxa" in club["sameAs"]
    stadium = structured(web_client, "/resource/stadium/estadio-victoria")
    assert stadium["maximumAttendeeCapacity"] == 23851
    assert stadium["containedInPlace"]["name"] == "Aguascalientes"


@pytest.mark.parametrize("path", ["/", "/dumps"])
def test_home_and_dumps_pages_describe_the_dataset(web_client, path):
    data = structured(web_client, path)
    assert data["@type"] == "Dataset"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["creator"]["name"] and data["description"] and data["name"]
    files = web_client.get("/dumps?format=json").json["files"]
    downloads = {d["contentUrl"] for d in data["distribution"] if d["@type"] == "DataDownload"}
    assert {f["url"] for f in files} <= downloads
    assert all(url.startswith("https://en.wikipedia.org/wiki/") for url in data["isBasedOn"])


def test_a_label_cannot_break_out_of_the_script(web_client):
    html = web_client.get("/resource/club/necaxa", headers=BROWSER).get_data(as_text=True)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block  # tojson escapes <, > and &
