"""Every class of page in every format: HTML parsed back, Turtle / JSON-LD / N-Triples parsed with rdflib."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from tests.pages.page_helpers import BROWSER, ENTITIES, RES, parse_page

AKG = "https://w3id.org/ascenso-kg/ontology#"
SOURCE = "https://w3id.org/ascenso-kg/source/"
GRAPH = "https://w3id.org/ascenso-kg/graph/"

SPAN = "source/2012-13-ascenso-mx-season/lines/167-169"

RDF_FORMATS = [  # (suffix, format= value, Accept, media type, rdflib parser)
    (".ttl", "turtle", "text/turtle", "text/turtle", "turtle"),
    (".jsonld", "jsonld", "application/ld+json", "application/ld+json", "json-ld"),
    (".nt", "nt", "application/n-triples", "application/n-triples", "nt"),
]


def iri_of(path: str) -> str:
    return "https://w3id.org/ascenso-kg/" + path


@pytest.mark.parametrize("path, cls, label", ENTITIES, ids=[e[1] for e in ENTITIES])
def test_html_page_names_the_entity_by_its_label_and_class(page, path, cls, label):
    parsed = page("/" + path)
    heading = parsed.h1.strip()
    # A tie's heading adds its aggregate to its label ("…: 4–0 on aggregate").
    assert heading == label or (cls == "Tie" and heading.startswith(label + ": ") and heading.endswith(" on aggregate"))
    assert f"{AKG}{cls}" in [link.get("title") for link in parsed.find("a", **{"class": "type"})]
    assert iri_of(path) in parsed.text  # the IRI is shown once, as text, for copying


@pytest.mark.parametrize("suffix, name, accept, media_type, parser", RDF_FORMATS, ids=[f[1] for f in RDF_FORMATS])
@pytest.mark.parametrize("path, cls, label", ENTITIES, ids=[e[1] for e in ENTITIES])
def test_rdf_twins_by_suffix_format_and_accept_say_the_same(pages_client, path, cls, label, suffix, name, accept,
                                                            media_type, parser):
    graphs = []
    for url, headers in ((f"/{path}{suffix}", {}), (f"/{path}?format={name}", {}), (f"/{path}", {"Accept": accept})):
        response = pages_client.get(url, headers=headers)
        assert response.status_code == 200, url
        assert response.mimetype == media_type
        graphs.append(Graph().parse(data=response.get_data(as_text=True), format=parser))
    this = URIRef(iri_of(path))
    for graph in graphs:
        assert (this, RDF.type, URIRef(AKG + cls)) in graph
        assert any(str(o) == label for o in graph.objects(this, RDFS.label))
    assert len(graphs[0]) == len(graphs[1]) == len(graphs[2])


def test_negotiated_answers_vary_on_accept_and_link_their_other_forms(pages_client):
    response = pages_client.get("/resource/club/necaxa", headers={"Accept": "text/turtle"})
    assert "Accept" in response.headers["Vary"]
    assert response.headers["Content-Location"] == "/resource/club/necaxa.ttl"
    links = response.headers["Link"]
    for target, media_type in (("/resource/club/necaxa.jsonld", "application/ld+json"),
                               ("/resource/club/necaxa.nt", "application/n-triples"),
                               ("/resource/club/necaxa.html", "text/html")):
        assert f'<{target}>; rel="alternate"; type="{media_type}"' in links
    html = pages_client.get("/resource/club/necaxa", headers=BROWSER)
    assert html.mimetype == "text/html" and "Accept" in html.headers["Vary"]
    assert '</resource/club/necaxa.ttl>; rel="alternate"; type="text/turtle"' in html.headers["Link"]
    alternates = parse_page(html).find("link", rel="alternate")
    assert {a["type"] for a in alternates} == {"text/turtle", "application/ld+json", "application/n-triples",
                                              "application/rdf+xml"}


@pytest.mark.parametrize("accept, expected", [
    ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
    ("application/n-triples, text/html;q=0.1", "application/n-triples"),
    ("*/*", "text/html"),
    (None, "text/html"),
    ("application/json", "application/ld+json"),
])
def test_accept_header_is_negotiated_with_qualities(pages_client, accept, expected):
    headers = {"Accept": accept} if accept else {}
    assert pages_client.get("/resource/club/necaxa", headers=headers).mimetype == expected


def test_unacceptable_accept_is_406_and_unknown_format_is_400(pages_client):
    assert pages_client.get("/resource/club/necaxa", headers={"Accept": "image/png"}).status_code == 406
    response = pages_client.get("/resource/club/necaxa?format=pdf", headers=BROWSER)
    assert response.status_code == 400 and "pdf" in response.get_data(as_text=True)


def test_jsonld_twin_is_json_with_the_entity(pages_client):
    document = json.loads(pages_client.get("/resource/stadium/estadio-victoria.jsonld").data)
    nodes = document if isinstance(document, list) else document.get("@graph", [document])
    assert any(node.get("@id") == "stadium:estadio-victoria" for node in nodes)  # compacted (tests/web checks more)


def test_rdf_twin_holds_the_triples_the_html_shows(pages_client):
    """One data function: the match page's goals, tie and other leg are in its Turtle too, with their labels."""
    graph = Graph().parse(data=pages_client.get("/resource/match/2013-05-11-necaxa-neza.ttl").data, format="turtle")
    goal = URIRef(RES + "match/2013-05-11-necaxa-neza/goal/1")
    assert (goal, URIRef(AKG + "minute"), Literal(90)) in graph
    other_leg = URIRef(RES + "match/2013-05-08-neza-necaxa")
    assert (other_leg, URIRef(AKG + "homeScore"), Literal(3)) in graph
    scorer = URIRef(RES + "player/neza/2012-13/a-lucio")
    assert (scorer, RDFS.label, Literal("A. Lucio")) in graph


