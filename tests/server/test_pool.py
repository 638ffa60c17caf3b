"""The pool of query worker processes: crashes, shutdown, orphans, a store that will not open."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ascenso_kg.server.sparql.query_results import Boolean, QueryFailed, QueryJob, Rendered, StoreBusy
from ascenso_kg.server.sparql.pool import WorkerPool

ASK = QueryJob("ASK { ?s ?p ?o }", "ASK")
# 10^10 rows to count: it runs until the pool's time limit kills it.
RUNAWAY = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(10)) + " }", "SELECT")


def is_running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie lingers until whatever adopted it reaps it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.02)


@pytest.fixture
def pool(small_out):
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=5, queue_wait=5)
    yield pool
    pool.close()


def test_a_crashed_worker_fails_its_query_and_is_replaced(pool):
    assert pool.run(ASK) == Boolean(True)
    (pid,) = pool.worker_pids
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(QueryFailed) as failure:
        pool.run(ASK)
    assert failure.value.status == 503  # killed from outside: the server's trouble, retry (never a bare 500)
    wait_for(lambda: len(pool.worker_pids) == 1)
    assert pool.worker_pids != [pid]
    assert pool.run(ASK) == Boolean(True)


def test_close_stops_every_worker(small_out):
    pool = WorkerPool(str(small_out / "current" / "store"), size=2, timeout=5, queue_wait=5)
    pool.warm_up()
    pids = pool.worker_pids
    assert len(pids) == 2 and all(is_running(pid) for pid in pids)
    pool.close()
    assert not any(is_running(pid) for pid in pids)
    with pytest.raises(QueryFailed):
        pool.run(ASK)


def test_workers_end_when_the_web_process_dies(small_out):
    script = (
        "import os, sys\n"
        "from ascenso_kg.server.sparql.pool import WorkerPool\n"
        f"pool = WorkerPool({str(small_out / 'current' / 'store')!r}, size=2, timeout=5, queue_wait=5)\n"
        "pool.warm_up()\n"
        "print(*pool.worker_pids, flush=True)\n"
        "os._exit(0)  # no cleanup: as if the process were killed\n"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    pids = [int(pid) for pid in output.split()]
    assert len(pids) == 2
    wait_for(lambda: not any(is_running(pid) for pid in pids))


def test_a_store_that_does_not_open_is_503_without_its_path(tmp_path):
    pool = WorkerPool(str(tmp_path / "no-store-here" / "store"), size=1, timeout=5, queue_wait=5)
    (tmp_path / "no-store-here").write_text("a file where a folder should be")
    with pytest.raises(QueryFailed) as failure:
        pool.run(ASK)
    assert failure.value.status == 503
    assert str(tmp_path) not in failure.value.message
    pool.close()


def test_a_busy_pool_starts_more_workers_up_to_its_maximum(small_out):
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, max_size=2, timeout=2, queue_wait=0.1)
    pool.warm_up()
    outcomes = []
    runaways = [threading.Thread(target=lambda: outcomes.append(_failure_status(pool, RUNAWAY))) for _ in range(2)]
    try:
        runaways[0].start()
        wait_for(lambda: pool.idle_workers == 0)
        assert pool.run(ASK) == Boolean(True)  # answered by a second worker, not after the runaway
        assert len(pool.worker_pids) == 2
        runaways[1].start()
        wait_for(lambda: pool.idle_workers == 0)
        with pytest.raises(StoreBusy):  # the maximum is reached: the request waits, then gives up
            pool.run(ASK)
        for runaway in runaways:
            runaway.join()
        assert outcomes == [504, 504]
    finally:
        pool.close()


def _failure_status(pool: WorkerPool, job: QueryJob) -> int | None:
    try:
        pool.run(job)
    except QueryFailed as failure:
        return failure.status
    return None


def test_a_job_with_an_answer_format_comes_back_written_and_says_it_was_cut(pool):
    job = QueryJob("SELECT ?s WHERE { ?s ?p ?o }", "SELECT", row_limit=2, answer_format="json")
    answer = pool.run(job)
    assert isinstance(answer, Rendered) and answer.truncated
    document = json.loads(answer.body)
    assert document["truncated"] is True and len(document["results"]["bindings"]) == 2


def _thread_niceness(pid: int) -> list[int]:
    """The nice value of each thread of ``pid`` (field 19 of /proc/PID/task/TID/stat)."""
    values = []
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            values.append(int(stat.read_text().rsplit(")", 1)[1].split()[16]))
        except (OSError, IndexError):
            pass
    return values


def test_a_long_query_yields_the_cpu_to_the_others_and_its_worker_is_replaced(small_out):
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=2, queue_wait=5, lower_priority_after=0.1)
    try:
        assert pool.run(ASK) == Boolean(True)  # workers start with the first query
        (pid,) = pool.worker_pids
        assert max(_thread_niceness(pid)) == 0
        seen: list[int] = []
        watcher = threading.Thread(target=lambda: [seen.extend(_thread_niceness(pid)) or time.sleep(0.05)
                                                   for _ in range(20)])
        watcher.start()
        with pytest.raises(QueryFailed):
            pool.run(RUNAWAY)
        watcher.join()
        assert max(seen) >= 10  # the evaluating thread was lowered while the query ran
        wait_for(lambda: len(pool.worker_pids) == 1 and pool.worker_pids != [pid])
        assert pool.run(ASK) == Boolean(True)
    finally:
        pool.close()


def test_a_worker_that_lowered_its_priority_keeps_its_process_and_answers_the_next_query_at_normal_priority(
        small_out):
    # A query that finishes after the threshold: a thread cannot raise its priority again, so the lowered thread ends
    # and a fresh one answers the next query, in the same process (whose store and caches are warm).
    slow = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
        f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(6)) + " }", "SELECT")
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=30, queue_wait=5,
                      lower_priority_after=0.01)
    try:
        pool.run(ASK)
        (pid,) = pool.worker_pids
        seen: list[int] = []
        watcher = threading.Thread(target=lambda: [seen.extend(_thread_niceness(pid)) or time.sleep(0.02)
                                                   for _ in range(100)])
        watcher.start()
        pool.run(slow)
        watcher.join()
        assert max(seen) >= 10  # the evaluating thread was lowered while the query ran
        wait_for(lambda: max(_thread_niceness(pid)) == 0)  # the lowered thread ended
        assert pool.run(ASK) == Boolean(True)
        assert pool.worker_pids == [pid]
        assert max(_thread_niceness(pid)) == 0
    finally:
        pool.close()


def _cpu_ticks(pid: int) -> int:
    """User and system clock ticks a process has used (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def test_queries_sent_one_after_another_are_answered_by_the_same_warm_worker(small_out):
    # A process that answered last is the one with the store's caches warm for the next query; taking the workers
    # in turn sent every query of a sequence to a process that had not yet read its data.
    busy = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
        f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(6)) + " }", "SELECT")
    pool = WorkerPool(str(small_out / "current" / "store"), size=3, timeout=30, queue_wait=5)
    try:
        pool.run(ASK)
        before = {pid: _cpu_ticks(pid) for pid in pool.worker_pids}
        for _ in range(6):
            pool.run(busy)
        used = sorted(_cpu_ticks(pid) - ticks for pid, ticks in before.items())
        assert used[-1] >= 10  # the worker that answered (a million rows to count each time)
        assert used[:-1] == [0, 0] or max(used[:-1]) * 10 < used[-1]  # the others only waited
    finally:
        pool.close()


