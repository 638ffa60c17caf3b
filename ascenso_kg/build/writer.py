"""A second process that writes dumps from text the build has already made, while the build maps and merges.

The build's own process maps the articles and merges the whole graph's lines, and its store loader takes the other
core in bursts; serializing Turtle, deriving N-Triples and gzipping (each article's dump set, the whole graph's
Turtle) is work nothing else waits for, so it goes to this process. Jobs are module-level functions given bytes or
paths, run in the order they were given; their files are returned in that order, so the manifest lists the same
files in the same order as a build that wrote them itself. At most ``pending`` jobs wait at a time: a writer that
falls behind makes the build wait rather than hold every article's text.

A job that fails (a full disk, a writer process that dies) fails the build with ``DumpWriterFailed`` naming the dump:
the release is still in its staging folder, so nothing half-written is published.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable

from .dumps import DumpFile


class DumpWriterFailed(RuntimeError):
    """The dump writer process could not write a dump; nothing was published."""


class DumpWriter:
    def __init__(self, pending: int = 8):
        self.pending = pending
        # spawn, not fork: the build's process holds an open store (RocksDB's threads) by the time jobs arrive
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self._jobs: deque[tuple[str, Future[list[DumpFile]]]] = deque()
        self._files: list[list[DumpFile]] = []

    def submit(self, name: str, job: Callable[..., list[DumpFile]], *args: Any) -> None:
        """Run ``job(*args)`` in the writer process; ``name`` says which dump it writes, for a failure's message."""
        while self._jobs and (len(self._jobs) >= self.pending or self._jobs[0][1].done()):
            self._collect()
        try:
            self._jobs.append((name, self._pool.submit(job, *args)))
        except RuntimeError as error:  # the pool broke on an earlier job (BrokenProcessPool is a RuntimeError)
            raise DumpWriterFailed(f"the dump writer stopped before writing {name}: {error}") from error

    def wait(self) -> list[list[DumpFile]]:
        """Wait for every job; the files of each job so far, in the order of the jobs."""
        while self._jobs:
            self._collect()
        return self._files

    def close(self) -> None:
        """Stop the writer process (after a failure, without running the jobs still waiting)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> DumpWriter:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _collect(self) -> None:
        name, job = self._jobs.popleft()
        try:
            self._files.append(job.result())
        except Exception as error:
            self._fail(name, error)

    def _fail(self, name: str, error: Exception) -> None:
        for _, job in self._jobs:
            job.cancel()
        self._jobs.clear()
        raise DumpWriterFailed(f"writing {name} failed: {error}") from error
