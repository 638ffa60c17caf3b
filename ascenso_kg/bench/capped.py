"""A peer too slow for the load runs (rdflib-endpoint): one client sends the mix once, each query capped, and the
time the peer provably spent on the mix bounds its throughput.

rdflib-endpoint evaluates a query inside its event loop, so a query the client gives up on keeps the whole server
busy until it ends: the next query would wait behind it and look slow itself. Each query is therefore sent only once
the server answers ``ASK {}`` again (waiting at most ``drain`` seconds; past that the rest of the mix is not sent).

Every query answered counts its latency; every query capped counts the time the server stayed busy on it (at least
the cap). Over the queries sent, the sum is at most the time the peer needs for them, so the ratio of our time on
the same queries to it bounds the ratio of throughputs from below (and is that ratio when every query was answered).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .endpoint_mix import ACCEPT, canonical_answer, query_form
from .load import Client, sparql_request
from .measure import percentile

TRIVIAL = "ASK {}"


@dataclass
class CappedRun:
    queries: int  # in the mix
    times: dict[str, float] = field(default_factory=dict)  # query sent -> seconds the server provably spent on it
    answered: list[str] = field(default_factory=list)
    answers: dict[str, object] = field(default_factory=dict)  # name -> canonical answer, or why there is none
    capped: list[str] = field(default_factory=list)
    not_sent: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def latencies(self) -> list[float]:
        return [self.times[name] for name in self.answered]

    @property
    def seconds(self) -> float:
        return sum(self.times.values())

    @property
    def complete(self) -> bool:
        return not self.capped and not self.not_sent and not self.errors

    def summary(self) -> dict:
        """The load runs' figures (``load.LoadResult.summary``) and the bound's."""
        ms = [seconds * 1000 for seconds in self.latencies]
        return {
            "clients": 1, "requests": len(self.latencies), "errors": len(self.errors) + len(self.capped),
            "seconds": self.seconds,
            "per_second": len(self.latencies) / self.seconds if self.seconds else None,
            "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99),
            "first_errors": self.errors[:3],
            "queries": self.queries, "capped": self.capped, "not_sent": self.not_sent,
            "at_most_per_second": self.queries / self.seconds if self.seconds else None,
            "bound": None if self.complete else "upper",
        }


def wait_until_free(client: Client, sparql: str, seconds: float) -> float | None:
    """Seconds until the server answers a trivial query, or None if it is still busy after ``seconds``."""
    client.timeout = seconds
    started = time.perf_counter()
    try:
        client.send(sparql_request("free?", sparql, TRIVIAL, ACCEPT["ASK"]))
    except TimeoutError:
        return None
    finally:
        client.close()
    return time.perf_counter() - started


def run_capped(server, mix: list[tuple[str, str]], cap: float, drain: float, log) -> CappedRun:
    run = CappedRun(len(mix))
    client = Client(server.base, timeout=cap)
    for index, (name, text) in enumerate(mix):
        form = query_form(text)
        client.timeout = cap
        started = time.perf_counter()
        try:
            status, body = client.send(sparql_request(name, server.sparql, text, ACCEPT[form]))
        except TimeoutError:
            client.close()
            busy = wait_until_free(Client(server.base), server.sparql, drain)
            took = time.perf_counter() - started
            run.times[name] = took if busy is not None else cap + drain  # at least this long on this query
            run.capped.append(name)
            run.answers[name] = f"no answer within {cap:g} s"
            if busy is None:
                run.not_sent = [later for later, _ in mix[index + 1:]]
                run.answers |= {later: "not sent: the server was still busy" for later in run.not_sent}
                log(f"  {name}: no answer within {cap:g} s, still busy {drain:g} s later; "
                    f"{len(run.not_sent)} queries not sent")
                break
            log(f"  {name}: no answer within {cap:g} s; the server was free again after {took:.0f} s")
            continue
        took = time.perf_counter() - started
        run.times[name] = took
        if status == 200:
            run.answered.append(name)
            run.answers[name] = canonical_answer(form, body)
        else:
            run.errors.append(f"{name}: HTTP {status}")
            run.answers[name] = f"HTTP {status}"
    client.close()
    return run


def ratio_bound(ours: CappedRun, peer: CappedRun) -> float | None:
    """Our throughput over the peer's on the queries the peer was sent: the peer's time on them over ours. Exact
    when the peer answered them all, otherwise a lower bound; None unless we answered them all."""
    sent = list(peer.times)
    if not sent or any(name not in ours.answered for name in sent):
        return None
    ours_seconds = sum(ours.times[name] for name in sent)
    return peer.seconds / ours_seconds if ours_seconds else None


CLUBS = "SELECT (COUNT(?club) AS ?clubs) WHERE { ?club a <https://w3id.org/ascenso-kg/ontology#Club> }"


def count_clubs(server, timeout: float = 300.0) -> int:
    """How many clubs a server's data has: a cheap question that shows the data is loaded and the SPARQL endpoint
    path and media types work."""
    client = Client(server.base, timeout=timeout)
    try:
        status, body = client.send(sparql_request("clubs", server.sparql, CLUBS, ACCEPT["SELECT"]))
    finally:
        client.close()
    if status != 200:
        raise RuntimeError(f"{server.name} answered HTTP {status} to a count of clubs")
    [[(_, value, _, _)]] = canonical_answer("SELECT", body)
    return int(value)
