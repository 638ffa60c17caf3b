"""A polite SPARQL client for the Wikidata Query Service (or any SPARQL 1.1 endpoint standing in for it).

What the Wikidata Query Service asks of tools (https://www.mediawiki.org/wiki/Wikidata_Query_Service/User_Manual and
the Wikimedia User-Agent policy): a User-Agent that names the tool and how to reach its authors, few requests at a
time, and backing off when told to. So every request carries ``user_agent``, requests are spaced at least
``min_interval`` seconds apart, and an answer of 429 or 5xx (or a dropped connection) is retried up to ``retries``
times, waiting what ``Retry-After`` says or, without one, an exponential backoff.

The clock and the sleep are injectable so that tests can check the waits without waiting.
"""

from __future__ import annotations

import email.utils
import json
import platform
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Callable

from ascenso_kg import __version__

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
PROJECT_URL = "https://w3id.org/ascenso-kg/"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_WAIT = 300.0  # seconds; a Retry-After beyond this is not worth waiting for in one run

Binding = dict[str, dict[str, str]]  # SPARQL JSON: variable -> {"type", "value", ...}


class EndpointError(RuntimeError):
    """The endpoint refused the query, kept failing after every retry, or answered something that is not SPARQL JSON."""


def user_agent(contact: str | None = None) -> str:
    """'ascenso-kg/0.1.0 (https://w3id.org/ascenso-kg/; Wikidata linking) Python/3.11.9' per the User-Agent policy."""
    reach = f"{PROJECT_URL}; {contact}" if contact else PROJECT_URL
    return f"ascenso-kg/{__version__} ({reach}; Wikidata linking) Python/{platform.python_version()}"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """The wait a Retry-After header asks for: delay-seconds ('120') or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class SparqlClient:
    endpoint: str = DEFAULT_ENDPOINT
    user_agent: str = field(default_factory=user_agent)
    min_interval: float = 1.0  # seconds between the starts of two requests
    retries: int = 5
    backoff: float = 2.0  # seconds before the first retry without Retry-After; doubled each time
    timeout: float = 65.0  # the Query Service stops queries at 60 s; give its answer time to arrive
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests_sent: int = 0
    _last_start: float | None = field(default=None, repr=False)

    def select(self, query: str) -> list[Binding]:
        """The bindings of a SELECT query."""
        document = self._send(query)
        try:
            return list(document["results"]["bindings"])
        except (KeyError, TypeError):
            raise EndpointError(f"{self.endpoint} answered without SELECT results") from None

    def _send(self, query: str) -> dict:
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        request = urllib.request.Request(self.endpoint, data=body, method="POST", headers={
            "User-Agent": self.user_agent,
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        })
        for attempt in range(self.retries + 1):
            self._pace()
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    payload = response.read()
            except urllib.error.HTTPError as error:
                detail = error.read(500).decode("utf-8", "replace").strip()
                if error.code not in RETRY_STATUSES or attempt == self.retries:
                    raise EndpointError(f"{self.endpoint} answered {error.code}: {detail or error.reason}") from None
                self._wait(attempt, retry_after_seconds(error.headers.get("Retry-After")))
                continue
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                if attempt == self.retries:
                    reason = getattr(error, "reason", error)
                    raise EndpointError(f"{self.endpoint} could not be reached: {reason}") from None
                self._wait(attempt, None)
                continue
            try:
                return json.loads(payload)
            except ValueError:
                raise EndpointError(f"{self.endpoint} did not answer in SPARQL JSON") from None
        raise AssertionError("unreachable: the loop returns or raises")

    def _pace(self) -> None:
        """Keep ``min_interval`` between the starts of two requests."""
        now = self.clock()
        if self._last_start is not None:
            remaining = self.min_interval - (now - self._last_start)
            if remaining > 0:
                self.sleep(remaining)
                now = self.clock()
        self._last_start = now
        self.requests_sent += 1

    def _wait(self, attempt: int, retry_after: float | None) -> None:
        wait = retry_after if retry_after is not None else self.backoff * 2 ** attempt
        if wait > MAX_WAIT:
            raise EndpointError(f"{self.endpoint} asks to wait {wait:.0f} s before retrying; try again later")
        self.sleep(wait)
