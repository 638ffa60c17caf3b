"""The build room: a folder of articles becomes one published release.

- ``run.py``: ``build_release`` runs the flow (interpret the articles, map them one at a time into the store and
  their dumps, merge the whole graph's dumps, validate, write the reports and the manifest, copy the articles) into
  a staging folder and publishes it;
- ``dumps.py``: the Turtle, N-Triples and N-Quads files, written in one pass each;
- ``sorted_runs.py``: every graph's N-Quads lines in dump order, through sorted runs on disk (bounded memory);
- ``store.py``: the Oxigraph store, loaded on a thread of its own;
- ``writer.py``: the dump writer, a process of its own that writes each article's dumps from the text the
  build has already made;
- ``release.py``: ``Release``, the layout of a release (store, dumps, reports, sources, manifest) that every other
  room asks, and the atomic publication through the ``current`` link.

``from ascenso_kg.build import build_release`` works as before; the heavy part (``run``) is imported only when it is
asked for, so that the server and the commands that only open a release do not load the mapping machinery.
"""

_RUN_NAMES = ("build_release", "BuildSummary", "StrictBuildFailed")


def __getattr__(name: str):
    if name in _RUN_NAMES:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
