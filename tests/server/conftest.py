"""Fixtures of the server tests: releases in the build's layout, apps over them, live servers on loopback.

Three releases, each written once per test run:
- ``small_out``: a handful of hand-written triples in two article graphs plus the ontology, for tests that need to
  know every triple (escaping, formats, truncation);
- ``protocol_out``: the W3C protocol test data (data1.nt–data3.nt in graphs named by their rdfs:label);
- ``real_out``: the four real articles built by ``ascenso_kg.build.build_release``, for the example queries and the
  live-server tests.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg import iris
from ascenso_kg.build import build_release
from ascenso_kg.paths import ARTICLES_DIR, ONTOLOGY_FILE, ROOT
from ascenso_kg.server.app import create_app
from w3c_protocol import W3C_PROTOCOL_DIR

BASE = iris.DEFAULT_BASE
IRIS = iris.Iris(BASE)

# Every setting the server reads, so no ASCENSO_KG_* variable of the machine running the tests leaks in.
TEST_CONFIG = {
    "TESTING": True,
    "STORE_BACKEND": "oxigraph",
    "REMOTE_ENDPOINT": None,
    "QUERY_TIMEOUT": 5.0,
    "QUERY_WORKERS": 2,
    "QUERY_QUEUE_WAIT": 5.0,
    "ROW_LIMIT": 1000,
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "MAX_QUERY_LENGTH": 20_000,
    "SERVICE_ALLOWLIST": ["https://query.wikidata.org/sparql"],
    "EXAMPLES_DIR": str(ROOT / "queries"),
    "BASE": None,
}

SMALL_ARTICLES = {
    "2012-13-test-season": """
        @prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
        @prefix res: <https://w3id.org/ascenso-kg/resource/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <http://schema.org/> .
        res:club\\/necaxa a akg:Club ; rdfs:label "Necaxa" .
        res:club\\/neza a akg:Club ; rdfs:label "Neza"@es , "<b>Toros</b> & \\"Neza\\""@en .
        res:stadium\\/estadio-victoria a akg:Stadium ; rdfs:label "Estadio Victoria" ; akg:capacity 23851 .
        res:match\\/2013-05-08-neza-necaxa a akg:Match ; schema:homeTeam res:club\\/neza ;
            schema:awayTeam res:club\\/necaxa ; akg:homeScore 3 ; akg:awayScore 0 .
    """,
    "2013-14-test-season": """
        @prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
        @prefix res: <https://w3id.org/ascenso-kg/resource/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        res:club\\/necaxa a akg:Club ; rdfs:label "Necaxa" .
        res:club\\/delfines a akg:Club ; rdfs:label "Delfines" .
        res:season\\/2013-14\\/change\\/5 a akg:Rebranding ; akg:club res:club\\/neza ; akg:newClub res:club\\/delfines .
    """,
}


# Writing a release in the build's layout -----------------------------------------------------------------------
def _write(release: Path, relative: str, data: bytes, triples: int, media_type: str, description: str) -> dict:
    target = release / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return {"path": relative, "media_type": media_type, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "triples": triples, "description": description}


def write_release(out: Path, graphs: dict[str, list[pyoxigraph.Triple]], articles: list[dict],
                  release_id: str = "test-release") -> Path:
    """OUT/releases/<id>/{store,dumps,manifest.json} and OUT/current, as ``ascenso-kg build`` lays them out."""
    release = out / "releases" / release_id
    quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.NamedNode(graph))
             for graph, triples in graphs.items() for t in triples]
    release.mkdir(parents=True)
    store = pyoxigraph.Store(str(release / "store"))
    store.extend(quads)
    store.flush()
    del store
    gc.collect()  # close RocksDB: the server's workers open it read-only
    files = [
        _write(release, "dumps/ascenso-kg.nq.gz", gzip.compress(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)),
               len(quads), "application/n-quads", "The whole knowledge graph (N-Quads, gzipped)"),
        _write(release, "dumps/ascenso-kg.ttl", pyoxigraph.serialize(
            {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads}, format=pyoxigraph.RdfFormat.TURTLE,
            prefixes=iris.prefixes(BASE)), len(quads), "text/turtle", "The whole knowledge graph (Turtle)"),
    ]
    for article in articles:
        triples = graphs[article["graph"]]
        files.append(_write(release, f"dumps/articles/{article['id']}.nt.gz",
                            gzip.compress(pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)),
                            len(triples), "application/n-triples", f"The graph of {article['title']}"))
    manifest = {"build_date": "2024-05-01T12:00:00+00:00", "base": BASE, "articles": articles, "files": files,
                "triples": len(quads), "graphs": {g: len(t) for g, t in graphs.items()}}
    (release / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (out / "current").symlink_to(Path("releases") / release_id)
    return release


def _turtle(text: str) -> list[pyoxigraph.Triple]:
    return [q.triple for q in pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.TURTLE)]


@pytest.fixture(scope="session")
def small_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small-build")
    graphs = {IRIS.article_graph(article_id): _turtle(text) for article_id, text in SMALL_ARTICLES.items()}
    graphs[IRIS.graph("ontology")] = [q.triple for q in pyoxigraph.parse(path=str(ONTOLOGY_FILE))]
    articles = [{"id": article_id, "title": f"{article_id} (test)", "licence": "CC BY-SA 4.0",
                 "url": f"https://en.wikipedia.org/wiki/{article_id}", "graph": IRIS.article_graph(article_id)}
                for article_id in SMALL_ARTICLES]
    write_release(out, graphs, articles)
    return out


@pytest.fixture(scope="session")
def protocol_out(tmp_path_factory) -> Path:
    """The W3C protocol test data: each dataN.nt in the graph <http://kasei.us/2009/09/sparql/data/dataN.rdf>."""
    out = tmp_path_factory.mktemp("protocol-build")
    graphs = {f"http://kasei.us/2009/09/sparql/data/data{n}.rdf":
              [q.triple for q in pyoxigraph.parse(path=str(W3C_PROTOCOL_DIR / f"data{n}.nt"))] for n in (1, 2, 3)}
    write_release(out, graphs, [])
    return out


