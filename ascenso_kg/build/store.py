"""Fill an Oxigraph store the way every ascenso-kg store is filled.

The named graphs hold what each source said; the default graph holds their union once, as a set. Oxigraph's own
union option (``use_default_graph_as_union``) repeats a triple once per graph that states it, so a club typed in three
articles would come back three times; a stored default graph gives the set union the SPARQL protocol describes, for
the embedded store and for any server opened on it alike.
"""

from __future__ import annotations

from collections import deque
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

    Oxigraph's bulk loader releases the GIL, so it runs on the second core. Texts are gathered into loads of about
    ``chunk_bytes`` (one bulk load per article would leave thousands of small files for RocksDB to merge), and a
    larger text is cut at line ends: the loader's memory grows with the size of one load (about five times the
    text). At most ``pending`` loads wait at a time, so a build that maps faster than the store loads waits rather
    than holding the text of every article. Loads are given to Oxigraph from memory: through a file they were no
    faster. N-Triples lines are N-Quads lines in the default graph, so the union text is loaded the same way.
    ``close()`` waits for every load, raises the first failure, and closes the store so that its folder can be moved.
    """

    def __init__(self, location: Path, chunk_bytes: int = 32 * 2**20, pending: int = 2):
        self.location = location
        self.chunk_bytes = chunk_bytes
        self.pending = pending
        self._store = Store(str(location))
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="store-loader")
        self._loads: deque[Future[None]] = deque()
        self._gathered: list[bytes] = []
        self._gathered_bytes = 0

    def load(self, text: bytes) -> None:
        """Queue N-Quads (or N-Triples, for the default graph) text for loading."""
        self._gathered.append(text)
        self._gathered_bytes += len(text)
        if self._gathered_bytes >= self.chunk_bytes:
            self._submit()

    def load_file(self, path: Path) -> None:
        """Queue an N-Quads (or N-Triples) file for loading; it must stay in place until ``wait()``."""
        for chunk in whole_lines(file_blocks(path, self.chunk_bytes)):
            self.load(chunk)

    def wait(self) -> None:
        """Wait for the queued loads (raising the first failure)."""
        self._submit()
        while self._loads:
            self._loads.popleft().result()

    def close(self) -> None:
        try:
            self.wait()
            self._store.flush()
        finally:
            self._thread.shutdown(wait=True, cancel_futures=True)
            del self._store  # closes RocksDB

    def _submit(self) -> None:
        if not self._gathered:
            return
        text = b"".join(self._gathered)
        self._gathered, self._gathered_bytes = [], 0
        while len(self._loads) >= self.pending or (self._loads and self._loads[0].done()):
            self._loads.popleft().result()
        self._loads.append(self._thread.submit(self._load_in_chunks, text))

    def _load_in_chunks(self, text: bytes) -> None:
        if len(text) < 2 * self.chunk_bytes:  # a gathered load: as it is, without a copy
            self._store.bulk_load(text, format=RdfFormat.N_QUADS)
            return
        for chunk in line_chunks(text, self.chunk_bytes):
            self._store.bulk_load(bytes(chunk), format=RdfFormat.N_QUADS)


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
