"""Links out: each entity with an English Wikipedia article gets ``foaf:isPrimaryTopicOf`` that article and
``owl:sameAs`` the DBpedia resource of the same title, from ``mappings/tables/links.csv``; an entity with an accepted
row in ``mappings/tables/wikidata.csv`` gets ``owl:sameAs`` its Wikidata item.

Only rows whose evidence is recorded are in the links table; a Wikidata row is asserted only when its sitelink is the
entity's own article (and its type fits) or a person reviewed it (``WikidataLink.accepted``). An entity the graph
does not hold is reported, not linked.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from ascenso_kg.iris import DCTERMS, FOAF, OWL, RDFS, Iris

from ..mapping_tables import Link, MappingTables, WikidataLink
from ..read.document import Problem
from .ntriples import GraphBuilder, text

WIKIPEDIA_PREFIX = "https://en.wikipedia.org/wiki/"
DBPEDIA_PREFIX = "http://dbpedia.org/resource/"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

# Characters a title may hold that an IRI may not: DBpedia keeps them percent-encoded ('"Pirata"' -> '%22Pirata%22').
_NOT_IN_IRI = re.compile(r'[\x00-\x20"<>\\^`{|}]')


def dbpedia_iri(enwiki_url: str) -> str:
    """'https://en.wikipedia.org/wiki/Club_Le%C3%B3n' -> 'http://dbpedia.org/resource/Club_León'."""
    title = unquote(enwiki_url.removeprefix(WIKIPEDIA_PREFIX))
    return DBPEDIA_PREFIX + _NOT_IN_IRI.sub(lambda match: quote(match.group()), title)


def wikidata_iri(qid: str) -> str:
    """'Q42' -> 'http://www.wikidata.org/entity/Q42', the entity IRI the Wikidata Query Service uses."""
    return WIKIDATA_ENTITY + qid


def kind_iri(iris: Iris, kind: str, entity_id: str) -> str:
    """The IRI of an entity named by its kind and id as the link tables name it ('club', 'necaxa')."""
    return {
        "club": iris.club, "stadium": iris.stadium, "city": iris.city, "competition": iris.competition,
        "season": iris.season, "liguilla": iris.liguilla, "player": iris.player,
    }[kind](entity_id)


def entity_iri(iris: Iris, link: Link | WikidataLink) -> str:
    return kind_iri(iris, link.kind, link.id)


def map_links(tables: MappingTables, iris: Iris, entities: set[str]) -> tuple[list[str], list[Problem]]:
    """Statements of the links graph for the entities the graph holds; a row for any other entity is reported."""
    graph = iris.graph("links")
    out = GraphBuilder(graph)
    out.add(graph, RDFS + "comment", text(
        "Links to English Wikipedia and DBpedia, from mappings/tables/links.csv (each row records its evidence), "
        "and to Wikidata, from the sitelink-exact and reviewed rows of mappings/tables/wikidata.csv.", "en"))
    out.add(graph, DCTERMS + "source", text("mappings/tables/links.csv"))
    out.add(graph, DCTERMS + "source", text("mappings/tables/wikidata.csv"))
    problems = []
    for link in tables.links:
        subject = entity_iri(iris, link)
        if subject not in entities:
            problems.append(Problem("links.csv", link.line, f"no {link.kind} {link.id!r} in this build; not linked", "info"))
            continue
        out.link(subject, FOAF + "isPrimaryTopicOf", link.enwiki_url)
        out.link(subject, OWL + "sameAs", dbpedia_iri(link.enwiki_url))
    for row in tables.wikidata_links:
        if not row.accepted:
            continue
        subject = entity_iri(iris, row)
        if subject not in entities:
            # A reviewed item for an entity this build lacks (its articles are not in yet) is noted, never a dangling
            # sameAs and never a failure: the row waits in the table for the entity.
            why = "reviewed" if row.reviewed == "yes" else "sitelink-exact"
            problems.append(Problem("wikidata.csv", row.line, f"{why} link to {row.qid} ({row.label}): no {row.kind} "
                                    f"{row.id!r} in this build; not linked", "info"))
            continue
        out.link(subject, OWL + "sameAs", wikidata_iri(row.qid))
        # The item's label and the evidence for the link, from the reviewed row at build time: the pages show them
        # without ever asking Wikidata.
        if row.label:
            out.add(wikidata_iri(row.qid), RDFS + "label", text(row.label))
        out.add(wikidata_iri(row.qid), RDFS + "comment", text(link_evidence(row), "en"))
    return out.statements, problems


def link_evidence(row: WikidataLink) -> str:
    """What a reader of the page is told about a Wikidata link: how it was found, who confirmed it, the evidence."""
    how = {"sitelink": "its English Wikipedia sitelink is this entity's article",
           "label": "found by name", "alias": "found by an alias", "manual": "added by hand",
           "dataset": "found in a public data file pairing the item with its label"}[row.method]
    confirmed = "reviewed by a person" if row.reviewed == "yes" else "not reviewed"
    note = f" Note: {row.note}" if row.note else ""
    return f"Wikidata link for {row.entity}: {how}; {confirmed}.{note}"
