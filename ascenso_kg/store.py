"""Fill an Oxigraph store the way every ascenso-kg store is filled.

The named graphs hold what each source said; the default graph holds their union once, as a set. Oxigraph's own
union option (``use_default_graph_as_union``) repeats a triple once per graph that states it, so a club typed in three
articles would come back three times; a stored default graph gives the set union the SPARQL protocol describes, for
the embedded store and for any server opened on it alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from pyoxigraph import Quad, RdfFormat, Store, serialize

from .dumps import triples_of


def fill(store: Store, quads: Iterable[Quad]) -> Store:
    """Add the quads and their union (as the default graph) to an empty store."""
    quads = list(quads)
    store.bulk_load(serialize(quads, format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    store.bulk_load(serialize(triples_of(quads), format=RdfFormat.N_TRIPLES), format=RdfFormat.N_TRIPLES)
    return store


def load_nquads_file(store: Store, path: Path, union: Iterable[Quad]) -> Store:
    """Bulk-load an N-Quads dump (fast, streamed from disk) and the union of ``union`` as the default graph."""
    store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    store.bulk_load(serialize(triples_of(union), format=RdfFormat.N_TRIPLES), format=RdfFormat.N_TRIPLES)
    return store


def memory_store(quads: Iterable[Quad]) -> Store:
    """An in-memory store filled like a built one (tests, validation of a dump)."""
    return fill(Store(), quads)
