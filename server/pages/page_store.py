"""Where the pages' own queries run: in the web process itself when the store is the embedded one.

The endpoint sends every query to a worker process so that it can kill a runaway query of a client (``pool.py``).
Page queries are not a client's: they are the project's own ``page-*.rq`` files, each anchored on one entity and
paged, so their cost is bounded by the data around one entity. Sending them through the pool would cost more than
running them (a pickled answer each way, a process switch); a page makes five or six of them. So for the embedded
back-end the pages open the release's store read-only in their own process, once per process, and run the queries
with the workers' own ``execute``: same answers, same errors. A remote back-end is asked through ``get_store()``
as usual, with its time limit.
"""

from __future__ import annotations

import os
import threading

import pyoxigraph

from ..per_app import per_app
from ..current_release import get_release
from ..sparql.query_results import Outcome, QueryFailed, QueryJob
from ..sparql.query_worker import execute
from ..store_backend import Store, get_store

_EXTENSION = "ascenso_kg.page_store"


class LocalStore:
    """The release's Oxigraph store opened read-only in this process (reopened after a fork)."""

    kind = "oxigraph-local"

    def __init__(self, path: str):
        self.path = path
        self._store: pyoxigraph.Store | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def _opened(self) -> pyoxigraph.Store:
        with self._lock:
            if self._store is None or self._pid != os.getpid():
                try:
                    self._store = pyoxigraph.Store.read_only(self.path)
                except OSError:
                    raise QueryFailed(503, "The store is not available.") from None
                self._pid = os.getpid()
            return self._store

    def run(self, job: QueryJob) -> Outcome:
        return execute(self._opened(), job)


def page_store() -> Store | LocalStore:
    """The store the current app's pages query."""
    backend = get_store()
    if backend.kind != "oxigraph":
        return backend
    return per_app(_EXTENSION, lambda: LocalStore(str(get_release().store_path)))
