"""The dump writer process: it writes the very bytes the build would write itself, in the order it was given the
jobs, and a job that fails fails the build with a message that names the dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascenso_kg.build import dumps
from ascenso_kg.build.dumps import Lines, turtle, write_article_dumps, write_dump_set, write_text, write_turtle_dump
from ascenso_kg.build.writer import DumpWriter, DumpWriterFailed
from tests.test_dump_writing import EVERY, statements

# a literal holding a line separator (U+2028) and an en dash: the text is cut at line feeds only, and is UTF-8
ODD = [*EVERY, *statements("http://g/4", ("<http://e>", "<http://p>", '"2012\u201313\u2028next"'))]


def released(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("block_lines", [2, dumps.BLOCK_LINES])
def test_an_article_dump_set_from_its_nquads_text_is_the_one_from_its_statements(tmp_path: Path, monkeypatch,
                                                                                 block_lines: int):
    monkeypatch.setattr(dumps, "BLOCK_LINES", block_lines)  # an article longer than a block: the N-Quads in blocks
    monkeypatch.setattr(dumps.encoded_blocks, "__defaults__", (block_lines,))
    lines = Lines.of(ODD)
    expected = write_dump_set(tmp_path / "a", "articles/x", lines, "http://base/", "X", plain=(),
                              nquads=lines.nquads())
    made = write_article_dumps(tmp_path / "b", "articles/x", lines.nquads(), "http://base/", "X")
    assert made == expected
    assert released(tmp_path / "a") == released(tmp_path / "b")


def test_the_whole_graph_turtle_through_a_scratch_file_is_the_one_made_in_memory(tmp_path: Path):
    lines = Lines.of(ODD)
    (tmp_path / "union.nt").write_bytes(lines.ntriples())
    expected = write_text(tmp_path / "a", "g.ttl", [turtle(lines.ntriples(), "http://base/")], 9, "G")
    made = write_turtle_dump(tmp_path / "b", "g.ttl", tmp_path / "union.nt", "http://base/", tmp_path / "g.ttl", 9, "G")
    assert made == expected
    assert released(tmp_path / "a") == released(tmp_path / "b")
    assert not (tmp_path / "g.ttl").exists()  # the scratch file is gone


def test_the_writer_process_writes_the_same_bytes_and_returns_the_files_in_job_order(tmp_path: Path):
    lines = Lines.of(ODD)
    expected = [write_dump_set(tmp_path / "a", f"articles/{name}", lines, "http://base/", name, plain=(),
                               nquads=lines.nquads()) for name in ("one", "two", "three")]
    with DumpWriter(pending=1) as writer:
        for name in ("one", "two", "three"):
            writer.submit(f"article {name}", write_article_dumps, tmp_path / "b", f"articles/{name}", lines.nquads(),
                          "http://base/", name)
        assert writer.wait() == expected
    assert released(tmp_path / "a") == released(tmp_path / "b")


def full_disk(*args) -> list:
    raise OSError(28, "No space left on device")


def test_a_failed_job_names_its_dump_and_the_jobs_after_it_are_not_run(tmp_path: Path):
    lines = Lines.of(ODD)
    with DumpWriter(pending=1) as writer:
        writer.submit("article one", full_disk)
        with pytest.raises(DumpWriterFailed, match="writing article one failed: .*No space left on device"):
            writer.submit("article two", write_article_dumps, tmp_path, "articles/two", lines.nquads(),
                          "http://base/", "two")
            writer.wait()
    assert not (tmp_path / "dumps").exists()


def test_a_writer_that_dies_fails_the_build_with_a_clear_error(tmp_path: Path):
    with DumpWriter() as writer:
        writer.submit("article one", _exit_at_once)
        with pytest.raises(DumpWriterFailed, match="writing article one failed"):
            writer.wait()


def _exit_at_once(*args) -> list:
    import os

    os._exit(3)


def test_a_script_calling_the_build_without_a_main_guard_builds_once(tmp_path: Path):
    """The writer is a process of its own, not a ``multiprocessing`` child that would run the caller's script again."""
    import subprocess
    import sys

    from tests.checkout import ARTICLES_DIR

    script = tmp_path / "build_once.py"
    script.write_text(
        "from pathlib import Path\n"
        "from ascenso_kg.build import build_release\n"
        f"with open({str(tmp_path / 'runs.txt')!r}, 'a') as runs:\n"
        "    runs.write('run\\n')\n"
        f"build_release(Path({str(ARTICLES_DIR)!r}), Path({str(tmp_path / 'out')!r}), progress=lambda message: None)\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "runs.txt").read_text() == "run\n"
    assert (tmp_path / "out" / "current" / "dumps" / "ascenso-kg.ttl").is_file()
