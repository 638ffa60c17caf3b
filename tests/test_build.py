"""The build: deterministic dumps, atomic publication, problems named by file and line, --strict, coverage."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.build import run as build_module
from ascenso_kg.build import StrictBuildFailed, build_release
from ascenso_kg.build.writer import DumpWriterFailed
from ascenso_kg.cli import main
from tests.checkout import ARTICLES_DIR

QUIET = {"progress": lambda message: None}


def manifest(out: Path) -> dict:
    return json.loads((out / "current" / "manifest.json").read_text())


def copy_articles(target: Path) -> Path:
    shutil.copytree(ARTICLES_DIR, target)
    return target


def test_same_articles_give_byte_identical_dumps(built: Path, tmp_path: Path):
    build_release(ARTICLES_DIR, tmp_path, **QUIET)
    first = {f["path"]: f["sha256"] for f in manifest(built)["files"]}
    second = {f["path"]: f["sha256"] for f in manifest(tmp_path)["files"]}
    assert first == second
    assert manifest(built)["content_sha256"] == manifest(tmp_path)["content_sha256"]


def test_a_build_sorting_in_many_runs_gives_the_same_dumps(built: Path, tmp_path: Path, monkeypatch):
    """The whole graph's dumps are merged from sorted runs on disk: merging many gives what sorting in memory gives."""
    monkeypatch.setattr(build_module, "RUN_SIZE", 500)
    messages = []
    build_release(ARTICLES_DIR, tmp_path, progress=messages.append)
    assert manifest(built)["files"] == manifest(tmp_path)["files"]
    assert manifest(built)["graphs"] == manifest(tmp_path)["graphs"]


def test_the_build_maps_one_article_at_a_time(tmp_path: Path, monkeypatch):
    """Each article's graph is loaded and handed to the dump writer before the next article is mapped, and the writer
    keeps at most a few articles waiting: no build holds every article's statements at once."""
    monkeypatch.setattr(build_module, "WRITER_PENDING", 1)
    mapped_graphs = build_module.map_graphs
    held: list[int] = []

    def watched(result, iris, tables=None):
        for graph in mapped_graphs(result, iris, tables):
            held.append(sum(1 for path in (tmp_path / "releases").rglob("articles/*.nq.gz")))
            yield graph

    monkeypatch.setattr(build_module, "map_graphs", watched)
    build_release(ARTICLES_DIR, tmp_path, **QUIET)
    articles = len(manifest(tmp_path)["articles"])
    # the writer may still be writing the article before the one just mapped
    assert all(index - 1 <= written <= index for index, written in enumerate(held[:articles]))
    assert len(held) >= articles and held[articles - 1] >= articles - 2


def test_manifest_lists_every_dump_with_its_checksum_and_count(release: Path):
    data = json.loads((release / "manifest.json").read_text())
    paths = {f["path"] for f in data["files"]}
    assert {"dumps/ascenso-kg.ttl", "dumps/ascenso-kg.ttl.gz", "dumps/ascenso-kg.nq", "dumps/ascenso-kg.nq.gz",
            "dumps/ascenso-kg.nt.gz", "dumps/ontology.ttl"} <= paths
    assert {f"dumps/articles/{a['id']}.ttl.gz" for a in data["articles"]} <= paths
    for entry in data["files"]:
        assert (release / entry["path"]).stat().st_size == entry["size"]
        assert entry["triples"] > 0
    assert {a["licence"] for a in data["articles"]} == {"CC BY-SA 4.0"}


def test_the_release_carries_its_source_articles_as_read(release: Path):
    """The server shows the articles from the release (its /source pages), never from a checkout."""
    data = json.loads((release / "manifest.json").read_text())
    assert sorted(path.name for path in (release / "sources").iterdir()) == sorted(a["file"] for a in data["articles"])
    for article in data["articles"]:
        assert (release / "sources" / article["file"]).read_bytes() == (ARTICLES_DIR / article["file"]).read_bytes()


