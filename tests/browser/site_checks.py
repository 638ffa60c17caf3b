"""What the accessibility and Lighthouse checks share: the pages they visit and the npm tools they run (axe-core and
Lighthouse, pinned in the project's package.json / package-lock.json and installed with ``npm ci``)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"

# One page of each kind a visitor reads (home, a list, club, match, tie, Liguilla, season, player, query editor).
PAGES = {
    "home": "/",
    "list": "/clubs",
    "club": "/resource/club/necaxa",
    "match": "/resource/match/2013-05-11-necaxa-neza",
    "tie": "/resource/tournament/clausura-2013/liguilla/final/neza-necaxa",
    "liguilla": "/resource/tournament/clausura-2013/liguilla",
    "season": "/resource/season/2012-13",
    "player": "/resource/player/necaxa/victor-lojero",
    "query": "/sparql",
}


def _installed_lock() -> dict | None:
    installed = NODE_MODULES / ".package-lock.json"
    return json.loads(installed.read_text()) if installed.exists() else None


@pytest.fixture(scope="session")
def node_tools() -> Path:
    """node_modules as package-lock.json pins it: ``npm ci`` when it is missing or differs from the lock."""
    npm = shutil.which("npm")
    assert npm, "npm is missing: `make test` installs Debian's nodejs and npm (make node)"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    installed = _installed_lock()
    wanted = {name: entry.get("version") for name, entry in lock["packages"].items() if name}
    if installed is None or {name: entry.get("version") for name, entry in installed["packages"].items()} != wanted:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)
    assert AXE.exists() and LIGHTHOUSE.exists()
    return NODE_MODULES
