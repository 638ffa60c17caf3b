"""The dataset's surface: the home page and the VoID + DCAT description at ``/void``.

Statistics are read from the store once per app, on first use, with the named ``void-*`` queries (under the endpoint's
own time limit), then kept: the release a running server publishes never changes.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from ascenso_kg import iris

from . import dump_files
from .description import DatasetStatistics, description_prefixes, statistics_from, void_description
from .local_links import site_href
from .negotiation import GRAPH_FORMATS, choose_format
from .pages.browse import front_door
from .per_app import per_app
from .sparql.protocol import RequestRefused
from .current_release import get_release
from .serializers import jsonld_context, write_graph
from .store_backend import run_named
from .tables import compact_iri

bp = Blueprint("dataset", __name__)

_STATISTICS = "ascenso_kg.statistics"


def dataset_statistics() -> DatasetStatistics:
    return per_app(_STATISTICS, lambda: statistics_from(*(run_named(f"void-{part}")
                                                        for part in ("totals", "classes", "properties", "graphs"))))


@bp.route("/")
def home() -> str:
    return render_template("index.html", release=get_release(), front=front_door(),
                           structured_data=dump_files.release_dataset())


@bp.route("/.well-known/void")
def well_known_void() -> Response:
    return redirect(url_for("dataset.void"), code=303)


@bp.route("/void")
def void() -> Response:
    fmt = choose_format(request.headers.get("Accept"), request.args.get("format"), GRAPH_FORMATS)
    if fmt is None:
        raise RequestRefused(406, "The dataset description is available as "
                                  + ", ".join(f.media_type for f in GRAPH_FORMATS) + ".")
    release, statistics = get_release(), dataset_statistics()
    if fmt.name == "html":
        response = Response(render_template("void.html", release=release, summary=_summary(statistics)),
                            mimetype="text/html")
    else:
        graph = void_description(
            url_for("dataset.void", _external=True), url_for("sparql.endpoint", _external=True),
            release.manifest, statistics,
            lambda path: url_for("dumps.download", path=path.removeprefix("dumps/"), _external=True),
        )
        response = Response(write_graph(graph, fmt.name, description_prefixes()), mimetype=fmt.media_type)
    response.vary.add("Accept")
    return response


@bp.route("/context.jsonld")
def context() -> Response:
    """The JSON-LD context the pages' JSON-LD is compacted with: the project's prefixes (and SHACL's)."""
    prefixes = {**current_app.config["PREFIXES"], "sh": iris.SH}
    response = Response(json.dumps(jsonld_context(prefixes), indent=2, ensure_ascii=False), mimetype="application/ld+json")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response


def _summary(statistics: DatasetStatistics) -> dict:
    """The statistics as the HTML page shows them: IRIs compacted with the project's prefixes."""
    prefixes = current_app.config["PREFIXES"]

    def rows(pairs):
        return [{"iri": iri, "href": site_href(iri), "name": compact_iri(iri, prefixes), "count": count}
                for iri, count in pairs]

    return {
        "triples": statistics.triples,
        "subjects": statistics.distinct_subjects,
        "objects": statistics.distinct_objects,
        "classes": rows(statistics.classes),
        "properties": rows(statistics.properties),
        "graphs": rows(statistics.graphs),
    }
