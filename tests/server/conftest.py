"""Fixtures of the server tests: releases in the build's layout, apps over them, live servers on loopback.

Releases, each written once per test run, besides the four real articles' ``built`` of tests/conftest.py:
- ``small_out``: a handful of hand-written triples in two article graphs plus the ontology, for tests that need to
  know every triple (escaping, formats, truncation);
- ``protocol_out``: the W3C protocol test data (data1.nt–data3.nt in graphs named by their rdfs:label);
- ``validated_out``: the real release plus a hand-written validation report.
Apps come from the shared ``make_app`` (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.resources import ONTOLOGY_FILE
from tests.checkout import shared
from tests.server.live_servers import free_port, gunicorn_command, stop, wait_until_serving
from tests.server.release_writer import IRIS, SMALL_ARTICLES, VALIDATION_REPORT, parse_turtle, write_release


@pytest.fixture(scope="session")
def small_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small-build")
    graphs = {IRIS.article_graph(article_id): parse_turtle(text) for article_id, text in SMALL_ARTICLES.items()}
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
    suite = shared("w3c", "sparql11-protocol")
    graphs = {f"http://kasei.us/2009/09/sparql/data/data{n}.rdf":
              [q.triple for q in pyoxigraph.parse(path=str(suite / f"data{n}.nt"))] for n in (1, 2, 3)}
    write_release(out, graphs, [])
    return out


@pytest.fixture(scope="session")
def validated_out(tmp_path_factory, built) -> Path:
    """The real release plus a hand-written SHACL report in …/graph/validation (the build does not write one yet)."""
    out = tmp_path_factory.mktemp("validated-build")
    validation = IRIS.graph("validation")
    store = pyoxigraph.Store.read_only(str(built / "current" / "store"))
    graphs: dict[str, list[pyoxigraph.Triple]] = {}
    for quad in store:
        if isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
            continue  # the union; write_release stores it again from the graphs
        if quad.graph_name.value != validation:
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    del store
    graphs[validation] = parse_turtle(VALIDATION_REPORT)
    manifest = json.loads((built / "current" / "manifest.json").read_text())
    write_release(out, graphs, manifest["articles"])
    return out


# Apps ------------------------------------------------------------------------------------------------------------
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
def real_app(make_app, built):
    return make_app(built)


@pytest.fixture(scope="session")
def real_client(real_app):
    return real_app.test_client()


# Live servers on loopback ------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def live_server(built):
    """gunicorn serving the real release at http://127.0.0.1:<port>, configured through ASCENSO_KG_* variables."""
    port = free_port()
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(built), "ASCENSO_KG_QUERY_TIMEOUT": "2",
           "ASCENSO_KG_QUERY_WORKERS": "2", "ASCENSO_KG_ROW_LIMIT": "5000"}
    process = subprocess.Popen(gunicorn_command(port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/dumps?format=json", process)
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="session")
def oxigraph_server(built):
    """``oxigraph serve-read-only`` over the real release's store, the remote back-end's counterpart."""
    port = free_port()
    store = (built / "current" / "store").resolve()
    process = subprocess.Popen(
        ["oxigraph", "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_serving(url + "?query=ASK%7B%7D", process)
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="session")
def examples_client(make_app, validated_out):
    return make_app(validated_out).test_client()
