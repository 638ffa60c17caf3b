"""Links out: each entity with an English Wikipedia article gets ``foaf:isPrimaryTopicOf`` that article and
``owl:sameAs`` the DBpedia resource of the same title, from ``mappings/tables/links.csv``.

Only rows whose evidence is recorded are in the table; an entity the graph does not hold is reported, not linked.
"""

from __future__ import annotations

from urllib.parse import unquote

from pyoxigraph import Literal, Quad

from ascenso_kg.iris import DCTERMS, FOAF, OWL, RDFS, Iris

from .config import Link, MappingTables
from .document import Problem
from .rdf import GraphBuilder

WIKIPEDIA_PREFIX = "https://en.wikipedia.org/wiki/"
DBPEDIA_PREFIX = "http://dbpedia.org/resource/"


def dbpedia_iri(enwiki_url: str) -> str:
    """'https://en.wikipedia.org/wiki/Club_Le%C3%B3n' -> 'http://dbpedia.org/resource/Club_León'."""
    return DBPEDIA_PREFIX + unquote(enwiki_url.removeprefix(WIKIPEDIA_PREFIX))


def entity_iri(iris: Iris, link: Link) -> str:
    return {
        "club": iris.club, "stadium": iris.stadium, "city": iris.city, "competition": iris.competition,
        "season": iris.season, "liguilla": iris.liguilla,
    }[link.kind](link.id)


def map_links(tables: MappingTables, iris: Iris, entities: set[str]) -> tuple[list[Quad], list[Problem]]:
    """Quads of the links graph for the entities the graph holds; a row for any other entity is reported."""
    graph = iris.graph("links")
    out = GraphBuilder(graph)
    out.add(graph, RDFS + "comment", Literal(
        "Links to English Wikipedia and DBpedia, from mappings/tables/links.csv (each row records its evidence).",
        language="en"))
    out.add(graph, DCTERMS + "source", Literal("mappings/tables/links.csv"))
    problems = []
    for link in tables.links:
        subject = entity_iri(iris, link)
        if subject not in entities:
            problems.append(Problem("links.csv", link.line, f"no {link.kind} {link.id!r} in the graph; not linked"))
            continue
        out.link(subject, FOAF + "isPrimaryTopicOf", link.enwiki_url)
        out.link(subject, OWL + "sameAs", dbpedia_iri(link.enwiki_url))
    return out.quads, problems
