"""The search pages: ``/search`` (HTML and JSON) and ``/search/suggest`` (JSON for the search box's autocomplete).

The index they query is ``search_index``; with no words, ``/search?type=club`` lists every entity of the class.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request

from .negotiation import HTML, Format, choose_format
from .pages.catalogue import with_people
from .pages.names import SEARCHABLE_CLASSES, get_names
from .sparql.protocol import RequestRefused
from .search_index import (RESULTS_PER_PAGE, SUGGESTIONS, SearchIndex, build_index, class_key, class_label,  # noqa: F401
                           fold, get_index, result, suggestions, words)

bp = Blueprint("search", __name__)

JSON = Format("json", "application/json")


def _class_from_request() -> str | None:
    wanted = (request.args.get("type") or "").strip().lower()
    if not wanted:
        return None
    cls = next((c for c in SEARCHABLE_CLASSES if class_key(c) == wanted), None)
    if cls is None:
        raise RequestRefused(400, f"Unknown type {wanted!r}; use one of "
                                  + ", ".join(class_key(c) for c in SEARCHABLE_CLASSES) + ".")
    return cls


@bp.route("/search/suggest")
def suggest() -> Response:
    """Autocomplete: the best few matches as JSON, for the search box on every page."""
    query = request.args.get("q", "")
    found = with_people(suggestions(query, SUGGESTIONS, _class_from_request()))
    response = jsonify({"query": query, "results": found})
    response.headers["Cache-Control"] = "public, max-age=300"  # the index never changes while the app runs
    return response


@bp.route("/search")
def search() -> Response:
    fmt = choose_format(request.headers.get("Accept"), request.args.get("format"), (HTML, JSON))
    if fmt is None:
        raise RequestRefused(406, "Search results are available as text/html and application/json.")
    query = request.args.get("q", "")
    cls = _class_from_request()
    names = get_names()
    listing = cls is not None and not words(query)  # a type and no words: every entity of the type
    hits = get_index().every(cls) if listing else get_index().hits(query, None)
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit["entry"].cls] = counts.get(hit["entry"].cls, 0) + 1
    selected = [hit for hit in hits if cls is None or hit["entry"].cls == cls]
    data = {
        "query": query,
        "type": class_key(cls) if cls else None,
        "total": len(selected),
        "truncated": len(selected) > RESULTS_PER_PAGE,
        "listing": listing,
        "results": with_people([result(hit, names) for hit in selected[:RESULTS_PER_PAGE]]),
        "types": [{"type": class_key(c), "label": class_label(c, names), "count": n}
                  for c, n in sorted(counts.items(), key=lambda item: SEARCHABLE_CLASSES.index(item[0]))],
    }
    if fmt is JSON:
        response = jsonify(data)
    else:
        response = Response(render_template("search.html", search=data), mimetype="text/html")
    response.vary.add("Accept")
    return response
