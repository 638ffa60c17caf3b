"""The web process's loop (server/loop_front.py, loop_only.py): every request is answered as the WSGI app answers it,
whether the loop answers it or a thread does; the loop answers what never waits (anchored queries, refusals,
answers in the answer cache) and hands everything else, body included, to a thread."""

from __future__ import annotations

import asyncio
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest

from ascenso_kg.server.loop_front import MAX_BODY_IN_THE_LOOP, LoopFront, _may_run_in_the_loop
from ascenso_kg.server.loop_only import MustWait, in_the_loop, may_wait
from tests.server.test_direct_path import JSON, LOOKUP, REQUESTS, SETTINGS, UNCOMPARED, form, post
from tests.server.release_writer import all_copies_loaded

UNCOMPARED_NAMES = {name.lower() for name in UNCOMPARED}


def run(coroutine):
    """Run ``coroutine`` in a loop of its own thread: the page tests' browser keeps a loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, coroutine).result()


class CountingFront(LoopFront):
    """A LoopFront that counts the requests its threads run."""

    def __init__(self, wsgi_app, threads: int):
        super().__init__(wsgi_app, threads)
        self.in_threads = 0
        threaded = self.threaded

        async def counted(scope, receive, send):
            self.in_threads += 1
            return await threaded(scope, receive, send)

        self.threaded = counted


def scope_of(spec: dict) -> dict:
    path, _, query = spec["path"].partition("?")
    headers = {"Host": "localhost", **spec["headers"]}
    data = spec.get("data")
    if data is not None:
        headers["Content-Length"] = str(len(data))
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": spec["method"],
            "scheme": "http", "path": urllib.parse.unquote(path), "raw_path": path.encode(),
            "query_string": query.encode(), "root_path": "", "client": ("127.0.0.1", 40000),
            "server": ("localhost", 80),
            "headers": [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]}


def body_messages(data: bytes, pieces: int = 1) -> list[dict]:
    """The ASGI messages of a request body sent in ``pieces``."""
    step = max(1, -(-len(data) // pieces))
    return [{"type": "http.request", "body": data[i:i + step], "more_body": i + step < len(data)}
            for i in range(0, len(data), step)] or [{"type": "http.request", "body": b"", "more_body": False}]


def exchange(front, scope: dict, messages: list[dict]) -> list[dict]:
    """The messages ``front`` sends to a client that sends ``messages`` (taken from the list as they are read;
    reading past them fails)."""
    sent = []

    async def receive():
        assert messages, "read past the end of the request"
        return messages.pop(0)

    async def send(message):
        sent.append(message)

    run(front(scope, receive, send))
    return sent


def answer_of(sent: list[dict]):
    """Status, headers (names in lower case, sorted, those compared) and body of an answer."""
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = sorted((name.decode(), value.decode()) for name, value in start["headers"]
                     if name.decode() not in UNCOMPARED_NAMES)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], headers, body


def asgi_answer(front, spec: dict, pieces: int = 1):
    """``front``'s answer to ``spec``, its body sent in ``pieces``."""
    return answer_of(exchange(front, scope_of(spec), body_messages(spec.get("data") or b"", pieces)))


def wsgi_answer(app, spec: dict):
    response = app.test_client().open(spec["path"], method=spec["method"], data=spec.get("data"),
                                      headers=spec["headers"], environ_base={"REMOTE_ADDR": "127.0.0.1"})
    headers = sorted((name.lower(), value) for name, value in response.headers
                     if name.lower() not in UNCOMPARED_NAMES)
    return response.status_code, headers, response.get_data()


@pytest.fixture(scope="module")
def app(make_app, small_out):
    """The app, its store opened as after a server's first request (the first one, which opens it, waits for that:
    a thread runs it), answering from its memory copies as a server that has run a while."""
    app = make_app(small_out, **SETTINGS)
    all_copies_loaded(app)
    return app


@pytest.fixture(scope="module")
def uncached_app(make_app, small_out):
    """An app keeping no answers (a request answered once by a thread is answered by a thread again), its store
    opened."""
    app = make_app(small_out, **SETTINGS, ANSWER_CACHE_BYTES=0)
    all_copies_loaded(app)
    return app


@pytest.fixture
def front(app):
    return CountingFront(app, threads=2)


@pytest.fixture
def uncached_front(uncached_app):
    return CountingFront(uncached_app, threads=2)


# Requests the loop answers itself; everything else in REQUESTS waits for a query process (a syntax error too: the
# engine finds it there) or a Flask view (an untrusted host too).
IN_THE_LOOP = {"anchored lookup, POST form", "anchored join in CSV", "anchored ASK",
               "anchored lookup cut at the row limit", "update by a form", "form without a query",
               "update in the query text", "SERVICE not allowed", "a local graph", "nesting too deep", "two queries",
               "unknown format", "Accept nothing offered", "broken percent escape", "not UTF-8 once decoded",
               "not UTF-8 once decoded, sent again", "a broken escape in a form", "query too long",
               "headers too large", "direct POST in Latin-1", "direct POST not UTF-8",
               "direct POST with a query in the URL too"}


@pytest.mark.parametrize("name", REQUESTS)
def test_every_request_is_answered_as_the_wsgi_app_answers_it(app, front, name):
    spec = REQUESTS[name]
    assert asgi_answer(front, spec) == wsgi_answer(app, spec)


@pytest.mark.parametrize("name", REQUESTS)
def test_the_loop_answers_what_never_waits_and_threads_the_rest(uncached_front, name):
    asgi_answer(uncached_front, REQUESTS[name])
    assert uncached_front.in_threads == (0 if name in IN_THE_LOOP else 1)


