"""The direct path: SPARQL queries answered without Flask's request machinery, by the same rules as the view.

A cheap query costs the store about 0.15 ms; Flask's request context, routing, werkzeug's form parser and the
after-request hooks cost the web process about three times that again (profile of issue 17). This WSGI middleware,
just outside the Flask app, answers the requests that make most of the endpoint's traffic (GET with ``query=``, POST
of a form or of the query itself, answered in a results or graph format) with the functions the view calls: the
request guard (``request_guard.check_parts``), the protocol (``protocol.read_query_fields``), the guards of the
query and the negotiation (``endpoint.plan_query``), the budgets and the store (``endpoint.run_query``), the
serializers and the answer cache's headers (``cache.cacheable``). Everything else goes to Flask untouched: the
service description and the editor, HTML answers, HEAD, bodies without a length or over the limit, unknown hosts,
other media types. A refusal or a failure is written by the app's own error handlers, in a request context of its
own, so an error reads the same whichever path the request took; the headers the app's after-request hooks add to
every answer (security, CORS) are learnt from the app itself, not copied here.
"""

from __future__ import annotations

import io
from functools import lru_cache

from flask import Flask, Response
from werkzeug.exceptions import SecurityError
from werkzeug.http import parse_options_header
from werkzeug.utils import get_content_type
from werkzeug.wsgi import get_host

from .. import cache, store_backend
from ..loop_only import MustWait, may_wait
from ..serializers import serialize
from .budget import client_of, get_budgets_of
from .endpoint import answer_headers, endpoint_url, plan_query, run_query
from .query_results import Rendered
from .protocol import FORM, SPARQL_QUERY, Fields, read_query_fields
from .request_guard import DEFAULT_MAX_HEADER_BYTES, check_parts, check_request

PATHS = frozenset({"/sparql", "/sparql/"})
_LEFT_TO_FLASK = {"Content-Type", "Content-Length"}


