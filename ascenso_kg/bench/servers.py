"""The servers the bench compares, started on loopback and stopped at the end: this server under gunicorn,
``oxigraph serve-read-only`` on the same store, rdflib-endpoint on the same data, and a static file server."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import gunicorn

from ..build.release import Release
from ..server.gunicorn_worker import WORKER_CLASS
from ..server.status import copies_loaded
from ..loopback import HOST, free_port, stop, wait_until_serving  # noqa: F401 (the bench parts import them from here)
from .build_sizes import installed_command, oxigraph_command


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    base: str  # http://127.0.0.1:port
    sparql: str  # the URL SPARQL queries go to
    started_seconds: float = 0.0



@contextlib.contextmanager
def started(name: str, command: list[str], ready: str, sparql: str, port: int, env: dict | None = None,
            seconds: float = 120.0, cwd: str | None = None):
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=cwd)
    base = f"http://{HOST}:{port}"
    try:
        took = wait_until_serving(base + ready, process, seconds)
        yield Server(name, process, base, base + sparql, took)
    finally:
        stop(process)


@contextlib.contextmanager
def this_server(out: Path, workers: int = 2, threads: int = 8, settings: dict | None = None,
                worker_class: str = WORKER_CLASS):
    """This project's app under gunicorn, as ``ascenso-kg serve`` runs it (``WORKER_CLASS``); ``settings`` adds
    environment settings (such as a remote store). Measured once its query processes answer from their memory
    copies of the store (``memory_copies_loaded``), as a server that has run a while does."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", worker_class, "--threads", str(threads),
               "-b", f"{HOST}:{port}", "--timeout", "180"]
    if gunicorn.version_info >= (27,):
        command.append("--no-control-socket")
    env = {"ASCENSO_KG_OUT_DIR": str(out), "ASCENSO_KG_QUERY_TIMEOUT": "120", "ASCENSO_KG_ROW_LIMIT": "1000000",
           "ASCENSO_KG_QUERY_QUEUE_WAIT": "120",
           # The bench's clients all come from 127.0.0.1 but stand for different users: the per-address budgets
           # (server/budget.py) would refuse them with 429 as one greedy client.
           "ASCENSO_KG_BUDGET_CONCURRENT": "1024", "ASCENSO_KG_BUDGET_SECONDS": "1e9", **(settings or {})}
    with started("ascenso-kg", command + ["ascenso_kg.server.app:create_app()"], "/dumps?format=json", "/sparql",
                 port, env) as server:
        memory_copies_loaded(server.base, workers)
        yield server


def memory_copies_loaded(base: str, web_processes: int, seconds: float = 900.0) -> None:
    """Wait until each of the ``web_processes`` reports (``/status``) that its query processes, and the web process
    itself where it loads one (ANCHORED_IN_MEMORY), answer from memory, or that it makes no copy (a release over
    QUERY_IN_MEMORY_MAX_QUADS, a remote store)."""
    ready: set[int] = set()
    deadline = time.monotonic() + seconds
    while len(ready) < web_processes:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the query processes did not load their memory copies within {seconds:g} s")
        with urllib.request.urlopen(base + "/status", timeout=60) as response:
            status = json.load(response)
        if copies_loaded(status):
            ready.add(status["pid"])
        time.sleep(0.5)


def oxigraph_server(store: Path):
    port = free_port()
    oxigraph = oxigraph_command()
    return started("oxigraph", [oxigraph, "serve-read-only", "--location", str(store), "--bind", f"{HOST}:{port}"],
                   "/query?query=ASK%7B%7D", "/query", port)


def union_ntriples(release: Path, work: Path) -> Path:
    """The release's default graph (the union, with the ontology) as a plain N-Triples file rdflib can read."""
    target = work / "union.nt"
    with gzip.open(Release(release).dump("ascenso-kg-with-ontology.nt.gz")) as source, target.open("wb") as sink:
        shutil.copyfileobj(source, sink)
    return target


def rdflib_endpoint(data: Path, seconds: float = 900.0):
    """rdflib-endpoint serving the union N-Triples in rdflib's own memory store."""
    executable = installed_command("rdflib-endpoint")
    if executable is None:
        raise RuntimeError("rdflib-endpoint is missing: pip install -e '.[bench]'")
    port = free_port()
    return started("rdflib-endpoint", [executable, "serve", str(data), "--host", HOST, "--port", str(port)],
                   "/?query=ASK%7B%7D", "/", port, seconds=seconds)


def static_server(folder: Path):
    """Python's static file server over the release folder (what a plain web server would send)."""
    port = free_port()
    return started("static", [sys.executable, "-m", "http.server", "--bind", HOST, "--directory", str(folder),
                              str(port)], "/manifest.json", "/", port)
