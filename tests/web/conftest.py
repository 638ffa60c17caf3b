"""Fixtures of the web tests (editor errors, local links, machine-readable twins, dumps): an app over the real four
articles, built once per run by the root conftest's ``built``, with the server tests' settings (``TEST_CONFIG``)."""

from __future__ import annotations


import pytest

from tests.server.release_writer import TEST_CONFIG  # noqa: E402



@pytest.fixture(scope="session")
def web_app(open_app, built):
    return open_app({**TEST_CONFIG, "OUT_DIR": str(built)})


@pytest.fixture(scope="session")
def web_client(web_app):
    return web_app.test_client()
