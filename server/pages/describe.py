"""What every entity page shows, whatever the entity is (the LodView/Pubby part of a page).

Its names in English and Spanish and its classes; its outgoing statements named by the ontology's labels, with the
nodes that belong inside it (a tie's sides and legs, a Liguilla's rules, blank nodes) shown in place; the resources
linking to it, grouped by property with counts and paging; where each fact was read (article and lines); what the
SHACL validation says about it; and its pages elsewhere (Wikipedia, DBpedia, Wikidata).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyoxigraph

from ascenso_kg import iris

from .page_context import PageContext
from .graph import node
from .queries import incoming_first_pages, incoming_in_iri_order

INCOMING_PAGE_SIZE = 20

RDF_TYPE = iris.RDF + "type"
RDFS_LABEL = iris.RDFS + "label"
DERIVED_FROM = iris.PROV + "wasDerivedFrom"
SAME_AS = iris.OWL + "sameAs"
PRIMARY_TOPIC_OF = iris.FOAF + "isPrimaryTopicOf"
SCHEMA_URL = iris.SCHEMA + "url"
NATIONALITY = iris.AKG + "nationality"
SH = iris.SH

# Shown in their own sections of the page rather than in the table of statements.
SHOWN_APART = {RDF_TYPE, RDFS_LABEL, DERIVED_FROM, SAME_AS, PRIMARY_TOPIC_OF}
# Values that belong inside the entity and are shown in place (blank nodes are always shown in place).
NESTED = {iris.AKG + name for name in ("firstLeg", "secondLeg", "side", "rules", "tournamentPoints")}
# Statements that read best first; the rest follow in the order of their labels.
FIRST = [iris.SCHEMA + "homeTeam", iris.SCHEMA + "awayTeam", iris.AKG + "homeScore", iris.AKG + "awayScore",
         iris.SCHEMA + "startDate", iris.SCHEMA + "endDate", iris.AKG + "season", iris.AKG + "tournament",
         iris.AKG + "club", iris.AKG + "player"]
# Links from SHACL results (blank nodes) are shown in the checks section, not among the incoming links.
SHOWN_WITH_VALIDATION = {SH + "focusNode", SH + "value"}
SEVERITY = {SH + "Violation": ("error", 0), SH + "Warning": ("warning", 1), SH + "Info": ("note", 2)}


def describe(page: PageContext) -> dict:
    """The generic part of the page; the describe query must have been gathered (``gather_description``)."""
    this = page.this
    return {
        "iri": this.value,
        "path": page.addresses.local_path(this.value),
        "label": _title(page),
        "labels": [{"text": label.text, "lang": label.lang or None}
                   for label in sorted(page.names.labels(this.value), key=lambda l: (l.lang != "en", l.lang))],
        "types": [page.show.property(t)
                  for t in sorted(page.graph.types(this), key=lambda t: (not t.startswith(iris.AKG), t))],
        "properties": properties(page, this),
        "provenance": provenance(page, this),
        "validation": validation(page),
        "links": links_out(page),
        "wikidata": wikidata_items(page),
    }


WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


def wikidata_items(page: PageContext) -> list[dict]:
    """The entity's Wikidata items with the label and evidence the build recorded from the reviewed link table
    (page-describe.rq brings the items' own statements along: no query of its own)."""
    found = []
    for target in page.graph.objects(page.this, node(SAME_AS)):
        if not (isinstance(target, pyoxigraph.NamedNode) and target.value.startswith(WIKIDATA_ENTITY)):
            continue
        qid = target.value.removeprefix(WIKIDATA_ENTITY)
        labels = sorted(label.value for label in page.graph.objects(target, node(iris.RDFS + "label")))
        evidence = sorted(comment.value for comment in page.graph.objects(target, node(iris.RDFS + "comment")))
        found.append({"qid": qid, "href": "https://www.wikidata.org/wiki/" + qid,
                      "label": labels[0] if labels else None, "evidence": evidence})
    return sorted(found, key=lambda item: item["qid"])


def gather_description(page: PageContext) -> None:
    page.gather("page-describe")


def _title(page: PageContext) -> dict:
    label = page.names.label(page.iri)
    own = [o for o in page.graph.objects(page.this, node(RDFS_LABEL)) if isinstance(o, pyoxigraph.Literal)]
    if label is None and own:  # an IRI outside the base, whose label no names query fetched
        return {"text": own[0].value, "lang": own[0].language or None}
    if label is None:
        return {"text": page.show.link(page.iri)["text"], "lang": None}
    return {"text": label.text, "lang": label.lang or None}


def _sort_key(page: PageContext, prop: str) -> tuple:
    return (FIRST.index(prop) if prop in FIRST else len(FIRST), page.show.property(prop)["text"].lower())


def properties(page: PageContext, subject, hidden: set[str] = SHOWN_APART, depth: int = 0) -> list[dict]:
    """The statements of ``subject`` as rows: the property named by its labels and its values."""
    rows = []
    outgoing = page.graph.outgoing(subject)
    for prop in sorted((p.value for p in outgoing), key=lambda p: _sort_key(page, p)):
        if prop in hidden:
            continue
        values = [_value(page, prop, obj, depth) for obj in outgoing[node(prop)]]
        # nodes shown in place (a validation report's results: blank nodes, named differently by every store) are
        # ordered by what they say
        values.sort(key=lambda v: ((v.get("text") or "").lower() if v["kind"] != "literal" else "",
                                   repr(v.get("properties", ()))))
        rows.append({"property": page.show.property(prop), "values": values})
    return rows


def _value(page: PageContext, prop: str, obj, depth: int) -> dict:
    if prop == NATIONALITY and isinstance(obj, pyoxigraph.Literal):
        return {"kind": "literal", "text": country_name(obj.value), "lang": None, "datatype": None}
    nested = isinstance(obj, pyoxigraph.BlankNode) or prop in NESTED
    if nested and depth == 0 and page.graph.outgoing(obj):
        shown = page.show.term(obj) if isinstance(obj, pyoxigraph.NamedNode) else {"kind": "blank", "text": ""}
        return {**shown, "kind": "nested", "link": shown if shown["kind"] == "iri" else None,
                "properties": properties(page, obj, SHOWN_APART | {RDF_TYPE}, depth + 1)}
    return page.show.term(obj)


def provenance(page: PageContext, subject) -> list[dict]:
    """Where the statements about ``subject`` were read: one entry per source span (or whole article)."""
    minted = iris.Iris(page.addresses.base)
    articles = {minted.article(a["id"]): a for a in page.release.articles}
    entries = []
    for source in page.graph.objects(subject, node(DERIVED_FROM)):
        if not isinstance(source, pyoxigraph.NamedNode):
            continue
        article_iri = page.graph.value(source, node(iris.AKG + "article"))
        first = page.graph.number(source, node(iris.AKG + "firstLine"))
        last = page.graph.number(source, node(iris.AKG + "lastLine"))
        article = articles.get(article_iri.value if article_iri else source.value)
        title = article["title"] if article else page.show.link(source.value)["text"]
        if first is None:
            where, anchor = title, ""
        else:
            lines = f"line {first}" if last in (None, first) else f"lines {first}–{last}"
            where, anchor = f"{title}, {lines}", f"#L{first}"
        entries.append({"text": where, "title": title, "first": first, "last": last,
                        "href": page.addresses.href(source.value) + anchor})
    entries.sort(key=lambda e: (e["title"], e["first"] or 0))
    return entries


def validation(page: PageContext) -> list[dict]:
    """The SHACL results whose focus node is this entity, in plain words, errors first."""
    results = []
    for result in page.graph.subjects(node(SH + "focusNode"), page.this):
        severity = page.graph.value(result, node(SH + "resultSeverity"))
        word, order = SEVERITY.get(severity.value if severity else "", ("note", 3))
        messages = [m for m in page.graph.objects(result, node(SH + "resultMessage"))
                    if isinstance(m, pyoxigraph.Literal)]
        english = [m for m in messages if m.language in ("en", None, "")] or messages
        path = page.graph.value(result, node(SH + "resultPath"))
        results.append({
            "severity": word,
            "order": order,
            "message": english[0].value if english else "The shape reports a problem without a message.",
            "property": page.show.property(path.value) if isinstance(path, pyoxigraph.NamedNode) else None,
            "sources": provenance(page, result),
        })
    results.sort(key=lambda r: (r["order"], r["message"]))
    return results


def links_out(page: PageContext) -> list[dict]:
    """Wikipedia, DBpedia, Wikidata and other pages about the same thing."""
    found = []
    for prop in (PRIMARY_TOPIC_OF, SCHEMA_URL, SAME_AS):
        for target in page.graph.objects(page.this, node(prop)):
            if isinstance(target, pyoxigraph.NamedNode):
                found.append(_external(target.value))
    unique = {link["href"]: link for link in found}
    return sorted(unique.values(), key=lambda link: link["site"])


def _external(iri: str) -> dict:
    if "wikipedia.org/wiki/" in iri:
        return {"site": "Wikipedia", "href": iri}
    if iri.startswith(("http://dbpedia.org/resource/", "https://dbpedia.org/resource/")):
        return {"site": "DBpedia", "href": iri}
    if iri.startswith(("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/")):
        return {"site": "Wikidata", "href": "https://www.wikidata.org/wiki/" + iri.rsplit("/", 1)[-1]}
    return {"site": iri.split("/")[2] if "://" in iri else iri, "href": iri}


def gather_incoming(page: PageContext, requested: str | None, requested_page: int) -> dict[str, int]:
    """Count the resources linking to this entity by property, and fetch the page of each group that is shown.

    Each group shows its first ``INCOMING_PAGE_SIZE`` subjects, all in one query; the group named by ``requested``
    shows page ``requested_page`` instead, with its own paged query. Returns the counts by property IRI.
    """
    counts = page.queries.select("page-incoming-counts", this=page.this)
    groups = {row[0].value: int(row[1].value) for row in counts.rows
              if isinstance(row[0], pyoxigraph.NamedNode) and row[0].value not in SHOWN_WITH_VALIDATION}
    subjects: dict[str, list] = {prop: [] for prop in groups}
    paged = requested if requested in groups and requested_page > 1 else None
    first_pages = [node(p) for p in groups if p != paged]
    in_iri_order = incoming_in_iri_order()
    if first_pages:
        outcome = page.queries.run_text("page-incoming (first page of each property)",
                                        incoming_first_pages(page.this, first_pages, INCOMING_PAGE_SIZE, in_iri_order),
                                        "SELECT")
        for prop, subject in outcome.rows:
            if not isinstance(subject, pyoxigraph.BlankNode):
                subjects[prop.value].append(subject)
    if paged:
        outcome = page.queries.select("page-incoming", this=page.this, property=node(paged),
                                      order_by="?subject" if in_iri_order else None,
                                      limit=INCOMING_PAGE_SIZE, offset=(requested_page - 1) * INCOMING_PAGE_SIZE)
        subjects[paged] = [row[0] for row in outcome.rows if not isinstance(row[0], pyoxigraph.BlankNode)]
    for prop, found in subjects.items():
        for subject in found:
            page.graph.add(pyoxigraph.Triple(subject, node(prop), page.this))
    page.found["incoming"] = {"counts": groups, "subjects": subjects, "paged": paged, "page": requested_page}
    return groups


def natural_key(text: str) -> list:
    """Sort key reading numbers as numbers: matchday 2 before matchday 10."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def country_name(code: str) -> str:
    """``URU`` -> ``Uruguay (URU)``: the articles give FIFA's three-letter codes; a code not in the table stays."""
    name = COUNTRIES.get(code.strip().upper())
    return f"{name} ({code})" if name else code


def _read_pairs(name: str) -> dict[str, str]:
    with Path(__file__).with_name(name).open(encoding="utf-8", newline="") as handle:
        return {row[0]: row[1] for row in list(csv.reader(handle))[1:]}


COUNTRIES = _read_pairs("countries.csv")
INVERSE_PHRASES = _read_pairs("inverse.csv")  # property IRI -> how it reads from its object's page


def inverse_property(page: PageContext, prop: str) -> dict:
    """A property as its object's page reads it: "is the next season of", not "next season"."""
    shown = page.show.property(prop)
    phrase = INVERSE_PHRASES.get(prop) or f"is the {shown['text']} of"
    return {**shown, "text": phrase, "es": None, "forward": shown["text"]}


def distinguish(values: list[dict]) -> list[dict]:
    """Links of one group that would read the same ("Necaxa in Delfines v Necaxa" for two ties) get the parts of
    their addresses that tell them apart ("apertura 2013 · semifinals"); identical links are shown once."""
    unique = list({v.get("iri") or id(v): v for v in values}.values())
    by_text: dict[str, list[dict]] = {}
    for value in unique:
        by_text.setdefault(value.get("text", ""), []).append(value)
    for same in by_text.values():
        if len(same) < 2 or any(not v.get("href") for v in same):
            continue
        paths = [v["href"].strip("/").split("/") for v in same]
        common = set.intersection(*(set(p) for p in paths))
        for value, path in zip(same, paths):
            differing = [part.replace("-", " ") for part in path if part not in common]
            if differing:
                value["hint"] = " · ".join(differing)
    return unique


def incoming(page: PageContext) -> list[dict]:
    """The resources linking to this entity, grouped by property, with counts and the page of each group."""
    found = page.found.get("incoming")
    if not found:
        return []
    result = []
    for prop, count in found["counts"].items():
        current = found["page"] if prop == found["paged"] else 1
        values = sorted((page.show.term(s) for s in found["subjects"][prop]), key=lambda v: natural_key(v["text"]))
        result.append({
            "property": inverse_property(page, prop),
            "count": count,
            "values": distinguish(values),
            "page": current,
            "pages": max(1, -(-count // INCOMING_PAGE_SIZE)),
            "first": (current - 1) * INCOMING_PAGE_SIZE + 1,
        })
    result.sort(key=lambda group: group["property"]["text"].lower())
    return result
