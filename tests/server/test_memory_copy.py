"""Query processes answer from an in-memory copy of a small release (server/sparql/memory_copy.py): when it is
used, that it answers as the store does, that a process answers before its copy is loaded, and that the time and
memory guards still hold for a process holding a copy."""

from __future__ import annotations

import gc
import json
import os
import threading
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.server.sparql import store_here
from ascenso_kg.server.status import copies_loaded
from ascenso_kg.server.sparql.answer_here import answer_anchored
from ascenso_kg.server.sparql.memory_copy import BYTES_PER_QUAD, CopyPlan, load_copy, plan_copy, release_quads
from ascenso_kg.server.sparql.pool import WorkerPool
from ascenso_kg.server.sparql.query_results import Boolean, QueryJob, QueryTimedOut, Rendered
from tests.server.test_pool import ANCHORED, ASK, RUNAWAY, wait_for

EVERY_QUAD = QueryJob("SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } "
                      "ORDER BY ?g ?s ?p ?o", "SELECT")
COUNTS = QueryJob("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", "SELECT")
UNION_COUNT = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT")


def store_path(out: Path) -> Path:
    return out / "current" / "store"


def named_graphs_nquads(out: Path) -> bytes:
    """The release's named graphs as N-Quads, as the build's ``ascenso-kg-with-ontology.nq`` holds them."""
    store = pyoxigraph.Store.read_only(str(store_path(out)))
    quads = [q for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)


def manifest(out: Path) -> dict:
    return json.loads((out / "current" / "manifest.json").read_text())


@pytest.fixture
def copy_pool(small_out):
    pools = []

    def make(copy: CopyPlan | None, **settings) -> WorkerPool:
        settings = {"timeout": 10, "anchored_here": False, **settings}
        pool = WorkerPool(str(store_path(small_out)), size=1, queue_wait=10, memory_copy=copy, **settings)
        pools.append(pool)
        return pool

    yield make
    for pool in pools:
        pool.close()


# When a copy is made -------------------------------------------------------------------------------------------
def test_a_release_within_the_limit_is_copied_and_a_larger_one_or_a_limit_of_zero_is_not(small_out, tmp_path):
    quads = release_quads(manifest(small_out))
    on_disk = len(pyoxigraph.Store.read_only(str(store_path(small_out))))
    assert on_disk <= quads <= on_disk + 10  # graphs plus their union (this test writer counts repeats in it)
    plan = plan_copy(manifest(small_out), tmp_path, max_quads=quads)
    assert plan == CopyPlan(None, quads * BYTES_PER_QUAD)  # no dump in this folder: copied from the store
    assert plan_copy(manifest(small_out), tmp_path, max_quads=quads - 1) is None
    assert plan_copy(manifest(small_out), tmp_path, max_quads=0) is None
    assert plan_copy({"articles": []}, tmp_path, max_quads=10**9) is None  # a manifest without counts: never
    (tmp_path / "ascenso-kg-with-ontology.nq").write_bytes(named_graphs_nquads(small_out))
    assert plan_copy(manifest(small_out), tmp_path, max_quads=quads).dump == str(tmp_path / "ascenso-kg-with-ontology.nq")


def test_the_app_copies_the_release_unless_the_setting_is_zero(make_app, small_out):
    for limit, expected in ((10**9, True), (0, False)):
        app = make_app(small_out, QUERY_IN_MEMORY_MAX_QUADS=limit)
        client = app.test_client()
        status = client.get("/status")
        assert status.status_code == 200 and status.headers["Cache-Control"] == "no-store"
        workers = app.config["QUERY_WORKERS"]
        assert status.json["memory_copy"] is expected and status.json["query_processes"] == workers
        assert status.json["web_process_memory_copy"] is expected
        if expected:
            wait_for(lambda: client.get("/status").json["query_processes_in_memory"] == workers, 60)
            wait_for(lambda: client.get("/status").json["web_process_in_memory"], 60)
        else:
            assert status.json["query_processes_in_memory"] == 0 and status.json["web_process_in_memory"] is False


@pytest.mark.parametrize(("report", "loaded"), [
    ({"memory_copy": False}, True),  # no copies (a large release, a remote store): nothing to wait for
    ({"memory_copy": True, "query_processes": 3, "query_processes_in_memory": 2,
      "web_process_memory_copy": True, "web_process_in_memory": True}, False),
    ({"memory_copy": True, "query_processes": 3, "query_processes_in_memory": 3,
      "web_process_memory_copy": True, "web_process_in_memory": False}, False),
    ({"memory_copy": True, "query_processes": 3, "query_processes_in_memory": 3,
      "web_process_memory_copy": True, "web_process_in_memory": True}, True),
    ({"memory_copy": True, "query_processes": 3, "query_processes_in_memory": 3,
      "web_process_memory_copy": False, "web_process_in_memory": False}, True),  # ANCHORED_IN_MEMORY off
])
def test_a_status_report_says_when_every_copy_is_loaded(report, loaded):
    assert copies_loaded({"release": "r", "store": "oxigraph", "pid": 1, **report}) is loaded


