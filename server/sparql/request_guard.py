"""Checks every request passes before any view sees it: the parts a view would otherwise read leniently.

Werkzeug decodes a broken percent-escape (``%ZZ``) or bytes that are not UTF-8 into replacement characters and lets
the view go on with text the client never sent; headers of any size reach the app when it runs without gunicorn's
limits. Here such a request is refused with a 4xx and a sentence instead: a broken query string or form body is 400,
headers beyond ``MAX_HEADER_BYTES`` are 431.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from flask import Flask, current_app, request

from .protocol import FORM, RequestRefused, remembered_when_short

DEFAULT_MAX_HEADER_BYTES = 16 * 1024
_BROKEN_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def _check_encoded(data: bytes, where: str) -> None:
    if b"%" not in data and data.isascii():
        return  # nothing escaped and nothing beyond ASCII: well formed (most query strings of pages)
    problem = _encoding_problem(data)
    if problem is not None:
        raise RequestRefused(400, f"The {where} {problem}")


@remembered_when_short
def _encoding_problem(data: bytes) -> str | None:
    if _BROKEN_ESCAPE.search(data):
        return "has a '%' that is not followed by two hexadecimal digits."
    try:
        unquote_to_bytes(data.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 once its percent-escapes are decoded."
    return None


def header_bytes(environ: dict) -> int:
    """The size of the request's headers, about as sent (name, value, ": " and CRLF), read from the WSGI environ
    (werkzeug's header view costs more than the whole check)."""
    return sum(len(name) - 5 + len(value) + 4 for name, value in environ.items()
               if name.startswith("HTTP_") and isinstance(value, str)) \
        + sum(len(environ.get(name) or "") + 16 for name in ("CONTENT_TYPE", "CONTENT_LENGTH") if environ.get(name))


def check_request() -> None:
    length = request.content_length
    max_length = current_app.config.get("MAX_CONTENT_LENGTH")
    form_body = request.get_data if request.mimetype == FORM and length is not None and (
        max_length is None or length <= max_length) else None  # cached: the form is parsed from the same bytes
    check_parts(request.environ, current_app.config.get("MAX_HEADER_BYTES") or DEFAULT_MAX_HEADER_BYTES, form_body)


def check_parts(environ: dict, max_header_bytes: int, form_body: Callable[[], bytes] | None) -> None:
    """The guard's checks of a request's headers, query string and form body (read by ``form_body``; None: not a
    form, or too large to be read, which Flask refuses with 413), for the Flask views and the direct path alike."""
    if header_bytes(environ) > max_header_bytes:
        raise RequestRefused(431, f"The request's headers are larger than the {max_header_bytes} bytes this server "
                                  "accepts.")
    _check_encoded(environ.get("QUERY_STRING", "").encode("latin-1"), "URL's query string")
    if form_body is not None:
        _check_encoded(form_body(), "form body")


def init_app(app: Flask) -> None:
    app.before_request(check_request)
