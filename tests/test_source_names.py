"""Every name the project's code uses is defined: pyflakes over the installed rooms of the package.

A module renamed without every caller following (``bench/endpoint.py`` → ``endpoint_mix.py`` left one call to
``endpoint.answers`` in the bench's Virtuoso branch) fails only when that branch runs — here, in a full bench run
long after the rename. This test finds such names without running the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyflakes import api, messages, reporter

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ("ascenso_kg", "server", "mappings", "tests")


class _Collect(reporter.Reporter):
    def __init__(self):
        self.found: list[str] = []

    def flake(self, message):
        if isinstance(message, messages.UndefinedName):
            self.found.append(str(message))

    def unexpectedError(self, filename, message):
        self.found.append(f"{filename}: {message}")

    def syntaxError(self, filename, message, lineno, offset, text):
        self.found.append(f"{filename}:{lineno}: {message}")


@pytest.mark.parametrize("room", ROOMS)
def test_no_undefined_names(room):
    collected = _Collect()
    api.checkRecursive([str(ROOT / room)], collected)
    assert collected.found == []


def test_an_undefined_name_is_found(tmp_path):
    (tmp_path / "stale.py").write_text("import endpoint_mix\n\ndef run():\n    return endpoint.answers()\n")
    collected = _Collect()
    api.checkRecursive([str(tmp_path)], collected)
    assert len(collected.found) == 1 and "undefined name 'endpoint'" in collected.found[0]
