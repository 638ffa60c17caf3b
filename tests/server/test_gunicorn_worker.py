"""The gunicorn workers (``server/gunicorn_worker.py``): when the keep-alive worker's request thread waits for a
connection's next request and when it gives the connection back to the poller; and that a live gunicorn running
either worker (the loop worker ``ascenso-kg serve`` runs, the keep-alive worker) answers every request, pipelined
ones included, without one idle kept-alive connection holding up another."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.workers.gthread import TConn

from ascenso_kg.server.gunicorn_worker import WORKER_CLASS, KeepAliveThreadWorker
from tests.server.live_servers import free_port, stop, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pair():
    server, client = socket.socketpair()
    yield server, client
    server.close()
    client.close()


@pytest.fixture
def pool():
    executor = ThreadPoolExecutor(max_workers=1)
    yield executor
    executor.shutdown(wait=False, cancel_futures=True)


def worker_with(pool: ThreadPoolExecutor) -> KeepAliveThreadWorker:
    worker = KeepAliveThreadWorker.__new__(KeepAliveThreadWorker)  # only the thread pool matters here
    worker.tpool = pool
    return worker


def connection(sock: socket.socket) -> TConn:
    conn = TConn(Config(), sock, ("127.0.0.1", 1), ("127.0.0.1", 2))
    conn.init()  # the HTTP/1 parser, as after a first request
    return conn


def test_a_next_request_already_sent_is_taken_at_once(pair, pool):
    server, client = pair
    client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert worker_with(pool).next_request_soon(connection(server))


def test_a_connection_with_nothing_to_say_goes_back_to_the_poller(pair, pool):
    server, _ = pair
    assert not worker_with(pool).next_request_soon(connection(server))


def test_a_request_read_ahead_with_the_last_one_is_taken_without_waiting_on_the_socket(pair, pool):
    server, _ = pair
    conn = connection(server)
    conn.parser.unreader.buf = io.BytesIO(b"GET /next HTTP/1.1\r\n")
    assert worker_with(pool).next_request_soon(conn)


def test_no_wait_while_another_connection_waits_for_a_thread(pair, pool):
    server, client = pair
    client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    release = threading.Event()
    pool.submit(release.wait)  # the pool's only thread is busy…
    waiting = pool.submit(lambda: None)  # …and this one waits for it
    try:
        assert not worker_with(pool).next_request_soon(connection(server))
    finally:
        release.set()
        waiting.result(timeout=5)
    assert worker_with(pool).next_request_soon(connection(server))


def test_a_pool_it_cannot_look_into_counts_as_busy():
    assert worker_with(SimpleNamespace()).requests_waiting()


def test_http2_connections_are_left_to_their_own_loop(pair, pool):
    server, client = pair
    client.sendall(b"anything")
    conn = connection(server)
    conn.is_http2 = True
    assert not worker_with(pool).next_request_soon(conn)


# A live gunicorn with the worker, over a tiny WSGI app (no build needed) ---------------------------------------------
@pytest.fixture(scope="module", params=[WORKER_CLASS, f"{KeepAliveThreadWorker.__module__}.KeepAliveThreadWorker"])
def live(request):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "1", "-k", request.param, "--threads", "1",
                                "--keep-alive", "30", "-b", f"127.0.0.1:{port}", "--chdir", str(ROOT),
                                "tests.server.tiny_wsgi:app"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/ready", process)
        yield port
    finally:
        stop(process)


def request(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


def read_answers(sock: socket.socket, count: int) -> list[bytes]:
    """The bodies of ``count`` answers (the tiny app's bodies end with a newline and have a Content-Length)."""
    data, bodies = b"", []
    while len(bodies) < count:
        chunk = sock.recv(65536)
        assert chunk, "the server closed the connection"
        data += chunk
        while b"\r\n\r\n" in data:
            head, rest = data.split(b"\r\n\r\n", 1)
            length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length")))
            if len(rest) < length:
                break
            assert head.startswith(b"HTTP/1.1 200"), head
            bodies.append(rest[:length])
            data = rest[length:]
    return bodies


def test_every_request_on_a_kept_alive_connection_is_answered(live):
    with socket.create_connection(("127.0.0.1", live), timeout=10) as sock:
        for number in range(200):
            sock.sendall(request(f"/{number}"))
            assert read_answers(sock, 1) == [f"/{number}\n".encode()]


def test_pipelined_requests_are_answered_in_order(live):
    with socket.create_connection(("127.0.0.1", live), timeout=10) as sock:
        sock.sendall(b"".join(request(f"/p{number}") for number in range(5)))
        assert read_answers(sock, 5) == [f"/p{number}\n".encode() for number in range(5)]


def test_an_idle_kept_alive_connection_does_not_hold_the_only_thread(live):
    with socket.create_connection(("127.0.0.1", live), timeout=10) as idle, \
            socket.create_connection(("127.0.0.1", live), timeout=10) as busy:
        idle.sendall(request("/first"))
        assert read_answers(idle, 1) == [b"/first\n"]
        for number in range(20):  # one thread in all: each is answered only if the idle connection let it go
            busy.sendall(request(f"/busy{number}"))
            assert read_answers(busy, 1) == [f"/busy{number}\n".encode()]
        idle.sendall(request("/again"))
        assert read_answers(idle, 1) == [b"/again\n"]
