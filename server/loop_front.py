"""The web process's HTTP loop in front of the WSGI app: the requests that never wait are answered in the loop, the
rest in threads.

Under gunicorn's threaded worker a cheap query cost the web process about 470 µs of CPU, of which about 150 µs were
gunicorn itself (its HTTP parser and response writer in Python, the hand-offs between its threads) and much of the
rest the eight request threads taking turns at the interpreter's lock; the store answered in about 170 µs (issue
17). gunicorn's ASGI worker reads HTTP on uvloop (with its C parser when ``gunicorn_h1c`` is installed), and in
the loop a request takes no hand-off at all. So ``LoopFront`` first runs the same WSGI app (answer cache, direct
path) in the loop itself, under ``loop_only.in_the_loop()``: anchored queries, answers in the answer cache and
refusals are answered there; a request that would wait (for a query process, a remote store or a Flask view) stops
with ``MustWait`` before it has answered, and runs again from the start in a thread (``a2wsgi``), as under the
threaded worker. A request whose body is large or still on its way, or whose method is not GET or POST, goes to a
thread at once.

The loop never runs for long: an anchored query is given up after ``answer_here.SECONDS`` (0.1 s) and MustWait
comes before any work that could take longer.
"""

from __future__ import annotations

import io
import logging

from a2wsgi import WSGIMiddleware
from a2wsgi.wsgi import build_environ
from werkzeug.wsgi import FileWrapper

from .loop_only import MustWait, in_the_loop

log = logging.getLogger(__name__)

MAX_BODY_IN_THE_LOOP = 64 * 1024  # bytes: a query request is far smaller; a larger body goes to a thread as it comes
MAX_BODY_DROPPED = 16 * 2**20  # bytes of a body the app did not read that are read and dropped (see in_a_thread)
# Bytes a file answer (a dump) is read in: each block crosses from its thread to the loop. The bench's downloads of
# every dump: about 600 MiB/s in 256 KiB blocks, 760 in 1 MiB, 810 in 4 MiB (held per download meanwhile).
FILE_BLOCK = 2**20
_IN_THE_LOOP_METHODS = frozenset({"GET", "POST"})


class LoopFront:
    """An ASGI app serving the WSGI app ``wsgi_app``: in the loop when nothing waits, else in one of ``threads``."""

    def __init__(self, wsgi_app, threads: int):
        self.wsgi_app = _completed_environ(wsgi_app)
        self.threaded = WSGIMiddleware(self.wsgi_app, workers=max(1, threads))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.threaded(scope, receive, send)
        if not _may_run_in_the_loop(scope):
            return await self.in_a_thread(scope, receive, send)
        body = await _whole_body(receive)
        if body is None:  # the client went away before sending its request
            return None
        answer = self.answer_in_the_loop(scope, body)
        if answer is None:
            return await self.in_a_thread(scope, _replaying(body, receive), send)
        status, headers, content = answer
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})
        return None

    async def in_a_thread(self, scope, receive, send):
        """The WSGI app's answer, made in a thread; then what the app left of the body is read and dropped (up to
        ``MAX_BODY_DROPPED``): gunicorn closes a connection whose body was not read to its end, and a client still
        sending it (a body over the app's limit, answered 413 at once) would lose the answer to a broken pipe."""
        reading = _Reading(receive)
        await self.threaded(scope, reading, send)
        await reading.drop_the_rest(MAX_BODY_DROPPED)

    def answer_in_the_loop(self, scope, body: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        """The WSGI app's answer, made here; None if a step would wait (or failed: a thread makes the app's own
        answer to it)."""
        started: dict = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info=None):
            started["status"], started["headers"] = status, headers
            return _no_write

        environ = build_environ(scope, io.BytesIO(body))
        try:
            with in_the_loop():
                chunks = self.wsgi_app(environ, start_response)
                try:
                    content = b"".join(chunks)
                finally:
                    if hasattr(chunks, "close"):
                        chunks.close()
        except MustWait:
            return None
        except Exception:  # the app's handlers answer every error: a thread runs it again to say so
            log.exception("a request failed in the loop; a thread answers it instead")
            return None
        status = int(started["status"].split(" ", 1)[0])
        headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in started["headers"]]
        return status, headers, content


def _may_run_in_the_loop(scope) -> bool:
    """GET without a body and GET or POST with a small body of a stated length (the requests of query clients and
    pages)."""
    if scope["method"] not in _IN_THE_LOOP_METHODS:
        return False
    length = None
    for name, value in scope["headers"]:
        if name == b"content-length":
            if length is not None:  # twice: left to the app's own checks
                return False
            length = value
        elif name == b"transfer-encoding":
            return False
    if length is None:
        return scope["method"] == "GET"
    return length.isdigit() and int(length) <= MAX_BODY_IN_THE_LOOP


async def _whole_body(receive) -> bytes | None:
    parts = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(parts)


class _Reading:
    """``receive``, remembering whether the request's body has been read to its end."""

    def __init__(self, receive):
        self.receive = receive
        self.ended = False

    async def __call__(self):
        message = await self.receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            self.ended = True
        return message

    async def drop_the_rest(self, limit: int) -> None:
        dropped = 0
        while not self.ended and dropped <= limit:
            dropped += len((await self()).get("body", b""))


def _replaying(body: bytes, receive):
    """``receive`` for a thread's run of a request whose body the loop has read: the body, then what comes next."""
    replayed = False

    async def replay():
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _completed_environ(wsgi_app):
    """The WSGI app, with what gunicorn's threaded worker put in the environ and ``a2wsgi`` does not: a body without
    a stated length is read to its end (a chunked one), and files are sent in large blocks."""

    def app(environ, start_response):
        environ.setdefault("wsgi.input_terminated", True)
        environ.setdefault("wsgi.file_wrapper", _file_wrapper)
        return wsgi_app(environ, start_response)

    return app


def _file_wrapper(file, block_size: int = 8192) -> FileWrapper:
    return FileWrapper(file, max(block_size, FILE_BLOCK))


def _no_write(data: bytes) -> None:
    raise RuntimeError("the loop's WSGI answers are returned, not written")
