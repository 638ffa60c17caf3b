"""Fixtures of the Virtuoso suite: each release of the server and page tests, loaded by ``ascenso-kg publish
virtuoso`` into a Virtuoso Open Source 7 started here, and apps whose remote store is that Virtuoso.

The server and page suites' tests are imported into this folder's modules and run again with their clients
(``protocol_client``, ``examples_client``) swapped for Virtuoso-backed ones.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS / "server")]

from ascenso_kg.virtuoso import UNION_GRAPH  # noqa: E402
from virtuoso_server import virtuoso_over  # noqa: E402


def _server_fixtures():
    spec = importlib.util.spec_from_file_location("server_conftest", TESTS / "server" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_server = _server_fixtures()
real_out, protocol_out, validated_out, make_app, real_client = (
    _server.real_out, _server.protocol_out, _server.validated_out, _server.make_app, _server.real_client)
real_app = _server.real_app
client = _server.client
small_app, small_out = _server.small_app, _server.small_out


def _virtuoso(tmp_path_factory, out):
    return virtuoso_over(out, tmp_path_factory.mktemp("virtuoso"))


@pytest.fixture(scope="session")
def virtuoso_built(tmp_path_factory, built):
    """Virtuoso loaded with the four articles' build (the page suites' release)."""
    with _virtuoso(tmp_path_factory, built) as url:
        yield url


@pytest.fixture(scope="session")
def virtuoso_real(tmp_path_factory, real_out):
    with _virtuoso(tmp_path_factory, real_out) as url:
        yield url


# The server suites' 5 s query limit is about the app's guards; these tests are about Virtuoso's answers, and on a
# busy two-core machine a query Virtuoso has not yet seen (its plan compiled, its pages read) can take longer.
VIRTUOSO_QUERY_TIMEOUT = 30


@pytest.fixture(scope="session")
def make_virtuoso_app(make_app):
    return lambda out, url, **overrides: make_app(out, **{
        "STORE_BACKEND": "remote", "REMOTE_ENDPOINT": url, "REMOTE_UNION_GRAPH": UNION_GRAPH,
        "QUERY_TIMEOUT": VIRTUOSO_QUERY_TIMEOUT, **overrides})


@pytest.fixture(scope="session")
def virtuoso_client(make_virtuoso_app, real_out, virtuoso_real):
    return make_virtuoso_app(real_out, virtuoso_real).test_client()


@pytest.fixture(scope="session")
def protocol_client(tmp_path_factory, make_virtuoso_app, protocol_out):
    with _virtuoso(tmp_path_factory, protocol_out) as url:
        yield make_virtuoso_app(protocol_out, url).test_client()


@pytest.fixture(scope="session")
def examples_client(tmp_path_factory, make_virtuoso_app, validated_out):
    with _virtuoso(tmp_path_factory, validated_out) as url:
        yield make_virtuoso_app(validated_out, url).test_client()
