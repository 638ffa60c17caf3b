"""The package as users install it: a wheel built with ``python -m build``, installed with pip into a fresh virtual
environment, runs build, validate, serve and bench from an empty folder with nothing of the checkout.

The venv reads the dependencies from the base Python's site-packages (``--system-site-packages``) when they are
installed there, so pip downloads nothing it already has; the package itself comes only from the wheel. The
commands run with a PATH of the system's folders only (neither the checkout's venv nor the new one, which is not
activated) and from a folder outside the checkout, so any file read from the clone instead of the package fails the
test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.checkout import ARTICLES_DIR, ROOT

# The checkout as a source tree, without what a build leaves behind or what is not the project's.
LEFT_BEHIND = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "node_modules")
NOT_SOURCES_AT_THE_TOP = {".git", ".venv", "build", "dist"}
# The package's rooms and the folders they are built from (setup.py's ROOMS, for the rooms holding code).
CODE_ROOMS = {"ascenso_kg": "ascenso_kg", "ascenso_kg/mappings": "mappings", "ascenso_kg/server": "server"}


def not_sources(folder: str, names: list[str]) -> set[str]:
    ignored = set(LEFT_BEHIND(folder, names))
    if Path(folder) == ROOT:
        ignored |= NOT_SOURCES_AT_THE_TOP & set(names)
    elif Path(folder) == ROOT / "data":
        ignored |= {"build"} & set(names)
    return ignored


def run(command: list[str], cwd: Path, env: dict, timeout: float = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the wheel installed, its environment, and a working folder holding only data/articles."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(ROOT, source, ignore=not_sources)
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(root / "dist"), str(source)], root, dict(os.environ))
    wheel = next((root / "dist").glob("ascenso_kg-*.whl"))
    venv = root / "venv"
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    run([str(base_python), "-m", "venv", "--system-site-packages", str(venv)], root, dict(os.environ))
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "PYTHON"))}
    # The venv is not activated: its bin/ is not on PATH, as when a user runs venv/bin/ascenso-kg; the bench must
    # find the oxigraph CLI beside the interpreter all the same.
    env["PATH"] = os.pathsep.join(["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    # The wheel itself always goes into the venv, even where the base Python has an ascenso-kg of its own (an
    # editable install of a clone); then its dependencies, which pip finds installed or downloads.
    run(pip + ["--no-deps", "--force-reinstall", str(wheel)], root, env)
    run(pip + [f"{wheel}[bench]"], root, env)
    work = root / "work"
    work.mkdir()
    shutil.copytree(ARTICLES_DIR, work / "data" / "articles")  # the working folder's documented layout
    return venv / "bin" / "ascenso-kg", env, work


def test_the_wheel_holds_the_package_data(installed):
    command, env, work = installed
    python = command.parent / "python"
    where = run([str(python), "-c", "import ascenso_kg, ascenso_kg.resources as r; print(ascenso_kg.__file__); "
                 "print(r.ONTOLOGY_FILE, r.SHAPES_DIR, r.MAPPING_TABLES_DIR, r.QUERIES_DIR, r.NGINX_CONFIG)"], work, env)
    package, *resources = where.stdout.split()
    assert "site-packages" in package and not package.startswith(str(ROOT)), package
    for resource in resources:
        assert "site-packages" in resource and Path(resource).exists(), resource
    installed_package = Path(package).parent
    for room, folder in CODE_ROOMS.items():  # every module of the checkout, none forgotten by the discovery
        for module in (ROOT / folder).rglob("*.py"):
            relative = module.relative_to(ROOT / folder)
            if "__pycache__" not in relative.parts:
                assert (installed_package.parent / room / relative).is_file(), f"{folder}/{relative} is not installed"


def test_build_validate_serve_and_bench_run_from_an_empty_folder(installed):
    command, env, work = installed
    built = run([str(command), "build", "--articles", "data/articles", "--out", "data/build"], work, env)
    assert "articles  4" in built.stdout
    release = (work / "data" / "build" / "current").resolve()
    assert sorted(path.name for path in (release / "sources").iterdir()) == sorted(
        path.name for path in ARTICLES_DIR.glob("*.txt"))

    validated = subprocess.run([str(command), "validate"], cwd=work, env=env, capture_output=True, text=True,
                               timeout=600)  # the current folder's data/build
    assert validated.returncode in (0, 1), validated.stderr  # 1: the graph has warnings worth reading, not a failure
    assert (work / "data" / "build" / "validation" / "validation-report.ttl").is_file()

    _serve_answers_a_query(command, env, work)

    run([str(command), "bench", "--quick", "--budget", "10"], work, env, timeout=1200)
    results = json.loads((work / "bench" / "results" / "latest.json").read_text())
    assert results["endpoint_vs_oxigraph"] > 0


def _serve_answers_a_query(command: Path, env: dict, work: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([str(command), "serve", "--out", "data/build", "--port", str(port), "--workers", "1"],
                              cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/ascenso-kg/ontology#Club> }"})
        request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql?{query}",
                                         headers={"Accept": "application/sparql-results+json"})
        answer = _first_answer(request, server)
        assert int(answer["results"]["bindings"][0]["n"]["value"]) > 10
        source = _first_answer(urllib.request.Request(f"http://127.0.0.1:{port}/source/2012-13-ascenso-mx-season",
                                                      headers={"Accept": "text/html"}), server, as_json=False)
        assert "Ascenso MX" in source
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _first_answer(request: urllib.request.Request, server: subprocess.Popen, as_json: bool = True):
    deadline = time.monotonic() + 60
    while True:
        if server.poll() is not None:
            pytest.fail(f"ascenso-kg serve exited {server.returncode}: {server.stderr.read().decode()[-3000:]}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = response.read().decode()
                return json.loads(body) if as_json else body
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
