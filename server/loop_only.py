"""Steps that would wait, refused in the web process's loop.

gunicorn's ASGI worker (``gunicorn_worker.LoopWorker``) answers the requests that never wait (anchored queries,
answers already in the answer cache, refusals) in its event loop, with the same WSGI app its threads run
(``loop_front``). A step that would wait (for a query process, a remote store, a Flask view) calls ``may_wait()``
first: in the loop it raises ``MustWait`` before anything was answered, and the loop hands the request to a thread,
where it runs again from the start. Outside the loop ``may_wait()`` does nothing.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

_IN_THE_LOOP: contextvars.ContextVar[bool] = contextvars.ContextVar("ascenso_kg_in_the_loop", default=False)


class MustWait(Exception):  # a signal to the loop, not an error a user sees
    """A step of the request would wait: the loop runs the request in a thread instead."""


def may_wait() -> None:
    """Call before a step that may wait: raises ``MustWait`` in the loop."""
    if _IN_THE_LOOP.get():
        raise MustWait


@contextlib.contextmanager
def in_the_loop() -> Iterator[None]:
    """The body runs as the loop's own work: every ``may_wait()`` in it raises ``MustWait``."""
    token = _IN_THE_LOOP.set(True)
    try:
        yield
    finally:
        _IN_THE_LOOP.reset(token)
