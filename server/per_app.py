"""Things an app makes once, on the first request that needs them, and keeps for its life (names, the search
index, dataset statistics, the pages' store handle), kept in ``app.extensions`` so that two apps never share them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from flask import current_app

T = TypeVar("T")

# Re-entrant: making one thing may need another (the search index is made from the names).
_LOCK = threading.RLock()


def per_app(key: str, make: Callable[[], T]) -> T:
    """The current app's ``key``, made by ``make`` the first time; concurrent first requests make it once."""
    found = current_app.extensions.get(key)
    if found is None:
        with _LOCK:
            found = current_app.extensions.get(key)
            if found is None:
                found = current_app.extensions[key] = make()
    return found
