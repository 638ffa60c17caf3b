"""Write the dump files of a release, byte for byte the same for the same input.

Quads are sorted before they are serialized and gzip headers carry no time or file name, so that two builds of the
same articles give identical files (and identical checksums).
"""

from __future__ import annotations

import gzip
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from .iris import prefixes

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
}


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


def sort_quads(quads: Iterable[Quad]) -> list[Quad]:
    unique = set(quads)
    return sorted(unique, key=lambda quad: (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object)))


def triples_of(quads: Iterable[Quad]) -> list[Triple]:
    """The union of the quads' graphs as sorted, distinct triples."""
    unique = {Triple(quad.subject, quad.predicate, quad.object) for quad in quads}
    return sorted(unique, key=lambda triple: (str(triple.subject), str(triple.predicate), str(triple.object)))


def serialize_bytes(quads: list[Quad], suffix: str, base: str) -> tuple[bytes, int]:
    if suffix == ".nq":
        return serialize(quads, format=RdfFormat.N_QUADS), len(quads)
    triples = triples_of(quads)
    if suffix == ".ttl":
        # Resource IRIs hold slashes, which a prefixed name would have to escape: they are written in full.
        vocabularies = {name: iri for name, iri in prefixes(base).items() if name != "res"}
        return serialize(triples, format=RdfFormat.TURTLE, prefixes=vocabularies), len(triples)
    return serialize(triples, format=RdfFormat.N_TRIPLES), len(triples)


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(data)
    return buffer.getvalue()


def write_file(release: Path, relative: str, data: bytes, triples: int, description: str) -> DumpFile:
    target = release / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    gzipped = relative.endswith(".gz")
    suffix = Path(relative.removesuffix(".gz")).suffix
    return DumpFile(
        path=relative,
        media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"),
        encoding="gzip" if gzipped else None,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        triples=triples,
        description=description,
    )


def write_dump_set(release: Path, stem: str, quads: list[Quad], base: str, description: str,
                   plain: tuple[str, ...] = (".ttl", ".nq")) -> list[DumpFile]:
    """``stem`` in Turtle, N-Triples and N-Quads, gzipped, plus plain copies of the formats in ``plain``."""
    files = []
    for suffix in (".ttl", ".nt", ".nq"):
        data, count = serialize_bytes(quads, suffix, base)
        kind = {".ttl": "Turtle", ".nt": "N-Triples", ".nq": "N-Quads"}[suffix]
        if suffix in plain:
            files.append(write_file(release, f"dumps/{stem}{suffix}", data, count, f"{description} ({kind})"))
        files.append(write_file(release, f"dumps/{stem}{suffix}.gz", gzip_bytes(data), count,
                                f"{description} ({kind}, gzipped)"))
    return files