def test_the_web_process_makes_no_copy_of_its_own_when_the_setting_is_off(make_app, small_out):
    status = make_app(small_out, QUERY_IN_MEMORY_MAX_QUADS=10**9, ANCHORED_IN_MEMORY=False).test_client().get("/status")
    assert status.json["memory_copy"] is True
    assert status.json["web_process_memory_copy"] is False and status.json["web_process_in_memory"] is False


# Same answers -----------------------------------------------------------------------------------------------------
def test_a_copy_holds_exactly_the_quads_of_the_store_whether_loaded_from_the_dump_or_the_store(small_out, tmp_path):
    disk = pyoxigraph.Store.read_only(str(store_path(small_out)))
    dump = tmp_path / "ascenso-kg-with-ontology.nq"
    dump.write_bytes(named_graphs_nquads(small_out))
    assert set(load_copy(disk, str(dump))) == set(disk)
    assert set(load_copy(disk, None)) == set(disk)
    dump.write_bytes(named_graphs_nquads(small_out).split(b"\n", 1)[1])  # a dump that lost a quad: not trusted
    assert set(load_copy(disk, str(dump))) == set(disk)


def test_a_process_answers_from_its_copy_as_from_the_store(copy_pool, small_out):
    on_disk = copy_pool(None)
    in_memory = copy_pool(CopyPlan(None, 10 * 2**20))
    wait_for(lambda: (in_memory.warm_up(), in_memory.in_memory_workers)[1] == 1, 30)
    for job in (EVERY_QUAD, COUNTS, UNION_COUNT, ASK):
        assert in_memory.run(job) == on_disk.run(job)
    assert on_disk.in_memory_workers == 0


# Answers before the copy is loaded ------------------------------------------------------------------------------
def test_a_process_answers_from_the_store_until_its_copy_is_loaded(copy_pool, small_out, tmp_path):
    dump = tmp_path / "dump.nq"
    os.mkfifo(dump)  # the copy cannot load until the test writes the dump into it
    pool = copy_pool(CopyPlan(str(dump), 10 * 2**20))
    assert pool.run(ASK) == Boolean(True)
    on_disk = pool.run(EVERY_QUAD)
    assert pool.in_memory_workers == 0
    with dump.open("wb") as writer:
        writer.write(named_graphs_nquads(small_out))
    wait_for(lambda: pool.in_memory_workers == 1, 30)
    assert pool.run(EVERY_QUAD) == on_disk


# The web process's own copy, for the anchored queries it answers (store_here.py) --------------------------------
@pytest.fixture
def held_copy(monkeypatch):
    """The web process's copy loads only once the test sets the event it returns (or fails with ``failure``)."""
    release, failure = threading.Event(), []

    def load_when_released(disk, dump):
        assert release.wait(30)
        if failure:
            raise failure[0]
        return load_copy(disk, dump)

    monkeypatch.setattr(store_here, "load_copy", load_when_released)
    return release, failure


@pytest.mark.parametrize("job", ANCHORED, ids=lambda job: job.text[:60])
def test_the_web_process_answers_anchored_queries_from_its_copy_as_from_the_store(copy_pool, small_out, held_copy,
                                                                                  job):
    release, _ = held_copy
    on_disk = copy_pool(None, anchored_here=True)
    pool = copy_pool(CopyPlan(None, 10 * 2**20), anchored_here=True)
    before = pool.run(job)  # answered here, from the store on disk while the copy waits
    disk = pool._store_here()
    assert pool.here_in_memory is False
    release.set()
    wait_for(lambda: pool.here_in_memory, 30)
    assert pool._store_here() is not disk and len(pool._store_here()) == len(disk)
    after = pool.run(job)
    assert after == answer_anchored(pool._store_here(), job)  # from the copy
    assert same_answer(after, before) and same_answer(after, on_disk.run(job))
    assert on_disk.here_in_memory is False  # no plan, no copy