def _ground_keys(quads) -> set[tuple]:
    """(subject, predicate, object, graph) of the quads without blank nodes (a parser relabels them, so those are
    compared by count), decimals by value (the store keeps 200.00 as 200.0)."""
    def value(term):
        if isinstance(term, pyoxigraph.Literal) and term.datatype.value.endswith("#decimal"):
            return Decimal(term.value)
        return term

    return {
        (q.subject, q.predicate, value(q.object), q.graph_name)
        for q in quads
        if not isinstance(q.subject, pyoxigraph.BlankNode) and not isinstance(q.object, pyoxigraph.BlankNode)
    }


def test_store_holds_every_quad_of_the_nquads_dump_and_their_union_as_default_graph(
    release: Path, store: pyoxigraph.Store
):
    dumped = set(pyoxigraph.parse(path=str(release / "dumps" / "ascenso-kg-with-ontology.nq")))
    named = [quad for quad in store if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph)]
    assert _ground_keys(named) == _ground_keys(dumped) and len(named) == len(dumped)
    union = list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
    assert {key[:3] for key in _ground_keys(union)} == {key[:3] for key in _ground_keys(dumped)}
    assert len(union) == len({quad.triple for quad in dumped})


def test_a_triple_stated_by_several_articles_comes_back_once(select):
    rows = select("SELECT ?club WHERE { ?club a akg:Club } ")
    assert len(rows) == len({row["club"] for row in rows}) == 30


def test_turtle_dump_is_the_union_of_the_article_graphs(release: Path):
    def triples(name: str) -> set[pyoxigraph.Triple]:
        return {pyoxigraph.Triple(q.subject, q.predicate, q.object)
                for q in pyoxigraph.parse(path=str(release / "dumps" / name))}

    assert triples("ascenso-kg.ttl") == triples("ascenso-kg.nq")


def full_disk_in_the_writer(*args, **kwargs):
    """An article dump job that fails as a full disk does (run in the dump writer process: a module-level name)."""
    raise OSError(28, "No space left on device")


def test_a_failed_build_leaves_the_published_release_intact(tmp_path: Path, monkeypatch):
    build_release(ARTICLES_DIR, tmp_path, **QUIET)
    before = (tmp_path / "current").resolve()

    monkeypatch.setattr(build_module, "write_article_dumps", full_disk_in_the_writer)
    with pytest.raises(DumpWriterFailed, match="dumps of article .*No space left on device"):
        build_release(ARTICLES_DIR, tmp_path, **QUIET)
    assert (tmp_path / "current").resolve() == before
    assert pyoxigraph.Store.read_only(str(before / "store"))  # still opens
    monkeypatch.undo()
    build_release(ARTICLES_DIR, tmp_path, **QUIET)  # the next build cleans up and succeeds
    releases = tmp_path / "releases"
    assert not [p for p in releases.iterdir() if p.name.startswith(".staging-")]


