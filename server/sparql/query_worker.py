"""The process that runs queries on the embedded Oxigraph store.

pyoxigraph has no query timeout and cannot be interrupted from Python, so queries run in worker processes that each
open the store read-only; the pool (``pool.py``) kills a worker whose query outlives the time limit. This module is
what runs inside a worker (``python -m ascenso_kg.server.sparql.query_worker``); it imports nothing of Flask, so a worker
starts in about a tenth of a second.

With ``--memory-copy``, the worker says it is ready as soon as the store is open and answers from it while a thread
at the lowest priority loads an in-memory copy (``memory_copy.py``); then each job is answered from the copy
(``Serving``). The heap limit and the recycling size are raised by the copy's measured size once it is loaded.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import resource
import sys
import threading
import time
from itertools import islice
from multiprocessing.connection import Connection

import pyoxigraph

from ..serializers import serialize
from . import memory_copy
from .query_results import Boolean, Graph, Outcome, QueryFailed, QueryJob, Rendered, Solutions

# Messages a worker sends back over its connection (plain tuples: exceptions with extra fields do not unpickle).
READY = ("ready",)
ANSWER = "answer"
FAILURE = "failure"
RETIRE = "retire"  # appended to a message: this process ends after it; start another
_PATH_LIKE = re.compile(r"(?<![\w:/.])/(?:[\w.\-]+/)+[\w.\-]*")


def dataset_arguments(job: QueryJob) -> dict:
    """pyoxigraph's dataset options for a job.

    A protocol dataset replaces the query's own (SPARQL 1.1 Protocol §2.1.4), so both lists are passed, even empty.
    Otherwise the query's own FROM clauses, or the store's default graph, which the build fills with the union of
    the named graphs as a set (Oxigraph's union option would repeat a triple once per graph stating it).
    """
    if job.names_dataset:
        return {
            "default_graph": [pyoxigraph.NamedNode(iri) for iri in job.default_graphs or ()],
            "named_graphs": [pyoxigraph.NamedNode(iri) for iri in job.named_graphs or ()],
        }
    return {}


def _term_size(term) -> int:
    if term is None:
        return 0
    if type(term) is pyoxigraph.Triple:
        return _term_size(term.subject) + _term_size(term.predicate) + _term_size(term.object)
    return len(term.value) + 8


def row_size(row: tuple) -> int:
    return sum(map(_term_size, row))


def within_caps(items, limit_rows: int, limit_bytes: int, size) -> tuple[list, bool]:
    """At most ``limit_rows`` items and about ``limit_bytes`` of their text; and whether more were left out."""
    kept, total = [], 0
    for item in islice(items, limit_rows + 1):
        total += size(item)
        if len(kept) == limit_rows or (total > limit_bytes and kept):
            return kept, True
        kept.append(item)
    return kept, False


def execute(store: pyoxigraph.Store, job: QueryJob) -> Outcome:
    """Run one query, reading at most ``row_limit`` rows (and ``byte_limit`` of their text), and one more to know
    whether the answer was cut."""
    try:
        result = store.query(job.text, base_iri=job.base_iri, **dataset_arguments(job))
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Boolean(bool(result))
        if isinstance(result, pyoxigraph.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = map(tuple, result)  # a solution's terms in the order of the variables, None where unbound
            kept, cut = within_caps(rows, job.row_limit, job.byte_limit, row_size)
            return Solutions(variables, tuple(kept), truncated=cut)
        kept, cut = within_caps(result, job.row_limit, job.byte_limit, _term_size)
        return Graph(tuple(kept), truncated=cut)
    except SyntaxError as error:
        raise QueryFailed(400, f"Syntax error in the query: {error}") from None
    except ValueError as error:  # an invalid IRI in default-graph-uri or named-graph-uri
        raise QueryFailed(400, str(error)) from None
    except RuntimeError as error:  # an evaluation error of the query itself, such as an unbound SERVICE variable
        raise QueryFailed(400, f"The query cannot be evaluated: {error}") from None
    except MemoryError:
        raise QueryFailed(507, memory_limit_message()) from None
    except OSError as error:
        # Raised by a failing SERVICE call (its message names the service) or by the store; file paths are removed
        # because a user must never see where the store lives.
        raise QueryFailed(502, "The query failed while running: " + _PATH_LIKE.sub("…", str(error))) from None


def answer(store: pyoxigraph.Store, job: QueryJob) -> Outcome | Rendered:
    """Run one query; written in the job's ``answer_format`` when it names one (see ``query_results.Rendered``)."""
    outcome = execute(store, job)
    if job.answer_format is None:
        return outcome
    return Rendered(serialize(outcome, job.answer_format, dict(job.prefixes)), outcome.truncated)


def memory_limit_message() -> str:
    limit = resource.getrlimit(resource.RLIMIT_DATA)[0]
    size = f"{limit / 2**20:.0f} MiB" if limit != resource.RLIM_INFINITY else "its memory"
    return (f"The query needed more memory than the endpoint's limit of {size} per query process and was stopped. "
            "Add a LIMIT, narrow the patterns, or download a dump and query it locally.")


def limit_memory(limit_bytes: int | None) -> None:
    """Bound this process's heap (RLIMIT_DATA: its private writable memory, not the store's mapped files), so a
    query that grows past it fails here instead of exhausting the machine."""
    if limit_bytes:
        resource.setrlimit(resource.RLIMIT_DATA, (limit_bytes, limit_bytes))


def heap_bytes() -> int:
    """This process's data size as RLIMIT_DATA counts it (VmData)."""
    with open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"VmData:"):
                return int(line.split()[1]) * 1024
    return 0