class DirectQueries:
    """WSGI middleware over the Flask app's ``wsgi_app``: answers plain query requests itself (see the module)."""

    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self._common_headers: list[tuple[str, str]] | None = None

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if environ.get("PATH_INFO") not in PATHS or method not in ("GET", "POST") or not self.knows_the_hooks() \
                or environ.get("HTTP_ACCESS_CONTROL_REQUEST_PRIVATE_NETWORK"):  # a CORS case the hooks write
            return self._to_flask(environ, start_response)
        config = self.app.config
        mimetype, charset, body = "", None, b""
        if method == "POST":
            mimetype, charset = _media_type(environ.get("CONTENT_TYPE", ""))
            length = _length(environ)
            max_length = config.get("MAX_CONTENT_LENGTH")
            if mimetype not in (FORM, SPARQL_QUERY) or length is None or (max_length is not None and length > max_length):
                return self._to_flask(environ, start_response)
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)  # for Flask, if the request goes there after all
            if len(body) != length:  # the client went away: werkzeug says so
                return self._to_flask(environ, start_response)
        script_root = environ.get("SCRIPT_NAME", "")
        host = _host(environ, tuple(config["TRUSTED_HOSTS"]))
        if host is None:  # not a host this server answers to: Flask refuses it
            return self._to_flask(environ, start_response)
        if not script_root.isascii():  # werkzeug decodes it; nothing to gain here
            return self._to_flask(environ, start_response)
        try:
            check_parts(environ, config.get("MAX_HEADER_BYTES") or DEFAULT_MAX_HEADER_BYTES,
                        (lambda: body) if mimetype == FORM else None)
            args = Fields.parse(environ.get("QUERY_STRING", "").encode("latin-1"))
            query_request = read_query_fields(method, mimetype, charset, args, lambda: Fields.parse(body),
                                              lambda: body, config["MAX_QUERY_LENGTH"])
            if query_request.query is None:  # the service description or the editor
                return self._to_flask(environ, start_response)
            base_iri = endpoint_url(environ.get("wsgi.url_scheme", "http"), host,
                                    script_root.rstrip("/") + environ["PATH_INFO"])
            job, fmt = plan_query(query_request, config, environ.get("HTTP_ACCEPT"), base_iri)
            if fmt.name == "html":  # a table made from a template
                return self._to_flask(environ, start_response)
            outcome = run_query(self.app.extensions[store_backend._EXTENSION], get_budgets_of(self.app),
                                client_of(environ, config.get("TRUSTED_PROXIES") or ()), job,
                                config["QUERY_TIMEOUT"])
            answer = outcome.body if isinstance(outcome, Rendered) else serialize(outcome, fmt.name,
                                                                                  config["PREFIXES"])
        except MustWait:  # in the web process's loop: a thread runs the request instead
            raise
        except Exception as error:  # noqa: BLE001 (handed to the app's handlers, as Flask does: a 4xx or a logged 500)
            return self._refuse(environ, start_response, error)
        headers = [("Content-Type", _content_type(fmt.media_type)), ("Content-Length", str(len(answer))),
                   *answer_headers(outcome, config["ROW_LIMIT"]), ("Vary", "Accept"), *self.common_headers(),
                   *cache.cacheable(environ, self.app.extensions[cache._EXTENSION].cache_control)]
        start_response("200 OK", headers)
        return [answer]

    def _to_flask(self, environ, start_response):
        may_wait()  # Flask's views may wait for the store: never in the web process's loop
        return self.wsgi_app(environ, start_response)

    def knows_the_hooks(self) -> bool:
        """Whether the app runs no hook before a view but the request guard, which this path runs itself: a hook
        added later (by a blueprint or an extension) sends every request through Flask rather than be skipped."""
        hooks = [hook for functions in self.app.before_request_funcs.values() for hook in functions]
        return hooks == [check_request] and not any(self.app.url_value_preprocessors.values())

    def common_headers(self) -> list[tuple[str, str]]:
        """What the app's after-request hooks add to an answer of the endpoint that is not HTML (security headers,
        CORS), learnt once by passing an empty answer through them."""
        if self._common_headers is None:
            with self.app.test_request_context("/sparql", method="POST", headers={"Origin": "null"}):
                response = self.app.process_response(Response(b"", mimetype="application/octet-stream"))
            self._common_headers = [(name, value) for name, value in response.headers
                                    if name not in _LEFT_TO_FLASK]
        return self._common_headers

    def _refuse(self, environ, start_response, error: Exception):
        """The app's own answer to ``error``, made by its error handlers and after-request hooks."""
        with self.app.request_context(environ):
            response = self.app.finalize_request(self.app.handle_user_exception(error))
        return response(environ, start_response)


@lru_cache(maxsize=64)
def _media_type(content_type: str) -> tuple[str, str | None]:
    mimetype, options = parse_options_header(content_type)
    return mimetype.lower(), options.get("charset")


def _length(environ) -> int | None:
    if environ.get("HTTP_TRANSFER_ENCODING"):
        return None
    try:
        length = int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None
    return length if length >= 0 else None


def _host(environ, trusted: tuple[str, ...]) -> str | None:
    return _trusted_host(environ["wsgi.url_scheme"], environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
                         environ.get("SERVER_PORT"), trusted)


@lru_cache(maxsize=64)  # every request of a client names the same host
def _trusted_host(scheme: str, host: str | None, server_name: str | None, server_port: str | None,
                  trusted: tuple[str, ...]) -> str | None:
    """The request's host as werkzeug reads it, or None if it is not one of ``trusted``."""
    environ = {"wsgi.url_scheme": scheme, "HTTP_HOST": host, "SERVER_NAME": server_name, "SERVER_PORT": server_port}
    try:
        return get_host({name: value for name, value in environ.items() if value is not None}, trusted)
    except SecurityError:
        return None


@lru_cache(maxsize=64)
def _content_type(media_type: str) -> str:
    return get_content_type(media_type, "utf-8")  # as a Flask Response writes it


def init_app(app: Flask) -> None:
    """Answer plain query requests before Flask (``DIRECT_QUERIES``; off: every request goes through Flask)."""
    if app.config.get("DIRECT_QUERIES", True):
        app.wsgi_app = DirectQueries(app, app.wsgi_app)
