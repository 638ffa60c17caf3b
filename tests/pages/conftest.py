"""Fixtures of the page and search tests: apps over the real four articles (built once per run by the root
conftest's ``built``) and over a tiny release whose labels try to break out of the HTML.

The server tests' helpers are reused: their settings (``TEST_CONFIG``: every setting, so no ``ASCENSO_KG_*`` variable
of the machine leaks in) and their writer of releases in the build's layout.
"""

from __future__ import annotations

import subprocess

import pyoxigraph
import pytest

from ascenso_kg.resources import ONTOLOGY_FILE
from ascenso_kg.server.pages.queries import incoming_in_iri_order

from tests.server.live_servers import free_port, stop, wait_until_serving
from tests.server.release_writer import IRIS, parse_turtle, write_release

from tests.pages.page_helpers import BROWSER, HOSTILE_ARTICLE, PageParser, parse_page


@pytest.fixture(scope="session")
def pages_app(make_app, built):
    return make_app(built)


@pytest.fixture(scope="session")
def pages_client(pages_app):
    return pages_app.test_client()


@pytest.fixture(scope="session")
def remote_pages_client(make_app, built, pages_app):
    """An app whose store is a remote endpoint: ``oxigraph serve-read-only`` over the same release, on loopback."""
    port = free_port()
    store = (built / "current" / "store").resolve()
    process = subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_serving(endpoint + "?query=ASK%7B%7D", process)
        # Links into an entity are paged as the compared app pages them: in the store's own order when that app is
        # on the embedded store (the same engine keeps the same order), by IRI when it is on another store (Virtuoso).
        with pages_app.app_context():
            order = "iri" if incoming_in_iri_order() else "store"
        yield make_app(built, STORE_BACKEND="remote", REMOTE_ENDPOINT=endpoint, INCOMING_ORDER=order).test_client()
    finally:
        stop(process)


@pytest.fixture(scope="session")
def hostile_client(make_app, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-build")
    graphs = {IRIS.article_graph("hostile"): parse_turtle(HOSTILE_ARTICLE),
              IRIS.graph("ontology"): [q.triple for q in pyoxigraph.parse(path=str(ONTOLOGY_FILE))]}
    articles = [{"id": "hostile", "file": "missing.txt", "title": "<b>hostile</b> (test)", "licence": "CC BY-SA 4.0",
                 "url": "https://en.wikipedia.org/wiki/Hostile", "graph": IRIS.article_graph("hostile")}]
    write_release(out, graphs, articles)
    return make_app(out).test_client()


@pytest.fixture(scope="session")
def page(pages_client):
    """GET a page as a browser; assert it is a 200 HTML page and return it parsed."""

    def get(path: str) -> PageParser:
        response = pages_client.get(path, headers=BROWSER)
        assert response.status_code == 200, (path, response.status_code, response.get_data(as_text=True)[:500])
        assert response.mimetype == "text/html"
        return parse_page(response)

    return get
