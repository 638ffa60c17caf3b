"""Releases: a build's store, dumps and reports in a folder of their own, published by one atomic symlink swap.

``OUT/current`` points at ``OUT/releases/<id>``. A build writes a staging folder, then renames it into
``releases/`` and swaps the ``current`` link with ``os.replace``, which is atomic: readers see the old release or
the new one, never half of one. A build that fails or is killed leaves only a staging folder, which the next
build removes; the published release is untouched. A lock file keeps two builds from publishing at once.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

STAGING_PREFIX = ".staging-"
KEEP_RELEASES = 3  # the new one, the one a running server may still have open, and one more to roll back to


class BuildLocked(RuntimeError):
    """Another build is publishing into the same folder."""


def current_release(out_dir: Path) -> Path | None:
    link = out_dir / "current"
    return link.resolve() if link.exists() else None


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
