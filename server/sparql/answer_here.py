"""Answering an anchored query (``anchored.py``) in the web process, within a budget of time checked between rows.

The rows are read and capped by the query processes' own helpers (``query_worker.within_caps``, ``row_size``) and
written by the same serializers, so the answer is the one a query process gives. The engine cannot be interrupted,
but it hands rows over one at a time: between two rows of an anchored query it reads at most the statements about
one subject (the first pattern's) and looks each one up once (the second pattern's), so checking the clock at each
row bounds the whole query to ``seconds`` plus that much. A query that takes longer, or that the engine fails on in
any way, is given up here (``None``) and run again by a query process, under the usual time limit and with its
usual error messages.

An answer asked for in JSON whose size is bounded before it runs (one triple pattern: the statements of one subject;
or a LIMIT of at most ``ENGINE_WRITTEN_MAX_LIMIT`` rows) is written by the engine itself, in one call: read row by
row, each row is a release and a retake of the interpreter's lock, which with the web process's other threads waiting
for it cost about a third of the query (measured at 8 clients). The engine's JSON is the bytes ``write_json`` writes
(a test checks), and it is sent only when it cannot have been cut: its length bounds both the characters of term
text the byte cap counts and the rows (each takes at least three bytes, ``{},``). Otherwise the query runs again
here row by row, and is cut as above.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

import pyoxigraph

from ..serializers import serialize
from .anchored import anchored_shape
from .query_results import Boolean, Outcome, QueryJob, Rendered, Solutions
from .query_worker import row_size, within_caps

SECONDS = 0.1  # an anchored lookup takes well under a millisecond; past this, a query process runs it
ENGINE_WRITTEN_MAX_LIMIT = 1000  # rows: such an answer takes the engine a few milliseconds at most
_ENGINE_FORMATS = {"json": pyoxigraph.QueryResultsFormat.JSON}


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
            if _written_by_the_engine(job):
                body = result.serialize(format=_ENGINE_FORMATS[job.answer_format])
                if _cannot_be_cut(body, job):
                    return Rendered(body)
                result = store.query(job.text, base_iri=job.base_iri)  # read again row by row, and cut
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


def _written_by_the_engine(job: QueryJob) -> bool:
    """Whether the engine writes the answer (see the module): a format it writes as ``serializers`` does, and a size
    bounded before the query runs."""
    if job.answer_format not in _ENGINE_FORMATS:
        return False
    shape = anchored_shape(job.text)
    return shape is not None and (shape.patterns == 1 or (shape.limit is not None
                                                          and shape.limit <= ENGINE_WRITTEN_MAX_LIMIT))


def _cannot_be_cut(body: bytes, job: QueryJob) -> bool:
    """Whether the caps leave the whole answer ``body`` (JSON): a term's JSON is longer than the ``row_size`` it
    counts for, and a row takes at least three bytes."""
    return len(body) <= job.byte_limit and (len(body) + 1) // 3 <= job.row_limit
