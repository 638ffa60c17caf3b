"""/dumps: the listing (JSON and HTML) and the files, streamed with ETag and Last-Modified, nothing outside."""

from __future__ import annotations

import gzip
import hashlib
import json
from email.utils import format_datetime
from datetime import datetime, timezone

import pytest
from werkzeug.wsgi import FileWrapper

from ascenso_kg.server import dump_files


@pytest.fixture(scope="module")
def manifest(small_out) -> dict:
    return json.loads((small_out / "current" / "manifest.json").read_text())


def test_json_listing_has_metadata_licence_and_attribution(client, manifest):
    listing = client.get("/dumps", headers={"Accept": "application/json"}).json
    assert listing["build_date"] == manifest["build_date"]
    assert listing["licence"] == {"name": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"}
    assert listing["attribution"] == [{"title": a["title"], "url": a["url"], "licence": "CC BY-SA 4.0", "retrieved": None}
                                      for a in manifest["articles"]]
    by_name = {f["name"]: f for f in listing["files"]}
    for entry in manifest["files"]:
        listed = by_name[entry["path"].removeprefix("dumps/")]
        assert [listed[key] for key in ("size", "sha256", "triples")] == [entry[key] for key in ("size", "sha256",
                                                                                               "triples")]
        assert listed["url"] == "http://localhost/" + entry["path"]


def test_html_listing_for_browsers(client, manifest):
    page = client.get("/dumps", headers={"Accept": "text/html"}).get_data(as_text=True)
    for entry in manifest["files"]:
        assert entry["sha256"] in page
        assert f'href="http://localhost/{entry["path"]}"' in page
    for article in manifest["articles"]:
        assert f'href="{article["url"]}"' in page
    assert "CC BY-SA 4.0" in page


def test_format_parameter_and_406(client):
    assert client.get("/dumps?format=json", headers={"Accept": "text/html"}).mimetype == "application/json"
    assert client.get("/dumps", headers={"Accept": "text/csv"}).status_code == 406


def test_every_listed_file_downloads_with_its_checksum(client):
    for listed in client.get("/dumps?format=json").json["files"]:
        response = client.get(listed["url"].removeprefix("http://localhost"))
        assert response.status_code == 200
        assert hashlib.sha256(response.data).hexdigest() == listed["sha256"]
        assert response.headers["ETag"] == f'"{listed["sha256"]}"'
        assert "Last-Modified" in response.headers


def test_gzip_dumps_are_sent_as_gzip_files(client):
    response = client.get("/dumps/ascenso-kg.nq.gz")
    assert response.mimetype == "application/gzip"
    assert "Content-Encoding" not in response.headers  # what is saved is what the checksum covers
    assert gzip.decompress(response.data).startswith(b"<https://w3id.org/ascenso-kg/")


def test_plain_turtle_dump_has_its_media_type(client):
    assert client.get("/dumps/ascenso-kg.ttl").mimetype == "text/turtle"


def test_conditional_requests(client):
    first = client.get("/dumps/ascenso-kg.ttl")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert client.get("/dumps/ascenso-kg.ttl", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/dumps/ascenso-kg.ttl", headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get("/dumps/ascenso-kg.ttl", headers={"If-None-Match": '"something-else"'}).status_code == 200
    old = format_datetime(datetime(2000, 1, 1, tzinfo=timezone.utc), usegmt=True)
    assert client.get("/dumps/ascenso-kg.ttl", headers={"If-Modified-Since": old}).status_code == 200


def test_range_requests(client):
    whole = client.get("/dumps/ascenso-kg.ttl").data
    part = client.get("/dumps/ascenso-kg.ttl", headers={"Range": "bytes=0-9"})
    assert part.status_code == 206
    assert part.data == whole[:10]


def test_files_are_streamed_not_read_into_memory(small_app):
    with small_app.test_request_context("/dumps/ascenso-kg.ttl"):
        response = dump_files.download("ascenso-kg.ttl")
        assert response.direct_passthrough
        assert isinstance(response.response, FileWrapper)
        response.close()


@pytest.mark.parametrize("path", [
    "/dumps/../manifest.json", "/dumps/%2e%2e/manifest.json", "/dumps/..%2fmanifest.json",
    "/dumps/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/dumps//etc/passwd", "/dumps/articles",
    "/dumps/no-such-file.ttl", "/dumps/../store/CURRENT",
])
def test_nothing_outside_the_dumps_folder(client, path):
    response = client.get(path, follow_redirects=True)  # "//" is merged into "/" by a redirect first
    assert response.status_code == 404
    assert b"root:" not in response.data
