"""The query process's priority watch: a query that keeps a core busy is lowered, one that waits is not."""

from __future__ import annotations

import os
import threading
import time

from ascenso_kg.server.sparql.query_worker import PriorityWatch


def _run_watched(work, after: float) -> tuple[bool, int]:
    """Run ``work`` under a watch on a fresh thread; whether it was lowered, and the thread's nice value after."""
    found = {}

    def watched():
        watch = PriorityWatch(after)
        with watch:
            work()
        found["lowered"] = watch.lowered
        found["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    thread = threading.Thread(target=watched)
    thread.start()
    thread.join()
    return found["lowered"], found["nice"]


def _busy(seconds: float) -> None:
    started = time.thread_time()
    while time.thread_time() - started < seconds:
        pass


def test_a_query_that_uses_the_cpu_past_the_threshold_is_lowered():
    base = os.getpriority(os.PRIO_PROCESS, 0)
    lowered, nice = _run_watched(lambda: _busy(0.4), after=0.1)
    assert lowered and nice > base


def test_a_query_that_waits_past_the_threshold_without_using_the_cpu_keeps_its_priority():
    # On a busy machine a short query can wait for a core longer than the threshold; it is not a long query.
    base = os.getpriority(os.PRIO_PROCESS, 0)
    lowered, nice = _run_watched(lambda: time.sleep(0.4), after=0.1)
    assert not lowered and nice == base
