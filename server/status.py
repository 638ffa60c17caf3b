"""``/status``: what a running server is doing, for operators and the bench (JSON, never cached).

It reports the release served and, on the embedded store, this web process's query processes and how many of them
answer from their in-memory copy of the store (``server/sparql/memory_copy.py``; the others answer from the store
on disk while theirs loads), and whether the web process itself loads a copy for its anchored queries and answers
from it (``server/sparql/store_here.py``). Each gunicorn worker has its own query processes, so the answer
describes the web process that served it (``pid``). Asking starts the query processes if no query has yet.
"""

from __future__ import annotations

import os

from flask import Blueprint, jsonify

from .current_release import get_release
from .store_backend import get_store

bp = Blueprint("status", __name__)


@bp.route("/status")
def status():
    store = get_store()
    report = {"release": get_release().id, "store": store.kind, "pid": os.getpid()}
    if hasattr(store, "status"):  # the embedded store's query processes
        store.warm_up()
        report.update(store.status())
    response = jsonify(report)
    response.cache_control.no_store = True
    return response


def copies_loaded(report: dict) -> bool:
    """Whether a ``/status`` report says that every in-memory copy its web process makes is loaded: its query
    processes' and, where it loads one (``ANCHORED_IN_MEMORY``), its own; True where it makes none (a release over
    ``QUERY_IN_MEMORY_MAX_QUADS``, a remote store)."""
    if not report.get("memory_copy"):
        return True
    own = report.get("web_process_in_memory") or not report.get("web_process_memory_copy")
    return bool(own) and report["query_processes_in_memory"] >= report["query_processes"]
