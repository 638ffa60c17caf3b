"""The SPARQL 1.1 Service Description of ``/sparql`` and the VoID + DCAT description of the dataset (``/void``).

Both are built as graphs from plain inputs (URLs, the release manifest, statistics read from the store once) so they
can be serialized in any RDF format by the same writer as CONSTRUCT answers. The dataset is identified by
``<…/void#ascenso-kg>``: a node of the document that describes it, so it needs no IRI under the project's base.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ascenso_kg import iris

from .negotiation import GRAPH_FORMATS, RESULT_FORMATS
from .sparql.query_results import Graph, Solutions

SD = "http://www.w3.org/ns/sparql-service-description#"
ENTAILMENT_SIMPLE = "http://www.w3.org/ns/entailment/Simple"
SPDX = "http://spdx.org/rdf/terms#"
XSD_INTEGER = NamedNode(iris.XSD + "integer")
XSD_DATETIME = NamedNode(iris.XSD + "dateTime")
DATASET_FRAGMENT = "#ascenso-kg"
TITLE = "ascenso-kg: Mexican second-tier football knowledge graph"
DESCRIPTION = ("Seasons, tournaments, Liguillas, ties, matches, goals, clubs, stadiums, players and league tables "
               "of the Liga de Ascenso / Ascenso MX, built from English Wikipedia season articles, with line-level "
               "provenance.")


def description_prefixes() -> dict[str, str]:
    """The project's prefixes plus the vocabularies of the descriptions, for readable Turtle."""
    return {**current_app.config["PREFIXES"], "sd": SD, "void": iris.VOID, "dcat": iris.DCAT, "spdx": SPDX}


@dataclass(frozen=True)
class DatasetStatistics:
    """Counts read from the store with the named queries ``void-*.rq``."""

    triples: int
    distinct_subjects: int
    distinct_objects: int
    classes: tuple[tuple[str, int], ...]  # class IRI, number of instances
    properties: tuple[tuple[str, int], ...]  # property IRI, number of triples
    graphs: tuple[tuple[str, int], ...]  # graph IRI, number of triples


def statistics_from(totals: Solutions, classes: Solutions, properties: Solutions, graphs: Solutions
                    ) -> DatasetStatistics:
    (total,) = totals.as_dicts()
    return DatasetStatistics(
        triples=int(total["triples"].value),
        distinct_subjects=int(total["subjects"].value),
        distinct_objects=int(total["objects"].value),
        classes=tuple((row["class"].value, int(row["entities"].value)) for row in classes.as_dicts()),
        properties=tuple((row["property"].value, int(row["triples"].value)) for row in properties.as_dicts()),
        graphs=tuple((row["graph"].value, int(row["triples"].value)) for row in graphs.as_dicts()),
    )


class _GraphBuilder:
    def __init__(self) -> None:
        self.triples: list[Triple] = []

    def add(self, subject, predicate: str, obj) -> None:
        self.triples.append(Triple(subject, NamedNode(predicate), obj))

    def graph(self) -> Graph:
        return Graph(tuple(self.triples))


