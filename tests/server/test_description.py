"""The service description (GET /sparql) and the VoID + DCAT dataset description (/void), read as RDF."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID

# A plain namespace: rdflib's DefinedNamespace DCAT warns when pytest inspects this module's names.
DCAT = Namespace("http://www.w3.org/ns/dcat#")

from tests.server.sparql_answers import parse_results

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
AKG = Namespace("https://w3id.org/ascenso-kg/ontology#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENDPOINT = URIRef("http://localhost/sparql")
DATASET = URIRef("http://localhost/void#ascenso-kg")


def rdf(response) -> Graph:
    assert response.status_code == 200
    return Graph().parse(data=response.data, format=response.mimetype)


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "application/rdf+xml",
                                    "application/n-triples"])
def test_service_description_by_negotiation(client, accept):
    graph = rdf(client.get("/sparql", headers={"Accept": accept}))
    (service,) = graph.subjects(RDF.type, SD.Service)
    assert graph.value(service, SD.endpoint) == ENDPOINT
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert {FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_CSV, FORMATS.Turtle, FORMATS["JSON-LD"]} <= set(
        graph.objects(service, SD.resultFormat))
    assert graph.value(service, SD.defaultDataset) == DATASET


def test_service_description_for_a_plain_client_is_turtle(client):
    response = client.get("/sparql")
    assert response.mimetype == "text/turtle"
    assert (None, SD.endpoint, ENDPOINT) in rdf(response)


def test_browser_gets_the_editor_instead(client):
    response = client.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.mimetype == "text/html"
    assert 'id="yasgui"' in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def void(client) -> Graph:
    return rdf(client.get("/void", headers={"Accept": "text/turtle"}))


def count(client, query: str) -> int:
    response = client.get("/sparql", query_string={"query": query})
    return int(parse_results(response.content_type, response.data)[0]["n"].value)


def test_void_statistics_match_the_store(client, void):
    distinct_triples = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"
    assert void.value(DATASET, VOID.triples).toPython() == count(client, distinct_triples)
    partitions = {void.value(p, VOID["class"]): void.value(p, VOID.entities).toPython()
                  for p in void.objects(DATASET, VOID.classPartition)}
    assert partitions[AKG.Club] == 3
    assert partitions[AKG.Stadium] == 1
    properties = {void.value(p, VOID.property): void.value(p, VOID.triples).toPython()
                  for p in void.objects(DATASET, VOID.propertyPartition)}
    assert properties[AKG.capacity] == 1
    assert void.value(DATASET, VOID.classes).toPython() == len(partitions)


def test_void_triples_of_the_real_build_match_its_manifest(real_client, built):
    manifest = json.loads((built / "current" / "manifest.json").read_text())
    void = rdf(real_client.get("/void", headers={"Accept": "text/turtle"}))
    assert void.value(DATASET, VOID.triples).toPython() == manifest["triples"]
    sizes = {str(void.value(s, SD.name)): void.value(s, VOID.triples).toPython()
             for s in void.objects(DATASET, VOID.subset)}
    assert sizes == manifest["graphs"]


def test_void_names_each_graph_with_its_size_and_source(void, small_out):
    manifest = json.loads((small_out / "current" / "manifest.json").read_text())
    subsets = {void.value(s, SD.name): s for s in void.objects(DATASET, VOID.subset)}
    assert set(map(str, subsets)) == set(manifest["graphs"])
    for article in manifest["articles"]:
        subset = subsets[URIRef(article["graph"])]
        assert void.value(subset, VOID.triples).toPython() == manifest["graphs"][article["graph"]]
        assert void.value(subset, DCTERMS.source) == URIRef(article["url"])


def test_void_links_endpoint_dumps_licence_and_sources(void, small_out):
    manifest = json.loads((small_out / "current" / "manifest.json").read_text())
    assert void.value(DATASET, VOID.sparqlEndpoint) == ENDPOINT
    assert void.value(DATASET, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by-sa/4.0/")
    assert set(void.objects(DATASET, DCTERMS.source)) == {URIRef(a["url"]) for a in manifest["articles"]}
    downloads = {}
    for distribution in void.objects(DATASET, DCAT.distribution):
        url = void.value(distribution, DCAT.downloadURL)
        if url is not None:
            checksum = void.value(distribution, SPDX.checksum)
            downloads[str(url)] = (str(void.value(checksum, SPDX.checksumValue)),
                                   void.value(distribution, DCAT.byteSize).toPython())
    assert downloads == {"http://localhost/" + f["path"]: (f["sha256"], f["size"]) for f in manifest["files"]}
    assert set(void.objects(DATASET, VOID.dataDump)) == {URIRef(url) for url in downloads}
    service = next(o for d in void.objects(DATASET, DCAT.distribution) for o in void.objects(d, DCAT.accessService))
    assert void.value(service, DCAT.endpointURL) == ENDPOINT
    assert void.value(DATASET, DCTERMS.modified) == Literal(manifest["build_date"], datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#dateTime"))


def test_statistics_are_read_from_the_store_once(small_app, monkeypatch):
    store = small_app.extensions["ascenso_kg.store"]
    client = small_app.test_client()
    client.get("/void", headers={"Accept": "text/turtle"})
    calls = []
    original = store.run
    monkeypatch.setattr(store, "run", lambda job: calls.append(job) or original(job))
    assert client.get("/void", headers={"Accept": "application/ld+json"}).status_code == 200
    assert calls == []


def test_void_page_for_browsers(client):
    page = client.get("/void", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "akg:Club" in page and "Distinct subjects" in page


def test_well_known_void_redirects(client):
    response = client.get("/.well-known/void")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/void")


def test_home_page_links_every_surface(client):
    page = client.get("/").get_data(as_text=True)
    for path in ('href="/sparql"', 'href="/dumps"', 'href="/void"'):
        assert path in page
