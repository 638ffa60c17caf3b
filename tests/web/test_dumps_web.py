"""The dumps page: sizes people read, a SHA256SUMS file that `sha256sum -c` accepts, and the attribution with each
article's retrieval day where sources.csv records one (and says so where it does not)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph

from ascenso_kg.mappings.pipeline import load_sources
from ascenso_kg.server.dump_files import human_size
from tests.server.release_writer import IRIS, TEST_CONFIG, write_release

from tests.web.web_helpers import BROWSER


def test_human_sizes():
    assert [human_size(n) for n in (None, 0, 999, 1000, 1234, 1_234_567, 999_999, 20 * 10**9)] == \
        ["", "0 B", "999 B", "1.0 kB", "1.2 kB", "1.2 MB", "1.0 MB", "20.0 GB"]


def test_the_page_shows_sizes_for_people_and_bytes_in_the_json(web_client):
    page = web_client.get("/dumps", headers=BROWSER).get_data(as_text=True)
    listing = web_client.get("/dumps?format=json").json
    turtle = next(f for f in listing["files"] if f["name"] == "ascenso-kg.ttl")
    assert isinstance(turtle["size"], int) and turtle["size_text"] == human_size(turtle["size"])
    assert f'title="{turtle["size"]} bytes">{turtle["size_text"]}</td>' in page
    assert "Size (bytes)" not in page


def test_the_release_has_a_sha256sums_file_that_checks(web_client, built, tmp_path):
    listing = web_client.get("/dumps?format=json").json
    assert listing["checksums"] == "http://localhost/dumps/SHA256SUMS"
    response = web_client.get("/dumps/SHA256SUMS")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    sums = response.get_data(as_text=True)
    listed = {line.split("  ", 1)[1] for line in sums.splitlines()}
    assert listed == {f["name"] for f in listing["files"]}  # every dump, nothing else
    # Download every file as a user would, beside the sums, and let coreutils check them.
    (tmp_path / "SHA256SUMS").write_text(sums)
    for name in listed:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(web_client.get(f"/dumps/{name}").get_data())
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == len(listed)
    # A damaged download fails the check.
    (tmp_path / "ascenso-kg.ttl").write_bytes(b"damaged")
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=tmp_path,
                          capture_output=True).returncode == 1
    page = web_client.get("/dumps", headers=BROWSER).get_data(as_text=True)
    assert 'href="http://localhost/dumps/SHA256SUMS"' in page and "sha256sum -c" in page


def test_attribution_says_when_no_retrieval_date_is_recorded(web_client):
    listing = web_client.get("/dumps?format=json").json
    assert listing["attribution"] and all(a["retrieved"] is None for a in listing["attribution"])
    page = web_client.get("/dumps", headers=BROWSER).get_data(as_text=True)
    assert page.count("retrieval date not recorded") == len(listing["attribution"])


def test_a_recorded_retrieval_day_reaches_the_attribution(open_app, tmp_path):
    graph = IRIS.article_graph("a")
    triple = pyoxigraph.Triple(pyoxigraph.NamedNode(IRIS.base + "resource/club/x"),
                               pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                               pyoxigraph.Literal("X"))
    articles = [{"id": "a", "title": "A (test)", "licence": "CC BY-SA 4.0", "url": "https://en.wikipedia.org/wiki/A",
                 "graph": graph, "retrieved": "2024-04-30"}]
    write_release(tmp_path, {graph: [triple]}, articles)
    client = open_app({**TEST_CONFIG, "OUT_DIR": str(tmp_path)}).test_client()
    assert client.get("/dumps?format=json").json["attribution"][0]["retrieved"] == "2024-04-30"
    assert "retrieved 2024-04-30" in client.get("/dumps", headers=BROWSER).get_data(as_text=True)


def test_sources_csv_retrieved_column_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("= A =\n")
    (tmp_path / "b.txt").write_text("= B =\n")
    (tmp_path / "sources.csv").write_text("file,title,url,licence,retrieved\n"
                                          "a.txt,A,https://en.wikipedia.org/wiki/A,CC BY-SA 4.0,2024-04-30\n"
                                          "b.txt,B,https://en.wikipedia.org/wiki/B,CC BY-SA 4.0,\n")
    sources, _ = load_sources(Path(tmp_path))
    assert [(s.id, s.retrieved) for s in sources] == [("a", "2024-04-30"), ("b", "")]
