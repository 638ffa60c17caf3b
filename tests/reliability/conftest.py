"""Fixtures of the reliability tests: the real release, apps over it, gunicorn on loopback, and clients that each
speak from their own loopback address (127.0.0.N), so per-client budgets see them as different clients.

Every server and listener here binds 127.0.0.1; every request loop is bounded in count and time.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph
import pytest

from ascenso_kg.server.app import DEFAULTS
from ascenso_kg.server.gunicorn_worker import WORKER_CLASS
from tests.server.live_servers import free_port, stop, wait_until_serving
from tests.server.release_writer import TEST_CONFIG


# The reliability tests measure the server with its own default limits (request and query lengths …), not the other
# areas' smaller test settings, and with shorter waits.
SETTINGS = {**{key: DEFAULTS[key] for key in TEST_CONFIG if key in DEFAULTS},
            "TESTING": True, "QUERY_TIMEOUT": 2.0, "QUERY_WORKERS": 2, "QUERY_QUEUE_WAIT": 5.0, "ROW_LIMIT": 1000}
JSON_RESULTS = "application/sparql-results+json"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Client:
    """One HTTP/1.1 client speaking from its own loopback address."""

    def __init__(self, url: str, source: str = "127.0.0.1", timeout: float = 30.0):
        host, port = url.removeprefix("http://").split(":")
        self.host, self.port, self.source, self.timeout = host, int(port), source, timeout

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Answer:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                source_address=(self.source, 0))
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data,
                          time.monotonic() - started)
        finally:
            connection.close()

    def get(self, path: str, headers: dict | None = None) -> Answer:
        return self.request("GET", path, headers=headers)

    def query(self, text: str, accept: str = JSON_RESULTS) -> Answer:
        return self.get("/sparql?" + urlencode({"query": text}), headers={"Accept": accept})


def store_fingerprint(store_path: Path) -> str:
    """A sha256 over every quad of the store, sorted, with blank node labels left out (a build draws them anew):
    equal fingerprints mean stores with the same statements."""
    store = pyoxigraph.Store.read_only(str(store_path))
    digest = hashlib.sha256()
    for line in sorted(re.sub(r"_:[A-Za-z0-9]+", "_:", str(quad)) for quad in store):
        digest.update(line.encode() + b"\n")
    del store
    return digest.hexdigest()


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds used so far by the processes (those still alive)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            continue
    return total / ticks


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen

    def pids(self) -> list[int]:
        return process_tree(self.process.pid)

    def web_workers(self) -> list[int]:
        """The gunicorn worker processes (children of the master that are not query workers)."""
        tree = self.pids()
        return [pid for pid in tree if parent_of(pid) == self.process.pid]


def parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


@contextmanager
def gunicorn(out: Path, workers: int = 1, threads: int = 8, **settings):
    """gunicorn serving ``out`` on 127.0.0.1, configured by ASCENSO_KG_* variables; stopped on exit."""
    port = free_port()
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(out)}
    env.update({f"ASCENSO_KG_{name}": str(value) for name, value in settings.items()})
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", WORKER_CLASS, "--threads", str(threads),
               "-b", f"127.0.0.1:{port}", "--graceful-timeout", "5", "--no-control-socket",
               "ascenso_kg.server.app:create_app()"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/dumps?format=json", process)
        yield LiveServer(url, process)
    finally:
        stop(process)


@pytest.fixture
def fresh_out(tmp_path, built) -> Path:
    """A copy of the real build output, for a test that breaks or rebuilds it."""
    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    return out


@pytest.fixture(scope="session")
def make_app(make_app):
    """The shared ``make_app`` with the reliability tests' shorter limits (a query stops after 2 s)."""
    return lambda out, **overrides: make_app(out, **{**SETTINGS, **overrides})


@pytest.fixture(scope="session")
def rel_app(make_app, built):
    return make_app(built)


@pytest.fixture(scope="session")
def rel_client(rel_app):
    return rel_app.test_client()
