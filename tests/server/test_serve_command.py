"""``ascenso-kg serve``: its options, and an end-to-end run that builds a missing release and serves it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode

import psutil
from tests.server.live_servers import free_port, stop, wait_until_serving

from ascenso_kg.cli import make_parser
from ascenso_kg.commands import serve
from ascenso_kg.workspace import DEFAULT_OUT_DIR


def test_defaults_serve_the_default_build_on_loopback_port_8000():
    args = make_parser().parse_args(["serve"])
    assert (args.host, args.port, args.out, args.dev) == ("127.0.0.1", 8000, DEFAULT_OUT_DIR, False)
    args = make_parser().parse_args(["serve", "--host", "127.0.0.2", "--port", "9000", "--out", "/srv/kg",
                                     "--query-timeout", "4.5", "--workers", "3"])
    assert (args.host, args.port, str(args.out), args.query_timeout, args.workers) == (
        "127.0.0.2", 9000, "/srv/kg", 4.5, 3)


def test_an_existing_release_is_not_rebuilt(built, monkeypatch):
    def no_build(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(serve.subprocess, "run", no_build)
    serve.ensure_release(built)


def test_serve_builds_a_missing_release_then_answers(tmp_path):
    out = tmp_path / "out"
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "ascenso_kg.cli", "serve", "--out", str(out),
                                "--port", str(port), "--workers", "1", "--query-timeout", "5"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/dumps?format=json", process, seconds=60)
        query = "SELECT (COUNT(DISTINCT ?club) AS ?n) WHERE { ?club a <https://w3id.org/ascenso-kg/ontology#Club> }"
        request = urllib.request.Request(url + "/sparql?" + urlencode({"query": query}),
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            count = int(json.load(response)["results"]["bindings"][0]["n"]["value"])
    finally:
        stop(process)
    assert count > 20
    assert (out / "current" / "manifest.json").is_file()
    # Its web processes end with it: none is left waiting on a lock inherited from the build (they were, when the
    # build ran in the process gunicorn forks its workers from).
    deadline = time.monotonic() + 10
    while (left := _processes_serving(out)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert left == []
    shutil.rmtree(out)


def _processes_serving(out) -> list[int]:
    found = []
    for process in psutil.process_iter(["pid", "cmdline"]):
        if str(out) in " ".join(process.info["cmdline"] or ()):
            found.append(process.info["pid"])
    return found
