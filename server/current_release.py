"""The finished build the server publishes: ``OUT/current`` -> ``releases/<id>`` with store, dumps and manifest.

The ``current`` link is resolved once, when the app starts: a build that swaps the link meanwhile does not change
what a running server serves (its store, its dumps and its manifest stay one consistent release). Restart or send
gunicorn a HUP to publish the new release.
"""

from __future__ import annotations

from flask import Flask, current_app

from ascenso_kg.build.release import Release, ReleaseNotFound, open_release

__all__ = ["Release", "ReleaseNotFound", "open_release", "init_app", "get_release"]

_EXTENSION = "ascenso_kg.release"


def init_app(app: Flask, release: Release) -> None:
    app.extensions[_EXTENSION] = release


def get_release() -> Release:
    """The release the current app publishes."""
    return current_app.extensions[_EXTENSION]
