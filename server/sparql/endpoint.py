"""The ``/sparql`` endpoint: SPARQL 1.1 Protocol queries, the service description, and the query editor.

A request goes through five steps, each in its own module: read the protocol request (``protocol``), read the query
text (``query_text``: form, updates, SERVICE calls), choose a format (``negotiation``), run it on the store
(``store_backend``), and render the answer (``serializers``, or the HTML table of ``tables``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import quote

from flask import Blueprint, Response, current_app, render_template, request, url_for

from ..description import description_prefixes, service_description
from ..examples import load_examples
from ..local_addresses import is_refused_graph, refused_graphs
from ..negotiation import GRAPH_FORMATS, Format, choose_format, formats_for
from ..serializers import serialize, write_graph
from ..store_backend import get_store
from ..tables import outcome_table
from .budget import client_address, get_budgets
from ..local_links import site_href
from ..query_errors import explain
from .query_results import Outcome, QueryFailed, QueryJob, Rendered
from .protocol import READ_ONLY, QueryRequest, RequestRefused, read_query_request
from .query_text import QueryFacts, query_facts

bp = Blueprint("sparql", __name__)

MAX_NESTING = 200  # levels of {, ( and [ in a query; the store's parser overflows its stack at a few thousand
MAX_OPERATORS = 1000  # chaining operators in a query (see operator_count); 5,000 MINUS crashed a query process
TRUNCATED_HEADER = "Results-Truncated"
ROW_LIMIT_HEADER = "Results-Row-Limit"


@bp.route("/sparql/", methods=["GET", "POST"])  # as the W3C protocol tests write it
@bp.route("/sparql", methods=["GET", "POST"])  # registered first (inner), so url_for builds it
def endpoint() -> Response:
    config = current_app.config
    query_request = read_query_request(request, config["MAX_QUERY_LENGTH"])
    if query_request.query is None:
        if request.method == "POST":
            raise RequestRefused(400, "The request has no query.")
        return _describe_service(query_request)
    job, fmt = plan_query(query_request, config, request.headers.get("Accept"),
                          endpoint_url(request.scheme, request.host, request.script_root + request.path))
    outcome = run_query(get_store(), get_budgets(), client_address(request), job, config["QUERY_TIMEOUT"])
    return _render(outcome, fmt, query_request.query)


def plan_query(query_request: QueryRequest, config, accept: str | None, base_iri: str) -> tuple[QueryJob, Format]:
    """The job to run for a query request and the format to answer in, or RequestRefused (the guards: nesting,
    operators, updates, SERVICE allow-list, local graphs, formats)."""
    job = _job_for(query_request, config, base_iri)
    fmt = _format_for(job.form, query_request, accept)
    if fmt.name != "html":  # the HTML table is made here, from the rows
        # Only graph formats abbreviate IRIs: a results format is sent without the prefixes (less to pickle).
        prefixes = tuple(config["PREFIXES"].items()) if job.form in ("CONSTRUCT", "DESCRIBE") else ()
        job = replace(job, answer_format=fmt.name, prefixes=prefixes)
    return job, fmt


def run_query(store, budgets, client: str, job: QueryJob, timeout: float) -> Outcome | Rendered:
    """Run ``job`` within the client's budget; a parser's message made readable, with the query kept for editing."""
    with budgets.spend(client, at_most=timeout):
        try:
            return store.run(job)
        except QueryFailed as error:
            raise explain(error, job.text) from None


def answer_headers(outcome: Outcome | Rendered, row_limit: int) -> list[tuple[str, str]]:
    """The headers that say an answer was cut at the row limit (the documents say it too)."""
    return [(TRUNCATED_HEADER, "true"), (ROW_LIMIT_HEADER, str(row_limit))] if outcome.truncated else []


@dataclass(frozen=True)
class _Reading:
    """What the guards need of a query's text, and the graphs it names that may not be named."""

    facts: QueryFacts
    local_graphs: tuple[str, ...]


def _read(text: str) -> _Reading:
    return _Reading(query_facts(text), tuple(refused_graphs(text)))


_read_recent = lru_cache(maxsize=1024)(_read)  # the same texts come again and again (pages, examples, tools)
CACHED_QUERY_LENGTH = 4096  # characters: longer texts are read each time, so the cache holds at most ~4 MiB of text


def read_query_text(text: str) -> _Reading:
    """The guards' reading of ``text``, from a cache of recent texts: lexing a query costs more than running a
    cheap one, and a reading depends on the text alone."""
    return _read_recent(text) if len(text) <= CACHED_QUERY_LENGTH else _read(text)


