"""Entity pages for machines: RDF/XML twins (Accept and .rdf), JSON-LD compacted with the context published at
/context.jsonld, parsed back to the same triples as the Turtle twin."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

PAGES = ["resource/club/necaxa", "resource/match/2013-05-11-necaxa-neza", "resource/season/2012-13",
         "resource/stadium/estadio-victoria", "resource/player/necaxa/victor-lojero"]


def turtle_of(client, path: str) -> Graph:
    return Graph().parse(data=client.get(f"/{path}.ttl").get_data(as_text=True), format="turtle")


@pytest.mark.parametrize("path", PAGES)
def test_rdfxml_twin_by_suffix_and_accept(web_client, path):
    by_suffix = web_client.get(f"/{path}.rdf")
    by_accept = web_client.get(f"/{path}", headers={"Accept": "application/rdf+xml"})
    for response in (by_suffix, by_accept):
        assert response.status_code == 200 and response.mimetype == "application/rdf+xml"
    assert by_accept.headers["Content-Location"] == f"/{path}.rdf"
    graph = Graph().parse(data=by_suffix.get_data(as_text=True), format="xml")
    assert isomorphic(graph, turtle_of(web_client, path))


def test_the_ontology_has_an_rdfxml_twin(web_client):
    response = web_client.get("/ontology.rdf")
    assert response.status_code == 200 and response.mimetype == "application/rdf+xml"
    assert len(Graph().parse(data=response.get_data(as_text=True), format="xml")) > 100


def test_the_context_is_published(web_client):
    response = web_client.get("/context.jsonld")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    context = response.json["@context"]
    assert context["club"] == "https://w3id.org/ascenso-kg/resource/club/"
    assert context["akg"] == "https://w3id.org/ascenso-kg/ontology#"


@pytest.mark.parametrize("path", PAGES)
def test_jsonld_twin_is_compacted_with_the_published_context(web_client, path):
    response = web_client.get(f"/{path}.jsonld")
    document = json.loads(response.get_data(as_text=True))
    published = web_client.get("/context.jsonld").json["@context"]
    assert document["@context"] == published
    assert '<http://localhost/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"' in response.headers["Link"]
    nodes = document.get("@graph", [document])
    local = path.split("/", 1)[1]
    kind, rest = local.split("/", 1)
    assert any(node.get("@id") == f"{kind}:{rest}" for node in nodes)  # compact IRIs, not expanded ones
    assert "https://w3id.org/ascenso-kg/ontology#" not in json.dumps(nodes)
    graph = Graph().parse(data=response.get_data(as_text=True), format="json-ld")
    assert isomorphic(graph, turtle_of(web_client, path))
