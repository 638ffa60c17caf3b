"""Fixtures of the browser tests: gunicorn serving the real four articles on loopback, and Debian's Chromium driven
by Playwright (never a downloaded browser: ``playwright install`` is not used). Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.server.live_servers import free_port, gunicorn_command, stop, wait_until_serving

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="session")
def site(built):
    """The real release served by gunicorn at http://127.0.0.1:<port>."""
    port = free_port()
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(built), "ASCENSO_KG_QUERY_WORKERS": "2",
           "ASCENSO_KG_QUERY_TIMEOUT": "10"}
    process = subprocess.Popen(gunicorn_command(port, workers=1), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/dumps?format=json", process)
        yield url
    finally:
        stop(process)


@pytest.fixture
def tab(browser, site):
    """A fresh page at a laptop's size; pages must not log script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def shoot():
    """Save a screenshot as tests/artifacts/<name>.png and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str, full_page: bool = False) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