def _count(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def service_description(endpoint_url: str, void_url: str) -> Graph:
    """sd:Service for the endpoint: what it speaks, and a link to the dataset description."""
    g = _GraphBuilder()
    service = NamedNode(endpoint_url + "#service")
    dataset = NamedNode(void_url + DATASET_FRAGMENT)
    g.add(service, iris.RDF + "type", NamedNode(SD + "Service"))
    g.add(service, SD + "endpoint", NamedNode(endpoint_url))
    g.add(service, SD + "supportedLanguage", NamedNode(SD + "SPARQL11Query"))
    for feature in ("UnionDefaultGraph", "BasicFederatedQuery"):
        g.add(service, SD + "feature", NamedNode(SD + feature))
    for fmt in (*RESULT_FORMATS, *GRAPH_FORMATS):
        if fmt.w3c_format:
            g.add(service, SD + "resultFormat", NamedNode(fmt.w3c_format))
    g.add(service, SD + "defaultEntailmentRegime", NamedNode(ENTAILMENT_SIMPLE))
    g.add(service, SD + "defaultDataset", dataset)
    g.add(service, iris.RDFS + "seeAlso", NamedNode(void_url))
    g.add(service, iris.DCTERMS + "title", Literal("ascenso-kg SPARQL endpoint"))
    g.add(dataset, iris.RDF + "type", NamedNode(SD + "Dataset"))
    default_graph = BlankNode()
    g.add(dataset, SD + "defaultGraph", default_graph)
    g.add(default_graph, iris.RDF + "type", NamedNode(SD + "Graph"))
    g.add(default_graph, iris.RDFS + "comment", Literal("The union of all named graphs."))
    return g.graph()


def void_description(void_url: str, endpoint_url: str, release_manifest: dict, statistics: DatasetStatistics,
                     dump_url) -> Graph:
    """void:Dataset + dcat:Dataset: statistics, partitions, graphs, sources, licence and every dump file.

    ``dump_url`` maps a manifest file path (``dumps/…``) to its download URL.
    """
    g = _GraphBuilder()
    dataset = NamedNode(void_url + DATASET_FRAGMENT)
    base = release_manifest.get("base") or iris.DEFAULT_BASE
    for kind in (iris.VOID + "Dataset", iris.DCAT + "Dataset", SD + "Dataset"):
        g.add(dataset, iris.RDF + "type", NamedNode(kind))
    g.add(dataset, iris.DCTERMS + "title", Literal(TITLE, language="en"))
    g.add(dataset, iris.DCTERMS + "description", Literal(DESCRIPTION, language="en"))
    g.add(dataset, iris.DCTERMS + "license", NamedNode(iris.CC_BY_SA))
    if release_manifest.get("build_date"):
        g.add(dataset, iris.DCTERMS + "modified", Literal(release_manifest["build_date"], datatype=XSD_DATETIME))
    g.add(dataset, iris.VOID + "sparqlEndpoint", NamedNode(endpoint_url))
    g.add(dataset, iris.VOID + "uriSpace", Literal(base + "resource/"))
    g.add(dataset, iris.VOID + "vocabulary", NamedNode(iris.ONTOLOGY_IRI))
    g.add(dataset, iris.VOID + "triples", _count(statistics.triples))
    g.add(dataset, iris.VOID + "distinctSubjects", _count(statistics.distinct_subjects))
    g.add(dataset, iris.VOID + "distinctObjects", _count(statistics.distinct_objects))
    g.add(dataset, iris.VOID + "classes", _count(len(statistics.classes)))
    g.add(dataset, iris.VOID + "properties", _count(len(statistics.properties)))
    for article in release_manifest.get("articles", []):
        if article.get("url"):
            g.add(dataset, iris.DCTERMS + "source", NamedNode(article["url"]))
            g.add(dataset, iris.PROV + "wasDerivedFrom", NamedNode(article["url"]))
    _add_partitions(g, dataset, statistics)
    _add_graphs(g, dataset, release_manifest, statistics)
    _add_distributions(g, dataset, endpoint_url, release_manifest, dump_url)
    return g.graph()


def _add_partitions(g: _GraphBuilder, dataset: NamedNode, statistics: DatasetStatistics) -> None:
    for class_iri, entities in statistics.classes:
        partition = BlankNode()
        g.add(dataset, iris.VOID + "classPartition", partition)
        g.add(partition, iris.VOID + "class", NamedNode(class_iri))
        g.add(partition, iris.VOID + "entities", _count(entities))
    for property_iri, triples in statistics.properties:
        partition = BlankNode()
        g.add(dataset, iris.VOID + "propertyPartition", partition)
        g.add(partition, iris.VOID + "property", NamedNode(property_iri))
        g.add(partition, iris.VOID + "triples", _count(triples))


def _add_graphs(g: _GraphBuilder, dataset: NamedNode, manifest: dict, statistics: DatasetStatistics) -> None:
    """Each named graph is a void:subset with its size, and its source article where it has one."""
    article_by_graph = {a.get("graph"): a for a in manifest.get("articles", [])}
    for graph_iri, triples in statistics.graphs:
        subset = BlankNode()
        g.add(dataset, iris.VOID + "subset", subset)
        g.add(subset, iris.RDF + "type", NamedNode(iris.VOID + "Dataset"))
        g.add(subset, SD + "name", NamedNode(graph_iri))
        g.add(subset, iris.VOID + "triples", _count(triples))
        article = article_by_graph.get(graph_iri)
        if article and article.get("url"):
            g.add(subset, iris.DCTERMS + "source", NamedNode(article["url"]))
            g.add(subset, iris.DCTERMS + "title", Literal(article.get("title", ""), language="en"))


def _add_distributions(g: _GraphBuilder, dataset: NamedNode, endpoint_url: str, manifest: dict, dump_url) -> None:
    for entry in manifest.get("files", []):
        url = NamedNode(dump_url(entry["path"]))
        distribution = BlankNode()
        g.add(dataset, iris.DCAT + "distribution", distribution)
        g.add(distribution, iris.RDF + "type", NamedNode(iris.DCAT + "Distribution"))
        g.add(distribution, iris.DCAT + "downloadURL", url)
        g.add(dataset, iris.VOID + "dataDump", url)
        if entry.get("media_type"):
            g.add(distribution, iris.DCAT + "mediaType", Literal(entry["media_type"]))
        if entry.get("size") is not None:
            g.add(distribution, iris.DCAT + "byteSize", _count(entry["size"]))
        if entry.get("description"):
            g.add(distribution, iris.DCTERMS + "description", Literal(entry["description"], language="en"))
        g.add(distribution, iris.DCTERMS + "license", NamedNode(iris.CC_BY_SA))
        if entry.get("sha256"):
            checksum = BlankNode()
            g.add(distribution, SPDX + "checksum", checksum)
            g.add(checksum, SPDX + "algorithm", NamedNode(SPDX + "checksumAlgorithm_sha256"))
            g.add(checksum, SPDX + "checksumValue", Literal(entry["sha256"]))
    service = NamedNode(endpoint_url + "#service")
    access = BlankNode()
    g.add(dataset, iris.DCAT + "distribution", access)
    g.add(access, iris.RDF + "type", NamedNode(iris.DCAT + "Distribution"))
    g.add(access, iris.DCAT + "accessService", service)
    g.add(service, iris.RDF + "type", NamedNode(iris.DCAT + "DataService"))
    g.add(service, iris.DCAT + "endpointURL", NamedNode(endpoint_url))
    g.add(service, iris.DCAT + "servesDataset", dataset)
