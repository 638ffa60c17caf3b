"""The reconciliation index of an app: built from the store on first use, then kept for the app's life.

The index is per app (per gunicorn worker process), like the store it is read from; a lock makes concurrent first
requests build it once. Its two queries run through the store layer like the server's other named queries, with a
row limit of their own: an index cut short would silently miss entities.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app

from ..sparql.query_results import QueryFailed, QueryJob, Solutions
from ..store_backend import get_store
from .index import ReconcileIndex, build_index

QUERIES_DIR = Path(__file__).parent / "queries"
INDEX_ROW_LIMIT = 2_000_000
_EXTENSION = "ascenso_kg.reconcile"


class _IndexHolder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: ReconcileIndex | None = None


def identifier_space() -> str:
    """The namespace of entity IRIs: an entity's id is its IRI without it ('club/necaxa')."""
    return current_app.config["PREFIXES"]["res"]


def _rows(name: str) -> list[dict]:
    text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    outcome = get_store().run(QueryJob(text, "SELECT", row_limit=INDEX_ROW_LIMIT))
    if not isinstance(outcome, Solutions) or outcome.truncated:
        raise QueryFailed(503, f"The reconciliation index could not be read completely ({name}).")
    return outcome.as_dicts()


def get_index() -> ReconcileIndex:
    holder = current_app.extensions.setdefault(_EXTENSION, _IndexHolder())
    with holder.lock:
        if holder.index is None:
            holder.index = build_index(identifier_space(), _rows("reconcile-names"), _rows("reconcile-relations"))
        return holder.index
