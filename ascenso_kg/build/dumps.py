"""Write the dump files of a release, byte for byte the same for the same input.

Statements arrive as values of N-Triples terms (``mappings.rdf.ntriples.Statement``); they are de-duplicated and
sorted (in the order of their lines), Turtle is produced by Oxigraph's serializer from the sorted N-Triples, and gzip headers carry no time or file name,
so that two builds of the same articles give identical files (and identical checksums). (The with-ontology files
are the data's files followed by the ontology's and the report's lines; see ``build``.)

Big texts are written block by block, the plain file, its gzipped copy and their checksums in one pass (``TextDump``),
so that no dump of a thousand seasons sits whole in memory.
"""

from __future__ import annotations

import hashlib
import io
import mmap
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path

from isal import isal_zlib
from pyoxigraph import RdfFormat, parse, serialize

from ..iris import prefixes
from ..mappings.rdf.ntriples import Statement

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
    """Statements as their sorted, distinct N-Quads lines and the sorted, distinct N-Triples lines of their union."""

    quads: list[str]
    triples: list[str]

    @classmethod
    def of(cls, statements: Iterable[Statement]) -> Lines:
        """The lines of statements in any order, repeats allowed: a statement's triple follows its first quad.

        The lines are made first and sorted as text (statements sort as their lines do), which is faster than
        sorting the statements' tuples; a triple line is its quad line without the graph, an IRI (the last term,
        with no space in it)."""
        return cls.of_quads(quad_lines(statements))

    @classmethod
    def of_quads(cls, quads: list[str]) -> Lines:
        """The lines of sorted, distinct N-Quads lines."""
        lines, previous = cls(quads, []), None
        for quad in quads:
            triple = quad[:quad.rindex(" <")] + " .\n"
            if triple != previous:
                lines.triples.append(triple)
                previous = triple
        return lines

    def nquads(self) -> bytes:
        return _encoded(self.quads)

    def ntriples(self) -> bytes:
        return _encoded(self.triples)


def quad_lines(statements: Iterable[Statement]) -> list[str]:
    """The sorted, distinct N-Quads lines of statements in any order, repeats allowed."""
    return sorted({f"{subject} {predicate} {value} {graph} .\n" for subject, predicate, value, graph in statements})


def encoded_quad_lines(statements: Iterable[Statement]) -> list[bytes]:
    """``quad_lines``, each line UTF-8 encoded: the lines a graph is loaded, merged and written as. Encoded before
    they are sorted, since UTF-8 keeps the order of the text: bytes compare faster than text that holds a character
    beyond Latin-1 (the en dash of "2012–13"), and the graph's text is then joined without another copy."""
    return sorted({f"{subject} {predicate} {value} {graph} .\n".encode()
                   for subject, predicate, value, graph in statements})


def triple_line(quad: bytes) -> bytes:
    """An encoded N-Quads line's N-Triples line: the quad without its graph (an IRI, the last term: no space in it)."""
    return quad[:quad.rindex(b" <")] + b" .\n"


def _encoded(lines: list[str]) -> bytes:
    return b"".join(encoded_blocks(lines))


BLOCK_LINES = 65536


def encoded_blocks(lines: list[str], chunk: int = BLOCK_LINES) -> Iterator[bytes]:
    """The lines as UTF-8 text, a block of ``chunk`` lines at a time: joining them into one ``str`` first would hold
    a second copy of the text, at two bytes a character as soon as one line has a character beyond Latin-1 (the en
    dash of "2012–13")."""
    for start in range(0, len(lines), chunk):
        yield "".join(lines[start:start + chunk]).encode()


def file_blocks(path: Path, size: int = 16 * 2**20) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(size):
            yield block


def turtle(ntriples: bytes | Path, base: str, target: Path | None = None) -> bytes | None:
    """N-Triples (text, or a file) as Turtle: returned, or written to ``target`` (a large graph's, streamed)."""
    # Many resource IRIs hold slashes past their kind (players, ties, goals), which a prefixed name would have to
    # escape: the dumps write every resource IRI in full.
    vocabularies = {name: iri for name, iri in prefixes(base).items() if not iri.startswith(base + "resource/")}
    parsed = parse(path=str(ntriples), format=RdfFormat.N_TRIPLES) if isinstance(ntriples, Path) \
        else parse(ntriples, format=RdfFormat.N_TRIPLES)
    if target is not None:
        serialize(parsed, str(target), format=RdfFormat.TURTLE, prefixes=vocabularies)
        return None
    return serialize(parsed, format=RdfFormat.TURTLE, prefixes=vocabularies)


