"""Answers by release: a published release never changes, so the answer to a GET request (a query, a page, a search)
is a function of the release, the code and settings serving it, and the request (host, path, query string, Accept).

Three things follow, all here:

- every 200 answer of a cacheable view carries ``Cache-Control: public, max-age=ANSWER_MAX_AGE`` and a weak ``ETag``
  computed from that key, not from the body (weak: a query's blank-node labels and the order of a ``GROUP_CONCAT``
  may differ from one run to the next, the meaning does not);
- a request whose ``If-None-Match`` names that ETag gets 304 at once, before any view or query runs;
- the last answers are kept in memory, bounded in bytes (``ANSWER_CACHE_BYTES``; 0 turns it off), and a repeated
  request is answered from there, again before Flask or a query process is involved.

A new release, a new build of the code or changed settings make new ETags, so nothing from before is ever served
for them. The cache is per web process (each gunicorn worker keeps its own); a caching proxy in front (the
``proxy_cache`` of ``deploy/nginx.conf``) shares one between them. POST requests, errors and answers without a length
(the streamed dumps) are never cached, nor answers larger than an eighth of the cache.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, current_app, request

from .sparql.request_guard import DEFAULT_MAX_HEADER_BYTES, header_bytes

CACHEABLE_BLUEPRINTS = frozenset({"sparql", "pages", "search", "dataset"})
_ETAG = "ascenso_kg.etag"  # WSGI environ keys between the middleware and the Flask hook
_STORE = "ascenso_kg.cacheable"
_EXTENSION = "ascenso_kg.cache"
_KEY_HEADERS = ("HTTP_HOST", "wsgi.url_scheme", "PATH_INFO", "QUERY_STRING", "HTTP_ACCEPT")


@dataclass(frozen=True)
class Entry:
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(name) + len(value) for name, value in self.headers) + 200


class AnswerStore:
    """Recent answers, least recently used first out, holding at most ``max_bytes`` in all."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.max_entry = max_bytes // 8  # one huge answer must not empty the cache of everything else
        self.size = 0
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: bytes, entry: Entry) -> None:
        if entry.size > self.max_entry:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= previous.size
            self._entries[key] = entry
            self.size += entry.size
            while self.size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self.size -= dropped.size

    def __len__(self) -> int:
        return len(self._entries)


class AnswerCache:
    """WSGI middleware: 304 for a matching ``If-None-Match``, a stored answer for a repeated GET, else the app."""

    def __init__(self, wsgi_app, identity: bytes, max_bytes: int, max_age: int, max_header_bytes: int):
        self.wsgi_app = wsgi_app
        self.identity = identity
        self.store = AnswerStore(max_bytes) if max_bytes > 0 else None
        self.cache_control = f"public, max-age={max_age}"
        self.max_header_bytes = max_header_bytes

    def key(self, environ) -> bytes:
        parts = [environ.get(name, "") for name in _KEY_HEADERS]
        return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogateescape"), key=self.identity,
                               digest_size=16).digest()

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD") or self._headers_too_large(environ):
            return self.wsgi_app(environ, start_response)  # the app refuses oversized headers itself (431)
        key = self.key(environ)
        etag = f'W/"{key.hex()}"'
        if _matches(environ.get("HTTP_IF_NONE_MATCH"), etag):
            entry = self.store.get(key) if self.store is not None else None
            vary = [(n, v) for n, v in entry.headers if n.lower() == "vary"] if entry else []
            start_response("304 Not Modified", [("ETag", etag), ("Cache-Control", self.cache_control), *vary])
            return []
        entry = self.store.get(key) if self.store is not None else None
        if entry is not None:
            start_response(entry.status, list(entry.headers))
            return [] if method == "HEAD" else [entry.body]
        environ[_ETAG] = etag
        if self.store is None or method == "HEAD":
            return self.wsgi_app(environ, start_response)
        return self._remember(key, environ, start_response)

    def _remember(self, key: bytes, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, capture)
        length = next((int(v) for n, v in captured.get("headers", ()) if n.lower() == "content-length"), None)
        if not environ.get(_STORE) or length is None or length > self.store.max_entry:
            return body
        try:
            data = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        self.store.put(key, Entry(captured["status"], tuple(captured["headers"]), data))
        return [data]

    def _headers_too_large(self, environ) -> bool:
        return header_bytes(environ) > self.max_header_bytes


def _matches(header: str | None, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, RFC 9110 §13.1.2)."""
    if not header:
        return False
    tag = etag[2:]
    return any(candidate.strip().removeprefix("W/") == tag for candidate in header.split(","))


def _mark_cacheable(response: Response) -> Response:
    if response.status_code != 200 or request.blueprint not in CACHEABLE_BLUEPRINTS:
        return response
    for name, value in cacheable(request.environ, current_app.extensions[_EXTENSION].cache_control):
        response.headers[name] = value  # in place of a view's own Cache-Control
    return response


def cacheable(environ, cache_control: str) -> list[tuple[str, str]]:
    """The headers of a 200 answer to a GET the middleware gave an ETag (none for others), and a mark telling the
    middleware to keep the answer: for the Flask views and the direct path alike."""
    etag = environ.get(_ETAG)
    if etag is None:
        return []
    environ[_STORE] = True
    return [("ETag", etag), ("Cache-Control", cache_control)]


def code_fingerprint() -> bytes:
    """Changes whenever a file of the server's code, templates or queries changes (its path, size or time)."""
    root = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.digest()


def settings_fingerprint(config: dict) -> str:
    """The settings as text, the same in every web process (values without a stable text are left out)."""
    plain = (str, int, float, bool, type(None), list, tuple, dict, Path)
    return repr(sorted((name, repr(value)) for name, value in config.items() if isinstance(value, plain)))


def init_app(app: Flask, release_id: str) -> None:
    """Wrap the app, once its settings are final, in the answer cache."""
    identity = hashlib.blake2b(f"{release_id}\0{settings_fingerprint(app.config)}".encode() + code_fingerprint(),
                               digest_size=32).digest()
    middleware = AnswerCache(app.wsgi_app, identity, int(app.config["ANSWER_CACHE_BYTES"]),
                             int(app.config["ANSWER_MAX_AGE"]), int(app.config.get("MAX_HEADER_BYTES") or DEFAULT_MAX_HEADER_BYTES))
    app.after_request(_mark_cacheable)
    app.wsgi_app = middleware
    app.extensions[_EXTENSION] = middleware