def _job_for(query_request: QueryRequest, config, base_iri: str) -> QueryJob:
    reading = read_query_text(query_request.query)
    if reading.facts.depth > MAX_NESTING:
        raise RequestRefused(400, f"The query nests groups, sub-queries or expressions more than {MAX_NESTING} "
                                  "levels deep, more than this endpoint reads.")
    if reading.facts.operators > MAX_OPERATORS:
        raise RequestRefused(400, f"The query holds more than {MAX_OPERATORS} operators such as !, +, ||, /, UNION, "
                                  "MINUS or OPTIONAL, more than this endpoint reads.")
    shape = reading.facts.shape
    if shape.is_update:
        raise RequestRefused(403, READ_ONLY)
    allowed = config["SERVICE_ALLOWLIST"]
    refused = shape.refused_services(allowed)
    if refused:
        targets = ", ".join(call.target for call in refused)
        listed = ", ".join(f"<{iri}>" for iri in allowed) or "none"
        raise RequestRefused(403, f"SERVICE {targets} is not allowed: this endpoint federates only with {listed}, "
                                  "named by an absolute IRI.")
    local = [*reading.local_graphs, *(iri for graphs in (query_request.default_graphs, query_request.named_graphs)
                                      for iri in graphs or () if is_refused_graph(iri))]
    if local:
        raise RequestRefused(403, f"The graph <{local[0]}> is a file or a local or private network address; "
                                  "a query may name only graphs of this dataset.")
    return QueryJob(
        text=query_request.query,
        form=shape.form or "SELECT",  # not a query form at all: the store's parser will say what is wrong
        default_graphs=query_request.default_graphs,
        named_graphs=query_request.named_graphs,
        has_dataset_clause=shape.has_dataset_clause,
        row_limit=config["ROW_LIMIT"],
        byte_limit=config["ANSWER_BYTE_LIMIT"],
        base_iri=base_iri,
    )


@lru_cache(maxsize=64)
def endpoint_url(scheme: str, host: str, path: str) -> str:
    """The base IRI of a query: the service endpoint's URL, as the protocol allows (``request.base_url``, which
    costs a tenth of a cheap query to make)."""
    return f"{scheme}://{host}{quote(path)}"


def _format_for(form: str, query_request: QueryRequest, accept: str | None) -> Format:
    offered = formats_for(form)
    fmt = _choose_format(accept, query_request.format, offered)
    if fmt is None:
        names = ", ".join(f.media_type for f in offered)
        if query_request.format:
            raise RequestRefused(400, f"Unknown format {query_request.format!r} for a {form} query; use one of "
                                      f"{', '.join(f.name for f in offered)} or a media type ({names}).")
        raise RequestRefused(406, f"A {form} query can be answered in {names}; the Accept header allows none.")
    return fmt


_choose_format = lru_cache(maxsize=256)(choose_format)  # a pure function of a few distinct headers


def _render(outcome: Outcome | Rendered, fmt: Format, query: str) -> Response:
    prefixes = current_app.config["PREFIXES"]
    if isinstance(outcome, Rendered):
        response = Response(outcome.body, mimetype=fmt.media_type)
    elif fmt.name == "html":
        response = Response(render_template("results.html", table=outcome_table(outcome, prefixes, site_href), query=query,
                                            row_limit=current_app.config["ROW_LIMIT"]), mimetype="text/html")
    else:
        response = Response(serialize(outcome, fmt.name, prefixes), mimetype=fmt.media_type)
    response.headers.extend(answer_headers(outcome, current_app.config["ROW_LIMIT"]))
    response.vary.add("Accept")
    return response


def _describe_service(query_request: QueryRequest) -> Response:
    """GET /sparql without a query: the service description in RDF, or the query editor for a browser."""
    fmt = choose_format(request.headers.get("Accept"), query_request.format, GRAPH_FORMATS) or GRAPH_FORMATS[0]
    if fmt.name == "html":
        response = Response(render_template("editor.html", editor=_editor_settings()), mimetype="text/html")
    else:
        graph = service_description(url_for("sparql.endpoint", _external=True),
                                    url_for("dataset.void", _external=True))
        response = Response(write_graph(graph, fmt.name, description_prefixes()), mimetype=fmt.media_type)
    response.vary.add("Accept")
    return response


def _editor_settings() -> dict:
    """What the YASGUI page needs: endpoint, prefixes, and the example queries as tabs."""
    examples = load_examples(current_app.config["EXAMPLES_DIR"])
    return {
        "endpoint": url_for("sparql.endpoint", _external=True),
        "prefixes": current_app.config["PREFIXES"],
        "examples": [{"name": e.name, "title": e.title, "description": e.description, "query": e.text}
                     for e in examples],
    }