# Anchored queries, answered in the pool's own process (server/sparql/anchored.py) ----------------------------------
NECAXA = "https://w3id.org/ascenso-kg/resource/club/necaxa"
LOOKUP = QueryJob(f"SELECT ?p ?o WHERE {{ <{NECAXA}> ?p ?o }}", "SELECT", row_limit=2, answer_format="json")
JOIN = QueryJob("SELECT ?o ?label WHERE { <https://w3id.org/ascenso-kg/resource/match/2013-05-08-neza-necaxa> ?p ?o . "
                "?o <http://www.w3.org/2000/01/rdf-schema#label> ?label }", "SELECT", answer_format="csv")


WHOLE_LOOKUP = QueryJob("SELECT ?p ?o WHERE { <https://w3id.org/ascenso-kg/resource/match/2013-05-08-neza-necaxa> ?p ?o }",
                        "SELECT", answer_format="json")
JSON_JOIN = QueryJob(JOIN.text + " LIMIT 50", "SELECT", answer_format="json")


# Anchored jobs of every kind the web process answers: cut, whole, terms or written answers, written by the engine
ANCHORED = [
    LOOKUP, JOIN, QueryJob(f"ASK {{ <{NECAXA}> ?p ?o }}", "ASK"), WHOLE_LOOKUP, JSON_JOIN,
    QueryJob(JSON_JOIN.text, "SELECT", answer_format="json", byte_limit=200),
    QueryJob(JSON_JOIN.text, "SELECT", answer_format="json", row_limit=1),
]


