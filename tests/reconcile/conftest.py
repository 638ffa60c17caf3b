"""Fixtures of the reconciliation tests: an app over the real four articles (``built``, from the root conftest)."""

from __future__ import annotations


import pytest

from tests.server.release_writer import TEST_CONFIG  # noqa: E402


@pytest.fixture(scope="session")
def recon_client(open_app, built):
    return open_app({**TEST_CONFIG, "OUT_DIR": str(built)}).test_client()
