"""The reconciliation service over the real build, spoken to as OpenRefine does: the manifest, query batches shaped
like the examples of the Reconciliation Service API 0.2 (minimal, full with types/limit/properties/type_strict,
multi-valued properties), suggest services and previews."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from ascenso_kg.server.sparql.query_results import QueryJob

RESOURCE = "https://w3id.org/ascenso-kg/resource/"


def post(client, batch: dict) -> dict:
    response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def ranked(result: dict) -> list[tuple[str, bool]]:
    return [(candidate["id"], candidate["match"]) for candidate in result["result"]]


# The manifest ---------------------------------------------------------------------------------------------------
def test_the_manifest_describes_the_service(reconcile_client):
    manifest = reconcile_client.get("/reconcile").get_json()
    assert manifest["versions"] == ["0.2"]
    assert manifest["identifierSpace"] == RESOURCE
    assert manifest["schemaSpace"] == "https://w3id.org/ascenso-kg/ontology#"
    assert [t["id"] for t in manifest["defaultTypes"]] == ["Club", "Player", "Stadium", "Season"]
    assert manifest["view"]["url"] == "http://localhost/resource/{{id}}"  # the page on this site
    assert manifest["preview"]["url"] == "http://localhost/reconcile/preview?id={{id}}"
    assert {name: meta["service_url"] + meta["service_path"] for name, meta in manifest["suggest"].items()} == {
        "entity": "http://localhost/reconcile/suggest/entity",
        "type": "http://localhost/reconcile/suggest/type",
        "property": "http://localhost/reconcile/suggest/property",
    }


def test_the_manifest_allows_cross_origin_clients(reconcile_client):
    response = reconcile_client.get("/reconcile", headers={"Origin": "http://openrefine.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


# Query batches ----------------------------------------------------------------------------------------------------
def test_a_minimal_batch_matches_accented_and_aliased_names(reconcile_client):
    results = post(reconcile_client, {"q1": {"query": "Leon"}, "q2": {"query": "UAT"}, "q3": {"query": "U. de G."},
                                      "q4": {"query": "u de g"}, "q5": {"query": "QUERETARO"}})
    assert ranked(results["q1"])[0] == ("club/leon", True)  # León, without its accent
    assert ranked(results["q2"]) == [("club/correcaminos", True)]  # an alias of Correcaminos UAT
    assert ranked(results["q3"])[0] == ("club/udeg", True)  # an alias of Leones Negros UdeG
    assert ranked(results["q4"])[0] == ("club/udeg", True)
    assert ranked(results["q5"])[0] == ("club/queretaro", True)
    top = results["q2"]["result"][0]
    assert top["name"] == "Correcaminos UAT" and top["type"] == [{"id": "Club", "name": "club"}]
    assert top["score"] == 95.0 and {"id": "name", "value": 95.0} in top["features"]


def test_the_same_batch_can_be_sent_by_get(reconcile_client):
    response = reconcile_client.get("/reconcile", query_string={"queries": json.dumps({"q0": {"query": "Leon"}})})
    assert ranked(response.get_json()["q0"])[0] == ("club/leon", True)


def test_exact_names_rank_above_partial_ones(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "Victor Lojero", "type": "Player"}})
    assert ranked(results["q0"]) == [("player/necaxa/victor-lojero", True), ("player/necaxa/2013-14/v-lojero", False)]
    first, second = results["q0"]["result"]
    assert first["score"] == 100.0 and second["score"] < 95.0


def test_two_players_of_the_same_name_are_not_matched_on_the_name_alone(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "Diego Jimenez", "type": "Player", "limit": 2}})
    assert sorted(ranked(results["q0"])) == [("player/merida/diego-jimenez", False),
                                             ("player/tecos/diego-jimenez", False)]
    assert {c["description"] for c in results["q0"]["result"]} == {"player · Estudiantes Tecos · MEX",
                                                                    "player · Mérida · MEX"}


def test_a_full_query_with_type_limit_property_and_type_strict_settles_the_namesake(reconcile_client):
    batch = {"q0": {"query": "Diego Jiménez", "type": "Player", "limit": 5, "type_strict": "should",
                    "properties": [{"pid": "club", "v": "Estudiantes Tecos"}]},
             "q1": {"query": "Diego Jiménez", "type": ["Player"], "limit": 5, "type_strict": "should",
                    "properties": [{"pid": "club", "v": "merida"}]}}
    results = post(reconcile_client, batch)
    assert ranked(results["q0"])[:2] == [("player/tecos/diego-jimenez", True), ("player/merida/diego-jimenez", False)]
    assert ranked(results["q1"])[:2] == [("player/merida/diego-jimenez", True), ("player/tecos/diego-jimenez", False)]
    tecos = results["q0"]["result"][0]
    assert {"id": "property:club", "value": True} in tecos["features"]
    assert results["q0"]["result"][1]["score"] == tecos["score"] - 25


def test_multiple_values_of_one_property_may_mix_names_and_entities(reconcile_client):
    batch = {"q0": {"query": "Diego Jiménez", "type": "Player", "limit": 5, "properties": [
        {"pid": "club", "v": ["Tecos", {"id": "club/tecos", "name": "Estudiantes Tecos"}]}]},
        "q1": {"query": "Diego Jiménez", "type": "Player", "properties": [
            {"pid": "club", "v": {"id": RESOURCE + "club/merida"}}]}}
    results = post(reconcile_client, batch)
    assert ranked(results["q0"])[0] == ("player/tecos/diego-jimenez", True)
    assert ranked(results["q1"])[0] == ("player/merida/diego-jimenez", True)


def test_the_type_restricts_the_candidates(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "Neza", "type": "Stadium"}, "q1": {"query": "Neza"}})
    assert [c["id"] for c in results["q0"]["result"]] == ["stadium/estadio-neza-86"]
    assert ranked(results["q1"])[0] == ("club/neza", True)


def test_a_season_and_a_stadium_are_reconciled_too(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "2012-13", "type": "Season"},
                                      "q1": {"query": "Temporada 2013–14", "type": "Season"},
                                      "q2": {"query": "estadio nou camp"}})
    assert ranked(results["q0"]) == [("season/2012-13", True)]  # the season's short name (akg:seasonName)
    assert ranked(results["q1"])[0] == ("season/2013-14", True)
    assert [match for _, match in ranked(results["q1"])[1:]] == [False, False]  # the other Temporadas
    assert ranked(results["q2"])[0] == ("stadium/estadio-nou-camp", True)


def test_an_entity_id_or_iri_as_query_returns_that_entity(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "club/necaxa"}, "q1": {"query": RESOURCE + "club/neza"}})
    assert ranked(results["q0"]) == [("club/necaxa", True)]
    assert ranked(results["q1"]) == [("club/neza", True)]


def test_a_query_of_properties_only_finds_what_satisfies_them(reconcile_client):
    results = post(reconcile_client, {"q0": {"type": "Stadium", "properties": [{"pid": "city", "v": "Celaya"}]}})
    assert ranked(results["q0"]) == [("stadium/estadio-miguel-aleman", True)]


def test_a_misspelt_name_is_still_a_candidate_but_not_a_match(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "Necaxxa"}})
    assert ranked(results["q0"])[0] == ("club/necaxa", False)


def test_a_name_nobody_has_returns_no_candidates(reconcile_client):
    assert post(reconcile_client, {"q0": {"query": "Manchester United"}})["q0"] == {"result": []}


@pytest.mark.parametrize("batch, message", [
    ("not json", "queries is not JSON"),
    ("[]", "queries must be a JSON object"),
    ('{"q0": "Leon"}', "query q0 must be an object"),
    ('{"q0": {"type": "Club"}}', "query q0 needs a query string or properties"),
    ('{"q0": {"query": "Leon", "type": "Team"}}', "unknown type 'Team'"),
    ('{"q0": {"query": "Leon", "limit": 0}}', "limit must be a positive whole number"),
    ('{"q0": {"query": "Leon", "properties": [{"pid": "colour", "v": "green"}]}}', "unknown property 'colour'"),
    ('{"q0": {"query": "Leon", "properties": [{"pid": "club"}]}}', "each property needs a pid and a v"),
])
def test_a_batch_the_service_cannot_read_is_a_400_that_says_why(reconcile_client, batch, message):
    response = reconcile_client.post("/reconcile", data={"queries": batch})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_a_batch_larger_than_the_manifest_allows_is_a_413(reconcile_client):
    batch = {f"q{n}": {"query": "Leon"} for n in range(reconcile_client.get("/reconcile").get_json()["batchSize"] + 1)}
    assert reconcile_client.post("/reconcile", data={"queries": json.dumps(batch)}).status_code == 413


# Suggest and preview ---------------------------------------------------------------------------------------------
def test_suggest_entities_by_prefix_folded(reconcile_client):
    result = reconcile_client.get("/reconcile/suggest/entity", query_string={"prefix": "leon"}).get_json()["result"]
    assert result[0]["id"] == "club/leon" and result[0]["notable"] == [{"id": "Club", "name": "club"}]
    assert "club/udeg" in [item["id"] for item in result]  # 'Leones Negros UdeG'
    typed = reconcile_client.get("/reconcile/suggest/entity", query_string={"prefix": "leon", "type": "Stadium"})
    assert [item["id"] for item in typed.get_json()["result"]] == ["stadium/estadio-sergio-leon-chavez"]


def test_suggest_entities_pages_with_the_cursor(reconcile_client):
    first = reconcile_client.get("/reconcile/suggest/entity", query_string={"prefix": "e"}).get_json()["result"]
    second = reconcile_client.get("/reconcile/suggest/entity",
                                  query_string={"prefix": "e", "cursor": len(first)}).get_json()["result"]
    assert len(first) == 10 and second and not {i["id"] for i in first} & {i["id"] for i in second}


def test_suggest_types_and_properties(reconcile_client):
    types = reconcile_client.get("/reconcile/suggest/type", query_string={"prefix": "pla"}).get_json()["result"]
    assert [t["id"] for t in types] == ["Player"]
    properties = reconcile_client.get("/reconcile/suggest/property", query_string={"prefix": ""}).get_json()["result"]
    assert [p["id"] for p in properties] == ["club", "nationality", "city", "stadium", "season"]
    for_players = reconcile_client.get("/reconcile/suggest/property", query_string={"prefix": "", "type": "Player"})
    assert [p["id"] for p in for_players.get_json()["result"]] == ["club", "nationality"]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs)["href"])


def test_the_preview_is_a_small_html_page_about_the_entity(reconcile_client):
    response = reconcile_client.get("/reconcile/preview", query_string={"id": "club/udeg"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = _Text()
    page.feed(response.get_data(as_text=True))
    assert "Leones Negros UdeG" in page.text and "club · Guadalajara · Wikidata Q1819189" in page.text
    assert page.links == ["http://localhost/resource/club/udeg"]  # its page on this site, not the w3id IRI


def test_the_preview_of_an_unknown_id_is_a_404(reconcile_client):
    assert reconcile_client.get("/reconcile/preview", query_string={"id": "club/nobody"}).status_code == 404


# The index --------------------------------------------------------------------------------------------------------
def test_the_index_is_built_once_per_app_not_per_request(make_app, built):
    app = make_app(built)
    store = app.extensions["ascenso_kg.store"]
    jobs: list[QueryJob] = []
    run = store.run

    def counting_run(job):
        jobs.append(job)
        return run(job)

    store.run = counting_run
    client = app.test_client()
    for name in ("Leon", "UAT", "Necaxa"):
        post(client, {"q0": {"query": name}})
    client.get("/reconcile/suggest/entity", query_string={"prefix": "ne"})
    assert len(jobs) == 2  # the names and the relations, read once
    assert not any("REGEX" in job.text.upper() for job in jobs)


def test_a_club_with_a_reviewed_wikidata_item_is_answered_with_its_qid_as_an_additional_identifier(reconcile_client):
    results = post(reconcile_client, {"q0": {"query": "Necaxa", "type": "Club", "limit": 1},
                                      "q1": {"query": "Tiburones Rojos de Veracruz", "type": "Club", "limit": 1}})
    (necaxa,) = results["q0"]["result"]
    assert necaxa["id"] == "club/necaxa"
    assert necaxa["sameAs"] == [{"id": "Q1280895", "identifierSpace": "http://www.wikidata.org/entity/"}]
    assert necaxa["description"].endswith(" · Wikidata Q1280895")
    (veracruz,) = results["q1"]["result"]
    assert veracruz["id"] == "club/tiburones-rojos-de-veracruz" and "sameAs" not in veracruz  # reviewed: no