_STATM: int | None = None  # /proc/self/statm, kept open: it is read after every answer
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes() -> int:
    global _STATM
    if _STATM is None:
        _STATM = os.open("/proc/self/statm", os.O_RDONLY)
    return int(os.pread(_STATM, 128, 0).split()[1]) * _PAGE_SIZE


def _exit_when_orphaned(parent_pid: int) -> None:
    """End this worker if the process that started it disappears, even in the middle of a runaway query.

    pyoxigraph releases the GIL while it evaluates, so this thread keeps running during a query.
    """
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


class PriorityWatch:
    """Lowers the priority of the thread running a query once the query has used ``after`` seconds of CPU.

    CPU time, not time on the clock: on a busy machine a short query can wait longer than ``after`` for a core, and
    lowering it then would make it wait behind every other program of the machine as well.

    A long query then takes only the CPU that cheap queries leave: on two cores, two runaway queries would otherwise
    halve the speed of every other client until they are stopped. Linux keeps a nice value per thread, so the
    evaluating thread itself is lowered (pyoxigraph evaluates on the calling thread). An unprivileged thread cannot
    raise its priority again, so a lowered thread ends after its answer and the worker answers on a fresh thread
    (``follow``): the process, its open store and its warm caches stay. (Retiring the whole process instead left every
    heavy query of a mix to a process with cold caches: 2 to 4 times Oxigraph's time for the same evaluation.)

    One watching thread serves every query of the worker: starting a timer thread per query would cost a cheap query
    more than its evaluation.
    """

    NICENESS = 10  # CFS then gives a normal thread about nine times the CPU of a lowered one

    def __init__(self, after: float | None):
        self.after = after
        self.lowered = False
        self._thread_id = threading.get_native_id()
        self._cpu_clock = time.pthread_getcpuclockid(threading.get_ident())  # the watched thread's CPU time
        self._started = threading.Event()
        self._finished = threading.Event()
        if after:
            threading.Thread(target=self._watch, daemon=True).start()

    def follow(self) -> None:
        """Watch the calling thread from now on (a fresh one, at the priority it was started with)."""
        self._thread_id = threading.get_native_id()
        self._cpu_clock = time.pthread_getcpuclockid(threading.get_ident())
        self.lowered = False

    def __enter__(self) -> "PriorityWatch":
        self._finished.clear()
        self._started.set()
        return self

    def __exit__(self, *exc) -> None:
        self._finished.set()

    def _watch(self) -> None:
        while True:
            self._started.wait()
            self._started.clear()
            try:
                self._watch_one_query()
            except OSError:  # the watched thread ended: its query is over
                pass

    def _watch_one_query(self) -> None:
        clock = self._cpu_clock
        started = time.clock_gettime(clock)
        wait = self.after
        while not self._finished.wait(wait):
            used = time.clock_gettime(clock) - started
            if used >= self.after:
                self._lower()
                return
            wait = self.after - used  # it waited for a core part of the time: look again when it may have used enough

    def _lower(self) -> None:
        try:
            current = os.getpriority(os.PRIO_PROCESS, self._thread_id)
            os.setpriority(os.PRIO_PROCESS, self._thread_id, min(19, current + self.NICENESS))
            self.lowered = True
        except OSError:  # not allowed here: the query keeps its priority, which is no worse than before
            pass


class Serving:
    """The store the next job is answered from, and the resident size after which this process retires.

    Jobs read ``store`` once each: the swap to the memory copy is one assignment, so a query runs wholly on the disk
    store or wholly on the finished copy, never on a copy being filled."""

    def __init__(self, store: pyoxigraph.Store, recycle_bytes: int | None):
        self.store = store
        self.recycle_bytes = recycle_bytes
        self.in_memory = False


def _load_memory_copy(serving: Serving, dump: str | None, allowance: int, memory_limit: int | None,
                      loaded_fd: int | None) -> None:
    """Build the memory copy at the lowest priority (serving keeps the CPU), then answer from it.

    While it loads, the heap limit and the recycling size are raised by the whole ``allowance`` (``main`` set the
    limit); once it is in use, by the copy's measured size, so a query has the same room as without a copy.
    ``loaded_fd`` gets one byte once the copy is in use: the pool reads it to report how many processes answer from
    memory."""
    memory_copy.lower_this_thread()
    base = serving.recycle_bytes
    if base:
        serving.recycle_bytes = base + allowance
    resident, heap = resident_bytes(), heap_bytes()
    try:
        copy = memory_copy.load_copy(serving.store, dump)
    except (MemoryError, OSError, SyntaxError, RuntimeError) as error:  # keep answering from the disk store
        print(f"ascenso-kg query process {os.getpid()}: no memory copy ({error}); answering from the store",
              file=sys.stderr, flush=True)
        serving.recycle_bytes = base
        limit_memory(memory_limit)
        if loaded_fd is not None:
            os.close(loaded_fd)  # the pool reads the end of the pipe: this process answers from the store
        return
    serving.store = copy
    serving.in_memory = True
    if base:
        serving.recycle_bytes = base + max(0, resident_bytes() - resident)
    if memory_limit:
        limit_memory(memory_limit + max(0, heap_bytes() - heap))
    if loaded_fd is not None:
        os.write(loaded_fd, b"m")
        os.close(loaded_fd)


