"""A pool of query worker processes over one read-only Oxigraph store, with a hard time limit per query.

How the time limit works: each worker (``query_worker.serve_queries``) opens the store read-only once and answers
jobs sent over a socket pair. The request thread sends a job to an idle worker and waits for the answer at most the
time limit. If no answer comes, the worker is killed (SIGKILL: pyoxigraph cannot be interrupted any other way), the
client gets 504, and a replacement worker is started in the background, so the next request does not wait for it. A
runaway query therefore occupies one worker for at most the time limit and never blocks requests served by the
others. Measured: the 504 leaves about 10 ms after the limit, and the replacement is ready about 0.1 s later.

Workers are fresh interpreters (``python -m ascenso_kg.server.sparql.query_worker``) talking over a socket pair: forking
the web process itself (threads, open sockets) is unsafe, and multiprocessing's own start methods re-import the
parent's ``__main__``, which is gunicorn's or pytest's, not ours. A worker starts in about 0.1 s. Workers are started
lazily, in the process that serves requests, so a gunicorn master that preloads the app never owns them.

How many: ``size`` workers are started on first use; a request that finds every worker busy starts one more, up to
``max_size`` (``size`` unless set), rather than wait. A worker runs one query at a time, so a cheap query can wait
for an expensive one (a profile at 8 clients found a fifth of the request threads' time in that wait). Growing is
not the default: on 2 cores, interleaved runs at 8 clients went slower with it, since every extra process opens
the store with cold caches of its own and competes for the same cores. Extra workers stay for the life of the
process (about 100 MB each once warm).

In-memory copies (``memory_copy.py``): with a ``memory_copy`` plan (a release of at most
``QUERY_IN_MEMORY_MAX_QUADS``), each worker answers from the store on disk at once and swaps to an in-memory copy it
loads in the background (2-8x faster on heavy queries; about 340 bytes per quad in each process). Each worker writes
one byte to a pipe once it answers from memory; ``in_memory_workers`` counts them for ``/status``. A replacement
worker (after a timeout or recycling) loads its copy again and answers from disk meanwhile.

Anchored queries (``anchored.py``: lookups from a given IRI, at most two patterns, no path, filter, sort or DISTINCT) are
answered in the web process itself, on a read-only handle of the same store opened there (and, with a ``memory_copy``
plan and ``copy_here``, on its own memory copy once loaded: ``store_here.py``), with the workers' own row caps and
serializers (``answer_here.py``: same answers). Their shape bounds the work between two rows, and the
clock is checked at each row, so they need no process that can be killed; the hop to a worker (pickling, a poll, a
context switch on each side) cost more than their evaluation. One that takes longer than expected, or that the
engine fails on, is sent on to a worker, as any other query, and so is the same text the next times
(``GIVEN_UP_REMEMBERED`` texts are remembered).
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle

import pyoxigraph
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from .query_results import Outcome, QueryFailed, QueryJob, QueryTimedOut, Rendered, StoreBusy
from .anchored import is_anchored
from .answer_here import answer_anchored
from ..loop_only import may_wait
from .memory_copy import CopyPlan
from .store_here import StoreHere
from .query_worker import ANSWER, READY, RETIRE

log = logging.getLogger(__name__)
_CRASH_SIGNALS = {signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGILL}


GIVEN_UP_REMEMBERED = 1024  # anchored query texts the web process gave up on, remembered by their hash


class _RecentTexts:
    """The hashes of the last ``size`` texts added (thread-safe). A collision only sends a query to a query process,
    which answers it as well."""

    def __init__(self, size: int):
        self.size = size
        self._hashes: dict[int, None] = {}  # in the order added
        self._lock = threading.Lock()

    def add(self, text: str) -> None:
        with self._lock:
            self._hashes[hash(text)] = None
            if len(self._hashes) > self.size:
                del self._hashes[next(iter(self._hashes))]

    def seen(self, text: str) -> bool:
        return hash(text) in self._hashes


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection
    copy_loaded: int | None = None  # read end of a pipe the worker writes to once it answers from its memory copy
    in_memory: bool = False
    answered: select.poll = field(init=False)  # polled for the answer: cheaper than Connection.poll's selector

    def __post_init__(self):
        self.answered = select.poll()
        self.answered.register(self.conn.fileno(), select.POLLIN)

    def answers_from_memory(self) -> bool:
        """Whether this worker has swapped to its memory copy (read without waiting)."""
        if not self.in_memory and self.copy_loaded is not None:
            try:
                said = os.read(self.copy_loaded, 1)
            except BlockingIOError:  # still loading
                return False
            self.in_memory = said == b"m"
            os.close(self.copy_loaded)  # said it, or closed it without a copy
            self.copy_loaded = None
        return self.in_memory

    def ask(self, job: QueryJob, timeout: float) -> tuple | None:
        """Send ``job``; the worker's message, or None if none came within ``timeout`` seconds."""
        self.conn.send_bytes(pickle.dumps(job, pickle.HIGHEST_PROTOCOL))
        if not self.answered.poll(timeout * 1000):
            return None
        return pickle.loads(self.conn.recv_bytes())

    @classmethod
    def start(cls, store_path: str, memory_limit: int | None = None, recycle_above: int | None = None,
              lower_priority_after: float | None = None, copy: CopyPlan | None = None) -> "_Worker":
        ours, theirs = socket.socketpair()
        limits, passed, loaded = [], [theirs.fileno()], None
        if copy is not None:  # the worker raises its own limits by the copy's size (query_worker._load_memory_copy)
            loaded, told = os.pipe()
            os.set_blocking(loaded, False)
            passed.append(told)
            limits += ["--memory-copy", str(copy.allowance), "--loaded-fd", str(told)]
            if copy.dump:
                limits += ["--copy-from", copy.dump]
        if memory_limit:
            limits += ["--memory-limit", str(memory_limit)]
        if recycle_above:
            limits += ["--recycle-above", str(recycle_above)]
        if lower_priority_after:
            limits += ["--lower-priority-after", str(lower_priority_after)]
        try:
            with ours, theirs:
                process = subprocess.Popen(
                    [sys.executable, "-m", "ascenso_kg.server.sparql.query_worker", "--store", store_path,
                     "--fd", str(theirs.fileno()), *limits],
                    pass_fds=passed, stdin=subprocess.DEVNULL,
                )
                return cls(process, Connection(os.dup(ours.fileno())), loaded)
        except BaseException:
            if loaded is not None:
                os.close(loaded)
            raise
        finally:
            if len(passed) > 1:
                os.close(passed[1])  # the worker's end: only the worker holds it now

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.conn.close()
        if self.copy_loaded is not None:
            os.close(self.copy_loaded)
            self.copy_loaded = None


