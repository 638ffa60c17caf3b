"""Releases: a build's store, dumps and reports in a folder of their own, published by one atomic symlink swap.

The one place that knows a release's layout (``Release``); the build, the server, validation, linking, publishing
and the bench all go through it::

    OUT/current -> releases/<id>/
        store/            the Oxigraph store the server opens read-only
        dumps/            ascenso-kg.{ttl,nt,nq}(.gz), articles/<article>.*.gz, ontology.ttl, validation-report.ttl
        reports/          problems.tsv, coverage.tsv, infobox.tsv
        sources/          the source articles' text, as read (shown by the server's /source pages)
        manifest.json     build date, articles, files with size/sha256/triples, triples per graph

``OUT/current`` points at ``OUT/releases/<id>``. A build writes a staging folder, then renames it into
``releases/`` and swaps the ``current`` link with ``os.replace``, which is atomic: readers see the old release or
the new one, never half of one. A build that fails or is killed leaves only a staging folder, which the next
build removes; the published release is untouched. A lock file keeps two builds from publishing at once.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator

STAGING_PREFIX = ".staging-"
KEEP_RELEASES = 3  # the new one, the one a running server may still have open, and one more to roll back to


class BuildLocked(RuntimeError):
    """Another build is publishing into the same folder."""


class ReleaseNotFound(RuntimeError):
    """There is no finished build in the output folder."""


@dataclass(frozen=True)
class Release:
    """One release folder (published, or a build's staging folder): where each of its parts is."""

    root: Path

    @property
    def id(self) -> str:
        return self.root.name

    @property
    def store_path(self) -> Path:
        return self.root / "store"

    @property
    def dumps_dir(self) -> Path:
        return self.root / "dumps"

    def dump(self, name: str) -> Path:
        """A dump by its name in ``dumps/`` (``ascenso-kg.nq``, ``articles/<id>.ttl.gz``)."""
        return self.dumps_dir / name

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    @cached_property
    def manifest(self) -> dict:
        with self.manifest_path.open(encoding="utf-8") as handle:
            return json.load(handle)

    @property
    def base(self) -> str | None:
        return self.manifest.get("base")

    @property
    def build_date(self) -> str | None:
        return self.manifest.get("build_date")

    @property
    def articles(self) -> list[dict]:
        return list(self.manifest.get("articles", []))

    @property
    def files(self) -> list[dict]:
        return list(self.manifest.get("files", []))

    @property
    def triples(self) -> int | None:
        return self.manifest.get("triples")

    def file_entry(self, path: str) -> dict | None:
        """The manifest entry of a dump, by its path relative to the release (``dumps/…``)."""
        return next((f for f in self.files if f.get("path") == path), None)


def current_release(out_dir: Path) -> Path | None:
    link = Path(out_dir) / "current"
    return link.resolve() if link.exists() else None


def has_release(out_dir: Path) -> bool:
    """Whether ``out_dir`` holds a finished, published build."""
    root = current_release(out_dir)
    return root is not None and Release(root).manifest_path.is_file()


def open_release(out_dir: str | Path) -> Release:
    """The release ``out_dir/current`` points at, resolved once, with its manifest read."""
    if not has_release(Path(out_dir)):
        raise ReleaseNotFound(f"no finished build in {out_dir} (run `ascenso-kg build` first)")
    release = Release(current_release(Path(out_dir)))
    release.manifest  # read now: the release a caller holds stays the one it opened
    return release


@contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build is running in {out_dir}") from None
        yield


def new_staging(out_dir: Path) -> Path:
    """A fresh staging folder; leftovers of interrupted builds are removed first (we hold the lock)."""
    releases = out_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    for leftover in releases.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = releases / f"{STAGING_PREFIX}{os.getpid()}"
    staging.mkdir()
    return staging


def publish(out_dir: Path, staging: Path, release_id: str) -> Path:
    """Move the staging folder into place and point ``current`` at it atomically."""
    releases = out_dir / "releases"
    final = releases / release_id
    if final.exists():  # the same content built again in the same second
        shutil.rmtree(final)
    staging.rename(final)
    _fsync_dir(releases)
    link_tmp = out_dir / f".current-{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(Path("releases") / release_id)
    os.replace(link_tmp, out_dir / "current")
    _fsync_dir(out_dir)
    prune(out_dir)
    return final


def prune(out_dir: Path, keep: int = KEEP_RELEASES) -> None:
    current = current_release(out_dir)
    releases = sorted(
        (path for path in (out_dir / "releases").iterdir() if not path.name.startswith(STAGING_PREFIX)),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in releases[keep:]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def release_id(content_hash: str) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + content_hash[:8]


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
