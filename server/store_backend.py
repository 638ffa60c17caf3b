"""The store layer: which store answers queries, and the named queries the server itself runs.

``init_app`` picks the back-end from the configuration (the embedded Oxigraph store of the release, or a remote SPARQL
endpoint) and keeps it on the app; views reach it with ``get_store()``. The server's own questions (dataset
statistics for VoID) are ``.rq`` files in ``server/queries/`` run by name with ``run_named()``, never SPARQL built
in a view.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app

from .current_release import Release
from .remote import RemoteStore
from .sparql.query_results import Outcome, QueryJob, Rendered
from .sparql.memory_copy import CopyPlan, plan_copy
from .sparql.pool import WorkerPool
from .sparql.query_text import analyse_query

NAMED_QUERIES_DIR = Path(__file__).parent / "queries"
_EXTENSION = "ascenso_kg.store"


class Store(Protocol):
    kind: str

    def run(self, job: QueryJob) -> Outcome | Rendered:
        """The answer; ``Rendered`` only if the job names an ``answer_format`` and the back-end writes it."""

    def warm_up(self) -> None: ...

    def close(self) -> None: ...


class EmbeddedStore:
    """The release's own Oxigraph store, queried by a pool of read-only worker processes."""

    kind = "oxigraph"

    def __init__(self, store_path: Path, workers: int, timeout: float, queue_wait: float, max_workers: int,
                 memory_limit: int | None = None, recycle_above: int | None = None,
                 lower_priority_after: float | None = None, anchored_here: bool = True,
                 memory_copy: CopyPlan | None = None, copy_here: bool = True):
        self.pool = WorkerPool(str(store_path), size=workers, timeout=timeout, queue_wait=queue_wait,
                               max_size=max_workers, memory_limit=memory_limit, recycle_above=recycle_above,
                               lower_priority_after=lower_priority_after, anchored_here=anchored_here,
                               memory_copy=memory_copy, copy_here=copy_here)

    def status(self) -> dict:
        """The query processes of this web process and how many answer from their memory copy; whether the web
        process loads one for the anchored queries it answers itself, and answers from it."""
        return {"query_processes": len(self.pool.worker_pids),
                "memory_copy": self.pool.memory_copy is not None,
                "query_processes_in_memory": self.pool.in_memory_workers,
                "web_process_memory_copy": self.pool.copy_here,
                "web_process_in_memory": self.pool.here_in_memory}

    def run(self, job: QueryJob) -> Outcome | Rendered:
        return self.pool.run(job)

    def warm_up(self) -> None:
        self.pool.warm_up()

    def close(self) -> None:
        self.pool.close()


def make_store(config: dict, release: Release) -> Store:
    backend = config["STORE_BACKEND"]
    if backend == "oxigraph":
        return EmbeddedStore(release.store_path, workers=config["QUERY_WORKERS"], timeout=config["QUERY_TIMEOUT"],
                             queue_wait=config["QUERY_QUEUE_WAIT"],
                             max_workers=config["QUERY_WORKERS_MAX"] or config["QUERY_WORKERS"],
                             memory_limit=config.get("QUERY_MEMORY_LIMIT"),
                             recycle_above=config.get("QUERY_RECYCLE_ABOVE"),
                             lower_priority_after=config.get("QUERY_LOWER_PRIORITY_AFTER"),
                             anchored_here=config.get("ANCHORED_QUERIES_HERE", True),
                             memory_copy=plan_copy(release.manifest, release.dumps_dir,
                                                   config.get("QUERY_IN_MEMORY_MAX_QUADS")),
                             copy_here=config.get("ANCHORED_IN_MEMORY", True))
    if backend == "remote":
        if not config.get("REMOTE_ENDPOINT"):
            raise ValueError("STORE_BACKEND 'remote' needs REMOTE_ENDPOINT, the URL of a SPARQL 1.1 endpoint")
        return RemoteStore(config["REMOTE_ENDPOINT"], timeout=config["QUERY_TIMEOUT"],
                           union_graph=config.get("REMOTE_UNION_GRAPH"),  # see remote.py: Virtuoso needs it
                           named_graphs=tuple(release.manifest.get("graphs", {})))
    raise ValueError(f"unknown STORE_BACKEND {backend!r}: use 'oxigraph' or 'remote'")


def init_app(app: Flask, release: Release) -> None:
    app.extensions[_EXTENSION] = make_store(app.config, release)


def get_store() -> Store:
    return current_app.extensions[_EXTENSION]


def job_for(text: str) -> QueryJob:
    """A job for a query the server trusts (its own named queries): no protocol dataset, no allow-list check."""
    shape = analyse_query(text)
    return QueryJob(text, shape.form or "SELECT", has_dataset_clause=shape.has_dataset_clause,
                    row_limit=current_app.config["ROW_LIMIT"])


@lru_cache(maxsize=None)
def named_query(name: str) -> str:
    path = NAMED_QUERIES_DIR / f"{name}.rq"
    if not path.is_file():
        raise KeyError(f"no named query {name!r} in {NAMED_QUERIES_DIR.name}/")
    return path.read_text(encoding="utf-8")


def run_named(name: str) -> Outcome:
    """Run one of the server's named queries (``server/queries/<name>.rq``) on the current store."""
    return get_store().run(job_for(named_query(name)))
