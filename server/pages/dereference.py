"""Dereferencing: every resource IRI answered at its local path, as HTML for browsers and as RDF for everyone else.

``/resource/…``, ``/source/…``, ``/graph/…`` and ``/ontology`` answer with the page of the IRI they stand for (see
``addresses``). The format comes from a suffix (``.ttl``, ``.jsonld``, ``.nt``, ``.html``), else ``?format=``,
else the Accept header; the answer says ``Vary: Accept`` and lists its other forms in ``Link: rel="alternate"``.
Pages are served directly (200), not through a 303 to a separate document: the IRI and its description share a
path, as LodView does without redirects, and ``Content-Location`` names the exact representation sent.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph
from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from ascenso_kg import iris

from ..negotiation import GRAPH_FORMATS, HTML, Format, choose_format, negotiate
from ..local_links import site_url
from ..current_release import get_release
from ..serializers import RDF_FORMATS, write_compact_jsonld, write_graph
from ..sparql.query_results import Graph
from ..sparql.protocol import RequestRefused
from ..search_index import suggestions as search_suggestions
from ..search_index import words as search_words
from .addresses import get_addresses
from .entity import PageResult, build_page
from .graph import node
from .names import Names, get_names
from .template_filters import FILTERS
from .schema_org import entity_json_ld

bp = Blueprint("pages", __name__)
for _name, _filter in FILTERS.items():
    bp.add_app_template_filter(_filter, _name)

RDF_PAGE_FORMATS = tuple(f for f in GRAPH_FORMATS if f.name in ("turtle", "jsonld", "ntriples", "rdfxml"))
PAGE_FORMATS = (HTML, *RDF_PAGE_FORMATS)  # HTML first: a client that accepts anything gets the readable page
_BY_NAME = {f.name: f for f in RDF_PAGE_FORMATS}
SUFFIXES = {".html": HTML, ".ttl": _BY_NAME["turtle"], ".jsonld": _BY_NAME["jsonld"], ".nt": _BY_NAME["ntriples"],
            ".rdf": _BY_NAME["rdfxml"]}
FORMAT_TITLES = {"turtle": "Turtle", "jsonld": "JSON-LD", "ntriples": "N-Triples", "rdfxml": "RDF/XML", "html": "HTML"}
PAGING_ARGS = ("page", "incoming", "incoming_page")
JSONLD_CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"
_TEXT = Format("text", "text/plain")


@bp.route("/resource/<path:rest>")
def resource(rest: str) -> Response:
    return _answer("resource", rest)


@bp.route("/source/<path:rest>")
def source(rest: str) -> Response:
    return _answer("source", rest)


@bp.route("/graph/<path:rest>")
def graph(rest: str) -> Response:
    if rest.partition(".")[0] == "ontology":  # the ontology's graph holds the ontology, which has a page of its own
        return redirect(url_for("pages.ontology", suffix=rest[len("ontology"):] or None), code=303)
    return _answer("graph", rest)


@bp.route("/ontology")
@bp.route("/ontology<any('.html', '.ttl', '.jsonld', '.nt', '.rdf'):suffix>")
def ontology(suffix: str = "") -> Response:
    return _respond(iris.ONTOLOGY_IRI, "/ontology", SUFFIXES.get(suffix))


def _answer(folder: str, rest: str) -> Response:
    forced = None
    for suffix, fmt in SUFFIXES.items():
        if rest.endswith(suffix):  # minted IRIs are slugs without dots, so a suffix is never part of a name
            rest, forced = rest[: -len(suffix)], fmt
            break
    addresses = get_addresses()
    iri = addresses.iri_for(folder, rest)
    return _respond(iri, addresses.local_path(iri) or request.path, forced)


def _respond(iri: str, path: str, forced: Format | None) -> Response:
    fmt = forced or _negotiated_format()
    names = get_names()
    result = build_page(iri, names, get_addresses(), get_release(), request.args)
    if result is None:
        return not_found(path, names)
    if fmt is HTML:
        structured = entity_json_ld(result.graph, node(iri), result.names.text, site_url)
        response = Response(render_template([f"{result.data['kind']}.html", "entity.html"], page=result.data,
                                            formats=alternates(path), structured_data=structured),
                            mimetype="text/html")
    else:
        response = Response(rdf_body(result, fmt), mimetype=fmt.media_type)
    response.vary.add("Accept")
    links = [f'<{a["href"]}>; rel="alternate"; type="{a["media_type"]}"'
             for a in alternates(path) if a["media_type"] != fmt.media_type]
    if fmt.name == "jsonld":  # compacted with the published context (written inline too)
        links.insert(0, f'<{url_for("dataset.context", _external=True)}>; rel="{JSONLD_CONTEXT_REL}"')
    response.headers["Link"] = ", ".join(links)
    if forced is None:
        response.headers["Content-Location"] = _with_args(path + _suffix_of(fmt))
    return response


def _negotiated_format() -> Format:
    wanted = request.args.get("format")
    fmt = choose_format(request.headers.get("Accept"), wanted, PAGE_FORMATS)
    if fmt is None and wanted:
        raise RequestRefused(400, f"Unknown format {wanted!r}; use html, turtle (ttl), jsonld, ntriples (nt) or "
                                  "rdfxml (rdf).")
    if fmt is None:
        raise RequestRefused(406, "Pages are available as " + ", ".join(f.media_type for f in PAGE_FORMATS) + ".")
    return fmt


def _suffix_of(fmt: Format) -> str:
    return next(suffix for suffix, candidate in SUFFIXES.items() if candidate is fmt)


def _with_args(path: str) -> str:
    kept = [(key, value) for key in PAGING_ARGS for value in request.args.getlist(key)]
    return path + ("?" + urlencode(kept) if kept else "")


def alternates(path: str) -> list[dict]:
    """The page's forms, each at its suffix URL (paging kept)."""
    return [{"title": FORMAT_TITLES[fmt.name], "href": _with_args(path + suffix), "media_type": fmt.media_type}
            for suffix, fmt in SUFFIXES.items()]


