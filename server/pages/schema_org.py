"""schema.org JSON-LD for search engines, embedded in the HTML pages (``<script type="application/ld+json">``).

Made from what a page already holds, with no query of its own: an entity page's triples (``PageGraph``) and the
labels of what it links to, the home and dumps pages' release manifest. Only facts the graph states are written (a
match without a stadium gets no ``location``); every link names the entity's page on the site that serves it.

- matches, seasons, tournaments and their stages → ``SportsEvent``; clubs → ``SportsTeam``; players and managers
  → ``Person``; stadiums → ``StadiumOrArena``; competitions → ``SportsOrganization``;
- the home and dumps pages → a ``Dataset`` with its licence, creator and the dumps as ``DataDownload``s.
"""

from __future__ import annotations

from typing import Callable

import pyoxigraph

from ascenso_kg import iris

from .graph import PageGraph, akg, node

SCHEMA = "http://schema.org/"
CONTEXT = "https://schema.org"
# The graph's class → the schema.org type its page describes, most specific first.
TYPES = (
    ("Match", "SportsEvent"),
    ("Club", "SportsTeam"),
    ("Player", "Person"),
    ("Manager", "Person"),
    ("Stadium", "StadiumOrArena"),
    ("Competition", "SportsOrganization"),
    ("Tie", "SportsEvent"),
    ("Stage", "SportsEvent"),
    ("Round", "SportsEvent"),
    ("Tournament", "SportsEvent"),
    ("Season", "SportsEvent"),
)
SAME_AS = (iris.OWL + "sameAs", iris.FOAF + "isPrimaryTopicOf")
# Links from an event to the events it is part of, in the order they are tried for ``superEvent``.
PART_OF = ("tie", "round", "stage", "tournament", "season")


def schema_type(graph: PageGraph, this) -> str | None:
    for cls, schema in TYPES:
        if graph.has_type(this, cls):
            return schema
    return None


def entity_json_ld(graph: PageGraph, this, label: Callable[[str], str | None],
                   url: Callable[[str], str]) -> dict | None:
    """The schema.org description of the page's entity, or None for a page that is not about one (a source span,
    a graph, a table row…). ``label(iri)`` gives the name shown for a linked resource, ``url(iri)`` its page."""
    kind = schema_type(graph, this)
    if kind is None:
        return None
    data: dict = {"@context": CONTEXT, "@type": kind, "@id": url(this.value), "url": url(this.value)}
    name = label(this.value)
    if name:
        data["name"] = name
    same = sorted({o.value for p in SAME_AS for o in graph.objects(this, node(p))
                   if isinstance(o, pyoxigraph.NamedNode)})
    if same:
        data["sameAs"] = same

    def ref(term, schema_kind: str) -> dict | None:
        if not isinstance(term, pyoxigraph.NamedNode):
            return None
        found = {"@type": schema_kind, "@id": url(term.value), "url": url(term.value)}
        text = label(term.value)
        if text:
            found["name"] = text
        return found

    def literal(predicate) -> str | None:
        return graph.literal(this, predicate)

    if kind == "SportsEvent":
        for key in ("startDate", "endDate"):
            value = literal(node(SCHEMA + key))
            if value:
                data[key] = value
        for key in ("homeTeam", "awayTeam"):
            team = ref(graph.value(this, node(SCHEMA + key)), "SportsTeam")
            if team:
                data[key] = team
        if "homeTeam" in data and "awayTeam" in data:
            data["competitor"] = [data["homeTeam"], data["awayTeam"]]
        stadium = ref(graph.value(this, akg("stadium")) or graph.value(this, node(SCHEMA + "location")),
                      "StadiumOrArena")
        if stadium:
            data["location"] = stadium
        for link in PART_OF:
            parent = ref(graph.value(this, akg(link)), "SportsEvent")
            if parent:
                data["superEvent"] = parent
                break
        organizer = ref(graph.value(this, akg("competition")), "SportsOrganization")
        if organizer:
            data["organizer"] = organizer
        data["sport"] = "Association football"
    elif kind == "SportsTeam":
        data["sport"] = "Association football"
    elif kind == "StadiumOrArena":
        capacity = graph.number(this, akg("capacity"))
        if isinstance(capacity, int):
            data["maximumAttendeeCapacity"] = capacity
        city = ref(graph.value(this, akg("city")), "City")
        if city:
            data["containedInPlace"] = city
    elif kind == "Person":
        alternate = sorted({o.value for o in graph.objects(this, node(iris.SKOS + "altLabel"))
                            if isinstance(o, pyoxigraph.Literal)} - {name})
        if alternate:
            data["alternateName"] = alternate
    return data


def dataset_json_ld(manifest: dict, home_url: str, dumps: list[dict], void_url: str,
                    endpoint_url: str) -> dict:
    """The schema.org ``Dataset`` of the release (the home and dumps pages), as Google Dataset Search reads it."""
    articles = manifest.get("articles", [])
    data = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": home_url,
        "url": home_url,
        "name": "ascenso-kg: Mexican second-tier football knowledge graph",
        "description": ("An open knowledge graph of Mexican second-tier football (Liga de Ascenso / Ascenso MX): "
                        "seasons, tournaments, clubs, stadiums, players, matches, goals and Liguilla ties, built "
                        "from English Wikipedia season articles, with the source lines of every fact."),
        "keywords": ["football", "soccer", "Mexico", "Ascenso MX", "Liga de Ascenso", "knowledge graph", "RDF"],
        "license": manifest.get("licence") or iris.CC_BY_SA,
        "creator": {"@type": "Organization", "name": "ascenso-kg contributors", "url": home_url},
        "isAccessibleForFree": True,
        "sameAs": void_url,
        "isBasedOn": [article["url"] for article in articles if article.get("url")],
        "distribution": [
            {"@type": "DataDownload", "name": dump["name"], "contentUrl": dump["url"],
             "encodingFormat": dump.get("media_type") or "application/octet-stream",
             **({"contentSize": f'{dump["size"]} B'} if dump.get("size") is not None else {}),
             **({"description": dump["description"]} if dump.get("description") else {})}
            for dump in dumps
        ],
        "includedInDataCatalog": {"@type": "DataCatalog", "name": "ascenso-kg", "url": home_url},
    }
    if manifest.get("build_date"):
        data["dateModified"] = manifest["build_date"]
        data["version"] = manifest["build_date"][:10]
    data["distribution"].append({"@type": "DataDownload", "name": "SPARQL endpoint", "contentUrl": endpoint_url,
                                 "encodingFormat": "application/sparql-results+json"})
    return data
