"""Reconciliation of names people write: season names in any dash form, close spellings scored below every exact
name and never matched automatically."""

from __future__ import annotations

import json

import pytest

from ascenso_kg.server.reconcile.matching import season_form, spelling_similarity


def reconcile(client, text: str, **extra) -> list[dict]:
    batch = {"q": {"query": text, "limit": 5, **extra}}
    response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    assert response.status_code == 200
    return response.json["q"]["result"]


@pytest.mark.parametrize("text", ["2012-13", "2012–13", "2012—13", "2012/13", "2012 - 13", "2012-2013"])
def test_a_season_in_any_dash_form_is_matched(recon_client, text):
    best = reconcile(recon_client, text)[0]
    assert best["id"] == "season/2012-13" and best["match"] is True


def test_a_season_form_is_typed_too(recon_client):
    assert reconcile(recon_client, "2013/14", type="Season")[0]["id"] == "season/2013-14"


def test_season_forms():
    assert season_form("2012 2013") == "2012 13"
    assert season_form("2012 2014") == "2012 2014"  # not one season
    assert season_form("club 1901 2020") == "club 1901 2020"


def test_a_close_spelling_is_a_candidate_but_not_a_match(recon_client):
    best = reconcile(recon_client, "nexaca")[0]
    assert best["id"] == "club/necaxa"
    assert best["match"] is False
    assert 70 <= best["score"] < 80  # below any exact or whole-word name
    exact = reconcile(recon_client, "Necaxa")[0]
    assert exact["score"] == 100 and exact["match"] is True


def test_a_doubled_letter_is_a_close_spelling(recon_client):
    best = reconcile(recon_client, "Correcamminos")[0]
    assert best["id"] == "club/correcaminos" and best["match"] is False


def test_unrelated_names_are_not_close():
    assert spelling_similarity("leon", "neza") == 0
    assert spelling_similarity("atlante", "atlas") == 0  # two clubs, not a typing slip
    assert spelling_similarity("nexaca", "necaxa") > 0.9
