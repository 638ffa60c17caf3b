"""An in-memory copy of the release's store, which a query process answers from once it is loaded.

Oxigraph evaluates the same queries 2 to 8 times faster on its in-memory store than on the RocksDB store the release
ships (100 seasons: the heaviest example 8.0 s → 2.0 s), so a query process whose release is small enough
(``QUERY_IN_MEMORY_MAX_QUADS``) loads one in a background thread and then answers from it. Each process holds its
own copy: forked processes would not share it for long (queries write to the store's pages).

How it is loaded (measured at 100 seasons, 2,497,307 quads, on 2 busy cores): the release's N-Quads dump of its named
graphs is bulk-loaded (8 s), then the default graph, the union of the named graphs as a set as the build writes it,
is filled graph by graph with a SPARQL update run inside Oxigraph (13 s; one update over every graph at once took 6 s
but held the solutions in memory, 1.4 GiB at its peak instead of 0.9). The copy is then compared with the store by
its count of quads; a release without that dump, or one whose count differs, is copied from the store itself
quad by quad (``extend`` in chunks; ``bulk_extend`` took 24 s but twice the memory, a dump streamed into
``bulk_load`` 36 s). ``bulk_load`` gives blank nodes
new labels, so the quads holding one are taken from the store (both ways, a copy answers with the store's labels).
The copy holds about 340 bytes per quad (0.8 GiB at 100 seasons, also the peak while loading).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph
from pyoxigraph import RdfFormat

log = logging.getLogger(__name__)

QUADS_DUMP = "ascenso-kg-with-ontology.nq"  # the release's named graphs (data, ontology, validation report)
# Bytes a copy may add to a process while it loads, per quad: measured at most 350 at 100 seasons (from the dump),
# 670 on a store whose every object is a distinct literal (copied from the store); the rest is margin. Once loaded,
# the process's limits are raised by the copy's measured size instead (query_worker.py).
BYTES_PER_QUAD = 1000


@dataclass(frozen=True)
class CopyPlan:
    """How the query processes load their copy: ``dump`` first if it is given, and the memory it may take."""

    dump: str | None
    allowance: int  # bytes: the heap limit and the recycling size of each process are raised by it while it loads


def release_quads(manifest: dict) -> int | None:
    """The quads of the release's store as its manifest records them: its graphs' triples plus the default graph's
    (``triples``); None if the manifest does not say."""
    graphs, triples = manifest.get("graphs"), manifest.get("triples")
    if not isinstance(graphs, dict) or not isinstance(triples, int):
        return None
    return sum(graphs.values()) + triples


def plan_copy(manifest: dict, dumps_dir: Path, max_quads: int | None) -> CopyPlan | None:
    """A copy for a release of at most ``max_quads`` quads (0 or None: never; a manifest without counts: never)."""
    quads = release_quads(manifest)
    if not max_quads or quads is None or quads > max_quads:
        return None
    dump = dumps_dir / QUADS_DUMP
    return CopyPlan(str(dump) if dump.is_file() else None, max(quads, 1) * BYTES_PER_QUAD)


def lower_this_thread() -> None:
    """Run the calling thread (a copy's loader) at the lowest CPU priority, so requests keep the cores; the threads
    Oxigraph starts to load inherit it (Linux keeps a nice value per thread)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except OSError:
        pass


def load_copy(disk: pyoxigraph.Store, dump: str | None) -> pyoxigraph.Store:
    """A memory store holding exactly the quads of ``disk``, blank nodes under the same labels."""
    expected = len(disk)
    if dump:
        try:
            copy = _from_dump(disk, dump)
        except (OSError, SyntaxError) as error:
            log.warning("the release's dump could not be loaded (%s); copying the store itself", error)
        else:
            if len(copy) == expected:
                return copy
            log.warning("the release's dump and its store differ (%d and %d quads); copying the store itself",
                        len(copy), expected)
            del copy
    copy, quads = pyoxigraph.Store(), disk.quads_for_pattern(None, None, None, None)
    # extend, in chunks: bulk_extend's threads held twice the copy's size at their peak in a query process
    while chunk := list(islice(quads, 100_000)):
        copy.extend(chunk)
    return copy


_WITH_BLANK_NODES = "GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o))"


def _from_dump(disk: pyoxigraph.Store, dump: str) -> pyoxigraph.Store:
    copy = pyoxigraph.Store()
    copy.bulk_load(path=dump, format=RdfFormat.N_QUADS)
    # bulk_load gives blank nodes new labels: the few quads holding one (the ontology's lists and restrictions, the
    # validation report) are taken from the store instead, so answers name them as the store does.
    copy.update(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ {_WITH_BLANK_NODES} }}")
    copy.extend(pyoxigraph.Quad(s, p, o, g) for s, p, o, g in disk.query(
        f"SELECT ?s ?p ?o ?g WHERE {{ {_WITH_BLANK_NODES} }}"))
    for graph in list(copy.named_graphs()):  # graph by graph: one update over all held every solution at once
        copy.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return copy
