"""The web process's own handle on the release's store, for the anchored queries it answers itself (``answer_here``).

It answers from the store on disk at once. Where the query processes load an in-memory copy of the store
(``memory_copy``: a release of at most ``QUERY_IN_MEMORY_MAX_QUADS``), the web process loads one too, in a background
thread at the lowest CPU priority, and answers from it once loaded: Oxigraph evaluates a cheap lookup and writes its
JSON in about 105 µs on a memory store against 180 µs on disk (100 seasons), and at 8 clients on 2 cores the web
processes' CPU per query is what limits the endpoint's throughput (issue 17). The copy costs the web process as much
memory as a query process's copy (about 340 bytes per quad; ``ANCHORED_IN_MEMORY`` off: none).

Swapping is one assignment: a request holds the handle it read for its whole query, so a query never sees both.
A copy that fails to load (memory, a damaged dump) is logged and the disk store stays in use.
"""

from __future__ import annotations

import logging
import threading
import time

import pyoxigraph

from .memory_copy import CopyPlan, load_copy, lower_this_thread

log = logging.getLogger(__name__)


class StoreHere:
    """The store on disk, then (with ``copy``) its in-memory copy once loaded."""

    def __init__(self, disk: pyoxigraph.Store, copy: CopyPlan | None):
        self.store = disk
        self.in_memory = False
        self._loader: threading.Thread | None = None
        if copy is not None:
            self._loader = threading.Thread(target=self._load_copy, args=(disk, copy.dump), daemon=True,
                                            name="ascenso-kg memory copy (web process)")
            self._loader.start()

    @property
    def loading(self) -> bool:
        return self._loader is not None and self._loader.is_alive()

    def _load_copy(self, disk: pyoxigraph.Store, dump: str | None) -> None:
        lower_this_thread()
        started = time.monotonic()
        try:
            copy = load_copy(disk, dump)
        except (MemoryError, OSError, SyntaxError, RuntimeError) as error:
            log.warning("the web process could not load its memory copy of the store (%s); anchored queries are "
                        "answered from the store on disk", error)
        else:
            self.store, self.in_memory = copy, True
            log.info("the web process answers anchored queries from its memory copy of the store (loaded in %.1f s)",
                     time.monotonic() - started)
