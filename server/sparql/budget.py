"""Per-client budgets for the SPARQL endpoint: how many queries a client may run at once, and how much query time it
may spend in a window.

A client is its remote address, or, behind a reverse proxy listed in ``TRUSTED_PROXIES``, the address that proxy puts in
``X-Forwarded-For`` (no other forwarding header is believed). Each client has

- a **concurrency** limit: at most ``BUDGET_CONCURRENT`` of its queries run at once;
- a **time** budget, a bucket of ``BUDGET_SECONDS`` seconds of query time that refills at ``BUDGET_SECONDS`` per
  ``BUDGET_WINDOW`` seconds. Each query's wall time is taken from the bucket when it ends; a query that ran into the
  time limit costs the whole limit. A client whose bucket is empty waits until it holds a second again.

Over either limit the answer is 429 with ``Retry-After``, before any worker is taken: a client that sends runaway
queries in a loop spends its budget on the first ones, and the workers stay free for everyone else. Budgets are kept
per web process (each gunicorn worker has its own), in memory, and forgotten for clients idle for a full window.
"""

from __future__ import annotations

import math
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

from flask import Flask, Request, current_app

from .query_results import QueryFailed

_EXTENSION = "ascenso_kg.budget"
MIN_BALANCE = 1.0  # seconds of budget a client needs before its next query is accepted


class OverBudget(QueryFailed):
    """The client is over its concurrency or time budget; ``retry_after`` is in whole seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(429, message)
        self.retry_after = retry_after


@dataclass
class _Account:
    balance: float  # seconds of query time left
    updated: float  # monotonic time the balance was last refilled
    running: int = 0


class ClientBudgets:
    def __init__(self, concurrent: int, seconds: float, window: float, clock: Callable[[], float] = time.monotonic):
        if concurrent < 1 or seconds <= 0 or window <= 0:
            raise ValueError("BUDGET_CONCURRENT must be at least 1, BUDGET_SECONDS and BUDGET_WINDOW above 0")
        self.concurrent = concurrent
        self.seconds = float(seconds)
        self.window = float(window)
        self.clock = clock
        self._lock = threading.Lock()
        self._accounts: dict[str, _Account] = {}

    @property
    def rate(self) -> float:
        """Seconds of budget regained per second."""
        return self.seconds / self.window

    @contextmanager
    def spend(self, client: str, at_most: float | None = None) -> Iterator[None]:
        """Run the body as one query of ``client`` and charge its wall time, but never more than ``at_most`` (the time
        limit: stopping a runaway query and a busy machine add time the client did not use), or raise OverBudget
        without running it."""
        self._admit(client)
        started = self.clock()
        try:
            yield
        finally:
            spent = self.clock() - started
            self._release(client, spent if at_most is None else min(spent, at_most))

    def _refilled(self, client: str, now: float) -> _Account:
        account = self._accounts.get(client)
        if account is None:
            self._forget_idle(now)
            account = self._accounts[client] = _Account(self.seconds, now)
        account.balance = min(self.seconds, account.balance + (now - account.updated) * self.rate)
        account.updated = now
        return account

    def _admit(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            account = self._refilled(client, now)
            if account.running >= self.concurrent:
                raise OverBudget(f"Too many queries at once from your address: at most {self.concurrent} may run "
                                 "at the same time. Wait for one to finish.", retry_after=1)
            needed = min(MIN_BALANCE, self.seconds)
            if account.balance < needed:
                wait = math.ceil((needed - account.balance) / self.rate)
                raise OverBudget(f"Your address has used its query time ({self.seconds:g} s every "
                                 f"{self.window:g} s). Retry in {wait} s, or download a dump and query it "
                                 "locally.", retry_after=max(1, wait))
            account.running += 1

    def _release(self, client: str, seconds: float) -> None:
        with self._lock:
            account = self._refilled(client, self.clock())
            account.running -= 1
            account.balance -= max(0.0, seconds)

    def _forget_idle(self, now: float) -> None:
        idle = [client for client, account in self._accounts.items()
                if account.running == 0 and now - account.updated >= self.window]
        for client in idle:
            del self._accounts[client]

    def balance(self, client: str) -> float:
        with self._lock:
            return self._refilled(client, self.clock()).balance


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = ClientBudgets(app.config["BUDGET_CONCURRENT"], app.config["BUDGET_SECONDS"],
                                               app.config["BUDGET_WINDOW"])


def client_address(request: Request) -> str:
    return client_of(request.environ, current_app.config.get("TRUSTED_PROXIES") or ())


def client_of(environ: dict, trusted) -> str:
    """Who a budget is for: the peer address, or, when the peer is a configured trusted proxy, the nearest address
    in X-Forwarded-For that is not itself a trusted proxy (the ones before it could be written by the client)."""
    address = environ.get("REMOTE_ADDR") or "unknown"
    if address not in trusted:
        return address
    forwarded = [part.strip() for part in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]  # headers joined
    for hop in reversed([part for part in forwarded if part]):
        if hop not in trusted:
            return hop
    return address


def get_budgets() -> ClientBudgets:
    return get_budgets_of(current_app)


def get_budgets_of(app: Flask) -> ClientBudgets:
    return app.extensions[_EXTENSION]
