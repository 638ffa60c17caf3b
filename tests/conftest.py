"""Fixtures every area of the tests shares. Use them in new tests rather than writing your own:

- ``built``: the build output folder (OUT) of the four seed articles, built once per test run; ``release`` is its
  ``OUT/current`` folder, ``store`` its Oxigraph store (read-only), ``select`` a SELECT over it as plain rows,
  ``mapping`` the articles' mapping result (no store, no dumps). Never write into them: copy first (a test that
  breaks or rebuilds a release copies ``built``, as ``fresh_out`` in tests/reliability does).
- ``make_app(out, **overrides)``: the Flask app over a build output folder, with every setting fixed by
  ``TEST_CONFIG`` (tests/server/release_writer.py) so that no ``ASCENSO_KG_*`` variable of the machine leaks in;
  ``open_app(config)`` is the bare factory. Each app's query processes are stopped at the end of the run. An area
  needing other defaults wraps it (tests/reliability/conftest.py overrides ``make_app`` with its shorter limits).
- ``browser``: one headless Chromium for the run (Playwright).

What comes from the checkout itself (the seed articles, ``../shared``) is in tests/checkout.py: ``shared(...)`` fails
a test with a message naming ``../shared`` when the development material is missing.

Slow areas (live engines, soak, browser, wheel, bench) carry the registered ``slow`` marker: ``pytest -m "not slow"``
is the quick run, plain ``python -m pytest`` (CI) runs everything.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.build import build_release
from ascenso_kg.iris import Iris, prefixes
from ascenso_kg.mappings.pipeline import MappingResult, map_articles
from tests.checkout import ARTICLES_DIR
from tests.server.release_writer import TEST_CONFIG

# The slow areas: every test under these folders (or in these files) gets the registered ``slow`` marker.
SLOW_AREAS = ("reliability", "bench", "browser", "virtuoso", "test_wheel.py")
TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.path).relative_to(TESTS).parts[0] in SLOW_AREAS:
            item.add_marker(pytest.mark.slow)


PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes().items())


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The build output folder (OUT); OUT/current is the release."""
    out = tmp_path_factory.mktemp("build")
    build_release(ARTICLES_DIR, out, progress=lambda message: None)
    return out


@pytest.fixture(scope="session")
def release(built: Path) -> Path:
    return (built / "current").resolve()


CHROMIUM = "/usr/bin/chromium"  # Debian's; `make test` installs it (playwright never downloads a browser here)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run: Playwright's sync API allows one driver per process."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def open_app():
    """``create_app(config)`` for the whole run; every app's query worker processes are stopped at the end."""
    from ascenso_kg.server.app import create_app

    apps = []

    def make(config: dict):
        app = create_app(config)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["ascenso_kg.store"].close()


@pytest.fixture(scope="session")
def make_app(open_app):
    """``make_app(out, **overrides)``: an app over the build output folder ``out`` with the tests' settings."""
    return lambda out, **overrides: open_app({**TEST_CONFIG, "OUT_DIR": str(out), **overrides})


@pytest.fixture(scope="session")
def mapping() -> MappingResult:
    return map_articles(ARTICLES_DIR, Iris())


@pytest.fixture(scope="session")
def store(release: Path) -> pyoxigraph.Store:
    return pyoxigraph.Store.read_only(str(release / "store"))


@pytest.fixture(scope="session")
def select(store):
    """Run a SELECT over the union of the graphs; rows as dicts of plain Python values (IRIs and literals as str,
    numbers as int)."""

    def run(query: str) -> list[dict[str, object]]:
        solutions = store.query(PREFIXES + query)
        names = [variable.value for variable in solutions.variables]
        rows = []
        for solution in solutions:
            row = {}
            for name in names:
                term = solution[name]
                if term is None:
                    row[name] = None
                elif isinstance(term, pyoxigraph.Literal) and term.datatype.value.endswith("#integer"):
                    row[name] = int(term.value)
                else:
                    row[name] = term.value
            rows.append(row)
        return rows

    return run
