"""Servers on 127.0.0.1 for the linking tests: the Oxigraph stand-in for Wikidata, and a scripted endpoint whose
answers a test decides one by one (429 with Retry-After, 503, then success...)."""

from __future__ import annotations

import http.server
import json
import subprocess
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.server.live_servers import free_port, stop, wait_until_serving  # noqa: F401  (stop is used by the conftest)


def load_oxigraph_store(turtle: Path, location: Path) -> None:
    subprocess.run(["oxigraph", "load", "--location", str(location), "--file", str(turtle)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def serve_oxigraph(location: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve-read-only`` on a free loopback port; (process, SPARQL query URL)."""
    port = free_port()
    process = subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    wait_until_serving(url + "?query=ASK%7B%7D", process)
    return process, url


# A scripted endpoint ----------------------------------------------------------------------------------------------
EMPTY_RESULTS = json.dumps({"head": {"vars": ["item"]}, "results": {"bindings": []}})


@dataclass
class Answer:
    status: int = 200
    body: str = EMPTY_RESULTS
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Received:
    method: str
    headers: dict[str, str]
    query: str


class ScriptedEndpoint:
    """Answers each request with the next scripted answer (the last one repeats); records what it received."""

    def __init__(self, answers: list[Answer]):
        self.answers = list(answers)
        self.received: list[Received] = []
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
                endpoint.received.append(Received("POST", dict(self.headers), form.get("query", [""])[0]))
                answer = endpoint.answers.pop(0) if len(endpoint.answers) > 1 else endpoint.answers[0]
                body = answer.body.encode("utf-8")
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        # A short poll interval: shutdown() waits for the next poll, and a test waits for shutdown().
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> "ScriptedEndpoint":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
