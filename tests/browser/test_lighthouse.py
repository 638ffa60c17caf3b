"""Lighthouse (pinned in package.json) with Debian's Chromium on every kind of page, mobile profile (its default):
accessibility, best practices and SEO at least 95, performance at least 90. The scores of the run are written to
tests/artifacts/lighthouse-scores.json (the README's table comes from it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.site_checks import LIGHTHOUSE, PAGES, ROOT, node_tools  # noqa: F401 (a fixture)

from tests.server.live_servers import free_port, stop, wait_until_serving  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLDS = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def served(built):
    """The release as `ascenso-kg serve` publishes it: gunicorn behind Debian's nginx (deploy/nginx.conf, which
    compresses text), the front a visitor meets."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "ascenso_kg.cli", "serve", "--out", str(built), "--port",
                                str(port), "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/dumps?format=json", process, seconds=60)
        yield url
    finally:
        stop(process)


def lighthouse(url: str, report) -> dict[str, int]:
    """One Lighthouse run (mobile profile, simulated throttling): the score of each category, 0–100."""
    subprocess.run(
        [str(LIGHTHOUSE), url, "--chrome-flags=--headless --no-sandbox", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", "--quiet"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=240,
    )
    result = json.loads(report.read_text())
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


@pytest.mark.slow
def test_lighthouse_scores_on_every_kind_of_page(served, node_tools, tmp_path):
    scores = {kind: lighthouse(served + path, tmp_path / f"{kind}.json") for kind, path in PAGES.items()}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "lighthouse-scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    low = {kind: {name: score for name, score in page.items() if score < THRESHOLDS[name]}
           for kind, page in scores.items()}
    assert not any(low.values()), {kind: found for kind, found in low.items() if found}
