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
from flask import Blueprint, Response, current_app, render_template, request

from ascenso_kg import iris

from ..negotiation import GRAPH_FORMATS, HTML, Format, choose_format, negotiate
from ..release import get_release
from ..serializers import RDF_FORMATS
from ..sparql.protocol import RequestRefused
from .addresses import Addresses, base_from_prefixes
from .entity import PageResult, build_page
from .names import Names, get_names
from .render import FILTERS

bp = Blueprint("pages", __name__)
for _name, _filter in FILTERS.items():
    bp.add_app_template_filter(_filter, _name)

RDF_PAGE_FORMATS = tuple(f for f in GRAPH_FORMATS if f.name in ("turtle", "jsonld", "ntriples"))
PAGE_FORMATS = (HTML, *RDF_PAGE_FORMATS)  # HTML first: a client that accepts anything gets the readable page
_BY_NAME = {f.name: f for f in RDF_PAGE_FORMATS}
SUFFIXES = {".html": HTML, ".ttl": _BY_NAME["turtle"], ".jsonld": _BY_NAME["jsonld"], ".nt": _BY_NAME["ntriples"]}
FORMAT_TITLES = {"turtle": "Turtle", "jsonld": "JSON-LD", "ntriples": "N-Triples", "html": "HTML"}
PAGING_ARGS = ("page", "incoming", "incoming_page")
_TEXT = Format("text", "text/plain")


def get_addresses() -> Addresses:
    return Addresses(base_from_prefixes(current_app.config["PREFIXES"]))


@bp.route("/resource/<path:rest>")
def resource(rest: str) -> Response:
    return _answer("resource", rest)


@bp.route("/source/<path:rest>")
def source(rest: str) -> Response:
    return _answer("source", rest)


@bp.route("/graph/<path:rest>")
def graph(rest: str) -> Response:
    return _answer("graph", rest)


@bp.route("/ontology")
@bp.route("/ontology<any('.html', '.ttl', '.jsonld', '.nt'):suffix>")
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
        response = Response(render_template([f"{result.data['kind']}.html", "entity.html"], page=result.data,
                                            formats=alternates(path)), mimetype="text/html")
    else:
        response = Response(rdf_body(result, fmt), mimetype=fmt.media_type)
    response.vary.add("Accept")
    response.headers["Link"] = ", ".join(f'<{a["href"]}>; rel="alternate"; type="{a["media_type"]}"'
                                         for a in alternates(path) if a["media_type"] != fmt.media_type)
    if forced is None:
        response.headers["Content-Location"] = _with_args(path + _suffix_of(fmt))
    return response


def _negotiated_format() -> Format:
    wanted = request.args.get("format")
    fmt = choose_format(request.headers.get("Accept"), wanted, PAGE_FORMATS)
    if fmt is None and wanted:
        raise RequestRefused(400, f"Unknown format {wanted!r}; use html, turtle (ttl), jsonld or ntriples (nt).")
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
    return pyoxigraph.serialize(list(triples), format=RDF_FORMATS[fmt.name], prefixes=prefixes)


def not_found(path: str, names: Names) -> Response:
    """404: a page with the closest names for a browser, a sentence for everyone else."""
    message = f"Nothing in the graph has the IRI {path}."
    if negotiate(request.headers.get("Accept"), (_TEXT, HTML)) is HTML:
        from ..search import suggestions as search_suggestions  # the search is its own surface; here it only helps

        # The last segment of the path as words: the whole phrase first, else any of its words.
        words = path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").split()
        suggestions = search_suggestions(" ".join(words), limit=8)
        for word in sorted(words, key=len, reverse=True):
            if len(suggestions) >= 8:
                break
            known = {s["href"] for s in suggestions}
            suggestions += [s for s in search_suggestions(word, limit=8) if s["href"] not in known]
        suggestions = suggestions[:8]
        response = Response(render_template("not_found.html", path=path, message=message, suggestions=suggestions),
                            status=404, mimetype="text/html")
    else:
        response = Response(message + "\n", status=404, mimetype="text/plain")
    response.vary.add("Accept")
    return response
