"""Fill an Oxigraph store the way every ascenso-kg store is filled.

The named graphs hold what each source said; the default graph holds their union once, as a set. Oxigraph's own
union option (``use_default_graph_as_union``) repeats a triple once per graph that states it, so a club typed in three
articles would come back three times; a stored default graph gives the set union the SPARQL protocol describes, for
the embedded store and for any server opened on it alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Store, serialize

from .dumps import file_blocks


def fill(store: Store, quads: Iterable[Quad]) -> Store:
    """Add the quads and their union (as the default graph) to an empty store."""
    quads = list(quads)
    union = {quad.triple for quad in quads}
    # N-Triples lines are N-Quads lines in the default graph: one bulk load takes both.
    store.bulk_load(serialize(quads, format=RdfFormat.N_QUADS) + serialize(union, format=RdfFormat.N_TRIPLES),
                    format=RdfFormat.N_QUADS)
    return store


class StoreLoader:
    """Fills the on-disk store of a release on a thread of its own, while the build goes on with the dumps.

    Oxigraph's bulk loader releases the GIL, so it runs on the second core. Its memory grows with the size of one
    load (about five times the text), so texts are loaded in chunks of whole lines (``chunk_bytes``): a hundred
    seasons then load in a few hundred MiB, not two GiB. Each chunk goes through a file beside the store, which the
    loader streams from the page cache. N-Triples lines are N-Quads lines in the default graph, so the union text
    is loaded the same way. ``close()`` waits for every load, raises the first failure, and closes the store so that
    its folder can be moved.
    """

    def __init__(self, location: Path, chunk_bytes: int = 32 * 2**20):
        self.location = location
        self.chunk_bytes = chunk_bytes
        self._store = Store(str(location))
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="store-loader")
        self._loads: list[Future[None]] = []

    def load(self, text: bytes) -> None:
        """Queue N-Quads (or N-Triples, for the default graph) text for loading."""
        self._loads.append(self._thread.submit(self._load_in_chunks, text))

    def load_file(self, path: Path) -> None:
        """Queue an N-Quads (or N-Triples) file for loading; it must stay in place until ``wait()``."""
        def load() -> None:
            for chunk in whole_lines(file_blocks(path, self.chunk_bytes)):
                self._load_chunk(chunk)

        self._loads.append(self._thread.submit(load))

    def wait(self) -> None:
        """Wait for the queued loads (raising the first failure)."""
        for load in self._loads:
            load.result()

    def close(self) -> None:
        try:
            self.wait()
            self._store.flush()
        finally:
            self._thread.shutdown(wait=True, cancel_futures=True)
            del self._store  # closes RocksDB

    def _load_in_chunks(self, text: bytes) -> None:
        for chunk in line_chunks(text, self.chunk_bytes):
            self._load_chunk(chunk)

    def _load_chunk(self, chunk: bytes | memoryview) -> None:
        chunk_file = self.location.with_name(self.location.name + "-chunk.nq")
        try:
            chunk_file.write_bytes(chunk)
            self._store.bulk_load(path=str(chunk_file), format=RdfFormat.N_QUADS)
        finally:
            chunk_file.unlink(missing_ok=True)


def line_chunks(text: bytes, size: int) -> Iterator[memoryview]:
    """``text`` in pieces of about ``size`` bytes, each ending at a line end."""
    view = memoryview(text)
    start = 0
    while start < len(text):
        end = text.find(b"\n", start + size - 1) + 1 or len(text)
        yield view[start:end]
        start = end


def memory_store(quads: Iterable[Quad]) -> Store:
    """An in-memory store filled like a built one (tests, validation of a dump)."""
    return fill(Store(), quads)


def whole_lines(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """The text of the blocks again, each piece ending at a line end (but the last, if the text does not)."""
    rest = b""
    for block in blocks:
        block = rest + block
        end = block.rfind(b"\n") + 1
        rest = block[end:]
        if end:
            yield block[:end]
    if rest:
        yield rest
