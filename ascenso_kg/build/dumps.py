"""Write the dump files of a release, byte for byte the same for the same input.

Statements arrive as N-Triples text (see ``mappings.ntriples``); lines are de-duplicated and sorted as strings,
Turtle is produced by Oxigraph's serializer from the sorted N-Triples, and gzip headers carry no time or file name,
so that two builds of the same articles give identical files (and identical checksums). (The with-ontology files
are the data's files followed by the ontology's and the report's lines; see ``build``.)

Big texts are written block by block, the plain file, its gzipped copy and their checksums in one pass, so that a
hundred seasons' dumps never sit whole in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from isal import isal_zlib
from pyoxigraph import RdfFormat, parse, serialize

from ..iris import prefixes
from ..mappings.rdf.ntriples import quad_line, triple_line

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
}
FORMAT_NAMES = {".ttl": "Turtle", ".nt": "N-Triples", ".nq": "N-Quads"}
GZIP_LEVEL = 2
GZIP_WBITS = 31  # a gzip header and trailer around the deflate stream


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
    def of(cls, graphs: Mapping[str, Iterable[str]]) -> Lines:
        return cls.of_each(DistinctStatements.of(graphs))[0]

    @classmethod
    def of_each(cls, distinct: DistinctStatements) -> tuple[Lines, dict[str, Lines]]:
        """The lines of all the graphs, and of each graph (sharing the same strings).

        One sort of the distinct statements orders every list: a statement is followed by a space in both its lines,
        and nothing after a statement's end sorts before a space, so its lines sort as the statements do, then
        (N-Quads) as their graphs followed by ``>``."""
        whole, each = cls([], []), {graph: cls([], []) for graph in distinct.graphs}
        for statement in sorted(distinct.graphs_of):
            triple = triple_line(statement)
            whole.triples.append(triple)
            for graph in distinct.graphs_stating(statement):
                quad = quad_line(statement, graph)
                whole.quads.append(quad)
                each[graph].quads.append(quad)
                each[graph].triples.append(triple)
        return whole, each

    def nquads(self) -> bytes:
        return _encoded(self.quads)

    def ntriples(self) -> bytes:
        return _encoded(self.triples)


@dataclass(frozen=True)
class DistinctStatements:
    """Each distinct statement of a graph set, with the graphs stating it (in N-Quads order)."""

    graphs: tuple[str, ...]
    graphs_of: dict[str, str | list[str]]  # a statement's graph, or its graphs when there are several

    @classmethod
    def of(cls, graphs: Mapping[str, Iterable[str]]) -> DistinctStatements:
        graphs_of: dict[str, str | list[str]] = {}
        for graph, statements in graphs.items():
            for statement in statements:
                seen = graphs_of.setdefault(statement, graph)
                if seen == graph:
                    continue
                if isinstance(seen, str):
                    graphs_of[statement] = sorted({seen, graph}, key=_graph_order)
                elif graph not in seen:
                    seen.append(graph)
                    seen.sort(key=_graph_order)
        return cls(tuple(graphs), graphs_of)

    def graphs_stating(self, statement: str) -> list[str]:
        graphs = self.graphs_of[statement]
        return [graphs] if isinstance(graphs, str) else graphs

    def nquads_blocks(self, chunk: int = 65536) -> Iterator[bytes]:
        """Every statement as a quad of each graph stating it and as a triple of the default graph, unsorted (what
        a store needs, without waiting for the sort)."""
        statements = list(self.graphs_of)
        for start in range(0, len(statements), chunk):
            block = statements[start:start + chunk]
            quads = "".join(quad_line(s, graph) for s in block for graph in self.graphs_stating(s))
            yield (quads + "".join(triple_line(s) for s in block)).encode()


def _graph_order(graph: str) -> str:
    return graph + ">"  # as it ends in an N-Quads line: "…/2012> ." sorts after "…/2012-13> ."


def _encoded(lines: list[str]) -> bytes:
    return b"".join(encoded_blocks(lines))


def encoded_blocks(lines: list[str], chunk: int = 65536) -> Iterator[bytes]:
    """The lines as UTF-8 text, a block of ``chunk`` lines at a time: joining them into one ``str`` first would hold
    a second copy of the text, at two bytes a character as soon as one line has a character beyond Latin-1 (the en
    dash of "2012–13")."""
    for start in range(0, len(lines), chunk):
        yield "".join(lines[start:start + chunk]).encode()


def file_blocks(path: Path, size: int = 16 * 2**20) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(size):
            yield block


def turtle(ntriples: bytes | Path, base: str) -> bytes:
    """N-Triples (text, or a file) as Turtle."""
    # Many resource IRIs hold slashes past their kind (players, ties, goals), which a prefixed name would have to
    # escape: the dumps write every resource IRI in full.
    vocabularies = {name: iri for name, iri in prefixes(base).items() if not iri.startswith(base + "resource/")}
    parsed = parse(path=str(ntriples), format=RdfFormat.N_TRIPLES) if isinstance(ntriples, Path) \
        else parse(ntriples, format=RdfFormat.N_TRIPLES)
    return serialize(parsed, format=RdfFormat.TURTLE, prefixes=vocabularies)


def _gzip_compressor():
    # ISA-L's igzip at its default level: a standard gzip stream (no time or file name in its header), ten times
    # faster than zlib's level 6 on these dumps for about a third more bytes (a hundred seasons' N-Quads: 14.5 MB
    # against 11.2 MB).
    return isal_zlib.compressobj(GZIP_LEVEL, isal_zlib.DEFLATED, GZIP_WBITS)


class _Sink:
    """One file being written (a context manager: closed on leaving), with its size and checksum."""

    def __init__(self, release: Path, relative: str):
        self.relative = relative
        target = release / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        self.handle = target.open("wb")
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, block: bytes) -> None:
        self.handle.write(block)
        self.digest.update(block)
        self.size += len(block)

    def __enter__(self) -> _Sink:
        return self

    def __exit__(self, *exc_info) -> None:
        self.handle.close()

    def describe(self, triples: int, description: str) -> DumpFile:
        suffix = Path(self.relative.removesuffix(".gz")).suffix
        return DumpFile(
            path=self.relative,
            media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"),
            encoding="gzip" if self.relative.endswith(".gz") else None,
            size=self.size,
            sha256=self.digest.hexdigest(),
            triples=triples,
            description=description,
        )


def write_text(release: Path, relative: str, blocks: Iterable[bytes], triples: int, description: str,
               plain: bool = True, copy: Path | None = None) -> list[DumpFile]:
    """Write a text given block by block, in one pass, as ``dumps/<relative>.gz`` and, if ``plain``, as
    ``dumps/<relative>``; ``copy`` receives the plain text too, unlisted (a scratch file for later steps). Only one
    block is in memory at a time."""
    kind = FORMAT_NAMES[Path(relative).suffix]
    compressor = _gzip_compressor()
    with ExitStack() as open_files:
        gzipped = open_files.enter_context(_Sink(release, f"dumps/{relative}.gz"))
        plain_file = open_files.enter_context(_Sink(release, f"dumps/{relative}")) if plain else None
        scratch = open_files.enter_context(copy.open("wb")) if copy is not None else None
        for block in blocks:
            gzipped.write(compressor.compress(block))
            if plain_file is not None:
                plain_file.write(block)
            if scratch is not None:
                scratch.write(block)
        gzipped.write(compressor.flush())
    files = [gzipped.describe(triples, f"{description} ({kind}, gzipped)")]
    if plain_file is not None:
        files.insert(0, plain_file.describe(triples, f"{description} ({kind})"))
    return files


def write_file(release: Path, relative: str, data: bytes, triples: int, description: str) -> DumpFile:
    with _Sink(release, relative) as sink:
        sink.write(data)
    return sink.describe(triples, description)


def write_dump_set(release: Path, stem: str, lines: Lines, base: str, description: str,
                   plain: tuple[str, ...] = (".ttl", ".nq"), scratch: Path | None = None) -> list[DumpFile]:
    """``stem`` in Turtle, N-Triples and N-Quads, gzipped, plus plain copies of the formats in ``plain``. With
    ``scratch``, the N-Triples also go to that file and the Turtle is made from it, so that no whole text is held in
    memory."""
    if scratch is None:
        ntriples: bytes | Path = lines.ntriples()
        files = write_text(release, f"{stem}.nt", [ntriples], len(lines.triples), description, ".nt" in plain)
    else:
        files = write_text(release, f"{stem}.nt", encoded_blocks(lines.triples), len(lines.triples), description,
                           ".nt" in plain, copy=scratch)
        ntriples = scratch
    files = write_text(release, f"{stem}.ttl", [turtle(ntriples, base)], len(lines.triples), description,
                       ".ttl" in plain) + files
    del ntriples
    return files + write_text(release, f"{stem}.nq", encoded_blocks(lines.quads), len(lines.quads), description,
                              ".nq" in plain)


CHECKSUMS_NAME = "SHA256SUMS"


def write_checksums(release: Path, files: Iterable[DumpFile]) -> Path:
    """``dumps/SHA256SUMS``: the sha256 of every dump, in the form ``sha256sum -c`` reads (paths relative to the
    dumps folder, so the check runs there after a download). Written from the digests taken while writing."""
    prefix = "dumps/"
    lines = sorted(f"{file.sha256}  {file.path.removeprefix(prefix)}\n" for file in files
                   if file.path.startswith(prefix))
    path = release / "dumps" / CHECKSUMS_NAME
    path.write_text("".join(lines), encoding="utf-8")
    return path
