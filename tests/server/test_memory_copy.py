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

from ascenso_kg.server.sparql.memory_copy import BYTES_PER_QUAD, CopyPlan, load_copy, plan_copy, release_quads
from ascenso_kg.server.sparql.pool import WorkerPool
from ascenso_kg.server.sparql.query_results import Boolean, QueryJob, QueryTimedOut
from tests.server.test_pool import ASK, RUNAWAY, wait_for

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
        pool = WorkerPool(str(store_path(small_out)), size=1, timeout=settings.pop("timeout", 10), queue_wait=10,
                          memory_copy=copy, anchored_here=False, **settings)
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
        if expected:
            wait_for(lambda: client.get("/status").json["query_processes_in_memory"] == workers, 60)
        else:
            assert status.json["query_processes_in_memory"] == 0


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
