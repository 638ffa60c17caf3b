"""The Flask application factory.

``create_app(config=None)``: defaults in ``DEFAULTS``, then ``ASCENSO_KG_*`` environment variables (values parsed as
JSON where they are JSON: ``ASCENSO_KG_QUERY_TIMEOUT=5``, ``ASCENSO_KG_OUT_DIR=/srv/ascenso-kg``), then ``config``,
which overrides everything (tests pass one). For production::

    gunicorn -w 2 -k ascenso_kg.server.gunicorn_worker.LoopWorker --threads 8 -b 127.0.0.1:8000 'ascenso_kg.server.app:create_app()'

Each gunicorn worker owns its own pool of query processes over the same read-only store. ``LoopWorker`` answers
the requests that never wait in its event loop and the others in ``--threads`` threads (``loop_front.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, Response, render_template, request
from flask_cors import CORS
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, SecurityError

from ascenso_kg import iris
from ascenso_kg.resources import QUERIES_DIR
from ascenso_kg.workspace import DEFAULT_OUT_DIR

from . import cache, current_release, dataset, dump_files, store_backend
from . import reconcile
from . import search
from . import status
from .pages import browse, dereference
from .pages.queries import INCOMING_ORDERS
from .negotiation import HTML, Format, negotiate
from .query_errors import QuerySyntaxError
from .current_release import open_release
from .sparql import budget, direct, request_guard
from .sparql import endpoint as sparql
from .sparql.endpoint import ROW_LIMIT_HEADER, TRUNCATED_HEADER
from .sparql.query_results import QueryFailed, StoreBusy

log = logging.getLogger(__name__)

DEFAULTS = {
    "OUT_DIR": str(DEFAULT_OUT_DIR),  # a build output folder (data/build of the current folder); serves OUT_DIR/current
    "STORE_BACKEND": "oxigraph",  # "oxigraph": the release's own store; "remote": REMOTE_ENDPOINT
    "REMOTE_ENDPOINT": None,  # URL of a SPARQL 1.1 endpoint holding the same data
    # The graph a remote engine should read as the default graph when a query names none: Virtuoso's default graph
    # is every graph at once (duplicates), so `publish virtuoso` loads the union into its own graph named here.
    "REMOTE_UNION_GRAPH": None,
    # How the links into an entity are paged: "iri" (ORDER BY the subjects' IRIs: the same pages on every store, a
    # sort over each group) or "store" (the store's own order, stable within a release); None: "store" on the
    # embedded Oxigraph store, whose sort is slow (0.9 s for the largest group at 100 seasons), "iri" on a remote one
    "INCOMING_ORDER": None,
    "QUERY_TIMEOUT": 10.0,  # seconds a query may run before it is stopped (504)
    "QUERY_WORKERS": 3,  # query processes per web process, started with it (embedded store)
    # More are started while every one is busy, up to this; None: no more. Off by default: on 2 cores, 8 clients were
    # served worse by up to 8 workers per web process than by 3 (each new one starts with cold caches).
    "QUERY_WORKERS_MAX": None,
    "QUERY_QUEUE_WAIT": 10.0,  # seconds a request waits for a free query process before 503
    "ROW_LIMIT": 10_000,  # rows (or triples) in one answer; more are cut and the answer says so
    "ANSWER_BYTE_LIMIT": 64 * 2**20,  # characters of term text in one answer; more rows are cut, as at ROW_LIMIT
    "QUERY_MEMORY_LIMIT": 2**30,  # bytes of heap per query process (RLIMIT_DATA); more: an error naming it
    "QUERY_RECYCLE_ABOVE": 512 * 2**20,  # resident bytes after which a query process is replaced (memory given back)
    # Each query process loads an in-memory copy of a release of at most this many quads (the manifest's count) and
    # answers from it once loaded (2-8x faster on heavy queries); 0: never. The copy costs each process about
    # 340 bytes per quad (0.8 GiB at 100 seasons, 2.5 M quads; 1.7 GiB at this limit); the two limits above are
    # raised by it (server/sparql/memory_copy.py). 1,000 seasons (25 M quads) answer from disk.
    "QUERY_IN_MEMORY_MAX_QUADS": 5_000_000,
    # seconds after which a running query yields the CPU to the others (its process is then replaced); None: never
    "QUERY_LOWER_PRIORITY_AFTER": 0.2,
    # Anchored queries (lookups from a given IRI, bounded by their shape: server/sparql/anchored.py) are answered by
    # the web process itself rather than a query process. False: every query goes to a query process.
    "ANCHORED_QUERIES_HERE": True,
    # ... and, where the query processes load an in-memory copy (QUERY_IN_MEMORY_MAX_QUADS), from the web process's own
    # copy once loaded (lookups 1.7x cheaper; as much memory as a query process's copy). False: from the store on disk.
    "ANCHORED_IN_MEMORY": True,
    "MAX_CONTENT_LENGTH": 256 * 1024,  # bytes in a request body (413 beyond)
    "MAX_QUERY_LENGTH": 100_000,  # characters in a query, however it is sent (413 beyond)
    "SERVICE_ALLOWLIST": ["https://query.wikidata.org/sparql"],  # the only SERVICE IRIs a query may call
    "BUDGET_CONCURRENT": 4,  # /sparql queries one client address may run at once (429 beyond)
    "BUDGET_SECONDS": 30.0,  # seconds of query time one client address may spend per BUDGET_WINDOW (429 beyond)
    "BUDGET_WINDOW": 60.0,
    "MAX_HEADER_BYTES": 16 * 1024,  # bytes of request headers (431 beyond; gunicorn's own limits come first)
    "EXAMPLES_DIR": str(QUERIES_DIR),
    "BASE": None,  # the IRI base of the resources; None: the release manifest's, else iris.DEFAULT_BASE
    # The address the public reaches this server at (https://kg.example.org): its host name is the one Host header
    # accepted besides the loopback names, so links in pages, the service description and the dumps never echo an
    # arbitrary Host. PUBLIC_HOSTS adds other names (a second domain).
    "PUBLIC_BASE_URL": None,
    "PUBLIC_HOSTS": [],
    # Addresses of reverse proxies whose X-Forwarded-For names the client (for the per-client budgets); none: the
    # peer address is the client.
    "TRUSTED_PROXIES": [],
    # A release never changes: GET answers carry an ETag and Cache-Control (server/cache.py), and the last ones are
    # kept in memory, up to this many bytes per web process (0: none kept).
    "ANSWER_CACHE_BYTES": 64 * 2**20,
    "ANSWER_MAX_AGE": 300,  # seconds a browser or proxy may reuse a GET answer without asking again
    # Plain query requests to /sparql are answered before Flask, by the same rules (server/sparql/direct.py): a
    # cheap query then costs the web process a third of what it costs through Flask. False: all go through Flask.
    "DIRECT_QUERIES": True,
}

LOOPBACK_HOSTS = ["localhost", "127.0.0.1"]
# Every answer: no MIME sniffing, no referrer beyond this origin, never framed; HTML pages also run no inline script.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                           "frame-ancestors 'none'")

_TEXT = Format("text", "text/plain")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.json.sort_keys = False  # JSON twins keep the order of the data they render
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("ASCENSO_KG")
    app.config.from_mapping(config or {})

    published = open_release(app.config["OUT_DIR"])
    base = app.config["BASE"] or published.base or iris.DEFAULT_BASE
    app.config["PREFIXES"] = iris.prefixes(base)
    app.config["EXAMPLES_DIR"] = Path(app.config["EXAMPLES_DIR"])
    app.config["SERVICE_ALLOWLIST"] = tuple(app.config["SERVICE_ALLOWLIST"])
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    if app.config["INCOMING_ORDER"] not in (None, *INCOMING_ORDERS):  # refused at start, not on every page
        raise ValueError(f"INCOMING_ORDER must be one of {', '.join(INCOMING_ORDERS)}, not {app.config['INCOMING_ORDER']!r}")
    direct.init_app(app)  # innermost: the public scheme and the answer cache apply to its answers too
    if app.config["PUBLIC_BASE_URL"]:
        app.wsgi_app = _PublicScheme(app.wsgi_app, app.config["PUBLIC_BASE_URL"])

    current_release.init_app(app, published)
    store_backend.init_app(app, published)
    budget.init_app(app)
    request_guard.init_app(app)
    CORS(app, send_wildcard=True, expose_headers=[TRUNCATED_HEADER, ROW_LIMIT_HEADER])  # public data, no cookies
    for blueprint in (dataset.bp, sparql.bp, dump_files.bp, reconcile.bp, dereference.bp, search.bp, browse.bp,
                      status.bp):
        app.register_blueprint(blueprint)
    app.after_request(_security_headers)
    app.register_error_handler(QueryFailed, _query_failed)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    cache.init_app(app, published.id)  # last: its settings fingerprint needs the final settings
    return app


def trusted_hosts(config: dict) -> list[str]:
    """The Host names this server answers to (Flask refuses others with 400): loopback, the public base URL's."""
    hosts = [*LOOPBACK_HOSTS, *config["PUBLIC_HOSTS"]]
    if config["PUBLIC_BASE_URL"]:
        hosts.append(urlsplit(config["PUBLIC_BASE_URL"]).hostname)
    return hosts


