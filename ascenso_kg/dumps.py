"""Write the dump files of a release, byte for byte the same for the same input.

Statements arrive as N-Triples text (see ``mappings.ntriples``); lines are de-duplicated and sorted as strings,
Turtle is produced by Oxigraph's serializer from the sorted N-Triples, and gzip headers carry no time or file name,
so that two builds of the same articles give identical files (and identical checksums).
"""

from __future__ import annotations

import gzip
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

    def nquads(self) -> bytes:
        return "".join(self.quads).encode()

    def ntriples(self) -> bytes:
        return "".join(self.triples).encode()


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
    ntriples = lines.ntriples()
    contents = {
        ".ttl": (lambda: turtle(ntriples, base), len(lines.triples)),
        ".nt": (lambda: ntriples, len(lines.triples)),
        ".nq": (lines.nquads, len(lines.quads)),
    }
    files = []
    for suffix, (render, count) in contents.items():
        data = render()
        kind = FORMAT_NAMES[suffix]
        if suffix in plain:
            files.append(write_file(release, f"dumps/{stem}{suffix}", data, count, f"{description} ({kind})"))
        files.append(write_file(release, f"dumps/{stem}{suffix}.gz", gzip_bytes(data), count,
                                f"{description} ({kind}, gzipped)"))
    return files
