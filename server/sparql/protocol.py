"""Reading a SPARQL 1.1 Protocol query request (§2.1) out of an HTTP request.

Three ways to send a query: GET with ``query=``; POST of an ``application/x-www-form-urlencoded`` form; POST of the
query itself as ``application/sparql-query`` (UTF-8 only). The dataset comes from ``default-graph-uri`` and
``named-graph-uri``. Updates, by any of the equivalent routes (``update=``, ``application/sparql-update``), are refused
with 403: the endpoint is read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar
from urllib.parse import parse_qsl

from flask import Request

from .query_results import QueryFailed

T = TypeVar("T")

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
READ_ONLY = "This endpoint is read-only: SPARQL Update requests are not accepted."


class RequestRefused(QueryFailed):
    """The HTTP request is not a valid query request; nothing was run."""


@dataclass(frozen=True)
class QueryRequest:
    query: str | None  # None: a GET without a query, which asks for the service description
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    format: str | None  # the ``format=`` override of content negotiation


def _one_query(values: list[str]) -> str | None:
    if len(values) > 1:
        raise RequestRefused(400, "The request has more than one query; send exactly one.")
    return values[0] if values else None


def _graphs(*sources, name: str) -> tuple[str, ...] | None:
    graphs = tuple(iri for source in sources for iri in source.getlist(name))
    return graphs or None


def _dataset(*sources) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    default = _graphs(*sources, name="default-graph-uri")
    named = _graphs(*sources, name="named-graph-uri")
    if default is None and named is None:
        return None, None
    # Naming any graph replaces the whole dataset: the part not named is empty, not the store's.
    return default or (), named or ()


def _refuse_updates(*sources) -> None:
    if any("update" in source for source in sources):
        raise RequestRefused(403, READ_ONLY)


class Fields(dict):
    """Decoded ``name=value`` pairs of a query string or form, each name with all its values, read like werkzeug's
    ``MultiDict`` (``getlist``, ``get``): the direct path (``direct.py``) reads requests without werkzeug's parsers."""

    @classmethod
    def parse(cls, data: bytes) -> Fields:
        fields = cls()
        for name, value in _pairs(data):
            fields.setdefault(name, []).append(value)
        return fields

    def getlist(self, name: str) -> list[str]:
        return dict.get(self, name, [])

    def get(self, name: str, default=None):
        values = dict.get(self, name)
        return values[0] if values else default


REMEMBERED_UP_TO = 4096  # bytes


def remembered_when_short(read: Callable[[bytes], T]) -> Callable[[bytes], T]:
    """``read``, its results on texts of at most ``REMEMBERED_UP_TO`` bytes remembered (the last 1,024, so 4 MiB of
    texts at most): pages and tools send the same forms again and again, and decoding one costs about what a cheap
    lookup does."""
    remembered = lru_cache(maxsize=1024)(read)
    return lambda data: remembered(data) if len(data) <= REMEMBERED_UP_TO else read(data)


@remembered_when_short
def _pairs(data: bytes) -> tuple[tuple[str, str], ...]:
    """As werkzeug decodes them, for data the request guard has found well formed (escapes, UTF-8)."""
    return tuple(parse_qsl(data.decode("utf-8", "replace"), keep_blank_values=True, errors="replace"))


def read_query_request(request: Request, max_query_length: int) -> QueryRequest:
    """The query request in ``request``, or RequestRefused with the status the protocol asks for."""
    return read_query_fields(request.method, request.mimetype, request.mimetype_params.get("charset"), request.args,
                             lambda: request.form, lambda: request.get_data(cache=False), max_query_length)


def read_query_fields(method: str, mimetype: str, charset: str | None, args, form: Callable[[], object],
                      body: Callable[[], bytes], max_query_length: int) -> QueryRequest:
    """The query request made of a method, a body's media type and charset, the URL's fields (``args``), and the
    form's fields or the raw body (read only when the media type says which): the protocol's rules, for the Flask
    view and the direct path alike."""
    if method in ("GET", "HEAD"):  # HEAD is GET without the body (RFC 9110 §9.3.2)
        _refuse_updates(args)
        query = _one_query(args.getlist("query"))
        default, named = _dataset(args)
        fmt = args.get("format")
    elif mimetype == FORM:
        fields = form()
        _refuse_updates(fields, args)
        query = _one_query(fields.getlist("query") + args.getlist("query"))
        if query is None:
            raise RequestRefused(400, "The form has no 'query' field.")
        default, named = _dataset(fields, args)
        fmt = fields.get("format") or args.get("format")
    elif mimetype == SPARQL_QUERY:
        query = _decode_direct_query(charset, body)
        if "query" in args:
            raise RequestRefused(400, "A direct POST carries the query in its body, not also in the URL.")
        default, named = _dataset(args)
        fmt = args.get("format")
    elif mimetype == SPARQL_UPDATE:
        raise RequestRefused(403, READ_ONLY)
    else:
        raise RequestRefused(415, f"A POST must be of type {FORM} or {SPARQL_QUERY}"
                                  + (f", not {mimetype}." if mimetype else "; this one has no Content-Type."))
    if query is not None and len(query) > max_query_length:
        raise RequestRefused(413, f"The query is longer than the endpoint's limit of {max_query_length} characters.")
    return QueryRequest(query, default, named, fmt)


def _decode_direct_query(charset: str | None, body: Callable[[], bytes]) -> str:
    charset = (charset or "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise RequestRefused(415, f"A direct POST must be encoded in UTF-8, not {charset}.")
    try:
        return body().decode("utf-8")
    except UnicodeDecodeError:
        raise RequestRefused(400, "The query is not valid UTF-8.") from None
