"""Every graph's N-Quads lines in dump order, with repeats across graphs kept apart, in bounded memory.

The graphs arrive one at a time, each as the UTF-8 text of its sorted, distinct N-Quads lines (the text the store
loads). Their lines are gathered into runs of ``run_size`` lines; a full run is sorted and written to a scratch file
as it is, and ``merged()`` merges the runs (``heapq.merge``), so that a thousand seasons are ordered while holding
one run and a buffer of each file, not every statement of every article.

Lines, not statements: a line is one ``bytes`` that sorts, compares and is written as it is (UTF-8 keeps the order of
code points, so the order is the lines' order as text), and Python's sort merges the graphs' sorted lines in C. A
hundred seasons fit in one run, which is merely sorted.
"""

from __future__ import annotations

import heapq
import io
from collections.abc import Iterator
from pathlib import Path


class SortedRuns:
    def __init__(self, folder: Path, run_size: int = 1_000_000):
        self.folder = folder
        self.run_size = run_size
        self._pending: list[bytes] = []
        self._runs: list[Path] = []

    def add(self, nquads: bytes) -> None:
        """A graph's sorted N-Quads text (each line ending with a line feed)."""
        self.add_lines(io.BytesIO(nquads).readlines())  # cut at line feeds only (bytes.splitlines cuts at CR too)

    def add_lines(self, lines: list[bytes]) -> None:
        """A graph's sorted N-Quads lines (each ending with a line feed), as ``encoded_quad_lines`` gives them."""
        self._pending += lines
        if len(self._pending) >= self.run_size:
            self._spill()

    def merged(self) -> Iterator[bytes]:
        """Each distinct line once, sorted (a statement, then its other graphs' statements of the same triple)."""
        self._pending.sort()
        previous = None
        with_runs = [path.open("rb") for path in self._runs]
        try:
            lines = heapq.merge(*with_runs, self._pending) if with_runs else self._pending
            for line in lines:
                if line != previous:  # a graph given twice (two articles of one id) states a statement once
                    yield line
                    previous = line
        finally:
            for handle in with_runs:
                handle.close()

    def _spill(self) -> None:
        self._pending.sort()
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"run-{len(self._runs)}"
        with path.open("wb") as handle:
            handle.writelines(self._pending)
        self._runs.append(path)
        self._pending = []
