"""Write the dump files of a release, byte for byte the same for the same input.

Statements arrive as N-Triples text (see ``mappings.ntriples``); lines are de-duplicated and sorted as strings,
Turtle is produced by Oxigraph's serializer from the sorted N-Triples, and gzip headers carry no time or file name,
so that two builds of the same articles give identical files (and identical checksums).
"""

from __future__ import annotations

import gzip
import heapq
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from pyoxigraph import RdfFormat, parse, serialize

from .iris import prefixes
from .mappings.ntriples import quad_line, triple_line

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
}
FORMAT_NAMES = {".ttl": "Turtle", ".nt": "N-Triples", ".nq": "N-Quads"}


@dataclass(frozen=True)
class DumpFile:
    path: str  # relative to the release folder
    media_type: str
    encoding: str | None
    size: int
    sha256: str
    triples: int
    description: str

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Lines:
    """A graph set as sorted, distinct N-Quads lines and the sorted, distinct N-Triples lines of their union."""

    quads: list[str]
    triples: list[str]

    @classmethod
    def of(cls, graphs: Mapping[str, Iterable[str]]) -> "Lines":
        quads = {quad_line(s, graph) for graph, statements in graphs.items() for s in statements}
        triples = {triple_line(s) for statements in graphs.values() for s in statements}
        return cls(sorted(quads), sorted(triples))

    def merged(self, other: "Lines") -> "Lines":
        """Both sets of lines, sorted and distinct, sharing the strings of both (no copy of a line)."""
        return Lines(_merge_distinct(self.quads, other.quads), _merge_distinct(self.triples, other.triples))

    def nquads(self) -> bytes:
        return _encoded(self.quads)

    def ntriples(self) -> bytes:
        return _encoded(self.triples)


def _encoded(lines: list[str], chunk: int = 65536) -> bytes:
    """The lines as one UTF-8 text, encoded a chunk at a time: joining them into one ``str`` first would hold a
    second copy of the text, at two bytes a character as soon as one line has a character beyond Latin-1 (the en
    dash of "2012–13")."""
    return b"".join("".join(lines[start:start + chunk]).encode() for start in range(0, len(lines), chunk))


def _merge_distinct(first: list[str], second: list[str]) -> list[str]:
    merged: list[str] = []
    for line in heapq.merge(first, second):
        if not merged or merged[-1] != line:
            merged.append(line)
    return merged


def turtle(ntriples: bytes, base: str) -> bytes:
    # Many resource IRIs hold slashes past their kind (players, ties, goals), which a prefixed name would have to
    # escape: the dumps write every resource IRI in full.
    vocabularies = {name: iri for name, iri in prefixes(base).items() if not iri.startswith(base + "resource/")}
    return serialize(parse(ntriples, format=RdfFormat.N_TRIPLES), format=RdfFormat.TURTLE, prefixes=vocabularies)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def write_file(release: Path, relative: str, data: bytes, triples: int, description: str) -> DumpFile:
    target = release / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    suffix = Path(relative.removesuffix(".gz")).suffix
    return DumpFile(
        path=relative,
        media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"),
        encoding="gzip" if relative.endswith(".gz") else None,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        triples=triples,
        description=description,
    )


def write_dump_set(release: Path, stem: str, lines: Lines, base: str, description: str,
                   plain: tuple[str, ...] = (".ttl", ".nq")) -> list[DumpFile]:
    """``stem`` in Turtle, N-Triples and N-Quads, gzipped, plus plain copies of the formats in ``plain``."""
    def write(suffix: str, data: bytes, count: int) -> list[DumpFile]:
        kind = FORMAT_NAMES[suffix]
        written = []
        if suffix in plain:
            written.append(write_file(release, f"dumps/{stem}{suffix}", data, count, f"{description} ({kind})"))
        written.append(write_file(release, f"dumps/{stem}{suffix}.gz", gzip_bytes(data), count,
                                  f"{description} ({kind}, gzipped)"))
        return written

    # One text at a time: the N-Triples go before the N-Quads are made (a hundred seasons' are 250 MB each).
    ntriples = lines.ntriples()
    files = write(".ttl", turtle(ntriples, base), len(lines.triples))
    files += write(".nt", ntriples, len(lines.triples))
    del ntriples
    files += write(".nq", lines.nquads(), len(lines.quads))
    return files
