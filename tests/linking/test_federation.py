"""The federated example queries (queries/16-… onwards): each joins this graph with Wikidata through SERVICE.

The committed files call https://query.wikidata.org/sparql, which the endpoint's default SERVICE allow-list permits.
Here they run against the linked build with the stand-in's loopback URL put in their place and on the allow-list.
"""

from __future__ import annotations

import json

import pytest

from ascenso_kg.linking.client import DEFAULT_ENDPOINT as WIKIDATA_SPARQL
from tests.checkout import ROOT
from ascenso_kg.server.app import DEFAULTS
from ascenso_kg.server.examples import load_examples
from ascenso_kg.server.sparql.query_text import analyse_query

FEDERATED = [example for example in load_examples(ROOT / "queries") if analyse_query(example.text).services]

EXPECTED = {
    "16-stadium-coordinates-from-wikidata": [
        ("Estadio Jalisco", "https://en.wikipedia.org/wiki/Estadio_Jalisco", "Q900000011", "Point(-103.5 20.5)"),
        ("Estadio Victoria", "https://en.wikipedia.org/wiki/Estadio_Victoria", "Q900000010", "Point(-102.25 21.75)"),
    ],
    "17-club-founding-dates-from-wikidata": [
        ("Necaxa", "Q900000001", "1901-01-01T00:00:00Z"),
        ("León", "Q900000002", "1902-02-02T00:00:00Z"),  # joined through its article, whatever the sameAs review
        ("Leones Negros UdeG", "Q900000003", "1903-03-03T00:00:00Z"),
    ],
    "18-player-birth-dates-from-wikidata": [
        ("Víctor Lojero", "Q900000030", "1981-01-01T00:00:00Z"),  # through the reviewed owl:sameAs
    ],
}


def plain(document: dict) -> list[tuple]:
    variables = document["head"]["vars"]
    return [tuple(binding[name]["value"].removeprefix("http://www.wikidata.org/entity/") for name in variables)
            for binding in document["results"]["bindings"]]


@pytest.fixture(scope="module")
def federating_client(make_app, linked_out, standin):
    return make_app(linked_out, SERVICE_ALLOWLIST=[standin]).test_client()


def test_every_federated_example_is_expected_and_documented():
    assert {example.name for example in FEDERATED} == set(EXPECTED)
    assert all("SERVICE" in example.description for example in FEDERATED)


@pytest.mark.parametrize("example", FEDERATED, ids=lambda e: e.name)
def test_the_committed_example_calls_wikidata_and_the_default_allow_list_permits_it(example):
    shape = analyse_query(example.text)
    assert {call.iri for call in shape.services} == {WIKIDATA_SPARQL}
    assert shape.refused_services(tuple(DEFAULTS["SERVICE_ALLOWLIST"])) == []


@pytest.mark.parametrize("example", FEDERATED, ids=lambda e: e.name)
def test_the_example_joins_the_graph_with_the_standin(federating_client, standin, example):
    text = example.text.replace(WIKIDATA_SPARQL, standin)
    response = federating_client.post("/sparql", data={"query": text},
                                      headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert plain(json.loads(response.data)) == EXPECTED[example.name]


def test_the_standin_is_refused_when_it_is_not_on_the_allow_list(make_app, linked_out, standin):
    """The control: the same query is only allowed because the test put the stand-in on the allow-list."""
    client = make_app(linked_out).test_client()
    text = FEDERATED[0].text.replace(WIKIDATA_SPARQL, standin)
    response = client.post("/sparql", data={"query": text})
    assert response.status_code == 403
    assert standin in response.get_data(as_text=True)


def test_the_query_editor_offers_the_federated_examples(federating_client):
    page = federating_client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    for example in FEDERATED:
        assert f'data-example="{example.name}"' in page
