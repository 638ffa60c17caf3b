"""A second process that writes dumps from text the build has already made, while the build maps and merges.

The build's own process maps the articles and merges the whole graph's lines, and its store loader takes the other
core in bursts; serializing Turtle, deriving N-Triples and gzipping each article's dump set is work nothing else
waits for, so it goes to this process. Jobs are module-level functions given bytes or
paths, run in the order they were given; their files are returned in that order, so the manifest lists the same
files in the same order as a build that wrote them itself. At most ``pending`` jobs wait at a time: a writer that
falls behind makes the build wait rather than hold every article's text.

The process is ``python -m ascenso_kg.build.writer``, fed pickled jobs on its standard input: not a
``multiprocessing`` child, which would import the caller's main script again (a script calling ``build_release``
without a ``__main__`` guard would build twice) or, forked, count the build's memory twice.

A job that fails (a full disk, a writer process that dies) fails the build with ``DumpWriterFailed`` naming the dump:
the release is still in its staging folder, so nothing half-written is published.
"""

from __future__ import annotations

import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from typing import Any, Callable

from .dumps import DumpFile


class DumpWriterFailed(RuntimeError):
    """The dump writer process could not write a dump; nothing was published."""


class DumpWriter:
    def __init__(self, pending: int = 8):
        self.pending = pending
        self._process = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)
        # A thread feeds the jobs to the process, so that handing over an article's text never waits for the writer.
        self._outbox: queue.Queue[tuple | None] = queue.Queue()
        self._feeder = threading.Thread(target=self._feed, name="dump-writer-feeder", daemon=True)
        self._feeder.start()
        self._outbox.put((list(sys.path),))  # the jobs' modules are found where the build finds them
        self._jobs: deque[str] = deque()
        self._files: list[list[DumpFile]] = []

    def submit(self, name: str, job: Callable[..., list[DumpFile]], *args: Any) -> None:
        """Run ``job(*args)`` in the writer process; ``name`` says which dump it writes, for a failure's message."""
        while len(self._jobs) >= self.pending:
            self._collect()
        self._jobs.append(name)
        self._outbox.put((job, args))

    def wait(self) -> list[list[DumpFile]]:
        """Wait for every job; the files of each job so far, in the order of the jobs."""
        while self._jobs:
            self._collect()
        return self._files

    def close(self) -> None:
        """Stop the writer process (after a failure, without running the jobs still waiting)."""
        if self._jobs:  # stopped early: the jobs still waiting are not run
            self._process.kill()
            self._jobs.clear()
        self._outbox.put(None)
        self._feeder.join()
        self._process.wait()
        self._process.stdout.close()

    def __enter__(self) -> DumpWriter:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _feed(self) -> None:
        try:
            while (message := self._outbox.get()) is not None:
                pickle.dump(message, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the process is gone: the next answer read tells how
        finally:
            try:
                self._process.stdin.close()
            except OSError:
                pass

    def _collect(self) -> None:
        name = self._jobs.popleft()
        try:
            outcome, value = pickle.load(self._process.stdout)
        except (EOFError, pickle.UnpicklingError, OSError):
            code = self._process.wait()
            self._jobs.clear()
            raise DumpWriterFailed(f"writing {name} failed: the dump writer process stopped (exit code {code})") \
                from None
        if outcome == "error":
            self._jobs.clear()
            self._process.kill()
            raise DumpWriterFailed(f"writing {name} failed: {value}")
        self._files.append(value)


def serve() -> None:
    """The writer process: run each job read from standard input, answer its files (or its error) in order."""
    source, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # the answers own standard output
    sys.path[:] = pickle.load(source)[0]
    while True:
        try:
            job, args = pickle.load(source)
        except EOFError:
            return
        try:
            answer = ("files", job(*args))
        except Exception as error:  # told to the build, which stops and names the dump
            answer = ("error", f"{type(error).__name__}: {error}")
        pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()


if __name__ == "__main__":
    serve()