class WorkerPool:
    """``size`` worker processes answering queries on the store at ``store_path``."""

    def __init__(self, store_path: str, size: int, timeout: float, queue_wait: float, start_timeout: float = 30.0,
                 max_size: int | None = None, memory_limit: int | None = None, recycle_above: int | None = None,
                 lower_priority_after: float | None = None, anchored_here: bool = True,
                 memory_copy: CopyPlan | None = None, copy_here: bool = True):
        self.store_path = store_path
        self.memory_copy = memory_copy
        self.anchored_here = anchored_here
        self.copy_here = copy_here and anchored_here and memory_copy is not None  # whether this process copies
        self._here: StoreHere | None = None  # the web process's own handle, for anchored queries
        self._here_pid: int | None = None
        self.lower_priority_after = lower_priority_after
        self.memory_limit = memory_limit
        self.recycle_above = recycle_above
        self.size = size
        self.max_size = max(size, max_size or size)
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._owner_pid: int | None = None
        # The idle worker that answered last is taken first: with fewer clients than workers the same processes keep
        # answering, with the store's caches warm (taken in turn, every query of a mix met a process that had not
        # read its data yet).
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._workers: set[_Worker] = set()
        self._missing = 0
        self._growing = 0  # extra workers being started by request threads
        self._replacing = 0  # workers killed or ended whose replacement is starting: they still count
        self._closed = False
        # Anchored texts given up here: the next time they go to a query process at once (a request the loop gave up
        # on runs again in a thread, which would give it up a second time, and the loop waits meanwhile)
        self._given_up = _RecentTexts(GIVEN_UP_REMEMBERED)
        atexit.register(_close_if_alive, weakref.ref(self))

    def run(self, job: QueryJob) -> Outcome | Rendered:
        if self.anchored_here and not job.names_dataset and is_anchored(job.text):
            found = self._answer_here(job)
            if found is not None:
                return found
        may_wait()  # for a query process: never in the web process's loop
        self._ensure_workers()
        worker = self._take()
        try:
            message = worker.ask(job, self.timeout)
            if message is None:
                self._retire(worker)
                raise QueryTimedOut(self.timeout)
        except (EOFError, OSError):
            self._retire(worker)
            raise self._died(worker) from None
        if message[-1] == RETIRE:  # it grew past the recycling size and ends: give its memory back
            self._retire(worker)
            message = message[:-1]
        else:
            self._idle.put(worker)
        if message[0] == ANSWER:
            return message[1]
        raise QueryFailed(message[1], message[2])

    def _answer_here(self, job: QueryJob) -> Outcome | Rendered | None:
        """An anchored query answered in this process; None: the store could not be opened here, or the query took
        longer than expected or failed in the engine (a worker answers instead, from the start)."""
        store = self._store_here()
        if store is None or self._given_up.seen(job.text):
            return None
        found = answer_anchored(store, job)
        if found is None:
            self._given_up.add(job.text)
            log.warning("an anchored query was given up in the web process and sent to a query process (as it will "
                        "be next time): %.200s", job.text)
        return found

    def _store_here(self) -> pyoxigraph.Store | None:
        if self._here_pid != os.getpid():
            may_wait()  # starting the query processes: a thread does it
            # The query processes open the store first: a store that is missing, locked or corrupt then fails there
            # with the usual 503, never in this process.
            self._ensure_workers()
        with self._lock:
            if self._closed:
                raise QueryFailed(503, "The endpoint is shutting down.")
            if self._here_pid != os.getpid():  # first use in this process (a forked one opens its own)
                self._here_pid = os.getpid()
                try:
                    disk = pyoxigraph.Store.read_only(self.store_path)
                except OSError as error:
                    log.error("the web process could not open the store (%s); every query goes to a query process",
                              error)
                    self._here = None
                else:
                    self._here = StoreHere(disk, self.memory_copy if self.copy_here else None)
            return self._here.store if self._here is not None else None

    def _died(self, worker: _Worker) -> QueryFailed:
        """The error for a query whose process ended under it, and a log line saying how it ended.

        A crash of the engine itself (segfault, abort on a failed allocation) was caused by the query: 400 naming the
        limits. Any other end (killed from outside) is the server's trouble: 503, retry."""
        status = worker.process.returncode
        log.error("a query process (pid %s) ended while answering a query (exit status %s); it is replaced",
                  worker.process.pid, status)
        if status is not None and -status in _CRASH_SIGNALS:
            limit = f" of {self.memory_limit / 2**20:.0f} MiB" if self.memory_limit else ""
            return QueryFailed(400, "The query stopped the query process before it answered (it needed more memory "
                                    f"than the endpoint's limit{limit} per query, or more than the query engine can "
                                    "read); the query was not answered. Simplify the query or add a LIMIT.")
        return QueryFailed(503, "The query process ended unexpectedly and the query was not answered; please retry.")

    def warm_up(self) -> None:
        """Start the workers (and open the store for anchored queries) now rather than on the first query."""
        self._ensure_workers()
        if self.anchored_here:
            self._store_here()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, set()
            self._here = None
        for worker in workers:
            worker.stop()

    @property
    def worker_pids(self) -> list[int]:
        return [w.process.pid for w in self._workers]

    @property
    def in_memory_workers(self) -> int:
        """Workers answering from their memory copy (the others answer from the store while theirs loads, or have
        none)."""
        with self._lock:  # a worker in the set is not stopped meanwhile (its pipe stays open)
            return sum(w.answers_from_memory() for w in self._workers)

    @property
    def here_in_memory(self) -> bool:
        """Whether this web process answers anchored queries from its own memory copy (``store_here``)."""
        here = self._here if self._here_pid == os.getpid() else None
        return here is not None and here.in_memory

    @property
    def idle_workers(self) -> int:
        return self._idle.qsize()

    def _take(self) -> _Worker:
        """An idle worker; else a new one while the pool may grow; else the first to become idle."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        if self._may_grow():
            return self._grow()
        try:
            return self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise StoreBusy(retry_after=max(1, int(self.timeout))) from None

    # Starting and replacing workers ------------------------------------------------------------------------------
    def _ensure_workers(self) -> None:
        with self._lock:
            if self._closed:
                raise QueryFailed(503, "The endpoint is shutting down.")
            if self._owner_pid != os.getpid():  # first use, or this process was forked from the one that had them
                self._owner_pid = os.getpid()
                self._idle, self._workers, self._missing = queue.LifoQueue(), set(), self.size
                self._growing = self._replacing = 0
            if self._missing:
                for worker in self._start(self._missing):
                    self._add(worker)
                self._missing = 0

    def _may_grow(self) -> bool:
        with self._lock:
            if self._closed or self._count() >= self.max_size:
                return False
            self._growing += 1
            return True

    def _count(self) -> int:
        """Processes this pool has or is starting (call with the lock held): never more than ``max_size``."""
        return len(self._workers) + self._missing + self._growing + self._replacing

    def _grow(self) -> _Worker:
        """Start one more worker for the calling request (which holds it until its query is answered)."""
        try:
            (worker,) = self._start(1)
        finally:
            with self._lock:
                self._growing -= 1
        with self._lock:
            if not self._closed:
                self._workers.add(worker)
                return worker
        worker.stop()
        raise QueryFailed(503, "The endpoint is shutting down.")

    def _start(self, count: int) -> list[_Worker]:
        """Start ``count`` workers at once and wait until each has opened the store."""
        starting = [_Worker.start(self.store_path, self.memory_limit, self.recycle_above,
                                  self.lower_priority_after, self.memory_copy) for _ in range(count)]
        ready, failure = [], None
        for worker in starting:
            message = _first_message(worker.conn, self.start_timeout)
            if message == READY:
                ready.append(worker)
            else:
                failure = failure or message
                worker.stop()
        if len(ready) < count:
            for worker in ready:
                worker.stop()
            detail = failure[2] if failure else "a query worker did not start."
            raise QueryFailed(503, f"The store is not available. {detail}")
        return ready

    def _add(self, worker: _Worker) -> None:
        self._workers.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker (timed out or broken) and start its replacement in the background."""
        with self._lock:
            if worker in self._workers:
                self._workers.discard(worker)
                self._replacing += 1
            else:  # closed, or already retired
                return
        worker.stop()
        threading.Thread(target=self._replace_one, name="ascenso-kg worker replacement", daemon=True).start()

    def _replace_one(self) -> None:
        try:
            (worker,) = self._start(1)
        except QueryFailed as failure:
            log.error("could not replace a query worker: %s", failure.message)
            with self._lock:
                self._replacing -= 1
                self._missing += 1  # the next request tries again
            return
        with self._lock:
            self._replacing -= 1
            if self._closed:
                worker.stop()
                return
            self._add(worker)


def _first_message(conn: Connection, timeout: float) -> tuple | None:
    try:
        return conn.recv() if conn.poll(timeout) else None
    except EOFError:
        return None


def _close_if_alive(pool_ref: weakref.ref) -> None:
    pool = pool_ref()
    if pool is not None:
        pool.close()