def write_turtle_dump(release: Path, relative: str, ntriples: Path, base: str, scratch: Path, triples: int,
                      description: str) -> list[DumpFile]:
    """A large graph's Turtle (from its N-Triples file) as ``dumps/<relative>`` and gzipped, through ``scratch``.

    The gzip stream gets the text in one block, as it always has (its bytes depend on how the text is cut)."""
    turtle(ntriples, base, scratch)
    with scratch.open("rb") as handle, \
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if scratch.stat().st_size else nullcontext(b"") as text:
        # mapped, not read: the page cache holds the text, and the gzip stream gets it whole
        files = write_text(release, relative, [text], triples, description)
    scratch.unlink()
    return files


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


class TextDump:
    """A text written block by block, in one pass, as ``dumps/<relative>.gz`` and, if ``plain``, as
    ``dumps/<relative>``; ``copy`` receives the plain text too, unlisted (a scratch file for later steps). A context
    manager: the files are complete on leaving it without an error, and ``files()`` describes them."""

    def __init__(self, release: Path, relative: str, plain: bool = True, copy: Path | None = None):
        self.relative = relative
        self._open = ExitStack()
        self._compressor = _gzip_compressor()
        with ExitStack() as opening:  # a failure to open one closes those already open
            self._gzipped = opening.enter_context(_Sink(release, f"dumps/{relative}.gz"))
            self._plain = opening.enter_context(_Sink(release, f"dumps/{relative}")) if plain else None
            self._copy = opening.enter_context(copy.open("wb")) if copy is not None else None
            self._open = opening.pop_all()

    def write(self, block: bytes) -> None:
        self._gzipped.write(self._compressor.compress(block))
        if self._plain is not None:
            self._plain.write(block)
        if self._copy is not None:
            self._copy.write(block)

    def __enter__(self) -> TextDump:
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        with self._open:
            if exc_type is None:
                self._gzipped.write(self._compressor.flush())

    def files(self, triples: int, description: str) -> list[DumpFile]:
        kind = FORMAT_NAMES[Path(self.relative).suffix]
        files = [self._gzipped.describe(triples, f"{description} ({kind}, gzipped)")]
        if self._plain is not None:
            files.insert(0, self._plain.describe(triples, f"{description} ({kind})"))
        return files


def write_text(release: Path, relative: str, blocks: Iterable[bytes], triples: int, description: str,
               plain: bool = True, copy: Path | None = None) -> list[DumpFile]:
    """Write a text given block by block (see ``TextDump``). Only one block is in memory at a time."""
    with TextDump(release, relative, plain, copy) as dump:
        for block in blocks:
            dump.write(block)
    return dump.files(triples, description)


def write_file(release: Path, relative: str, data: bytes, triples: int, description: str) -> DumpFile:
    with _Sink(release, relative) as sink:
        sink.write(data)
    return sink.describe(triples, description)


def write_dump_set(release: Path, stem: str, lines: Lines, base: str, description: str,
                   plain: tuple[str, ...] = (".ttl", ".nq"), scratch: Path | None = None,
                   nquads: bytes | None = None) -> list[DumpFile]:
    """``stem`` in Turtle, N-Triples and N-Quads, gzipped, plus plain copies of the formats in ``plain``. With
    ``scratch``, the N-Triples also go to that file and the Turtle is made from it, so that no whole text is held in
    memory. ``nquads``: the N-Quads text of ``lines`` if the caller has it already."""
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
    # the gzip stream depends on how its text is cut: blocks of ``BLOCK_LINES`` lines, as always
    blocks = [nquads] if nquads is not None and len(lines.quads) <= BLOCK_LINES else encoded_blocks(lines.quads)
    return files + write_text(release, f"{stem}.nq", blocks, len(lines.quads), description, ".nq" in plain)


def write_article_dumps(release: Path, stem: str, nquads: bytes, base: str, description: str) -> list[DumpFile]:
    """An article's dump set (gzipped only) from its sorted, distinct N-Quads text, the text the store loads: the
    dump writer's job, so the N-Triples are derived and the Turtle serialized off the build's own process.

    The files of ``write_dump_set`` (``plain=()``), from the encoded lines as they are: no line is decoded and
    encoded again (UTF-8 keeps the order of the text, and a space and a ``<`` are never part of a longer character)."""
    quads = io.BytesIO(nquads).readlines()  # cut at line feeds only
    triples, previous = [], None
    for quad in quads:
        triple = triple_line(quad)
        if triple != previous:
            triples.append(triple)
            previous = triple
    ntriples = b"".join(triples)
    files = write_text(release, f"{stem}.nt", [ntriples], len(triples), description, plain=False)
    files = write_text(release, f"{stem}.ttl", [turtle(ntriples, base)], len(triples), description,
                       plain=False) + files
    del ntriples, triples
    # the gzip stream depends on how its text is cut: blocks of ``BLOCK_LINES`` lines, as ``write_dump_set``'s
    blocks = [nquads] if len(quads) <= BLOCK_LINES else \
        (b"".join(quads[start:start + BLOCK_LINES]) for start in range(0, len(quads), BLOCK_LINES))
    return files + write_text(release, f"{stem}.nq", blocks, len(quads), description, plain=False)


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
