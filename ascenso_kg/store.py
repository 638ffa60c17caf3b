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



def fill(store: Store, quads: Iterable[Quad]) -> Store:
    """Add the quads and their union (as the default graph) to an empty store."""
    quads = list(quads)
    store.bulk_load(serialize(quads, format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    union = {quad.triple for quad in quads}
    store.bulk_load(serialize(union, format=RdfFormat.N_TRIPLES), format=RdfFormat.N_TRIPLES)
    return store


def load_release_store(store: Store, nquads: Path, union_ntriples: bytes | Path) -> Store:
    """Bulk-load a release's N-Quads dump (streamed from disk) and, as the default graph, the N-Triples of its union
    (text, or a file streamed from disk)."""
    store.bulk_load(path=str(nquads), format=RdfFormat.N_QUADS)
    if isinstance(union_ntriples, Path):
        store.bulk_load(path=str(union_ntriples), format=RdfFormat.N_TRIPLES)
    else:
        store.bulk_load(union_ntriples, format=RdfFormat.N_TRIPLES)
    return store


def memory_store(quads: Iterable[Quad]) -> Store:
    """An in-memory store filled like a built one (tests, validation of a dump)."""
    return fill(Store(), quads)
