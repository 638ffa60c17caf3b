"""The plain values a store back-end answers a query with, whichever store it is.

Both back-ends (the embedded Oxigraph store behind worker processes, a remote SPARQL endpoint) return one of these;
the serializers and the HTML table render them. Terms are pyoxigraph terms: they pickle across the worker pipe and
print in N-Triples syntax. A job that names an ``answer_format`` may instead be answered ``Rendered``: the worker
writes the document itself, so the rows never cross the pipe as Python objects (pickling them and unpickling them
cost more than writing them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple


@dataclass(frozen=True)
class QueryJob:
    """One query to run, with the dataset the protocol request gave it.

    ``default_graphs``/``named_graphs`` are None when the request named no dataset; then the union of the named
    graphs is the default graph, unless the query has its own FROM/FROM NAMED (``has_dataset_clause``).
    """

    text: str
    form: str
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    has_dataset_clause: bool = False
    row_limit: int = 10_000
    byte_limit: int = 64 * 1024 * 1024  # characters of term text in one answer; more rows are cut, as at row_limit
    base_iri: str | None = None  # relative IRIs in the query resolve against it (the endpoint's URL)
    answer_format: str | None = None  # a serializers.py format name: the back-end may answer Rendered in it
    prefixes: tuple[tuple[str, str], ...] = ()  # for the graph formats that abbreviate IRIs

    @property
    def names_dataset(self) -> bool:
        return self.default_graphs is not None or self.named_graphs is not None


@dataclass(frozen=True)
class Solutions:
    """SELECT results: variable names and rows aligned with them (None where a variable is unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    truncated: bool = False

    def as_dicts(self) -> list[dict[str, Term]]:
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]


@dataclass(frozen=True)
class Boolean:
    """An ASK result."""

    value: bool
    truncated: bool = field(default=False, init=False)


@dataclass(frozen=True)
class Graph:
    """CONSTRUCT or DESCRIBE results."""

    triples: tuple[pyoxigraph.Triple, ...]
    truncated: bool = False


@dataclass(frozen=True)
class Rendered:
    """An answer already written in the job's ``answer_format``, and whether it was cut at the row limit."""

    body: bytes
    truncated: bool = False


Outcome = Solutions | Boolean | Graph


class QueryFailed(Exception):
    """The store refused or failed the query. ``status`` is the HTTP status the client gets."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class QueryTimedOut(QueryFailed):
    def __init__(self, seconds: float):
        super().__init__(504, f"The query ran longer than the endpoint's limit of {seconds:g} s and was stopped. "
                              "Add a LIMIT, narrow the patterns, or download a dump and query it locally.")


class StoreBusy(QueryFailed):
    def __init__(self, retry_after: int):
        super().__init__(503, "Every query worker is busy; please retry in a few seconds.")
        self.retry_after = retry_after
