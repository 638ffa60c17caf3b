"""What every page has: labels not IRIs, local links, provenance to highlighted source lines, SHACL checks in plain
words, links out, incoming links with counts and paging, escaping, and a 404 for what the graph does not hold."""

from __future__ import annotations

import re

import pytest

from page_helpers import BROWSER, ENTITIES, parse_page

# Terms of other vocabularies link to their definitions.
VOCABULARIES = ("http://schema.org/", "http://www.w3.org/", "http://purl.org/dc/", "http://xmlns.com/foaf/")
PAGES = ["/" + path for path, _, _ in ENTITIES] + [
    "/source/2012-13-ascenso-mx-season/lines/167-169", "/graph/validation", "/ontology", "/search?q=neza"]


@pytest.mark.parametrize("path", PAGES)
def test_links_point_to_local_paths_never_to_the_iri_base(page, path):
    parsed = page(path)
    for href in parsed.hrefs():
        assert not href.startswith("https://w3id.org/"), (path, href)
        assert href.startswith(("/", "#", "?", "https://en.wikipedia.org/", "http://dbpedia.org/",
                                "https://www.wikidata.org/", "https://creativecommons.org/",
                                *VOCABULARIES)), (path, href)


@pytest.mark.parametrize("path", ["/" + path for path, _, _ in ENTITIES])
def test_link_texts_are_labels_not_iris(page, path):
    parsed = page(path)
    for link in parsed.links:
        assert not link["text"].strip().startswith(("http://", "https://")), (path, link)
    assert "{'kind'" not in parsed.text and "None" not in parsed.text.split()  # no data printed raw


@pytest.mark.parametrize("path", ["/" + path for path, _, _ in ENTITIES])
def test_a_page_makes_few_queries(page, path):
    """Every page answers with a handful of anchored queries (shown on the page), however big the graph."""
    summary = re.search(r"How this page was made: (\d+) SPARQL quer", page(path).text)
    assert summary and 3 <= int(summary.group(1)) <= 7, path


def test_properties_are_named_by_the_ontology_in_english_and_spanish(pages_client):
    html = pages_client.get("/resource/match/2013-05-11-necaxa-neza", headers=BROWSER).get_data(as_text=True)
    statements = re.search(r'<table class="statements">.*?</table>', html, re.S).group(0)
    assert '>home score</a> <span class="other-label" lang="es">goles del local</span>' in statements
    assert '>away club</a> <span class="other-label" lang="es">club visitante</span>' in statements
    assert "https://w3id.org/ascenso-kg/ontology#homeScore" in statements  # as the link's title only


def test_spanish_and_english_labels_are_both_shown(page):
    parsed = page("/resource/season/2012-13")
    assert parsed.h1 == "2012–13 Ascenso MX season"
    assert parsed.find("span", lang="es") and "Temporada 2012–13" in parsed.text


def test_nested_values_are_shown_in_place(pages_client):
    html = pages_client.get("/resource/tournament/clausura-2013/liguilla/final/neza-necaxa",
                            headers=BROWSER).get_data(as_text=True)
    nested = re.findall(r'<div class="nested">.*?</table>', html, re.S)
    assert len(nested) == 4  # two legs and two sides
    assert any("goles del local" in n and ">3<" in n for n in nested)  # the first leg's home score, in place
    assert any("marcador global" in n and ">4<" in n for n in nested)  # Neza's aggregate, in place


def test_provenance_names_the_article_and_lines_and_links_to_them(page):
    parsed = page("/resource/match/2013-05-11-necaxa-neza")
    assert "source: 2012–13 Ascenso MX season, lines 167–169" in parsed.text
    assert "/source/2012-13-ascenso-mx-season/lines/167-169#L167" in parsed.hrefs()
    goal = page("/resource/match/2013-05-11-necaxa-neza/goal/1")
    assert "source: 2012–13 Ascenso MX season, line 169" in goal.text
    assert "/source/2012-13-ascenso-mx-season/lines/169-169#L169" in goal.hrefs()


def test_source_article_without_its_text_on_the_server_still_has_its_page(hostile_client):
    response = hostile_client.get("/source/hostile", headers=BROWSER)
    assert response.status_code == 200
    assert "The text of this article is not on this server" in response.get_data(as_text=True)


def test_shacl_results_are_shown_in_plain_words_with_their_severity(page):
    parsed = page("/resource/tournament/clausura-2013/liguilla")
    checks = [item for item in parsed.find("li") if item.get("class", "").startswith("severity-")]
    assert [c["class"] for c in checks] == ["severity-warning", "severity-warning"]
    assert "Warning: Leones Negros UdeG plays in the Clausura 2013 Liguilla semifinals without a tie" in parsed.text
    assert "/source/2012-13-ascenso-mx-season/lines/100-100#L100" in parsed.hrefs()
    assert not [i for i in page("/resource/club/necaxa").find("li") if i.get("class", "").startswith("severity-")]


