"""The page and search suites over Virtuoso: every test of tests/pages whose client reads the store, run again with
that client's app over a Virtuoso loaded with the same release (see conftest.py)."""

from __future__ import annotations

import pytest

from tests.pages.conftest import hostile_client, page, remote_pages_client  # noqa: F401 (fixtures)
from tests.pages.page_helpers import BROWSER, parse_page
from tests.pages.test_pages_every_page import PAGES
from tests.pages.test_pages_every_page import *  # noqa: F401,F403
from tests.pages.test_pages_football import *  # noqa: F401,F403
from tests.pages.test_pages_formats import *  # noqa: F401,F403
from tests.pages.test_pages_linked_labels import *  # noqa: F401,F403
from tests.pages.test_pages_search import *  # noqa: F401,F403

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def pages_app(make_virtuoso_app, built, virtuoso_built):
    return make_virtuoso_app(built, virtuoso_built)


@pytest.fixture(scope="session")
def pages_client(pages_app):
    return pages_app.test_client()



@pytest.fixture(scope="session")
def embedded_pages_client(make_app, built):
    # Pages link into an entity in the order of the IRIs, as over Virtuoso (by default the embedded store pages in
    # its own order, which is faster; server/README.md, "Order").
    return make_app(built, INCOMING_ORDER="iri").test_client()


FORCLUB_PAGE_2 = ("/resource/club/necaxa?incoming=https%3A%2F%2Fw3id.org%2Fascenso-kg%2Fontology%23forClub"
                  "&incoming_page=2")


@pytest.mark.parametrize("path", PAGES + [FORCLUB_PAGE_2])
def test_every_page_reads_the_same_over_virtuoso_as_over_the_embedded_store(pages_client, embedded_pages_client,
                                                                            path):
    """Word for word, the queries listed included: the pages ask for an order wherever they show one (the first
    page of links into an entity, a round's ties), and read a CONSTRUCT's triples in an order of their own."""
    over_virtuoso = pages_client.get(path, headers=BROWSER)
    embedded = embedded_pages_client.get(path, headers=BROWSER)
    assert over_virtuoso.status_code == embedded.status_code == 200
    assert parse_page(over_virtuoso).text == parse_page(embedded).text
