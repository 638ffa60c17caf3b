"""The data-extension service of the Reconciliation API: announced in the manifest, properties proposed per type,
extend requests answered from the graph, every answer in the spec's shapes."""

from __future__ import annotations

import json

from tests.reconcile.recon_shapes import check_extension_response, check_manifest_extend, check_property_proposals


def extend(client, ids, properties, method="post"):
    payload = {"extend": json.dumps({"ids": ids, "properties": [{"id": p} for p in properties]})}
    if method == "post":
        return client.post("/reconcile", data=payload)
    return client.get("/reconcile", query_string=payload)


def test_the_manifest_announces_extension(recon_client):
    manifest = recon_client.get("/reconcile").json
    check_manifest_extend(manifest)
    proposals = manifest["extend"]["propose_properties"]
    assert proposals["service_url"] + proposals["service_path"] == "http://localhost/reconcile/properties"


def test_properties_are_proposed_per_type(recon_client):
    club = recon_client.get("/reconcile/properties", query_string={"type": "Club"}).json
    check_property_proposals(club)
    assert club["type"] == "Club"
    assert [p["id"] for p in club["properties"]] == ["city", "stadium", "season", "wikidata"]
    player = recon_client.get("/reconcile/properties", query_string={"type": "Player", "limit": 2}).json
    check_property_proposals(player)
    assert [p["id"] for p in player["properties"]] == ["club", "nationality"] and player["limit"] == 2


def test_proposals_refuse_an_unknown_type_and_a_bad_limit(recon_client):
    assert recon_client.get("/reconcile/properties", query_string={"type": "Referee"}).status_code == 400
    assert recon_client.get("/reconcile/properties", query_string={"limit": "-1"}).status_code == 400


def test_extension_answers_from_the_graph(recon_client):
    answer = extend(recon_client, ["club/necaxa", "player/necaxa/victor-lojero", "club/nobody"],
                    ["city", "season", "wikidata", "club", "nationality"]).json
    check_extension_response(answer)
    assert [m["id"] for m in answer["meta"]] == ["city", "season", "wikidata", "club", "nationality"]
    assert answer["meta"][0]["type"] == {"id": "City", "name": "city"}
    necaxa = answer["rows"]["club/necaxa"]
    assert necaxa["city"] == [{"id": "city/aguascalientes", "name": "Aguascalientes"}]
    assert {"id": "season/2012-13", "name": "2012–13 Ascenso MX season"} in necaxa["season"]
    assert necaxa["wikidata"] == [{"str": "Q1280895"}]
    lojero = answer["rows"]["player/necaxa/victor-lojero"]
    assert lojero["club"] == [{"id": "club/necaxa", "name": "Necaxa"}]
    assert lojero["nationality"] == [{"str": "MEX"}]
    assert answer["rows"]["club/nobody"] == {p: [] for p in ("city", "season", "wikidata", "club", "nationality")}


def test_extension_by_get_and_by_full_iri(recon_client):
    answer = extend(recon_client, ["https://w3id.org/ascenso-kg/resource/club/necaxa"], ["city"], method="get").json
    check_extension_response(answer)
    assert answer["rows"]["https://w3id.org/ascenso-kg/resource/club/necaxa"]["city"][0]["id"] == "city/aguascalientes"


def test_bad_extension_requests_are_400_with_a_reason(recon_client):
    for raw in ("not json", "[]", '{"ids": "club/necaxa", "properties": []}',
                '{"ids": [], "properties": [{"id": "height"}]}'):
        response = recon_client.post("/reconcile", data={"extend": raw})
        assert response.status_code == 400, raw
    response = recon_client.post("/reconcile", data={"extend": '{"ids": [], "properties": [{"id": "height"}]}'})
    assert "height" in response.get_data(as_text=True)
