"""Fixtures of the Virtuoso suite: each release of the server and page tests, loaded by ``ascenso-kg publish
virtuoso`` into a Virtuoso Open Source 7 started here, and apps whose remote store is that Virtuoso.

The server and page suites' tests are imported into this folder's modules and run again with their clients
(``protocol_client``, ``examples_client``) swapped for Virtuoso-backed ones.
"""

from __future__ import annotations

import pytest

from ascenso_kg.virtuoso import UNION_GRAPH
from tests.server.conftest import (  # noqa: F401  (fixtures of the server suite, used here too)
    client, protocol_out, real_app, real_client, small_app, small_out, validated_out)
from tests.virtuoso.virtuoso_server import virtuoso_over


def _virtuoso(tmp_path_factory, out):
    return virtuoso_over(out, tmp_path_factory.mktemp("virtuoso"))


@pytest.fixture(scope="session")
def virtuoso_real(tmp_path_factory, built):
    """Virtuoso loaded with the four articles' build (the release of the server and page suites)."""
    with _virtuoso(tmp_path_factory, built) as url:
        yield url


@pytest.fixture(scope="session")
def virtuoso_built(virtuoso_real):
    return virtuoso_real


# The server suites' 5 s query limit is about the app's guards; these tests are about Virtuoso's answers, and on a
# busy two-core machine a query Virtuoso has not yet seen (its plan compiled, its pages read) can take longer.
VIRTUOSO_QUERY_TIMEOUT = 30


@pytest.fixture(scope="session")
def make_virtuoso_app(make_app):
    return lambda out, url, **overrides: make_app(out, **{
        "STORE_BACKEND": "remote", "REMOTE_ENDPOINT": url, "REMOTE_UNION_GRAPH": UNION_GRAPH,
        "QUERY_TIMEOUT": VIRTUOSO_QUERY_TIMEOUT, **overrides})


@pytest.fixture(scope="session")
def virtuoso_client(make_virtuoso_app, built, virtuoso_real):
    return make_virtuoso_app(built, virtuoso_real).test_client()


@pytest.fixture(scope="session")
def protocol_client(tmp_path_factory, make_virtuoso_app, protocol_out):  # noqa: F811
    with _virtuoso(tmp_path_factory, protocol_out) as url:
        yield make_virtuoso_app(protocol_out, url).test_client()


@pytest.fixture(scope="session")
def examples_client(tmp_path_factory, make_virtuoso_app, validated_out):  # noqa: F811
    with _virtuoso(tmp_path_factory, validated_out) as url:
        yield make_virtuoso_app(validated_out, url).test_client()
