"""The finished build the server publishes: ``OUT/current`` -> ``releases/<id>`` with store, dumps and manifest.

The ``current`` link is resolved once, when the app starts: a build that swaps the link meanwhile does not change
what a running server serves (its store, its dumps and its manifest stay one consistent release). Restart or send
gunicorn a HUP to publish the new release.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from ascenso_kg.release import current_release

_EXTENSION = "ascenso_kg.release"


class ReleaseNotFound(RuntimeError):
    """There is no finished build in the output folder."""


@dataclass(frozen=True)
class Release:
    root: Path  # the resolved releases/<id> folder
    manifest: dict

    @property
    def id(self) -> str:
        return self.root.name

    @property
    def store_path(self) -> Path:
        return self.root / "store"

    @property
    def dumps_dir(self) -> Path:
        return self.root / "dumps"

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


def open_release(out_dir: str | Path) -> Release:
    """Resolve ``out_dir/current`` (the build's own resolver) and read its manifest."""
    root = current_release(Path(out_dir))
    manifest_path = root / "manifest.json" if root else None
    if manifest_path is None or not manifest_path.is_file():
        raise ReleaseNotFound(f"no finished build in {out_dir} (run `ascenso-kg build` first)")
    with manifest_path.open(encoding="utf-8") as handle:
        manifest = json.load(handle)
    return Release(root, manifest)


def init_app(app: Flask, release: Release) -> None:
    app.extensions[_EXTENSION] = release


def get_release() -> Release:
    """The release the current app publishes."""
    return current_app.extensions[_EXTENSION]
