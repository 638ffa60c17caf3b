"""Answering an anchored query (``anchored.py``) in the web process, within a budget of time checked between rows.

The rows are read and capped by the query processes' own helpers (``query_worker.within_caps``, ``row_size``) and
written by the same serializers, so the answer is the one a query process gives. The engine cannot be interrupted,
but it hands rows over one at a time: between two rows of an anchored query it reads at most the statements about
one subject (the first pattern's) and looks each one up once (the second pattern's), so checking the clock at each
row bounds the whole query to ``seconds`` plus that much. A query that takes longer, or that the engine fails on in
any way, is given up here (``None``) and run again by a query process, under the usual time limit and with its
usual error messages.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

import pyoxigraph

from ..serializers import serialize
from .query_results import Boolean, Outcome, QueryJob, Rendered, Solutions
from .query_worker import row_size, within_caps

SECONDS = 0.1  # an anchored lookup takes well under a millisecond; past this, a query process runs it


class _TookTooLong(Exception):
    pass


def _until(deadline: float, rows: Iterable[tuple]) -> Iterator[tuple]:
    for row in rows:
        if time.monotonic() > deadline:
            raise _TookTooLong
        yield row


def answer_anchored(store: pyoxigraph.Store, job: QueryJob, seconds: float = SECONDS) -> Outcome | Rendered | None:
    """The answer to an anchored SELECT or ASK ``job`` (no dataset of its own), or None: let a query process answer.

    Raises nothing from the engine: every failure here means None (pyo3's PanicException is a BaseException)."""
    deadline = time.monotonic() + seconds
    try:
        result = store.query(job.text, base_iri=job.base_iri)
        if isinstance(result, pyoxigraph.QueryBoolean):
            outcome: Outcome = Boolean(bool(result))
        elif isinstance(result, pyoxigraph.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            kept, cut = within_caps(_until(deadline, map(tuple, result)), job.row_limit, job.byte_limit, row_size)
            outcome = Solutions(variables, tuple(kept), truncated=cut)
        else:  # not a shape anchored.py lets through
            return None
        if job.answer_format is None:
            return outcome
        return Rendered(serialize(outcome, job.answer_format, dict(job.prefixes)), outcome.truncated)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 (above): a query process answers instead, with its own message
        return None
