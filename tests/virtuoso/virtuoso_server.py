"""A Virtuoso Open Source 7 started by the tests: its own database folder, loopback ports, stopped at the end."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import pyoxigraph

from ascenso_kg.virtuoso import QUADS_DUMP, UNION_DUMP, publish, running_virtuoso


@contextlib.contextmanager
def virtuoso_over(release_out: Path, folder: Path):
    """Start Virtuoso in ``folder``, load ``release_out``'s current release with ``publish`` and yield /sparql's URL."""
    release = (release_out / "current").resolve()
    _complete_dumps(release)
    with running_virtuoso(folder, release / "dumps") as (url, sql_address):
        publish(release, sql_address, "dba", "dba")
        yield url


def _complete_dumps(release: Path) -> None:
    """The tests' hand-written releases have no dumps with the ontology: write them from the release's store."""
    if (release / "dumps" / QUADS_DUMP).exists():
        return
    store = pyoxigraph.Store.read_only(str(release / "store"))
    named = [q for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    union = [q.triple for q in store if isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    pyoxigraph.serialize(named, str(release / "dumps" / "quads.nq"), pyoxigraph.RdfFormat.N_QUADS)
    pyoxigraph.serialize(union, str(release / "dumps" / "union.nt"), pyoxigraph.RdfFormat.N_TRIPLES)
    for plain, name in (("quads.nq", QUADS_DUMP), ("union.nt", UNION_DUMP)):
        subprocess.run(["gzip", "-c", str(release / "dumps" / plain)], check=True,
                       stdout=(release / "dumps" / name).open("wb"))
