"""A closed-loop load generator: C clients, each on its own keep-alive connection, send a fixed list of requests in
turn (each client starting at a different place in the list) until they are done or a time budget runs out."""

from __future__ import annotations

import http.client
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from .measure import milliseconds, percentile


@dataclass(frozen=True)
class Request:
    name: str
    method: str  # GET or POST
    path: str  # path and query string
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()


def sparql_request(name: str, endpoint: str, query: str, accept: str) -> Request:
    """A SPARQL query POSTed as a form (the protocol's most portable form)."""
    path = urllib.parse.urlsplit(endpoint).path
    body = urllib.parse.urlencode({"query": query}).encode()
    return Request(name, "POST", path, body, (("Content-Type", "application/x-www-form-urlencoded"),
                                              ("Accept", accept)))


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    def summary(self) -> dict:
        return {
            "clients": self.clients, "requests": self.requests, "errors": len(self.errors),
            "seconds": self.seconds,
            "per_second": self.requests / self.seconds if self.seconds else None,
            "p50_ms": milliseconds(percentile(self.latencies, 50)), "p95_ms": milliseconds(percentile(self.latencies, 95)),
            "p99_ms": milliseconds(percentile(self.latencies, 99)),
            "first_errors": self.errors[:3],
        }


class Client:
    """One keep-alive HTTP/1.1 connection to a loopback server."""

    def __init__(self, base: str, timeout: float = 180.0):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self.connection: http.client.HTTPConnection | None = None

    def send(self, request: Request) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.request(request.method, request.path, body=request.body, headers=dict(request.headers))
                response = self.connection.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, body
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()  # a keep-alive connection the server closed: open a new one, once
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def run_load(base: str, requests: list[Request | tuple[Request, ...]], clients: int, rounds: int,
             budget: float, timeout: float = 180.0) -> LoadResult:
    """Each of ``clients`` sends the requests ``rounds`` times (from its own offset), stopping early after ``budget``
    seconds; returns every latency and error. A tuple of requests is sent one after the other and timed as one (the
    queries behind one page)."""
    result = LoadResult(clients, 0.0)
    lock = threading.Lock()
    deadline = time.perf_counter() + budget

    def work(index: int) -> None:
        client = Client(base, timeout)
        order = requests[index % len(requests):] + requests[:index % len(requests)]
        try:
            for _ in range(rounds):
                for request in order:
                    if time.perf_counter() > deadline:
                        return
                    started = time.perf_counter()
                    failed = None
                    for part in request if isinstance(request, tuple) else (request,):
                        try:
                            status, _ = client.send(part)
                        except OSError as error:  # a timeout too: the connection is dropped and reopened
                            client.close()
                            failed = f"{part.name}: {error}"
                            break
                        if status != 200:
                            failed = f"{part.name}: HTTP {status}"
                            break
                    took = time.perf_counter() - started
                    with lock:
                        if failed is None:
                            result.latencies.append(took)
                        else:
                            result.errors.append(failed)
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(index,)) for index in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