def serve_queries(store_path: str, conn: Connection, recycle_bytes: int | None = None,
                  lower_priority_after: float | None = None, copy_allowance: int | None = None,
                  copy_from: str | None = None, loaded_fd: int | None = None,
                  memory_limit: int | None = None) -> None:
    """Worker main loop: open the store read-only, then answer jobs until the pool closes the connection.

    With ``copy_allowance``, a background thread meanwhile loads an in-memory copy of the store (``memory_copy.py``,
    from the dump ``copy_from`` if given) and the jobs after it are answered from the copy; ``memory_limit`` is the
    heap limit a query has besides the copy.

    After an answer that left the process larger than ``recycle_bytes`` (resident; raised by the copy's size), it
    asks the pool to replace it: the allocator keeps freed memory, so only a new process gives it back to the
    machine. Jobs are answered on a thread the main thread starts; one whose query used more than
    ``lower_priority_after`` s of CPU was lowered (``PriorityWatch``) and ends after its answer, and the main thread,
    still at its first priority, starts the next (a new thread inherits the priority of the thread that starts it)."""
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    watch = PriorityWatch(lower_priority_after)
    try:
        store = pyoxigraph.Store.read_only(store_path)
    except OSError as error:
        conn.send((FAILURE, 503, "The store could not be opened: " + _PATH_LIKE.sub("…", str(error))))
        return
    serving = Serving(store, recycle_bytes)
    conn.send(READY)
    if copy_allowance:
        threading.Thread(target=_load_memory_copy,
                         args=(serving, copy_from, copy_allowance, memory_limit, loaded_fd),
                         name="ascenso-kg memory copy", daemon=True).start()
    finished = threading.Event()
    while not finished.is_set():
        answering = threading.Thread(target=_answer_jobs, args=(serving, conn, watch, finished),
                                     name="ascenso-kg query")
        answering.start()
        answering.join()


def _answer_jobs(serving: Serving, conn: Connection, watch: PriorityWatch, finished: threading.Event) -> None:
    """Answer jobs on this thread until the connection closes or the process must retire (``finished`` set), or
    until a query lowered this thread's priority (returns with ``finished`` clear: a fresh thread takes over)."""
    watch.follow()
    try:
        _answer_until_lowered(serving, conn, watch, finished)
    except BaseException:  # a broken connection, say: the process ends, as it would have on its main thread
        finished.set()
        raise


def _answer_until_lowered(serving: Serving, conn: Connection, watch: PriorityWatch, finished: threading.Event) -> None:
    while True:
        try:
            job = pickle.loads(conn.recv_bytes())
        except EOFError:
            finished.set()
            return
        with watch:
            try:
                message = (ANSWER, answer(serving.store, job))
            except QueryFailed as failure:
                message = (FAILURE, failure.status, failure.message)
            except MemoryError:
                message = (FAILURE, 507, memory_limit_message())
        recycle_bytes = serving.recycle_bytes
        retire = bool(recycle_bytes) and resident_bytes() > recycle_bytes
        conn.send_bytes(pickle.dumps(message + ((RETIRE,) if retire else ()), pickle.HIGHEST_PROTOCOL))
        if retire:
            finished.set()
            return
        if watch.lowered:
            return


def main(argv: list[str] | None = None) -> None:
    """``python -m ascenso_kg.server.sparql.query_worker --store PATH --fd N``: N is this end of the pool's socket pair."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True)
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--memory-limit", type=int, default=None, help="bytes of heap (RLIMIT_DATA)")
    parser.add_argument("--recycle-above", type=int, default=None, help="resident bytes after which to retire")
    parser.add_argument("--lower-priority-after", type=float, default=None,
                        help="seconds of one query after which its thread yields the CPU to others (then retire)")
    parser.add_argument("--memory-copy", type=int, default=None,
                        help="load an in-memory copy of the store, which may add this many bytes to the process")
    parser.add_argument("--copy-from", default=None, help="the release's N-Quads dump to load the copy from")
    parser.add_argument("--loaded-fd", type=int, default=None, help="written to once the copy answers")
    args = parser.parse_args(argv)
    limit_memory(args.memory_limit and args.memory_limit + (args.memory_copy or 0))
    serve_queries(args.store, Connection(args.fd), args.recycle_above, args.lower_priority_after,
                  args.memory_copy, args.copy_from, args.loaded_fd, args.memory_limit)


if __name__ == "__main__":
    main()