class _PublicScheme:
    """Requests for the public host get its scheme: behind a TLS-terminating proxy, gunicorn sees plain http, and
    the links the app writes (service description, VoID, dumps) must say https."""

    def __init__(self, wsgi_app, base_url: str):
        self.wsgi_app = wsgi_app
        parts = urlsplit(base_url)
        self.host, self.scheme = parts.hostname, parts.scheme

    def __call__(self, environ, start_response):
        if environ.get("HTTP_HOST", "").rsplit(":", 1)[0] == self.host:
            environ["wsgi.url_scheme"] = self.scheme
        return self.wsgi_app(environ, start_response)


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    return response


def error_response(status: int, message: str) -> Response:
    """A short message, as an HTML page for browsers and plain text for everyone else; never a traceback."""
    if negotiate(request.headers.get("Accept"), (_TEXT, HTML)) is HTML:
        response = Response(render_template("error.html", status=status, message=message), status=status,
                            mimetype="text/html")
    else:
        response = Response(message + "\n", status=status, mimetype="text/plain")
    response.vary.add("Accept")
    return response


def _query_failed(error: QueryFailed) -> Response:
    if isinstance(error, QuerySyntaxError) and negotiate(request.headers.get("Accept"), (_TEXT, HTML)) is HTML:
        response = Response(render_template("query_error.html", report=error.report, query=error.query), status=400,
                            mimetype="text/html")
        response.vary.add("Accept")
        return response
    response = error_response(error.status, error.message)
    if isinstance(error, (StoreBusy, budget.OverBudget)):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _http_error(error: HTTPException) -> Response:
    if isinstance(error, RequestEntityTooLarge):
        return error_response(413, "The request is larger than the endpoint accepts.")
    if isinstance(error, SecurityError):  # an untrusted Host: never echo it back
        return error_response(400, "The request's Host header names no host this server answers to.")
    response = error_response(error.code or 500, error.description or error.name)
    if error.code == 405:
        response.headers["Allow"] = ", ".join(error.valid_methods or ())
    return response


def _unexpected_error(error: Exception) -> Response:
    if _is_malformed_body(error):
        return error_response(400, "The request body is malformed (a broken chunked transfer encoding).")
    log.exception("unexpected error while answering %s %s", request.method, request.path)
    return error_response(500, "The server failed to answer this request. The failure has been logged.")


def _is_malformed_body(error: Exception) -> bool:
    """gunicorn raises its parse errors from the body stream, inside the view that reads the body."""
    return type(error).__module__ == "gunicorn.http.errors"
