"""The second-tier heads of the family (Primera División A, Liga de Ascenso, Ascenso MX, Liga de Expansión MX) are
articles of the default build, in data/articles/ as excerpts: byte for byte the shared material, each with its source
URL and licence, and the default build holds them with no SHACL violation, no line unexplained and every complete
venues row captured."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.cli import main
from ascenso_kg.mappings.rdf.ntriples import Statement
from tests.checkout import DATA_ARTICLES_DIR, shared

DATA = DATA_ARTICLES_DIR


def sources() -> list[dict[str, str]]:
    """The rows of the family's excerpts (the seeds are whole articles)."""
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["excerpt"] == "yes"]


def test_each_file_is_the_shared_excerpt_byte_for_byte_with_its_source():
    family = shared("family", "plain")
    rows = sources()
    assert {row["file"] for row in rows} <= {path.name for path in DATA.glob("*.txt")}
    assert len(rows) == 15
    for row in rows:
        assert (DATA / row["file"]).read_bytes() == (family / row["original_file"]).read_bytes(), row["file"]
        assert row["url"].startswith("https://en.wikipedia.org/wiki/") and row["licence"] == "CC BY-SA 4.0"
        assert row["excerpt"] == "yes"


def test_the_default_build_holds_them_with_no_violation_nor_line_unexplained(tmp_path: Path, capsys):
    assert main(["build", "--articles", str(DATA), "--out", str(tmp_path / "out")]) == 0
    summary = capsys.readouterr().out
    assert "shapes    0 violations" in summary
    assert ", 0 unexplained" in summary
    assert "tables    98 of 98 complete stadium and standings rows captured" in summary  # 46 seeds' + 52 family's
    # With the Liga de Expansión MX seasons in the graph, its reviewed Wikidata row is a sixth asserted link.
    store = pyoxigraph.Store.read_only(str(tmp_path / "out" / "current" / "store"))
    links = {(row["s"].value.rsplit("/resource/", 1)[1], row["o"].value.rsplit("/", 1)[1]) for row in store.query(
        "SELECT ?s ?o WHERE { GRAPH ?g { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o "
        "FILTER(STRSTARTS(STR(?o), 'http://www.wikidata.org/entity/')) } }")}
    assert links == {("club/necaxa", "Q1280895"), ("club/celaya", "Q1052781"), ("club/leon", "Q633223"),
                     ("club/udeg", "Q1819189"), ("competition/liga-mx", "Q764690"),
                     ("competition/liga-de-expansion-mx", "Q92292023")}


@pytest.fixture(scope="module")
def default_graphs() -> dict[str, set[str]]:
    from ascenso_kg.iris import Iris
    from ascenso_kg.mappings.pipeline import map_articles

    result = map_articles(DATA, Iris())
    return {graph.rsplit("/", 1)[1]: set(statements) for graph, statements in result.graphs.items()}


def _objects(statements: set[Statement], predicate: str) -> set[tuple[str, str]]:
    """(subject's last segment, object's last segment) of the statements with this akg: predicate."""
    return {(s.subject.strip("<>").rsplit("/", 1)[1], s.object.strip("<>").rsplit("/", 1)[1]) for s in statements
            if s.predicate == f"<https://w3id.org/ascenso-kg/ontology#{predicate}>" and s.object.startswith("<")}


@pytest.mark.parametrize("row", sources(), ids=lambda row: row["file"])
def test_the_default_build_holds_each_head_s_champions_promoted_and_relegated(row, default_graphs):
    from .gold_infobox import CORE, FULL
    from .test_gold_infobox import _club

    gold = (FULL | CORE)[f"plain/{row['original_file']}"]
    statements = default_graphs[row["file"].removesuffix(".txt")]
    champions = {(fact[1], _club(fact[2])) for fact in gold
                 if fact[0] == "champion" and len(fact) == 4 and isinstance(fact[2], str) and fact[2] != "none"
                 and not fact[1][:4].isdigit()}
    assert champions <= _objects(statements, "champion")
    for kind in ("promoted", "relegated"):
        stated = {_club(fact[1]) for fact in gold if fact[0] == kind and len(fact) == 2 and fact[1] != "none"}
        assert stated == {club for _, club in _objects(statements, kind)}, kind