@pytest.mark.parametrize("job", ANCHORED, ids=[
    "lookup, cut", "join", "ASK", "lookup, whole, written by the engine", "join with a LIMIT, written by the engine",
    "written by the engine, over the byte cap: cut here", "written by the engine, over the row cap: cut here"])
def test_an_anchored_query_is_answered_here_as_a_query_process_answers_it(small_out, job):
    here = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=5, queue_wait=5)
    there = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=5, queue_wait=5, anchored_here=False)
    try:
        expected = there.run(job)
        here.warm_up()
        with _stopped(here.worker_pids):  # a query sent to the (frozen) query process would time out
            assert here.run(job) == expected
    finally:
        here.close()
        there.close()


@contextlib.contextmanager
def _stopped(pids: list[int]):
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)


def test_a_query_outside_the_anchored_shapes_still_runs_in_a_query_process_and_is_stopped(small_out):
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=1, queue_wait=5)
    try:
        assert pool.run(QueryJob(f"ASK {{ <{NECAXA}> ?p ?o }}", "ASK")) == Boolean(True)
        (pid,) = pool.worker_pids
        started = time.monotonic()
        assert _failure_status(pool, RUNAWAY) == 504
        assert time.monotonic() - started < 5
        wait_for(lambda: len(pool.worker_pids) == 1)
        assert pool.worker_pids != [pid]  # it ran in the query process, which was killed and replaced
    finally:
        pool.close()


class EnginePanic(BaseException):
    """What pyo3 raises for a panic in the engine (a BaseException, not an Exception)."""


def _panics(*args, **kwargs):
    raise EnginePanic("called `Option::unwrap()` on a `None` value")


@pytest.mark.parametrize("how", ["the engine panics", "the query outlives its time here"])
def test_an_anchored_query_given_up_here_is_answered_by_a_query_process(small_out, monkeypatch, how):
    from ascenso_kg.server.sparql import answer_here, pool as pool_module

    there = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=5, queue_wait=5, anchored_here=False)
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=5, queue_wait=5)
    try:
        expected = there.run(JOIN)
        if how == "the engine panics":
            monkeypatch.setattr(answer_here, "within_caps", _panics)
        else:
            monkeypatch.setattr(pool_module, "answer_anchored",
                                functools.partial(answer_here.answer_anchored, seconds=-1.0))
        pool.warm_up()
        (pid,) = pool.worker_pids
        os.kill(pid, signal.SIGSTOP)  # frozen: the answer cannot come before the worker is let go
        answering = threading.Thread(target=lambda: answers.append(pool.run(JOIN)))
        answers: list = []
        answering.start()
        time.sleep(0.3)
        assert answers == []  # given up here: waiting for the query process
        os.kill(pid, signal.SIGCONT)
        answering.join()
        assert answers == [expected]
    finally:
        pool.close()
        there.close()


