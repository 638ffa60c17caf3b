"""The reconciliation endpoints: ``/reconcile`` (manifest, or a batch of queries by GET or POST), its suggest
services, and the preview of an entity."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, render_template, request

from ascenso_kg.iris import AKG

from ..local_links import site_url
from .extend import extend, parse_extension, propose_properties
from .manifest import service_manifest
from .matching import reconcile as run_query
from .batches import BadBatch, TooLarge, parse_batch, render_candidate
from .schema import TYPES
from .service import get_index, identifier_space
from .suggest import suggest_entities, suggest_properties, suggest_types

bp = Blueprint("reconcile", __name__, url_prefix="/reconcile", template_folder="templates")


def _cursor() -> int:
    try:
        return max(0, int(request.args.get("cursor", 0)))
    except ValueError:
        abort(400, "cursor must be a whole number")


@bp.route("", methods=["GET", "POST"], strict_slashes=False)
def reconcile() -> Response:
    extension = request.values.get("extend")
    if extension is not None:  # data extension (§5.2)
        try:
            ids, property_ids = parse_extension(extension)
        except BadBatch as error:
            abort(400, str(error))
        return jsonify(extend(get_index(), ids, property_ids))
    raw = request.values.get("queries")
    if raw is None:
        return jsonify(service_manifest(identifier_space(), AKG))
    try:
        batch = parse_batch(raw)
    except TooLarge as error:
        abort(413, str(error))
    except BadBatch as error:
        abort(400, str(error))
    index = get_index()
    return jsonify({key: {"result": [render_candidate(index, c) for c in run_query(index, query)]}
                    for key, query in batch.items()})


@bp.get("/suggest/entity")
def suggest_entity() -> Response:
    return jsonify({"result": suggest_entities(get_index(), request.args.get("prefix", ""), _cursor(),
                                               request.args.get("type"))})


@bp.get("/suggest/type")
def suggest_type() -> Response:
    return jsonify({"result": suggest_types(request.args.get("prefix", ""), _cursor())})


@bp.get("/suggest/property")
def suggest_property() -> Response:
    return jsonify({"result": suggest_properties(request.args.get("prefix", ""), _cursor(), request.args.get("type"))})


@bp.get("/properties")
def properties() -> Response:
    """Property proposals for data extension (§5.1): ``?type=Club&limit=5``."""
    limit = request.args.get("limit")
    if limit is not None and (not limit.isdigit() or int(limit) < 1):
        abort(400, "limit must be a positive whole number")
    try:
        return jsonify(propose_properties(request.args.get("type"), int(limit) if limit else None))
    except BadBatch as error:
        abort(400, str(error))


@bp.get("/preview")
def preview() -> str:
    index = get_index()
    entry = index.lookup(request.args.get("id", ""))
    if entry is None or entry.type not in TYPES:
        abort(404, "No entity with this id.")
    others = [name.text for name in entry.names if name.text != entry.name]
    return render_template("reconcile/preview.html", entry=entry, type=TYPES[entry.type], href=site_url(entry.iri),
                           other_names=list(dict.fromkeys(others)))
