"""Faults: the build killed with SIGKILL at random moments, a gunicorn worker killed under load, a store that is
missing, locked or corrupt, a full disk during the build, an unreadable article. Each gives a clear message and loses
nothing already published; the server keeps serving the release it opened."""

from __future__ import annotations

import hashlib
import http.client
import itertools
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.checkout import ARTICLES_DIR
from tests.reliability.conftest import Client, gunicorn, parent_of, store_fingerprint
from tests.reliability.hostile import NORMAL

BUILD = [sys.executable, "-m", "ascenso_kg.cli", "build"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_release_intact(release: Path, fingerprint: str | None = None) -> None:
    """Every file the manifest lists is there with its checksum, and the store opens (with the same content)."""
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert sha256(release / entry["path"]) == entry["sha256"], entry["path"]
    if fingerprint is not None:
        assert store_fingerprint(release / "store") == fingerprint


def run_build(out: Path, *extra: str, limit_file_size: int | None = None, articles: Path = ARTICLES_DIR
              ) -> subprocess.CompletedProcess:
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run([*BUILD, "--out", str(out), "--articles", str(articles), *extra], capture_output=True,
                          text=True, timeout=120, preexec_fn=limit if limit_file_size else None)


def assert_clear_failure(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    for word in words:
        assert word in result.stderr, result.stderr[-2000:]


def test_build_killed_at_random_moments_leaves_the_published_release_served_and_intact(fresh_out):
    published = (fresh_out / "current").resolve()
    fingerprint = store_fingerprint(published / "store")
    rng = random.Random(9)
    with gunicorn(fresh_out, workers=1, threads=4, QUERY_WORKERS=2, QUERY_TIMEOUT=5) as live:
        client = Client(live.url)
        expected = client.query(NORMAL[0]).body
        started = time.monotonic()
        assert run_build(fresh_out).returncode == 0  # measures how long a whole build takes here
        duration = time.monotonic() - started
        published = (fresh_out / "current").resolve()
        kills = []
        for _ in range(5):
            delay = rng.uniform(0.2, duration)
            build = subprocess.Popen([*BUILD, "--out", str(fresh_out)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
            time.sleep(delay)
            build.send_signal(signal.SIGKILL)
            build.wait(timeout=10)
            kills.append(round(delay, 2))
            current = (fresh_out / "current").resolve()
            if current != published:  # killed after the swap: the new release is complete, never half of one
                assert_release_intact(current)
                published = current
            assert_release_intact(published, fingerprint)
            assert client.query(NORMAL[0]).body == expected  # the server keeps its release
            dump = client.get("/dumps/ascenso-kg.nq.gz")
            assert dump.status == 200 and hashlib.sha256(dump.body).hexdigest() == dump.headers["etag"].strip('"')
        assert run_build(fresh_out).returncode == 0, kills
    assert_release_intact((fresh_out / "current").resolve(), fingerprint)
    assert not list((fresh_out / "releases").glob(".staging-*"))


def test_a_killed_gunicorn_worker_loses_no_answer_and_gives_no_wrong_one(built):
    with gunicorn(built, workers=2, threads=4, QUERY_WORKERS=2, QUERY_TIMEOUT=5) as live:
        expected = {text: Client(live.url).query(text).body for text in NORMAL}
        killed_at: list[float] = []
        wrong, failed, answered = [], [], []
        deadline = time.monotonic() + 6

        def load(n: int) -> None:
            client = Client(live.url, source=f"127.0.0.{80 + n}", timeout=10)
            for i in itertools.count():  # until the deadline: 2,000 requests each once ended before the kill
                if time.monotonic() > deadline:
                    return
                text = NORMAL[(i + n) % len(NORMAL)]
                sent = time.monotonic()
                try:
                    answer = client.query(text)
                except (OSError, http.client.HTTPException) as error:  # the connection the killed worker held
                    failed.append((sent, repr(error)))
                    continue
                if answer.status != 200:
                    failed.append((sent, answer.status))
                elif answer.body != expected[text]:
                    wrong.append(text)
                else:
                    answered.append(sent)

        clients = [threading.Thread(target=load, args=(n,)) for n in range(4)]
        for thread in clients:
            thread.start()
        time.sleep(2)
        victim = live.web_workers()[0]
        victims_queries = [pid for pid in live.pids() if parent_of(pid) == victim]
        os.kill(victim, signal.SIGKILL)
        killed_at.append(time.monotonic())
        for thread in clients:
            thread.join(timeout=30)
        assert not wrong
        assert len(failed) <= 4, failed  # at most the requests in flight on the killed worker
        assert all(sent < killed_at[0] + 1.0 for sent, _ in failed), failed
        assert any(sent > killed_at[0] + 1.0 for sent in answered)  # service recovered
        assert len(live.web_workers()) == 2  # gunicorn started a replacement
        time.sleep(1.5)  # orphaned query workers notice their parent is gone within half a second
        assert not [pid for pid in victims_queries if Path(f"/proc/{pid}").exists() and _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_full_disk_during_the_build_fails_clearly_and_publishes_nothing(fresh_out):
    published = (fresh_out / "current").resolve()
    fingerprint = store_fingerprint(published / "store")
    result = run_build(fresh_out, limit_file_size=1024 * 1024)
    assert_clear_failure(result, "File too large", "the published release is unchanged")
    assert (fresh_out / "current").resolve() == published
    assert_release_intact(published, fingerprint)
    assert run_build(fresh_out).returncode == 0  # the next build succeeds and clears the leftovers
    assert not list((fresh_out / "releases").glob(".staging-*"))
    assert_release_intact((fresh_out / "current").resolve(), fingerprint)


def test_a_build_while_another_holds_the_lock_is_refused_clearly(fresh_out):
    import fcntl

    published = (fresh_out / "current").resolve()
    with open(fresh_out / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_build(fresh_out)
    assert_clear_failure(result, "another build is running")
    assert (fresh_out / "current").resolve() == published
    assert_release_intact(published)


def test_a_store_locked_by_a_writer_is_still_served_read_only(make_app, fresh_out):
    store = (fresh_out / "current" / "store").resolve()
    holder = subprocess.Popen([sys.executable, "-c", "import pyoxigraph, sys, time\n"
                               f"s = pyoxigraph.Store({str(store)!r})\nprint('open', flush=True)\ntime.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"  # RocksDB's LOCK is held by a writer now
        response = make_app(fresh_out).test_client().get("/sparql", query_string={"query": NORMAL[3]},
                                                          headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200 and b"true" in response.data
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("damage", ["garbage in every file", "emptied CURRENT", "no files at all"])
def test_a_corrupt_store_is_a_clear_503_and_the_dumps_still_answer(make_app, fresh_out, damage):
    store = (fresh_out / "current" / "store").resolve()
    for item in store.iterdir():
        if damage == "garbage in every file" and item.is_file() and item.name != "LOCK":
            item.write_bytes(b"\x00garbage\xff" * 64)
        elif damage == "emptied CURRENT" and item.name == "CURRENT":
            item.write_bytes(b"")
        elif damage == "no files at all" and item.is_file():
            item.unlink()
    client = make_app(fresh_out).test_client()
    response = client.get("/sparql", query_string={"query": NORMAL[3]})
    body = response.get_data(as_text=True)
    assert response.status_code == 503 and "store" in body, body
    assert str(store) not in body and "/tmp/" not in body and "Traceback" not in body
    assert client.get("/dumps/ascenso-kg.nq.gz").status_code == 200


@pytest.mark.parametrize("how, reported", [
    ("not UTF-8", "zz-broken.txt:4: not UTF-8"),
    ("a folder named like an article", "zz-broken.txt:1: cannot be read"),
])
def test_an_unreadable_article_is_reported_and_the_others_are_published(tmp_path, fresh_out, how, reported):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES_DIR, articles)
    if how == "not UTF-8":
        (articles / "zz-broken.txt").write_bytes(b"= Broken =\n\nfine line\n\xff\xfe not text\n")
    else:
        (articles / "zz-broken.txt").mkdir()
    published = (fresh_out / "current").resolve()
    result = run_build(fresh_out, articles=articles)
    assert result.returncode == 0, result.stderr[-2000:]
    assert reported in result.stderr
    current = (fresh_out / "current").resolve()
    assert current != published
    manifest = json.loads((current / "manifest.json").read_text())
    assert len(manifest["articles"]) == 5 and manifest["triples"] > 1000
    assert_release_intact(current)
    strict = run_build(fresh_out, "--strict", articles=articles)
    assert_clear_failure(strict, reported.rsplit(":", 1)[0], "--strict publishes nothing")
    assert (fresh_out / "current").resolve() == current