def same_answer(one, other) -> bool:
    """Whether two answers to a query without ORDER BY are the same: the same rows in any order, or, for answers cut
    at a cap, both cut, with the same variables (the two stores hand rows over in different orders, so a cap keeps
    different rows, and a byte cap a different number of them)."""
    (variables, rows, cut), (other_variables, other_rows, other_cut) = unordered(one), unordered(other)
    if cut or other_cut:
        return variables == other_variables and cut and other_cut and bool(rows) and bool(other_rows)
    return (variables, rows) == (other_variables, other_rows)


def unordered(answer) -> tuple[object, list[str], bool]:
    if isinstance(answer, Boolean):
        return answer.value, [], False
    if isinstance(answer, Rendered) and answer.body.startswith(b"{"):
        data = json.loads(answer.body)
        return data["head"]["vars"], sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"]), \
            answer.truncated
    if isinstance(answer, Rendered):  # CSV
        header, *lines = answer.body.decode().splitlines()
        return header, sorted(lines), answer.truncated
    return answer.variables, sorted(map(repr, answer.rows)), answer.truncated


def test_a_web_process_whose_copy_fails_to_load_answers_from_the_store(copy_pool, held_copy, caplog):
    release, failure = held_copy
    failure.append(MemoryError("no room"))
    pool = copy_pool(CopyPlan(None, 10 * 2**20), anchored_here=True)
    expected = pool.run(ANCHORED[0])
    release.set()
    wait_for(lambda: not pool._here.loading, 30)
    assert pool.here_in_memory is False and pool.run(ANCHORED[0]) == expected
    assert "could not load its memory copy of the store (no room)" in caplog.text


def test_without_the_setting_the_web_process_answers_from_the_store_only(copy_pool, held_copy):
    release, _ = held_copy
    release.set()
    pool = copy_pool(CopyPlan(None, 10 * 2**20), anchored_here=True, copy_here=False)
    assert pool.run(ANCHORED[0]) is not None
    assert pool._here.loading is False and pool.here_in_memory is False


# Guards --------------------------------------------------------------------------------------------------------
def test_a_runaway_query_is_stopped_and_the_replacement_loads_its_copy_again(copy_pool):
    pool = copy_pool(CopyPlan(None, 10 * 2**20), timeout=1)
    pool.warm_up()
    wait_for(lambda: pool.in_memory_workers == 1, 30)
    (first,) = pool.worker_pids
    with pytest.raises(QueryTimedOut):
        pool.run(RUNAWAY)
    wait_for(lambda: len(pool.worker_pids) == 1 and pool.worker_pids != [first], 30)
    wait_for(lambda: pool.in_memory_workers == 1, 30)
    assert pool.run(ASK) == Boolean(True)


@pytest.fixture(scope="module")
def larger_store(tmp_path_factory) -> Path:
    """300,000 quads in 30 graphs (plus their union): a copy of about 100 MiB, large against the limits below."""
    path = tmp_path_factory.mktemp("larger") / "store"
    store = pyoxigraph.Store(str(path))
    ex = "https://example.org/"
    store.bulk_extend(pyoxigraph.Quad(pyoxigraph.NamedNode(f"{ex}s{i}"), pyoxigraph.NamedNode(f"{ex}p{i % 7}"),
                                      pyoxigraph.Literal(f"value {i}"), graph)
                      for g in range(30) for graph in [pyoxigraph.NamedNode(f"{ex}g{g}")]
                      for i in range(g * 5000, g * 5000 + 5000))
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    del store
    gc.collect()
    return path


def test_the_memory_limit_and_recycling_size_make_room_for_the_copy(larger_store):
    # Without the copy's allowance, the copy would not fit under this heap limit, and the process would be larger
    # than the recycling size after every answer (replaced, loading again, in a loop).
    pool = WorkerPool(str(larger_store), size=1, timeout=30, queue_wait=30, anchored_here=False,
                      memory_limit=200 * 2**20, recycle_above=100 * 2**20,
                      memory_copy=CopyPlan(None, 300_000 * BYTES_PER_QUAD))
    try:
        pool.warm_up()
        wait_for(lambda: pool.in_memory_workers == 1, 120)
        (pid,) = pool.worker_pids
        resident = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        assert resident > 100 * 2**20  # the copy is held
        # Once loaded, the heap limit is the setting plus the copy's measured size (not the whole allowance).
        (limit,) = [int(line.split()[3]) for line in Path(f"/proc/{pid}/limits").read_text().splitlines()
                    if line.startswith("Max data size")]
        assert 200 * 2**20 + 50 * 2**20 < limit < 200 * 2**20 + 300_000 * BYTES_PER_QUAD
        for _ in range(3):
            assert pool.run(UNION_COUNT).rows[0][0].value == "150000"
        assert pool.worker_pids == [pid] and pool.in_memory_workers == 1
    finally:
        pool.close()
