"""The gunicorn workers: ``LoopWorker``, which ``ascenso-kg serve``, the README's deployment, the bench and the tests
run, and ``KeepAliveThreadWorker``, the threaded worker it replaced (kept to compare with, as the bench's
``--worker-class``).

``LoopWorker`` is gunicorn's ASGI worker (an asyncio loop on uvloop, gunicorn's own HTTP parser) serving the WSGI
app through ``loop_front.LoopFront``: requests that never wait are answered in the loop, the others in a pool of
``--threads`` threads. Command lines name the WSGI app (``create_app()``) whichever worker runs it.

``KeepAliveThreadWorker`` is gunicorn's threaded worker (``gthread``), whose request thread waits a moment on a
kept-alive connection for the client's next request.

With ``gthread`` every request on a kept-alive connection is a round trip through the worker's main thread: the
request thread hands the connection back (a queued callback and a byte on a pipe to wake the poller), the poller
registers the socket, wakes again when the next request arrives, unregisters it and submits it to the thread pool.
On a busy machine each of those wake-ups waits for a core; measured at 8 clients sending cheap queries, they cost
about a quarter of the web process's CPU per request. Clients of an endpoint send in bursts (a page's queries, a
script's loop), so the thread first waits ``LINGER_SECONDS`` for the next request and answers it itself.

The wait never holds up anybody else: it is skipped while a request waits for a thread, and a connection with
nothing to say within it goes back to the poller as before (keep-alive timeout, slow-client and graceful-stop rules
unchanged: every request is still read and answered by ``ThreadWorker.handle``).
"""

from __future__ import annotations

import select

from gunicorn.workers.gasgi import ASGIWorker
from gunicorn.workers.gthread import ThreadWorker

from .loop_front import LoopFront

LINGER_SECONDS = 0.005  # a closed-loop client's next request comes within a millisecond or two, even on a busy machine

# What ``-k`` names, for the command lines that start gunicorn (``ascenso-kg serve``, the README, the bench, tests)
WORKER_CLASS = f"{__name__}.LoopWorker"


class LoopWorker(ASGIWorker):
    """gunicorn's ASGI worker serving a WSGI app: in its loop when nothing waits, else in ``--threads`` threads."""

    @classmethod
    def check_config(cls, cfg, log):
        """``--threads`` is used here (the WSGI app's threads): no warning that it is not."""

    def load_wsgi(self):
        self.asgi = LoopFront(self.app.wsgi(), self.cfg.threads)


class KeepAliveThreadWorker(ThreadWorker):
    """``gthread``, answering a kept-alive connection's next request in the same thread when it comes at once."""

    def handle(self, conn):
        keep = super().handle(conn)  # True: kept alive (a gunicorn before 24 returns a pair: no waiting, as gthread)
        while keep is True and self.alive and self.next_request_soon(conn):
            keep = super().handle(conn)
        return keep

    def next_request_soon(self, conn) -> bool:
        """Whether ``conn`` has (or gets within ``LINGER_SECONDS``) a next request, and no other connection waits
        for a thread meanwhile."""
        if getattr(conn, "is_http2", False):  # an HTTP/2 connection is served by its own loop
            return False
        if conn.parser.unreader.buf.getvalue():  # read ahead with the last request: pipelined
            return True
        if self.requests_waiting():
            return False
        poller = select.poll()
        try:
            poller.register(conn.sock, select.POLLIN)
            return bool(poller.poll(LINGER_SECONDS * 1000))
        except (OSError, ValueError):  # closed meanwhile: the poller's path says so
            return False

    def requests_waiting(self) -> bool:
        """Whether a connection submitted to the thread pool waits for a thread (an unknown pool: assume so)."""
        work_queue = getattr(self.tpool, "_work_queue", None)
        return work_queue is None or not work_queue.empty()
