"""Fixtures of the reconciliation tests: an app over the real four articles (``built``, from the root conftest)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from release_writer import TEST_CONFIG  # noqa: E402


@pytest.fixture(scope="session")
def recon_client(open_app, built):
    return open_app({**TEST_CONFIG, "OUT_DIR": str(built)}).test_client()