def test_a_text_given_up_here_goes_to_a_query_process_at_once_the_next_times(small_out, monkeypatch):
    from ascenso_kg.server.sparql import answer_here, pool as pool_module

    tried: list[str] = []

    def gives_up(store, job):
        tried.append(job.text)
        return answer_here.answer_anchored(store, job, seconds=-1.0)

    monkeypatch.setattr(pool_module, "answer_anchored", gives_up)
    monkeypatch.setattr(pool_module, "GIVEN_UP_REMEMBERED", 2)
    pool = WorkerPool(str(small_out / "current" / "store"), size=1, timeout=5, queue_wait=5)
    try:
        others = [QueryJob(f"SELECT ?p ?o WHERE {{ <{NECAXA}> ?p ?o }} LIMIT {n}", "SELECT") for n in (3, 4)]
        expected = pool.run(JOIN)
        assert tried == [JOIN.text]
        assert pool.run(JOIN) == pool.run(JOIN) == expected and tried == [JOIN.text]  # remembered
        for job in others:  # two more given up: the oldest is forgotten, and tried here again
            pool.run(job)
        assert pool.run(others[1]) is not None and pool.run(JOIN) == expected
        assert tried == [JOIN.text, *(job.text for job in others), JOIN.text]
    finally:
        pool.close()


def test_the_time_here_is_checked_between_rows(small_out):
    import pyoxigraph
    from ascenso_kg.server.sparql.answer_here import answer_anchored

    store = pyoxigraph.Store.read_only(str(small_out / "current" / "store"))
    assert answer_anchored(store, LOOKUP, seconds=-1.0) is None
    assert answer_anchored(store, LOOKUP) is not None


@pytest.mark.parametrize("job, engine", [
    (WHOLE_LOOKUP, True),
    (JSON_JOIN, True),
    (QueryJob(f"SELECT ?label WHERE {{ <{NECAXA}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}", "SELECT",
              answer_format="json"), True),
    (QueryJob(JOIN.text, "SELECT", answer_format="json"), False),  # two patterns and no LIMIT: rows checked one by one
    (QueryJob(JOIN.text + " LIMIT 5000", "SELECT", answer_format="json"), False),
    (QueryJob(WHOLE_LOOKUP.text, "SELECT", answer_format="csv"), False),
    (QueryJob(WHOLE_LOOKUP.text, "SELECT"), False),  # terms wanted, for a page
])
def test_the_engine_writes_only_json_answers_whose_size_is_bounded_before_they_run(job, engine):
    from ascenso_kg.server.sparql.answer_here import _written_by_the_engine

    assert _written_by_the_engine(job) is engine


def test_an_answer_written_by_the_engine_is_sent_only_if_no_cap_could_have_cut_it(small_out):
    import pyoxigraph
    from ascenso_kg.server.sparql.answer_here import answer_anchored

    store = pyoxigraph.Store.read_only(str(small_out / "current" / "store"))
    whole = answer_anchored(store, WHOLE_LOOKUP)
    assert isinstance(whole, Rendered) and not whole.truncated
    rows = len(json.loads(whole.body)["results"]["bindings"])
    assert rows > 3
    for capped in (QueryJob(WHOLE_LOOKUP.text, "SELECT", answer_format="json", row_limit=rows - 1),
                   QueryJob(WHOLE_LOOKUP.text, "SELECT", answer_format="json", byte_limit=len(whole.body) // 2)):
        cut = answer_anchored(store, capped)
        assert cut.truncated and len(json.loads(cut.body)["results"]["bindings"]) < rows
    exact = answer_anchored(store, QueryJob(WHOLE_LOOKUP.text, "SELECT", answer_format="json", row_limit=rows))
    assert json.loads(exact.body) == json.loads(whole.body)


def test_an_anchored_query_with_a_protocol_dataset_goes_to_a_query_process(pool):
    assert pool.run(QueryJob(f"ASK {{ <{NECAXA}> ?p ?o }}", "ASK", default_graphs=())) == Boolean(False)
    assert len(pool.worker_pids) == 1