def rdf_body(result: PageResult, fmt: Format) -> bytes:
    """The page's triples, with the labels of the resources it links to (the names the HTML shows)."""
    triples = dict.fromkeys(result.graph.triples)
    label = pyoxigraph.NamedNode(iris.RDFS + "label")
    for term in {t.object for t in result.graph.triples} | {t.subject for t in result.graph.triples}:
        if isinstance(term, pyoxigraph.NamedNode):
            for found in result.names.labels(term.value):
                literal = pyoxigraph.Literal(found.text, language=found.lang) if found.lang \
                    else pyoxigraph.Literal(found.text)
                triples.setdefault(pyoxigraph.Triple(term, label, literal))
    prefixes = {**current_app.config["PREFIXES"], "sh": iris.SH}
    if fmt.name == "jsonld":
        return write_compact_jsonld(list(triples), prefixes)
    if fmt.name == "rdfxml":
        return write_graph(Graph(tuple(triples)), "rdfxml", prefixes)  # 406 for a predicate XML cannot name
    return pyoxigraph.serialize(list(triples), format=RDF_FORMATS[fmt.name], prefixes=prefixes)


# The folder of a resource path names the class its pages are of: a missing club suggests only clubs.
FOLDER_CLASSES = {"club": "Club", "player": "Player", "stadium": "Stadium", "season": "Season",
                  "tournament": "Tournament", "competition": "Competition", "city": "City", "manager": "Manager"}
SUGGESTED = 8
MIN_WORD = 3  # shorter words ("fc", "de", "x") match too much to mean anything


def related_suggestions(path: str) -> list[dict]:
    """Entities the mistyped path probably meant: of the class its folder names, sharing a whole word with the
    path's last segment (never a mere prefix of one), best first. None rather than unrelated ones."""
    parts = [part for part in path.strip("/").split("/") if part]
    cls = (iris.AKG + FOLDER_CLASSES[parts[1]]
           if len(parts) > 2 and parts[0] == "resource" and parts[1] in FOLDER_CLASSES else None)
    words = [w for w in search_words(parts[-1] if parts else "") if len(w) >= MIN_WORD]
    if not words:
        return []
    found: list[dict] = []
    for query in [" ".join(words), *sorted(words, key=len, reverse=True)]:
        for hit in search_suggestions(query, limit=SUGGESTED * 4, cls=cls):
            shared = set(search_words(hit["label"])) | set(search_words(hit["matched"] or ""))
            if hit["href"] not in {f["href"] for f in found} and shared & set(words):
                found.append(hit)
    return found[:SUGGESTED]


def not_found(path: str, names: Names) -> Response:
    """404: a page with the closest names for a browser, a sentence for everyone else."""
    message = f"Nothing in the graph has the IRI {path}."
    if negotiate(request.headers.get("Accept"), (_TEXT, HTML)) is HTML:
        suggestions = related_suggestions(path)
        response = Response(render_template("not_found.html", path=path, message=message, suggestions=suggestions),
                            status=404, mimetype="text/html")
    else:
        response = Response(message + "\n", status=404, mimetype="text/plain")
    response.vary.add("Accept")
    return response