def test_a_failed_dump_writer_is_a_clear_error_of_the_command(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(build_module, "write_article_dumps", full_disk_in_the_writer)
    assert main(["build", "--articles", str(ARTICLES_DIR), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "the published release is unchanged" in err
    assert "Traceback" not in err and not (tmp_path / "current").exists()


def test_an_interrupted_publish_keeps_the_previous_release(tmp_path: Path, monkeypatch):
    build_release(ARTICLES_DIR, tmp_path, **QUIET)
    before = (tmp_path / "current").resolve()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "publish", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_release(ARTICLES_DIR, tmp_path, **QUIET)
    assert (tmp_path / "current").resolve() == before
    assert (before / "manifest.json").exists()


def test_a_broken_article_is_reported_by_file_and_line_and_the_others_are_built(tmp_path: Path, capsys):
    articles = copy_articles(tmp_path / "articles")
    (articles / "zz-broken.txt").write_bytes(b"= 2099\xe2\x80\x93" + b"00 Liga season =\n\nInfobox\n\xff\xfe bad bytes\n")
    (articles / "zz-untitled.txt").write_text("Some prose with no title.\n", encoding="utf-8")
    status = main(["build", "--articles", str(articles), "--out", str(tmp_path / "out")])
    assert status == 0
    err = capsys.readouterr().err
    assert "zz-broken.txt:4: not UTF-8 text" in err
    assert "zz-untitled.txt:1:" in err
    assert len(manifest(tmp_path / "out")["articles"]) == 6
    graphs = manifest(tmp_path / "out")["graphs"]
    assert sum("/graph/article/" in graph for graph in graphs) == 4


def test_strict_fails_on_a_problem_and_publishes_nothing(tmp_path: Path):
    articles = copy_articles(tmp_path / "articles")
    text = (articles / "2013-14-ascenso-mx-season.txt").read_text(encoding="utf-8")
    (articles / "2013-14-ascenso-mx-season.txt").write_text(
        text.replace("- Season: 2013–14", "- Season: 2013–14\n- Mascot: Rayo"), encoding="utf-8")
    with pytest.raises(StrictBuildFailed):
        build_release(articles, tmp_path / "out", strict=True, **QUIET)
    assert not (tmp_path / "out" / "current").exists()
    assert main(["build", "--strict", "--articles", str(articles), "--out", str(tmp_path / "out")]) == 1


def test_the_four_articles_pass_strict(tmp_path: Path):
    assert main(["build", "--strict", "--articles", str(ARTICLES_DIR), "--out", str(tmp_path)]) == 0


def test_every_non_blank_line_of_the_four_articles_is_mapped_or_skipped_with_a_reason(mapping):
    for article, coverage in mapping.coverage.items():
        path = ARTICLES_DIR / f"{article}.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        non_blank = {number for number, text in enumerate(lines, start=1) if text.strip()}
        assert set(coverage.explained) == non_blank, article
        unexplained = {n: s for n, s in coverage.explained.items() if "not understood" in s}
        assert unexplained == {}, article


def test_coverage_report_lists_every_line(release: Path):
    rows = (release / "reports" / "coverage.tsv").read_text(encoding="utf-8").splitlines()[1:]
    total = sum(
        sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        for path in ARTICLES_DIR.glob("*.txt")
    )
    assert len(rows) == total
    assert all(row.split("\t")[2] == "mapped" or row.split("\t")[2].startswith("skipped: ") for row in rows)


def test_build_summary_counts_entities_by_class(tmp_path: Path, capsys):
    assert main(["build", "--articles", str(ARTICLES_DIR), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "articles  4" in out
    assert "0 unexplained" in out
    assert "  Match              54" in out
    assert "  Tie                28" in out


def test_a_missing_articles_folder_is_a_clear_error(tmp_path: Path, capsys):
    assert main(["build", "--articles", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_a_folder_named_like_an_article_is_reported_and_the_others_are_built(tmp_path: Path, capsys):
    articles = copy_articles(tmp_path / "articles")
    (articles / "not-an-article.txt").mkdir()
    assert main(["build", "--articles", str(articles), "--out", str(tmp_path / "out")]) == 0
    assert "not-an-article.txt:1: cannot be read" in capsys.readouterr().err
    assert sum("/graph/article/" in graph for graph in manifest(tmp_path / "out")["graphs"]) == 4


def test_a_graph_with_shacl_violations_is_published_but_the_build_exits_1(tmp_path: Path, capsys):
    """Two articles of one season that contradict each other on its competition break a sh:maxCount: a Violation."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("= 2030–31 Ascenso MX season =\n\nInfobox\n- Competition: Ascenso MX\n"
                                    "- Season: 2030–31\n", encoding="utf-8")
    (articles / "b.txt").write_text("= 2030–31 Ascenso MX season =\n\nInfobox\n- Competition: Liga MX\n"
                                    "- Season: 2030–31\n", encoding="utf-8")
    status = main(["build", "--articles", str(articles), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert status == 1
    assert "SHACL violations" in captured.err and "the release was published" in captured.err
    assert "violations (dumps/validation-report.ttl)" in captured.out
    assert (tmp_path / "out" / "current" / "dumps" / "validation-report.ttl").exists()


def test_a_graph_without_violations_exits_0_and_says_so(tmp_path: Path, capsys):
    assert main(["build", "--out", str(tmp_path / "out")]) == 0
    assert "shapes    0 violations" in capsys.readouterr().out
