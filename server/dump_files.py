"""``/dumps``: the release's dump files, listed with their metadata and served from disk.

The listing (HTML or JSON, one data function) comes from the manifest the build wrote: size, triples, sha256,
licence and the source articles to attribute. Files are streamed by ``send_from_directory``, which refuses any path
outside the dumps folder, answers conditional requests (ETag, Last-Modified, Range) and never reads a file into
memory. The ETag of a listed file is its sha256, so a client can check it against the listing.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Blueprint, Response, jsonify, render_template, request, send_from_directory, url_for

from ascenso_kg import iris

from .negotiation import HTML, Format, choose_format
from .pages.schema_org import dataset_json_ld
from .current_release import get_release
from .sparql.protocol import RequestRefused

bp = Blueprint("dumps", __name__)

JSON = Format("json", "application/json")
LICENCE = {"name": "CC BY-SA 4.0", "url": iris.CC_BY_SA}
CHECKSUMS = "SHA256SUMS"  # written by the build beside the dumps (ascenso_kg.dumps.write_checksums)
_UNITS = ("kB", "MB", "GB", "TB")


def human_size(size: int | None) -> str:
    """``1234567`` → ``"1.2 MB"`` (decimal units, as file managers and download pages show them)."""
    if size is None:
        return ""
    if size < 1000:
        return f"{size} B"
    value = float(size)
    for unit in _UNITS:
        value /= 1000
        if value < 999.95 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def dumps_listing() -> dict:
    """Everything the listing shows, as plain data."""
    release = get_release()
    files = []
    for entry in release.files:
        path = entry["path"]
        if not path.startswith("dumps/"):
            continue
        name = path.removeprefix("dumps/")
        files.append({
            "name": name,
            "url": url_for("dumps.download", path=name, _external=True),
            "media_type": entry.get("media_type"),
            "size": entry.get("size"),
            "size_text": human_size(entry.get("size")),
            "sha256": entry.get("sha256"),
            "triples": entry.get("triples"),
            "description": entry.get("description"),
        })
    return {
        "release": release.id,
        "build_date": release.build_date,
        "triples": release.triples,
        "licence": LICENCE,
        "attribution": [
            {"title": a.get("title"), "url": a.get("url"), "licence": a.get("licence"),
             "retrieved": a.get("retrieved")}  # None: sources.csv records no retrieval day for the article
            for a in release.articles
        ],
        "files": files,
        "checksums": (url_for("dumps.download", path=CHECKSUMS, _external=True)
                      if (Path(release.dumps_dir) / CHECKSUMS).is_file() else None),
    }


def release_dataset() -> dict:
    """The release as a schema.org ``Dataset`` (home and dumps pages), from the listing's own data."""
    listing = dumps_listing()
    return dataset_json_ld(get_release().manifest, url_for("dataset.home", _external=True), listing["files"],
                           url_for("dataset.void", _external=True), url_for("sparql.endpoint", _external=True))


@bp.route("/dumps/")
@bp.route("/dumps")  # registered first (inner), so url_for builds it
def listing() -> Response:
    fmt = choose_format(request.headers.get("Accept"), request.args.get("format"), (JSON, HTML))
    if fmt is None:
        raise RequestRefused(406, "The listing is available as application/json and text/html.")
    data = dumps_listing()
    response = jsonify(data) if fmt is JSON else Response(render_template("dumps.html", listing=data,
                                                                          structured_data=release_dataset()),
                                                          mimetype="text/html")
    response.vary.add("Accept")
    return response


@bp.route("/dumps/<path:path>")
def download(path: str) -> Response:
    release = get_release()
    entry = release.file_entry(f"dumps/{path}")
    if path == CHECKSUMS:
        mimetype = "text/plain"
    elif path.endswith(".gz"):
        # A gzip file is sent as such (not as Content-Encoding): what is saved is what the checksum covers.
        mimetype = "application/gzip"
    else:
        mimetype = (entry or {}).get("media_type") or mimetypes.guess_type(path)[0] or "application/octet-stream"
    etag = entry["sha256"] if entry and entry.get("sha256") else True
    response = send_from_directory(release.dumps_dir, path, mimetype=mimetype, etag=etag,
                                   as_attachment=path.endswith(".gz"), max_age=3600)
    return response
