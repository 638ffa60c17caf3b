"""The process that runs queries on the embedded Oxigraph store.

pyoxigraph has no query timeout and cannot be interrupted from Python, so queries run in worker processes that each
open the store read-only; the pool (``pool.py``) kills a worker whose query outlives the time limit. This module is
what runs inside a worker (``python -m ascenso_kg.server.query_worker``); it imports nothing of Flask, so a worker
starts in about a tenth of a second.
"""

from __future__ import annotations

import argparse
import os
import re
import threading
import time
from itertools import islice
from multiprocessing.connection import Connection

import pyoxigraph

from .outcomes import Boolean, Graph, Outcome, QueryFailed, QueryJob, Rendered, Solutions
from .serializers import serialize

# Messages a worker sends back over its connection (plain tuples: exceptions with extra fields do not unpickle).
READY = ("ready",)
ANSWER = "answer"
FAILURE = "failure"
_PATH_LIKE = re.compile(r"(?<![\w:/.])/(?:[\w.\-]+/)+[\w.\-]*")


def dataset_arguments(job: QueryJob) -> dict:
    """pyoxigraph's dataset options for a job.

    A protocol dataset replaces the query's own (SPARQL 1.1 Protocol §2.1.4), so both lists are passed, even empty.
    Otherwise the query's own FROM clauses, or the store's default graph, which the build fills with the union of
    the named graphs as a set (Oxigraph's union option would repeat a triple once per graph stating it).
    """
    if job.names_dataset:
        return {
            "default_graph": [pyoxigraph.NamedNode(iri) for iri in job.default_graphs or ()],
            "named_graphs": [pyoxigraph.NamedNode(iri) for iri in job.named_graphs or ()],
        }
    return {}


def execute(store: pyoxigraph.Store, job: QueryJob) -> Outcome:
    """Run one query, reading at most ``row_limit`` + 1 rows to know whether the answer was cut."""
    try:
        result = store.query(job.text, base_iri=job.base_iri, **dataset_arguments(job))
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Boolean(bool(result))
        if isinstance(result, pyoxigraph.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(solution[name] for name in variables)
                         for solution in islice(result, job.row_limit + 1))
            return Solutions(variables, rows[: job.row_limit], truncated=len(rows) > job.row_limit)
        triples = tuple(islice(result, job.row_limit + 1))
        return Graph(triples[: job.row_limit], truncated=len(triples) > job.row_limit)
    except SyntaxError as error:
        raise QueryFailed(400, f"Syntax error in the query: {error}") from None
    except ValueError as error:  # an invalid IRI in default-graph-uri or named-graph-uri
        raise QueryFailed(400, str(error)) from None
    except RuntimeError as error:  # an evaluation error of the query itself, such as an unbound SERVICE variable
        raise QueryFailed(400, f"The query cannot be evaluated: {error}") from None
    except OSError as error:
        # Raised by a failing SERVICE call (its message names the service) or by the store; file paths are removed
        # because a user must never see where the store lives.
        raise QueryFailed(502, "The query failed while running: " + _PATH_LIKE.sub("…", str(error))) from None


def answer(store: pyoxigraph.Store, job: QueryJob) -> Outcome | Rendered:
    """Run one query; written in the job's ``answer_format`` when it names one (see ``outcomes.Rendered``)."""
    outcome = execute(store, job)
    if job.answer_format is None:
        return outcome
    return Rendered(serialize(outcome, job.answer_format, dict(job.prefixes)), outcome.truncated)


def _exit_when_orphaned(parent_pid: int) -> None:
    """End this worker if the process that started it disappears, even in the middle of a runaway query.

    pyoxigraph releases the GIL while it evaluates, so this thread keeps running during a query.
    """
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def serve_queries(store_path: str, conn: Connection) -> None:
    """Worker main loop: open the store read-only, then answer jobs until the pool closes the connection."""
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    try:
        store = pyoxigraph.Store.read_only(store_path)
    except OSError as error:
        conn.send((FAILURE, 503, "The store could not be opened: " + _PATH_LIKE.sub("…", str(error))))
        return
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            conn.send((ANSWER, answer(store, job)))
        except QueryFailed as failure:
            conn.send((FAILURE, failure.status, failure.message))


def main(argv: list[str] | None = None) -> None:
    """``python -m ascenso_kg.server.query_worker --store PATH --fd N``: N is this end of the pool's socket pair."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True)
    parser.add_argument("--fd", type=int, required=True)
    args = parser.parse_args(argv)
    serve_queries(args.store, Connection(args.fd))


if __name__ == "__main__":
    main()
