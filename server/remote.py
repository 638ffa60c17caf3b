"""A remote SPARQL 1.1 endpoint as the store (Oxigraph server, QLever, Virtuoso, GraphDB, Fuseki…).

The query goes to the remote endpoint with the SPARQL 1.1 Protocol; its answer is read back into the same outcome
values the embedded store gives, so the rest of the server cannot tell the two apart. The remote store's default
graph must be the union of the named graphs as a set, as in the embedded store: load the release's
``ascenso-kg-with-ontology.nq`` and, into the default graph, its ``ascenso-kg-with-ontology.nt.gz`` (an Oxigraph
server opened on the release's own store has it already). A store whose default graph is something else
(Virtuoso's is every graph as a multiset, its own included) holds the union in a graph of its own, ``union_graph``:
a query that names no dataset is then sent with that graph as its default graph and the release's other graphs,
asked of the store once, as its named graphs (``ascenso-kg publish virtuoso`` loads it so). The time limit covers the whole
exchange, not only each socket read, so a store that answers slowly byte by byte is still cut off: the exchange runs
in a helper thread that the request waits for with the time limit, and the thread stops at its first read after the
deadline.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from itertools import islice
from urllib.parse import urlencode

import pyoxigraph

from .loop_only import may_wait
from .sparql.query_results import Boolean, Graph, Outcome, QueryFailed, QueryJob, QueryTimedOut, Solutions

_ERROR_PREVIEW_BYTES = 2000

# Virtuoso echoes each named-graph-uri of a request as an X-SPARQL-named-graph header, and a hundred seasons make
# over a hundred graphs; Python's HTTP client refuses a response with more than 100 headers, so every query of such a
# release failed. The endpoint is the operator's own, so its headers are allowed up to the number of graphs a release
# can have.
http.client._MAXHEADERS = max(http.client._MAXHEADERS, 100_000)


class _DeadlineReader:
    """A file-like view of an HTTP response that stops at a deadline."""

    def __init__(self, response, deadline: float):
        self.response = response
        self.deadline = deadline

    def read(self, size: int = -1) -> bytes:
        if time.monotonic() > self.deadline:
            raise TimeoutError("deadline passed")
        return self.response.read(size)


class RemoteStore:
    """Sends each query to ``endpoint_url``; no worker processes, the remote server does the work."""

    kind = "remote"

    def __init__(self, endpoint_url: str, timeout: float, concurrency: int = 16, union_graph: str | None = None,
                 named_graphs: tuple[str, ...] | None = None):
        self.endpoint_url = endpoint_url
        self.timeout = timeout
        self.union_graph = union_graph
        # The release's graphs as its manifest lists them, where it does: Virtuoso takes half a minute to list its
        # graphs (GRAPH ?g { ?s ?p ?o } over every quad) even for the four articles, so the first query timed out.
        self._named_graphs: tuple[str, ...] | None = None if not named_graphs else tuple(
            graph for graph in sorted(named_graphs) if graph != union_graph)
        self._named_graphs_lock = threading.Lock()
        self._exchanges = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="ascenso-kg remote query")

    def run(self, job: QueryJob) -> Outcome:
        may_wait()  # for the remote store: never in the web process's loop
        deadline = time.monotonic() + self.timeout
        exchange = self._exchanges.submit(self._exchange, job, deadline)
        try:
            return exchange.result(timeout=self.timeout)
        except FutureTimeout:
            exchange.cancel()
            raise QueryTimedOut(self.timeout) from None

    def _exchange(self, job: QueryJob, deadline: float) -> Outcome:
        try:
            with urllib.request.urlopen(self._request(job), timeout=self.timeout) as response:
                return self._read(job, _DeadlineReader(response, deadline))
        except urllib.error.HTTPError as error:
            raise self._failure(error) from None
        except (TimeoutError, socket.timeout):
            raise QueryTimedOut(self.timeout) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                raise QueryTimedOut(self.timeout) from None
            raise QueryFailed(502, "The SPARQL store behind this endpoint cannot be reached.") from None
        except SyntaxError as error:
            raise QueryFailed(502, f"The SPARQL store behind this endpoint sent an unreadable answer: {error}") \
                from None

    def warm_up(self) -> None:
        """Nothing to start; with a union graph, the release's graphs are asked for now, not in a user's query."""
        if self.union_graph:
            try:
                self._release_graphs()
            except QueryFailed:
                pass  # the store is not up yet: asked again with the first query

    def close(self) -> None:
        """Connections are not kept between queries; only the helper threads end."""
        self._exchanges.shutdown(wait=False, cancel_futures=True)

    def _request(self, job: QueryJob) -> urllib.request.Request:
        # a store need not resolve relative IRIs against its own URL (Virtuoso does not): give it the endpoint's
        text = f"BASE <{job.base_iri}>\n{job.text}" if job.base_iri else job.text
        fields = [("query", text)]
        if job.names_dataset:
            fields += [("default-graph-uri", iri) for iri in job.default_graphs or ()]
            fields += [("named-graph-uri", iri) for iri in job.named_graphs or ()]
        elif self.union_graph and not job.has_dataset_clause:
            fields += [("default-graph-uri", self.union_graph)]
            fields += [("named-graph-uri", iri) for iri in self._release_graphs()]
        accept = "application/n-triples" if job.form in ("CONSTRUCT", "DESCRIBE") else \
            "application/sparql-results+json"
        return urllib.request.Request(
            self.endpoint_url,
            data=urlencode(fields).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept,
                     "User-Agent": "ascenso-kg-server"},
        )

    def _release_graphs(self) -> tuple[str, ...]:
        """The store's graphs other than the union: from the manifest, else asked once (a release never changes)."""
        with self._named_graphs_lock:
            if self._named_graphs is None:
                job = QueryJob("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "SELECT", default_graphs=(),
                               row_limit=1_000_000)
                answer = self._exchange(job, time.monotonic() + self.timeout)
                graphs = sorted(row[0].value for row in answer.rows if row[0] is not None)
                self._named_graphs = tuple(g for g in graphs if g != self.union_graph)
            return self._named_graphs

    def _read(self, job: QueryJob, reader: _DeadlineReader) -> Outcome:
        if job.form in ("CONSTRUCT", "DESCRIBE"):
            quads = pyoxigraph.parse(reader, format=pyoxigraph.RdfFormat.N_TRIPLES)
            triples = tuple(quad.triple for quad in islice(quads, job.row_limit + 1))
            return Graph(triples[: job.row_limit], truncated=len(triples) > job.row_limit)
        result = pyoxigraph.parse_query_results(reader, format=pyoxigraph.QueryResultsFormat.JSON)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Boolean(bool(result))
        variables = tuple(v.value for v in result.variables)
        if job.form == "ASK" and variables == ("__ASK_RETVAL",):
            # Virtuoso answers an ASK sent with a protocol dataset as a one-row SELECT of 1 or 0
            return Boolean(any(row[0] is not None and row[0].value not in ("0", "false") for row in result))
        rows = tuple(tuple(solution[v] for v in variables) for solution in islice(result, job.row_limit + 1))
        return Solutions(variables, rows[: job.row_limit], truncated=len(rows) > job.row_limit)

    def _failure(self, error: urllib.error.HTTPError) -> QueryFailed:
        if 400 <= error.code < 500:
            # The remote store refused the query itself (usually a syntax error): pass its words on.
            detail = error.read(_ERROR_PREVIEW_BYTES).decode("utf-8", "replace").strip()
            return QueryFailed(400, detail or f"The SPARQL store refused the query (HTTP {error.code}).")
        if error.code in (503, 504):
            return QueryTimedOut(self.timeout) if error.code == 504 else \
                QueryFailed(503, "The SPARQL store behind this endpoint is busy; please retry.")
        return QueryFailed(502, f"The SPARQL store behind this endpoint failed (HTTP {error.code}).")
