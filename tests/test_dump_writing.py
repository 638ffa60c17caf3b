"""The pieces the build writes its release with: lines per graph, dumps written in one pass, the chunked store
loader, and the with-ontology files assembled from the data's."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.build.dumps import Lines, encoded_quad_lines, quad_lines, write_dump_set, write_text
from ascenso_kg.build.sorted_runs import SortedRuns
from ascenso_kg.build.store import StoreLoader, fill, line_chunks, whole_lines
from ascenso_kg.mappings.rdf.ntriples import Statement, Term


def statements(graph: str, *triples: tuple[str, str, str]) -> list[Statement]:
    return [Statement(subject, predicate, Term(value) if value.startswith('"') else value, f"<{graph}>")
            for subject, predicate, value in triples]


GRAPHS = {
    "http://g/1": statements("http://g/1", ("<http://a>", "<http://p>", '"x"'), ("<http://a>", "<http://p>", '"x"@en'),
                             ("<http://a>", "<http://p>", "<http://b>"),
                             ("<http://a>", "<http://p>", '"x"^^<http://t>'), ("_:b1", "<http://p>", "_:b10")),
    "http://g/2": statements("http://g/2", ("<http://a>", "<http://p>", "<http://b>"),
                             ("<http://c>", "<http://q>", "<http://d>")),
    # IRIs one of which begins another: their lines, not their IRIs, decide the order
    "http://g/3": statements("http://g/3", ("<http://a-b>", "<http://p>", "<http://b>"),
                             ("<http://a>", "<http://p-q>", "<http://b>"), ("_:b1", "<http://p>", "_:b1")),
}
EVERY = [statement for graph in GRAPHS.values() for statement in graph]


def test_statements_sort_as_their_lines():
    every = EVERY + statements("http://g/1-2", ("<http://a>", "<http://p>", '"x"'))
    assert [s.quad_line() for s in sorted(every)] == sorted(s.quad_line() for s in every)
    assert [s.triple_line() for s in sorted(every)] == sorted(s.triple_line() for s in every)


def test_lines_are_the_sorted_distinct_lines_of_the_statements():
    every = EVERY + statements("http://g/1-2", ("<http://a>", "<http://p>", '"x"'), ("<http://a>", "<http://p>", "<http://b>")) \
        + statements("http://g/10", ("<http://a>", "<http://p>", "<http://b>"), ("<http://a>", "<http://p>", "<http://b>"))
    lines = Lines.of(every)
    assert lines.quads == sorted({f"{s.subject} {s.predicate} {s.object} {s.graph} .\n" for s in every})
    assert lines.triples == sorted({f"{s.subject} {s.predicate} {s.object} .\n" for s in every})


def test_encoded_lines_are_the_lines_encoded_in_the_same_order():
    # characters of one, two, three and four UTF-8 bytes: the bytes sort as the text does
    beyond = statements("http://g/4", *(("<http://a>", "<http://p>", f'"x{c}"') for c in "aé–\u2028\uffff😀"),
                        ("<http://a>", "<http://p>", '"x"'), ("<http://a>", "<http://p>", '"x–"'))
    every = EVERY + beyond + beyond[::-1]
    assert encoded_quad_lines(every) == [line.encode() for line in quad_lines(every)]


@pytest.mark.parametrize("run_size", [1, 2, 3, 1000])
def test_sorted_runs_take_lines_as_they_take_text(tmp_path: Path, run_size: int):
    by_text, by_lines = SortedRuns(tmp_path / "text", run_size), SortedRuns(tmp_path / "lines", run_size)
    for graph in GRAPHS.values():
        by_text.add(Lines.of(graph).nquads())
        by_lines.add_lines(encoded_quad_lines(graph))
    assert list(by_lines.merged()) == list(by_text.merged())


@pytest.mark.parametrize("run_size", [1, 2, 3, 1000])
def test_sorted_runs_merge_to_the_distinct_statements_in_order(tmp_path: Path, run_size: int):
    runs = SortedRuns(tmp_path / "runs", run_size)
    for graph in GRAPHS.values():
        runs.add(Lines.of(graph).nquads())
    merged = list(runs.merged())
    assert merged == [statement.quad_line().encode() for statement in sorted(set(EVERY))]
    spilled = len(list((tmp_path / "runs").glob("run-*")))
    assert spilled == 0 if run_size == 1000 else spilled >= 2


def test_a_graph_given_twice_is_merged_once(tmp_path: Path):
    runs = SortedRuns(tmp_path / "runs", 2)
    for _ in range(2):
        runs.add(Lines.of(GRAPHS["http://g/2"]).nquads())
    assert list(runs.merged()) == [s.quad_line().encode() for s in sorted(set(GRAPHS["http://g/2"]))]


@pytest.mark.parametrize("size", [1, 7, 30, 10_000])
def test_line_chunks_cover_the_text_and_end_at_line_ends(size):
    text = Lines.of(EVERY).nquads()
    chunks = [bytes(chunk) for chunk in line_chunks(text, size)]
    assert b"".join(chunks) == text
    assert all(chunk.endswith(b"\n") for chunk in chunks)
    if size == 1:
        assert len(chunks) == text.count(b"\n")
    if size >= len(text):
        assert chunks == [text]


@pytest.mark.parametrize("size", [1, 7, 30, 10_000])
def test_whole_lines_cover_the_blocks_and_end_at_line_ends(size):
    text = Lines.of(EVERY).nquads() + b"<http://z> <http://p> <http://q> ."  # no line end after the last
    chunks = list(whole_lines(text[start:start + size] for start in range(0, len(text), size)))
    assert b"".join(chunks) == text
    assert all(chunk.endswith(b"\n") for chunk in chunks[:-1])
    if size > len(text):
        assert len(chunks) == 2  # the whole lines, then the last one


@pytest.mark.parametrize("chunk_bytes", [40, 10_000])
def test_the_loader_fills_the_store_in_chunks_as_fill_does(tmp_path: Path, chunk_bytes: int):
    lines = Lines.of(EVERY)
    loader = StoreLoader(tmp_path / "store", chunk_bytes=chunk_bytes, pending=1)
    (tmp_path / "data.nq").write_bytes(lines.nquads())
    loader.load_file(tmp_path / "data.nq")
    for line in lines.triples:  # one line at a time: gathered into loads of chunk_bytes
        loader.load(line.encode())
    loader.close()
    loaded = set(pyoxigraph.Store.read_only(str(tmp_path / "store")))
    expected = set(fill(pyoxigraph.Store(), pyoxigraph.parse(lines.nquads(), format=pyoxigraph.RdfFormat.N_QUADS)))
    # Blank nodes are relabelled by each load: compare the ground quads, and count the rest.
    ground = lambda quads: {q for q in quads if not isinstance(q.subject, pyoxigraph.BlankNode)}
    assert ground(loaded) == ground(expected) and len(loaded) == len(expected)
    assert not [path for path in tmp_path.iterdir() if path.name != "data.nq" and path.name != "store"]


def test_a_failed_load_is_raised_when_the_loader_closes(tmp_path: Path):
    loader = StoreLoader(tmp_path / "store")
    loader.load(b"<http://a> <http://p> not rdf .\n")
    with pytest.raises(SyntaxError):
        loader.close()
    assert not list(tmp_path.glob("store-chunk*"))


def test_a_text_is_written_plain_and_gzipped_in_one_pass(tmp_path: Path):
    blocks = [b"<http://a> <http://p> ", b"<http://c> .\n"]
    copy = tmp_path / "copy.nt"
    files = write_text(tmp_path, "a.nt", iter(blocks), 1, "A", copy=copy)
    assert [file.path for file in files] == ["dumps/a.nt", "dumps/a.nt.gz"]
    assert [file.description for file in files] == ["A (N-Triples)", "A (N-Triples, gzipped)"]
    text = b"".join(blocks)
    assert (tmp_path / "dumps/a.nt").read_bytes() == copy.read_bytes() == text
    assert gzip.decompress((tmp_path / "dumps/a.nt.gz").read_bytes()) == text
    for file in files:
        written = (tmp_path / file.path).read_bytes()
        assert file.size == len(written) and file.sha256 == hashlib.sha256(written).hexdigest()


def test_a_dump_set_made_through_a_scratch_file_is_the_one_made_in_memory(tmp_path: Path):
    lines = Lines.of(EVERY)
    in_memory = write_dump_set(tmp_path / "a", "set", lines, "http://base/", "Set")
    through_file = write_dump_set(tmp_path / "b", "set", lines, "http://base/", "Set", scratch=tmp_path / "set.nt")
    assert in_memory == through_file
    assert (tmp_path / "set.nt").read_bytes() == lines.ntriples()


def test_the_with_ontology_files_hold_the_same_graph_in_every_format(release: Path):
    def triples(name: str) -> set:
        data = (release / "dumps" / name).read_bytes()
        if name.endswith(".gz"):
            data, name = gzip.decompress(data), name.removesuffix(".gz")
        parsed = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.from_extension(name.rsplit(".", 1)[1]))
        return {(q.subject, q.predicate, q.object) for q in parsed
                if not isinstance(q.subject, pyoxigraph.BlankNode) and not isinstance(q.object, pyoxigraph.BlankNode)}

    everything = triples("ascenso-kg-with-ontology.nq")
    assert triples("ascenso-kg-with-ontology.nt.gz") == triples("ascenso-kg-with-ontology.ttl.gz") == everything
    assert triples("ascenso-kg.nq") < everything


def test_dump_lines_reach_the_gzip_stream_in_blocks_of_a_fixed_count(monkeypatch):
    """ISA-L's gzip stream depends on how its text is cut: the whole graph's dumps get blocks of a fixed number of
    lines however the merged statements arrive, as they always have, so that their bytes do not change."""
    from ascenso_kg.build import run

    monkeypatch.setattr(run, "DUMP_BLOCK_LINES", 3)
    written: list[bytes] = []
    blocks = run._Blocks(written.append)
    for piece in ([b"a\n"], [b"b\n", b"c\n", b"d\n", b"e\n"], [], [b"f\n", b"g\n"]):
        blocks.lines.extend(piece)
        blocks.write_full()
    blocks.write_rest()
    assert written == [b"a\nb\nc\n", b"d\ne\nf\n", b"g\n"]
