"""The pool of query worker processes: crashes, shutdown, orphans, a store that will not open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ascenso_kg.server.outcomes import Boolean, QueryFailed, QueryJob
from ascenso_kg.server.pool import WorkerPool

ASK = QueryJob("ASK { ?s ?p ?o }", "ASK")


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
    assert failure.value.status == 500
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
        "from ascenso_kg.server.pool import WorkerPool\n"
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
