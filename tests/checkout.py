"""What the tests read from the checkout itself (the package reads nothing of it: ``ascenso_kg.resources``).

``ROOT`` is the clone; ``DATA_ARTICLES_DIR`` the articles ``ascenso-kg build`` reads by default (the four seed
articles and the family's second-tier heads, excerpts); ``ARTICLES_DIR`` a folder of the four seeds alone, the
articles the gold tests, the golden dump and the page tests were written from (the rows of ``sources.csv`` that are
not excerpts, copied once per run); ``shared(...)`` a path in ``../shared``, the development material beside the
clone (the family of articles, the W3C test suites): a test that needs it fails with a message saying so when it is
missing, never with a bare FileNotFoundError.
"""

from __future__ import annotations

import atexit
import csv
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_ARTICLES_DIR = ROOT / "data" / "articles"


def _seed_articles() -> Path:
    """A folder holding the seeds (the whole articles of data/articles) and their sources.csv rows."""
    folder = Path(tempfile.mkdtemp(prefix="ascenso-kg-seeds-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with (DATA_ARTICLES_DIR / "sources.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, [row for row in reader if row.get("excerpt") != "yes"]
    for row in rows:
        shutil.copyfile(DATA_ARTICLES_DIR / row["file"], folder / row["file"])
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


ARTICLES_DIR = _seed_articles()
SHARED_DIR = ROOT.parent / "shared"


def shared(*parts: str) -> Path:
    """``../shared/<parts>``; fails the test (or its module's collection) clearly when it is not there."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"this test needs the shared development material at {path} (../shared beside the clone, "
                    f"as CI lays it out); it is missing", pytrace=False)
    return path


def nginx() -> str:
    """Debian's nginx, which `make test` installs; fails the test clearly when it is not there (never a skip)."""
    from ascenso_kg.commands.front import nginx_binary

    binary = nginx_binary()
    if binary is None:
        pytest.fail("this test needs Debian's nginx (`make test` installs it with apt); it is missing", pytrace=False)
    return binary