def test_source_span_dereferences_in_every_format(pages_client, page):
    parsed = page("/" + SPAN)
    assert [a["id"] for a in parsed.find("li", **{"class": "marked"})] == ["L167", "L168", "L169"]
    graph = Graph().parse(data=pages_client.get(f"/{SPAN}.ttl").data, format="turtle")
    span = URIRef(SOURCE + "2012-13-ascenso-mx-season/lines/167-169")
    assert (span, URIRef(AKG + "firstLine"), Literal(167)) in graph
    assert (URIRef(RES + "match/2013-05-11-necaxa-neza"), URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"),
            span) in graph  # the facts read from these lines link to it


def test_graphs_and_the_ontology_dereference(pages_client, page):
    parsed = page("/graph/article/2012-13-ascenso-mx-season")
    assert "/source/2012-13-ascenso-mx-season" in parsed.hrefs()
    ontology = page("/ontology")
    assert ontology.find("dt", id="Club") and ontology.find("dt", id="homeScore")
    graph = Graph().parse(data=pages_client.get("/ontology.ttl").data, format="turtle")
    assert (URIRef(AKG + "Club"), RDFS.label, Literal("club", lang="es")) in graph


@pytest.mark.parametrize("path", ["/resource/club/necaxa", "/resource/tournament/clausura-2013/liguilla",
                                  "/source/2012-13-ascenso-mx-season/lines/167-169", "/search?q=udg"])
def test_pages_read_a_remote_store_the_same_way(pages_client, remote_pages_client, path):
    """With STORE_BACKEND=remote the pages ask the endpoint; they show exactly what the embedded store gives."""
    local = pages_client.get(path, headers=BROWSER)
    remote = remote_pages_client.get(path, headers=BROWSER)
    assert remote.status_code == local.status_code == 200
    assert parse_page(remote).text == parse_page(local).text


def test_the_ontology_graph_named_on_the_void_page_leads_to_the_ontology_page(pages_client):
    void = pages_client.get("/void", headers=BROWSER).get_data(as_text=True)
    assert 'href="/graph/ontology"' in void
    answer = pages_client.get("/graph/ontology", headers=BROWSER)
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/ontology")
    assert pages_client.get("/graph/ontology.ttl").headers["Location"].endswith("/ontology.ttl")
    assert pages_client.get(answer.headers["Location"], headers=BROWSER).status_code == 200
