"""Shared fixtures: the four articles are built once per test run into a temporary release."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.build import build_release
from ascenso_kg.iris import Iris, prefixes
from ascenso_kg.mappings.pipeline import MappingResult, map_articles
from ascenso_kg.paths import ARTICLES_DIR

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
