"""Every graph's statements in N-Quads order, with repeats across graphs kept apart, in bounded memory.

The graphs arrive one at a time, each sorted and de-duplicated. They are gathered into runs of ``run_size``
statements; a full run is sorted and written to a scratch file (``marshal``: a statement's four terms read back as
they were, with no parsing), and ``merged()`` merges the runs (``heapq.merge``), so that a thousand seasons are
ordered while holding one run and a block of each file, not every statement of every article.
"""

from __future__ import annotations

import heapq
import marshal
from itertools import repeat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..mappings.rdf.ntriples import Statement

BLOCK = 65536  # statements per marshalled block


class SortedRuns:
    def __init__(self, folder: Path, run_size: int = 1_000_000):
        self.folder = folder
        self.run_size = run_size
        self._pending: list[Statement] = []
        self._runs: list[Path] = []

    def add(self, statements: Iterable[Statement]) -> None:
        self._pending.extend(statements)
        if len(self._pending) >= self.run_size:
            self._spill()

    def merged(self) -> Iterator[Statement]:
        """Each distinct statement once, sorted (a statement, then its other graphs' statements of the same triple)."""
        self._pending.sort()
        previous = None
        for statement in heapq.merge(*map(_read_run, self._runs), self._pending):
            if statement != previous:  # a graph given twice (two articles of one id) states a statement once
                yield statement
                previous = statement

    def _spill(self) -> None:
        self._pending.sort()
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"run-{len(self._runs)}"
        with path.open("wb") as handle:
            for start in range(0, len(self._pending), BLOCK):
                # marshal writes plain strings only (a literal is a ``Term``, a subclass of str)
                marshal.dump([(s, p, str(o), g) for s, p, o, g in self._pending[start:start + BLOCK]], handle)
        self._runs.append(path)
        self._pending = []


_as_statement = tuple.__new__


def _read_run(path: Path) -> Iterator[Statement]:
    with path.open("rb") as handle:
        while True:
            try:
                block = marshal.load(handle)
            except EOFError:
                return
            yield from map(_as_statement, repeat(Statement), block)