def test_answers_from_the_answer_cache_come_from_the_loop(app, front):
    heavy = {"method": "GET", "path": "/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"}), "headers": {"Accept": JSON}}
    first = asgi_answer(front, heavy)
    assert front.in_threads == 1
    assert asgi_answer(front, heavy) == first and front.in_threads == 1


def test_a_body_sent_in_pieces_reaches_the_thread_whole(uncached_app, uncached_front):
    app, front = uncached_app, uncached_front
    spec = post(form(query="SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2"))
    assert asgi_answer(front, spec, pieces=4) == wsgi_answer(app, spec)
    assert front.in_threads == 1
    anchored = post(form(query=LOOKUP))
    assert asgi_answer(front, anchored, pieces=4) == wsgi_answer(app, anchored)
    assert front.in_threads == 1  # the loop answered it from the pieces


def test_a_chunked_body_is_read_to_its_end_in_a_thread(app, front):
    spec = post(form(query=LOOKUP))
    chunked = {**spec, "headers": {**spec["headers"], "Transfer-Encoding": "chunked"}}
    scope = scope_of(chunked)
    scope["headers"] = [(n, v) for n, v in scope["headers"] if n != b"content-length"]
    assert not _may_run_in_the_loop(scope)
    status, _, body = answer_of(exchange(front, scope, body_messages(spec["data"])))
    assert status == 200 and b"bindings" in body and front.in_threads == 1


@pytest.mark.parametrize("method, headers, expected", [
    ("GET", [], True),
    ("GET", [(b"content-length", b"0")], True),
    ("GET", [(b"content-length", str(MAX_BODY_IN_THE_LOOP + 1).encode())], False),
    ("GET", [(b"transfer-encoding", b"chunked")], False),
    ("POST", [(b"content-length", b"10")], True),
    ("POST", [(b"content-length", str(MAX_BODY_IN_THE_LOOP).encode())], True),
    ("POST", [(b"content-length", str(MAX_BODY_IN_THE_LOOP + 1).encode())], False),
    ("POST", [], False),  # no length: a chunked body, read as it comes
    ("POST", [(b"content-length", b"10"), (b"transfer-encoding", b"chunked")], False),
    ("POST", [(b"content-length", b"10"), (b"content-length", b"10")], False),
    ("POST", [(b"content-length", b"-1")], False),
    ("HEAD", [], False),
    ("PUT", [(b"content-length", b"10")], False),
    ("OPTIONS", [], False),
])
def test_which_requests_the_loop_tries(method, headers, expected):
    assert _may_run_in_the_loop({"method": method, "headers": headers}) is expected


def test_a_client_gone_before_its_body_came_is_not_answered(front):
    sent = exchange(front, scope_of(post(form(query=LOOKUP))), [{"type": "http.disconnect"}])
    assert sent == [] and front.in_threads == 0


def test_a_failure_in_the_loop_is_answered_by_the_app_in_a_thread(app):
    calls = []

    def failing_in_the_loop(environ, start_response):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug met in the loop")
        return app(environ, start_response)

    front = CountingFront(failing_in_the_loop, threads=1)
    spec = post(form(query=LOOKUP))
    assert asgi_answer(front, spec) == wsgi_answer(app, spec)
    assert front.in_threads == 1 and len(calls) == 2


def test_may_wait_refuses_only_in_the_loop():
    may_wait()  # outside: nothing
    with in_the_loop(), pytest.raises(MustWait):
        may_wait()
    may_wait()  # and after it, nothing again


def test_the_store_is_not_asked_to_wait_in_the_loop(app):
    from ascenso_kg.server.sparql.query_results import QueryJob

    store = app.extensions["ascenso_kg.store"]
    heavy = QueryJob(text="SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", form="SELECT")
    with in_the_loop(), pytest.raises(MustWait):
        store.run(heavy)
    anchored = QueryJob(text=LOOKUP, form="SELECT")
    with in_the_loop():
        assert store.run(anchored).variables == ("p", "o")



def test_an_anchored_query_the_loop_gives_up_is_tried_there_only_and_its_thread_asks_a_query_process(
        uncached_app, uncached_front, monkeypatch):
    from ascenso_kg.server.sparql import answer_here, pool as pool_module

    tried: list[str] = []

    def gives_up(store, job):
        tried.append(job.text)
        return answer_here.answer_anchored(store, job, seconds=-1.0)  # as if it outlived its 0.1 s

    monkeypatch.setattr(pool_module, "answer_anchored", gives_up)
    slow = post(form(query=LOOKUP + " # slow"), accept=JSON)
    status, _, body = asgi_answer(uncached_front, slow)
    assert status == 200 and b'"bindings"' in body
    assert uncached_front.in_threads == 1 and len(tried) == 1  # in the loop only; the thread went to a process
    assert asgi_answer(uncached_front, slow)[0] == 200
    assert uncached_front.in_threads == 2 and len(tried) == 1  # next time: straight to a thread and a process


def test_a_body_refused_unread_is_read_to_its_end_so_the_client_gets_the_answer(front):
    """gunicorn closes a connection whose body was not read to its end: a client still sending a body over the
    limit would lose the app's 413 to a broken pipe."""
    data = form(query="ASK {} #" + "x" * 400_000).encode()  # over MAX_CONTENT_LENGTH: refused before it is read
    messages = body_messages(data, pieces=7)
    sent = exchange(front, scope_of(post(data)), messages)
    assert sent[0]["status"] == 413 and messages == []
