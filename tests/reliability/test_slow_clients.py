"""Slow clients (issue 14, item 4): 500 connections sending their headers slowly must not take the server down.

Against the real front: ``ascenso-kg serve`` as the README runs it (nginx from ``deploy/nginx.conf`` in front of
gunicorn), and the README's production setup (the README's gunicorn command behind the same nginx configuration).
Everything binds 127.0.0.1; the slow connections are bounded in count (500) and time (closed within seconds).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from tests.reliability.conftest import Client
from tests.checkout import nginx
from tests.server.live_servers import free_port, stop, wait_until_serving

from ascenso_kg.commands.front import Front
from ascenso_kg.server.gunicorn_worker import WORKER_CLASS

SLOW = 500
SAMPLES = 80
QUERY = "SELECT (COUNT(?club) AS ?n) WHERE { ?club a <https://w3id.org/ascenso-kg/ontology#Club> }"

@pytest.fixture(autouse=True, scope="module")
def needs_nginx():
    nginx()


def p95(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return ordered[int(0.95 * (len(ordered) - 1))]


def normal_p95(client: Client) -> float:
    path = "/sparql?" + urlencode({"query": QUERY})
    times = []
    for _ in range(SAMPLES):
        answer = client.get(path, headers={"Accept": "application/sparql-results+json"})
        assert answer.status == 200, answer.text
        times.append(answer.seconds)
    return p95(times)


@contextmanager
def slow_connections(port: int, count: int):
    """``count`` connections that have sent the start of a request and then nothing more (a slowloris)."""
    sockets = []
    try:
        for n in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-" + str(n).encode())
            sockets.append(sock)
        yield sockets
    finally:
        for sock in sockets:
            sock.close()


def still_open(sockets: list[socket.socket]) -> int:
    """How many the server has neither answered nor closed."""
    count = 0
    for sock in sockets:
        sock.setblocking(False)
        try:
            sock.recv(1, socket.MSG_PEEK)
        except BlockingIOError:
            count += 1
        except OSError:
            pass
    return count


def check_normal_clients_keep_their_speed(port: int) -> tuple[float, float]:
    client = Client(f"http://127.0.0.1:{port}", source="127.0.0.2", timeout=5)
    for _ in range(2):  # a second round only if the first is too slow (the machine is shared): both must fail
        idle = normal_p95(client)
        with slow_connections(port, SLOW) as sockets:
            loaded = normal_p95(client)
            assert still_open(sockets) == SLOW  # the measurement ran while all of them were held open
        if loaded <= 2 * idle:
            break
    assert loaded <= 2 * idle, f"p95 {loaded * 1000:.1f} ms with {SLOW} slow connections, {idle * 1000:.1f} ms idle"
    return idle, loaded


def test_serve_keeps_serving_with_500_slow_connections_open(built):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "ascenso_kg.cli", "serve", "--out", str(built),
                                "--port", str(port), "--query-timeout", "5"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/dumps?format=json", process, seconds=60)
        idle, loaded = check_normal_clients_keep_their_speed(port)
    finally:
        stop(process)
    print(f"serve: normal p95 {idle * 1000:.1f} ms idle, {loaded * 1000:.1f} ms with {SLOW} slow connections")


def test_the_documented_production_setup_keeps_serving_with_500_slow_connections_open(built):
    upstream, port = free_port(), free_port()
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(built), "ASCENSO_KG_TRUSTED_PROXIES": '["127.0.0.1"]'}
    gunicorn = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-k", WORKER_CLASS, "--threads", "8",
                                 "-b", f"127.0.0.1:{upstream}", "--no-control-socket",
                                 "ascenso_kg.server.app:create_app()"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    front = None
    try:
        wait_until_serving(f"http://127.0.0.1:{upstream}/dumps?format=json", gunicorn)
        front = Front(f"127.0.0.1:{port}", f"127.0.0.1:{upstream}", read_timeout=10)
        idle, loaded = check_normal_clients_keep_their_speed(port)
    finally:
        if front is not None:
            front.stop()
        stop(gunicorn)
    print(f"gunicorn + nginx: normal p95 {idle * 1000:.1f} ms idle, {loaded * 1000:.1f} ms with {SLOW} slow "
          "connections")
