#!/usr/bin/env python
"""Soak test: gunicorn serving a release on loopback, hit for a while by concurrent clients mixing SPARQL queries,
entity pages, search and dump downloads.

    python scripts/soak.py                      # 10 minutes, 8 clients, 1-minute windows (the full run)
    python scripts/soak.py --duration 30 --window 10 --report soak.json

It builds the four articles into a temporary folder (or serves ``--out DIR``), starts gunicorn on 127.0.0.1, warms it
up, then runs the clients for ``--duration`` seconds. It passes when there was no unexpected answer (anything but 200
from a request that should succeed, or a connection error), the p99 latency of the last window is at most
``--p99-ratio`` (1.2) times that of the first, and the memory of the whole server (gunicorn master, its workers and
their query processes) grew by at most ``--memory-growth`` (10 %) from the end of the warm-up. It prints a summary,
optionally writes it as JSON, and exits 1 when a check fails. Traffic goes to loopback only, and the number of requests
is bounded as well as the time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from ascenso_kg.loopback import free_port, stop, wait_until_serving
from ascenso_kg.server.gunicorn_worker import WORKER_CLASS

PREFIXES = ("PREFIX akg: <https://w3id.org/ascenso-kg/ontology#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n")
QUERIES = [
    "SELECT ?club ?name WHERE { ?club a akg:Club ; rdfs:label ?name } ORDER BY ?name LIMIT 50",
    "SELECT ?tie ?label WHERE { ?tie akg:decidedBy akg:DecidedOnAwayGoals ; rdfs:label ?label }",
    "SELECT ?first ?last WHERE { <https://w3id.org/ascenso-kg/resource/match/2013-05-11-necaxa-neza> "
    "prov:wasDerivedFrom ?span . ?span akg:firstLine ?first ; akg:lastLine ?last }",
    "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
    "ASK { ?s a akg:Match }",
]
PAGES = ["/resource/club/necaxa", "/resource/match/2013-05-11-necaxa-neza", "/resource/club/leon",
         "/source/2012-13-ascenso-mx-season", "/resource/tournament/clausura-2013/liguilla", "/", "/void",
         "/dumps"]
SEARCHES = ["/search?q=necaxa", "/search?q=leon&type=club", "/search/suggest?q=ne", "/search?q=lojero",
            "/reconcile?" + urlencode({"queries": json.dumps({"q0": {"query": "Necaxa", "type": "Club"}})})]
DUMPS = ["/dumps/ascenso-kg.ttl.gz", "/dumps/articles/2012-13-ascenso-mx-season.nq.gz", "/dumps/ontology.ttl"]
MIX = ([("query", q) for q in QUERIES] * 3 + [("page", p) for p in PAGES] * 2 + [("search", s) for s in SEARCHES] * 2
       + [("dump", d) for d in DUMPS])


def request_for(kind: str, target: str) -> tuple[str, dict]:
    if kind == "query":
        return "/sparql?" + urlencode({"query": PREFIXES + target}), {"Accept": "application/sparql-results+json"}
    if kind == "page":
        return target, {"Accept": "text/html"}
    return target, {}


@dataclass
class Sample:
    at: float  # seconds since the start of the measured run
    kind: str
    seconds: float


@dataclass
class Report:
    duration: float
    clients: int
    window: float
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    first_p99: float = 0.0
    last_p99: float = 0.0
    confirmation_p99: float | None = None  # measured only when the last window was too slow
    window_p99s: list[float] = field(default_factory=list)  # every window's p99, in order
    window_kind_p99s: list[dict[str, float]] = field(default_factory=list)  # … by kind of request
    p99_ratio: float = 0.0
    memory_start: int = 0
    memory_end: int = 0
    memory_growth: float = 0.0
    checks: dict[str, bool] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(self.checks.values())

    def render(self) -> str:
        return "\n".join([
            f"soak: {self.duration:g} s, {self.clients} clients, windows of {self.window:g} s",
            f"requests      {self.requests} ({', '.join(f'{k} {n}' for k, n in sorted(self.by_kind.items()))})",
            f"errors        {len(self.errors)}" + "".join(f"\n  {e}" for e in self.errors[:10]),
            f"p99 latency   first window {self.first_p99 * 1000:.1f} ms, last window {self.last_p99 * 1000:.1f} ms "
            f"(ratio {self.p99_ratio:.2f})" + ("" if self.confirmation_p99 is None else
                                               f"; confirmation window {self.confirmation_p99 * 1000:.1f} ms"),
            "p99 by window " + " ".join(f"{value * 1000:.1f}" for value in self.window_p99s) + " ms",
            f"memory        {self.memory_start / 2**20:.1f} MiB -> {self.memory_end / 2**20:.1f} MiB "
            f"({self.memory_growth:+.1%})",
            "checks        " + ", ".join(f"{name}: {'pass' if ok else 'FAIL'}" for name, ok in self.checks.items()),
        ])


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[-1] if len(values) >= 2 else (values[0] if values else 0.0)


def process_tree_rss(root: int) -> int:
    """Resident memory of ``root`` and all its descendants (from /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def fetch(port: int, path: str, headers: dict, timeout: float = 30.0,
          connection: http.client.HTTPConnection | None = None) -> tuple[int, int]:
    """GET ``path``; on ``connection`` (kept alive, as a busy client does) or on a connection of its own."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, len(response.read())
    except (OSError, http.client.HTTPException):
        connection.close()  # the next request opens a new one
        raise
    finally:
        if own:
            connection.close()


def start_server(out: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "ASCENSO_KG_OUT_DIR": str(out), "ASCENSO_KG_QUERY_WORKERS": "2",
           "ASCENSO_KG_QUERY_TIMEOUT": "10", "ASCENSO_KG_BUDGET_SECONDS": "10000"}
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", WORKER_CLASS, "--threads", "4",
               "-b", f"127.0.0.1:{port}", "--no-control-socket", "ascenso_kg.server.app:create_app()"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/dumps?format=json", process, seconds=30, name="gunicorn")
    except RuntimeError:
        stop(process)
        raise
    return process


def run(out: Path, duration: float = 600, clients: int = 8, window: float = 60, workers: int = 2,
        p99_limit: float = 1.2, memory_limit: float = 0.10, think: float = 0.05, seed: int = 1) -> Report:
    port = free_port()
    server = start_server(out, port, workers)
    report = Report(duration, clients, window)
    samples: list[Sample] = []
    lock = threading.Lock()
    try:
        for kind, target in MIX * 3:  # warm-up: every worker opens its indexes and caches
            fetch(port, *request_for(kind, target))
        report.memory_start = process_tree_rss(server.pid)
        start = time.monotonic()
        deadline = start + duration
        max_requests = int((duration + window) * 2000)  # a bound on the count as well as on the time

        def client(n: int) -> None:
            rng = random.Random(seed * 100 + n)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.monotonic() < deadline:
                with lock:
                    if report.requests >= max_requests:
                        return
                    report.requests += 1
                kind, target = rng.choice(MIX)
                path, headers = request_for(kind, target)
                sent = time.monotonic()
                try:
                    status, _ = fetch(port, path, headers, connection=connection)
                except (OSError, http.client.HTTPException) as error:
                    status, detail = None, repr(error)
                took = time.monotonic() - sent
                with lock:
                    report.by_kind[kind] = report.by_kind.get(kind, 0) + 1
                    if status != 200:
                        report.errors.append(f"{path[:80]}: {status or detail}")
                    samples.append(Sample(sent - start, kind, took))
                time.sleep(rng.uniform(0, 2 * think))  # a person or a script between two requests

        def load_until(end: float) -> None:
            nonlocal deadline
            deadline = end
            threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=end - time.monotonic() + 60)

        load_until(deadline)
        report.memory_end = process_tree_rss(server.pid)
        first = [s.seconds for s in samples if s.at < window]
        report.first_p99 = p99(first)
        report.last_p99 = p99([s.seconds for s in samples if duration - window <= s.at < duration])
        if report.last_p99 > p99_limit * report.first_p99:
            # A slowdown that lasts is a degradation; a spike from another process on the machine is not. Run one
            # more window and judge the end of the run by the better of the two.
            load_until(start + duration + window)
            confirmation = p99([s.seconds for s in samples if s.at >= duration])
            report.confirmation_p99 = confirmation
            report.last_p99 = min(report.last_p99, confirmation)
    finally:
        stop(server, seconds=10)
    for begin in range(0, int(duration), max(1, int(window))):
        in_window = [s for s in samples if begin <= s.at < begin + window]
        report.window_p99s.append(round(p99([s.seconds for s in in_window]), 4))
        report.window_kind_p99s.append({kind: round(p99([s.seconds for s in in_window if s.kind == kind]), 4)
                                        for kind in sorted({s.kind for s in in_window})})
    report.p99_ratio = report.last_p99 / report.first_p99 if report.first_p99 else float("inf")
    report.memory_growth = report.memory_end / report.memory_start - 1 if report.memory_start else float("inf")
    report.checks = {
        "no unexpected errors": not report.errors,
        f"last p99 <= {p99_limit:g} x first p99": report.p99_ratio <= p99_limit,
        f"memory growth <= {memory_limit:.0%}": report.memory_growth <= memory_limit,
    }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="a build output folder (OUT/current); default: build one now")
    parser.add_argument("--duration", type=float, default=600.0, help="seconds of load (default 600)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--window", type=float, default=60.0, help="seconds of the first and last windows")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--think", type=float, default=0.05, help="mean seconds a client waits between requests")
    parser.add_argument("--p99-ratio", type=float, default=1.2)
    parser.add_argument("--memory-growth", type=float, default=0.10)
    parser.add_argument("--report", type=Path, help="also write the summary as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ascenso-kg-soak-") as scratch:
        out = args.out
        if out is None:
            from ascenso_kg.build import build_release

            out = Path(scratch) / "out"
            build_release(out_dir=out, progress=lambda message: None)
        report = run(out, args.duration, args.clients, args.window, args.workers, args.p99_ratio, args.memory_growth,
                     args.think)
    print(report.render())
    if args.report:
        args.report.write_text(json.dumps({**asdict(report), "passed": report.passed}, indent=2) + "\n")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
