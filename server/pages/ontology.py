"""The ontology page, ``/ontology``: the document behind every ``akg:`` hash IRI.

The ontology's terms are hash IRIs (``…/ontology#Club``), so one document describes them all: each term has an
anchor named after it, and a link to ``/ontology#Club`` lands on the class. Its RDF twin is the ontology graph.
"""

from __future__ import annotations

import pyoxigraph

from ascenso_kg import iris

from .page_context import PageContext
from .graph import node

OWL_CLASS = iris.OWL + "Class"
PROPERTY_KINDS = (iris.OWL + "ObjectProperty", iris.OWL + "DatatypeProperty")


def gather_ontology(page: PageContext) -> None:
    page.gather("page-ontology", ontologyGraph=pyoxigraph.NamedNode(iris.Iris(page.addresses.base).graph("ontology")))


def ontology_view(page: PageContext) -> dict:
    graph = page.graph
    classes, properties, individuals = [], [], []
    for subject in list(graph.outgoing_subjects()):
        if not isinstance(subject, pyoxigraph.NamedNode) or not subject.value.startswith(iris.AKG):
            continue
        types = graph.types(subject)
        term = _term(page, subject)
        if OWL_CLASS in types:
            classes.append(term)
        elif types & set(PROPERTY_KINDS):
            properties.append(term)
        else:
            individuals.append(term)
    key = lambda term: term["name"].lower()  # noqa: E731 - one sort key for three lists
    return {"classes": sorted(classes, key=key), "properties": sorted(properties, key=key),
            "individuals": sorted(individuals, key=key)}


def _term(page: PageContext, subject: pyoxigraph.NamedNode) -> dict:
    graph, show = page.graph, page.show
    comments = [c.value for c in graph.objects(subject, node(iris.RDFS + "comment"))
                if isinstance(c, pyoxigraph.Literal)]

    def links(predicate: str) -> list[dict]:
        return [show.term(o) for o in graph.objects(subject, node(predicate)) if isinstance(o, pyoxigraph.NamedNode)]

    return {
        "name": subject.value[len(iris.AKG):],
        "iri": subject.value,
        "label": show.property(subject.value),
        "comment": comments[0] if comments else None,
        "parents": links(iris.RDFS + "subClassOf") + links(iris.RDFS + "subPropertyOf"),
        "domain": links(iris.RDFS + "domain"),
        "range": links(iris.RDFS + "range"),
        "type": [show.property(t) for t in sorted(graph.types(subject))],
    }