def test_a_note_is_a_note(page):
    parsed = page("/resource/season/2011-12")
    assert "Note: Leones Negros UdeG has the fewest points per game" in parsed.text


def test_links_out_to_wikipedia_and_dbpedia(page):
    parsed = page("/resource/club/necaxa")
    out = {link["text"]: link["href"] for link in parsed.links if "external" in link["class"]}
    assert out["Wikipedia"] == "https://en.wikipedia.org/wiki/Club_Necaxa"
    assert out["DBpedia"] == "http://dbpedia.org/resource/Club_Necaxa"


def test_incoming_links_are_grouped_with_counts_and_paged(pages_client):
    first = pages_client.get("/resource/club/necaxa", headers=BROWSER).get_data(as_text=True)
    group = re.search(r'<h3><a class="property"[^>]*>for club</a>.*?<span class="count">\((\d+)\)</span></h3>'
                      r'\s*<ul class="values">(.*?)</ul>(.*?)</div>', first, re.S)
    count, items, pager = int(group.group(1)), group.group(2).count("<li>"), group.group(3)
    assert count == 32 and items == 20 and "1–20 of 32" in pager
    assert "incoming=https%3A%2F%2Fw3id.org%2Fascenso-kg%2Fontology%23forClub&amp;incoming_page=2" in pager
    second = pages_client.get("/resource/club/necaxa?incoming=https://w3id.org/ascenso-kg/ontology%23forClub"
                              "&incoming_page=2", headers=BROWSER).get_data(as_text=True)
    group = re.search(r'>for club</a>.*?<ul class="values">(.*?)</ul>(.*?)</div>', second, re.S)
    assert group.group(1).count("<li>") == 12 and "21–32 of 32" in group.group(2)
    first_goals = set(re.findall(r'href="(/resource/match/[^"]+/goal/\d+)"',
                                 re.search(r'>for club</a>.*?</ul>', first, re.S).group(0)))
    second_goals = set(re.findall(r'href="(/resource/match/[^"]+/goal/\d+)"', group.group(1)))
    assert len(first_goals | second_goals) == 32  # the two pages together are every goal, once


def test_labels_from_articles_are_escaped_everywhere(hostile_client):
    for path in ("/resource/club/toros", "/resource/match/2013-05-08-toros-necaxa", "/resource/club/necaxa",
                 "/search?q=toros", "/source/hostile"):
        response = hostile_client.get(path, headers=BROWSER)
        assert response.status_code == 200, path
        parsed = parse_page(response)
        for script in parsed.scripts:  # the schema.org block is JSON data (tojson escapes < > &), never run
            assert script.lstrip().startswith("{") and "<" not in script or "alert" not in script, path
        assert not parsed.find("img"), path
        assert "<script>alert" not in response.get_data(as_text=True), path
    club = parse_page(hostile_client.get("/resource/club/toros", headers=BROWSER))
    assert club.h1 == "<script>alert('club')</script> Toros & \"Neza\""  # shown as text, exactly
    suggestions = hostile_client.get("/search/suggest?q=toros").json["results"]
    assert suggestions[0]["label"] == "<script>alert('club')</script> Toros & \"Neza\""  # JSON is data, not HTML


def test_unknown_iris_get_a_404_page_with_suggestions(pages_client):
    response = pages_client.get("/resource/club/necaxa-fc", headers=BROWSER)
    assert response.status_code == 404 and response.mimetype == "text/html"
    parsed = parse_page(response)
    assert "/resource/club/necaxa" in parsed.hrefs()
    assert parsed.find("input", id="site-search")
    plain = pages_client.get("/resource/club/necaxa-fc", headers={"Accept": "text/turtle"})
    assert plain.status_code == 404 and plain.mimetype == "text/plain"
    assert "Accept" in plain.headers["Vary"]


@pytest.mark.parametrize("path", ["/resource/club/%3Cscript%3E", "/resource/", "/source/no-such-article",
                                  "/source/2012-13-ascenso-mx-season/lines/9999-9999", "/graph/nothing",
                                  "/resource/club/necaxa/extra"])
def test_malformed_or_unknown_paths_are_404_never_a_traceback(pages_client, path):
    response = pages_client.get(path, headers=BROWSER)
    assert response.status_code == 404, path
    assert "Traceback" not in response.get_data(as_text=True)
