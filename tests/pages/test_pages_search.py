"""Search: accent-, case- and punctuation-blind matching over labels and aliases, typed results, autocomplete."""

from __future__ import annotations

import pytest

from ascenso_kg.server.pages.names import SEARCHABLE_CLASSES, Label, Names
from ascenso_kg.server.search import build_index, fold, words

from tests.pages.page_helpers import BROWSER, RES, parse_page

AKG = "https://w3id.org/ascenso-kg/ontology#"


@pytest.mark.parametrize("text, folded", [("León", "leon"), ("MÉRIDA", "merida"), ("Peñarol", "penarol"),
                                          ("Nezahualcóyotl", "nezahualcoyotl")])
def test_fold_removes_accents_and_case(text, folded):
    assert fold(text) == folded


def test_words_split_on_punctuation():
    assert words("U. de G.") == ["u", "de", "g"]
    assert words("Necaxa 0–1 Neza (11 May 2013)") == ["necaxa", "0", "1", "neza", "11", "may", "2013"]


def small_index():
    names = Names(
        labels={
            "club/leon": (Label("León", ""),),
            "city/leon": (Label("León", ""),),
            "club/udeg": (Label("Leones Negros UdeG", ""),),
            "player/x": (Label("Leonardo Pérez", ""),),
            "stadium/victoria": (Label("Estadio Victoria", ""),),
            "season/2012-13": (Label("2012–13 Ascenso MX season", "en"), Label("Temporada 2012–13", "es")),
            "tie/t": (Label("León v Lobos BUAP (Clausura 2012 Liguilla final)", "en"),),
        },
        aliases={"club/udeg": ("U. de G.", "UdeG"), "player/x": ("L. Pérez",)},
        classes={"club/leon": AKG + "Club", "city/leon": AKG + "City", "club/udeg": AKG + "Club",
                 "player/x": AKG + "Player", "stadium/victoria": AKG + "Stadium", "season/2012-13": AKG + "Season",
                 "tie/t": AKG + "Tie"},
    )
    return build_index(names)


@pytest.mark.parametrize("query, first", [
    ("leon", "club/leon"),
    ("LEÓN", "club/leon"),
    ("udg", "club/udeg"),  # the initials of "U. de G."
    ("U de G", "club/udeg"),
    ("u. de g.", "club/udeg"),
    ("udeg", "club/udeg"),
    ("estadio vic", "stadium/victoria"),
    ("victoria estadio", "stadium/victoria"),  # words in any order
    ("temporada", "season/2012-13"),  # the Spanish label
    ("l perez", "player/x"),
    ("2012 13", "season/2012-13"),
])
def test_queries_find_the_entity_first(query, first):
    assert small_index().search(query)[0].iri == first


def test_ranking_prefers_exact_names_then_clubs_then_shorter_names():
    found = [entry.iri for entry in small_index().search("leon", limit=10)]
    # The names typed in full (a club before a city), then by class: a club, a player, a tie.
    assert found == ["club/leon", "city/leon", "club/udeg", "player/x", "tie/t"]


def test_nothing_matches_nonsense_or_an_empty_query():
    index = small_index()
    assert index.search("zzzz") == [] and index.search("  ") == [] and index.search("¿?") == []


def test_a_class_filter_keeps_only_that_class():
    assert [e.iri for e in small_index().search("leon", cls=AKG + "City")] == ["city/leon"]


def test_every_searchable_class_is_in_the_ontology():
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF

    from ascenso_kg.resources import ONTOLOGY_FILE

    ontology = Graph().parse(ONTOLOGY_FILE)
    assert all((URIRef(cls), RDF.type, OWL.Class) in ontology for cls in SEARCHABLE_CLASSES)


@pytest.mark.parametrize("query, href, type_label", [
    ("leon", "/resource/club/leon", "club"),
    ("udg", "/resource/club/udeg", "club"),
    ("U de G", "/resource/club/udeg", "club"),
    ("victor lojero", "/resource/player/necaxa/victor-lojero", "player"),
    ("estadio victoria", "/resource/stadium/estadio-victoria", "stadium"),
    ("2012-13", "/resource/season/2012-13", "season"),
])
def test_autocomplete_answers_json_with_typed_results(pages_client, query, href, type_label):
    response = pages_client.get("/search/suggest", query_string={"q": query})
    assert response.status_code == 200 and response.mimetype == "application/json"
    first = response.json["results"][0]
    assert (first["href"], first["type_label"]) == (href, type_label)
    assert first["iri"] == "https://w3id.org/ascenso-kg" + href
    assert len(response.json["results"]) <= 10


def test_a_surname_finds_every_player_of_that_name(pages_client):
    results = pages_client.get("/search/suggest", query_string={"q": "lojero"}).json["results"]
    hrefs = [r["href"] for r in results]
    assert {"/resource/player/necaxa/victor-lojero", "/resource/player/necaxa/2013-14/v-lojero"} <= set(hrefs)
    assert {r["type"] for r in results} == {"player"}


def test_autocomplete_tells_which_alias_matched(pages_client):
    results = pages_client.get("/search/suggest", query_string={"q": "u. de g."}).json["results"]
    assert results[0]["label"] == "Leones Negros UdeG" and results[0]["matched"] == "U. de G."


def test_search_page_lists_typed_results_and_filters_by_type(pages_client):
    parsed = parse_page(pages_client.get("/search", query_string={"q": "leon"}, headers=BROWSER))
    assert "/resource/club/leon" in parsed.hrefs() and "/resource/city/leon" in parsed.hrefs()
    assert any("type=city" in href for href in parsed.hrefs())
    cities = pages_client.get("/search", query_string={"q": "leon", "type": "city", "format": "json"}).json
    assert [r["href"] for r in cities["results"]] == [RES.removeprefix("https://w3id.org/ascenso-kg") + "city/leon"]
    assert pages_client.get("/search", query_string={"q": "leon", "type": "planet"}).status_code == 400


def test_every_page_has_the_search_box(page):
    for path in ("/resource/club/necaxa", "/search?q=neza", "/ontology", "/"):
        parsed = page(path)
        box = parsed.find("input", id="site-search")
        assert box and box[0]["name"] == "q" and box[0]["data-suggest"] == "/search/suggest"
        assert parsed.find("form", role="search")
