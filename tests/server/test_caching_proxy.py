"""A caching proxy in front (Debian's nginx with ``deploy/nginx.conf``, as ``ascenso-kg serve`` runs it) answers
repeated GET requests without reaching the app: every request that reaches gunicorn is in its access log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from ascenso_kg.commands.front import Front
from ascenso_kg.server.gunicorn_worker import WORKER_CLASS
from tests.checkout import nginx
from tests.server.live_servers import free_port, stop, wait_until_serving

@pytest.fixture(autouse=True, scope="module")
def needs_nginx():
    nginx()


QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def proxied(built, tmp_path_factory):
    """(the proxy's URL, the app's access log): gunicorn on one port, nginx in front on another."""
    log = tmp_path_factory.mktemp("proxy") / "access.log"
    upstream, port = free_port(), free_port()
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(built), "ASCENSO_KG_QUERY_WORKERS": "1",
           "ASCENSO_KG_TRUSTED_PROXIES": '["127.0.0.1"]'}
    app = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "1", "-k", WORKER_CLASS, "--threads", "4",
                            "-b", f"127.0.0.1:{upstream}", "--access-logfile", str(log),
                            "ascenso_kg.server.app:create_app()"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    front = None
    try:
        wait_until_serving(f"http://127.0.0.1:{upstream}/void", app)
        front = Front(f"127.0.0.1:{port}", f"127.0.0.1:{upstream}", read_timeout=10)
        wait_until_serving(f"http://127.0.0.1:{port}/void", front.process)
        yield f"http://127.0.0.1:{port}", log
    finally:
        if front is not None:
            front.stop()
        stop(app)


def app_requests(log, path: str) -> int:
    """How many requests for ``path`` (with its query string) reached the app, once its log has settled."""
    time.sleep(0.3)
    return sum(1 for line in log.read_text().splitlines() if f" {path} HTTP/" in line)


def fetch(url: str, method: str = "GET", data: bytes | None = None, accept: str = "text/html"):
    request = urllib.request.Request(url, data=data, method=method, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


def test_a_repeated_query_is_answered_by_the_proxy(proxied):
    base, log = proxied
    path = "/sparql?" + urllib.parse.urlencode({"query": QUERY})
    answers = [fetch(base + path, accept="application/sparql-results+json") for _ in range(5)]
    assert {status for status, _, _ in answers} == {200}
    assert len({body for _, _, body in answers}) == 1
    assert [headers["X-Cache-Status"] for _, headers, _ in answers][1:] == ["HIT"] * 4
    assert app_requests(log, path) == 1


def test_each_format_is_kept_apart(proxied):
    base, log = proxied
    path = "/sparql?" + urllib.parse.urlencode({"query": QUERY + " # by format"})
    for _ in range(3):
        assert b'"n"' in fetch(base + path, accept="application/sparql-results+json")[2]
        assert fetch(base + path, accept="text/csv")[2].startswith(b"n\r\n")
    assert app_requests(log, path) == 2


def test_a_repeated_page_view_is_answered_by_the_proxy(proxied):
    base, log = proxied
    for _ in range(4):
        status, headers, body = fetch(base + "/ontology")
        assert status == 200 and b"<html" in body.lower()
    assert app_requests(log, "/ontology") == 1


def test_posts_always_reach_the_app(proxied):
    base, log = proxied
    body = urllib.parse.urlencode({"query": QUERY}).encode()
    for _ in range(3):
        status, headers, _ = fetch(base + "/sparql", "POST", body, accept="application/sparql-results+json")
        assert status == 200 and headers["X-Cache-Status"] in (None, "", "BYPASS", "MISS")
    assert app_requests(log, "/sparql") == 3
