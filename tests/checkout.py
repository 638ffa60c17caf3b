"""What the tests read from the checkout itself (the package reads nothing of it: ``ascenso_kg.resources``).

``ROOT`` is the clone; ``ARTICLES_DIR`` its four seed articles; ``shared(...)`` a path in ``../shared``, the
development material beside the clone (the family of articles, the W3C test suites): a test that needs it fails
with a message saying so when it is missing, never with a bare FileNotFoundError.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES_DIR = ROOT / "data" / "articles"
SHARED_DIR = ROOT.parent / "shared"


def shared(*parts: str) -> Path:
    """``../shared/<parts>``; fails the test (or its module's collection) clearly when it is not there."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"this test needs the shared development material at {path} (../shared beside the clone, "
                    f"as CI lays it out); it is missing", pytrace=False)
    return path