@pytest.fixture(scope="session")
def real_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real-build")
    build_release(articles_dir=ARTICLES_DIR, out_dir=out, progress=lambda message: None)
    return out


# Apps ------------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def make_app():
    """Build an app over an output folder with the test settings (plus overrides); its workers stop at the end."""
    apps = []

    def make(out: Path, **overrides):
        app = create_app({**TEST_CONFIG, "OUT_DIR": str(out), **overrides})
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["ascenso_kg.store"].close()


@pytest.fixture(scope="session")
def small_app(make_app, small_out):
    return make_app(small_out)


@pytest.fixture(scope="session")
def client(small_app):
    return small_app.test_client()


@pytest.fixture(scope="session")
def protocol_client(make_app, protocol_out):
    return make_app(protocol_out).test_client()


@pytest.fixture(scope="session")
def real_app(make_app, real_out):
    return make_app(real_out)


@pytest.fixture(scope="session")
def real_client(real_app):
    return real_app.test_client()


# Live servers on loopback ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered at {url} within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gunicorn_command(port: int, workers: int = 2) -> list[str]:
    import gunicorn

    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", "gthread", "--threads", "4",
               "-b", f"127.0.0.1:{port}"]
    if gunicorn.version_info >= (27,):
        command.append("--no-control-socket")
    return command + ["ascenso_kg.server.app:create_app()"]


@pytest.fixture(scope="session")
def live_server(real_out):
    """gunicorn serving the real release at http://127.0.0.1:<port>, configured through ASCENSO_KG_* variables."""
    port = free_port()
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(real_out), "ASCENSO_KG_QUERY_TIMEOUT": "3",
           "ASCENSO_KG_QUERY_WORKERS": "2", "ASCENSO_KG_ROW_LIMIT": "5000"}
    process = subprocess.Popen(gunicorn_command(port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/dumps?format=json", process)
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="session")
def oxigraph_server(real_out):
    """``oxigraph serve-read-only`` over the real release's store, the remote back-end's counterpart."""
    port = free_port()
    store = (real_out / "current" / "store").resolve()
    process = subprocess.Popen(
        ["oxigraph", "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_serving(url + "?query=ASK%7B%7D", process)
        yield url
    finally:
        stop(process)
