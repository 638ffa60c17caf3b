"""ascenso-kg export quickstatements over the real build, with a test-only table linking a season to made-up items
(``fixtures/wikidata-export.csv``, Q9000000xx: never real Wikidata ids): QuickStatements v1 syntax, references to
the article, only reviewed items, nothing for unlinked entities, and the companion report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ascenso_kg.cli import main
from ascenso_kg.linking.quickstatements import ExportError, load_properties
from ascenso_kg.resources import MAPPING_TABLES_DIR
from tests.checkout import ARTICLES_DIR

FIXTURES = Path(__file__).parent / "fixtures"
URL_2012_13 = "https://en.wikipedia.org/wiki/2012%E2%80%9313_Ascenso_MX_season"

# QuickStatements v1: item, property, value [, qualifier property, value]* [, S-property, value]*, tab-separated.
ITEM = r"Q[1-9][0-9]*"
VALUE = rf'(?:{ITEM}|"(?:[^"\\]|\\.)*"|\+[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T00:00:00Z/(?:9|10|11)|[+-]?[0-9]+)'
V1_LINE = re.compile(rf"{ITEM}\tP[1-9][0-9]*\t{VALUE}(?:\tP[1-9][0-9]*\t{VALUE})*(?:\tS[1-9][0-9]*\t{VALUE})+")


def export(built: Path, tmp_path: Path, *arguments: str, sources: Path | None = None,
           table: Path = FIXTURES / "wikidata-export.csv") -> tuple[list[str], list[str]]:
    out, report = tmp_path / "out.qs", tmp_path / "report.txt"
    assert main(["export", "quickstatements", "--build", str(built), "--table", str(table), "--out", str(out),
                 "--report", str(report), "--sources", str(sources or ARTICLES_DIR / "sources.csv"),
                 *arguments]) == 0
    return out.read_text(encoding="utf-8").splitlines(), report.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def dated_sources(tmp_path_factory) -> Path:
    """sources.csv with a retrieval day recorded for the 2012–13 article (the real file records none)."""
    lines = (ARTICLES_DIR / "sources.csv").read_text(encoding="utf-8").splitlines()
    dated = [lines[0] + ",retrieved"] + [line + (",2024-05-01" if line.startswith("2012-13-ascenso-mx-season.txt")
                                                 else ",") for line in lines[1:]]
    path = tmp_path_factory.mktemp("sources") / "sources.csv"
    path.write_text("\n".join(dated) + "\n", encoding="utf-8")
    return path


def test_every_line_is_quickstatements_v1(built, tmp_path, dated_sources):
    statements, _ = export(built, tmp_path, sources=dated_sources)
    assert statements
    for line in statements:
        assert V1_LINE.fullmatch(line), line


def test_the_linked_season_gets_its_facts_with_references(built, tmp_path, dated_sources):
    statements, _ = export(built, tmp_path, "--entity", "season/2012-13", sources=dated_sources)
    reference = f'S143\tQ328\tS4656\t"{URL_2012_13}"\tS813\t+2024-05-01T00:00:00Z/11'
    assert f"Q900000040\tP1923\tQ900000001\t{reference}" in statements  # Necaxa took part
    assert f"Q900000040\tP1923\tQ900000005\t{reference}" in statements  # La Piedad took part
    assert f"Q900000040\tP580\t+2012-07-20T00:00:00Z/11\t{reference}" in statements
    assert f"Q900000040\tP582\t+2013-05-11T00:00:00Z/11\t{reference}" in statements
    assert f"Q900000040\tP155\tQ900000042\t{reference}" in statements
    assert any(line.startswith("Q900000040\tP1132\t15\tS143\t") for line in statements)  # 15 clubs in 2012–13
    # La Piedad won the Apertura 2012, whose Liguilla item is the qualifier
    assert any(line.startswith("Q900000040\tP1346\tQ900000005\tP642\tQ900000050\tS143\tQ328\tS4656\t")
               for line in statements)


def test_only_reviewed_items_are_written_and_nothing_for_unlinked_entities(built, tmp_path):
    statements, report = export(built, tmp_path)
    written = {qid for line in statements for qid in re.findall(ITEM, line)} - {"Q328"}
    assert written <= {"Q900000040", "Q900000042", "Q900000001", "Q900000005", "Q900000050"}
    assert "Q900000003" not in written  # an unreviewed proposal
    assert {line.split("\t")[0] for line in statements} <= {"Q900000040", "Q900000042"}  # seasons only
    assert not any("\tP156\t" in line and line.startswith("Q900000040") for line in statements)  # 2013-14 unlinked
    assert "season 2013–14 Ascenso MX season has no Wikidata item" in report
    assert "club Neza has no Wikidata item" in report  # the Clausura 2013 champion
    assert any(line.startswith("club Necaxa") and "nothing to offer" in line for line in report)


def test_without_a_recorded_retrieval_date_s813_is_left_out_and_said(built, tmp_path):
    statements, report = export(built, tmp_path, "--entity", "season/2012-13")
    assert statements and not any("\tS813\t" in line for line in statements)
    assert "article 2012-13-ascenso-mx-season has no retrieval date in sources.csv: S813 left out" in report


def test_the_product_table_writes_no_statement_today(built, tmp_path):
    """No season has a reviewed item yet: the real export is the companion report."""
    statements, report = export(built, tmp_path, table=MAPPING_TABLES_DIR / "wikidata.csv")
    assert statements == []
    assert "season 2012–13 Ascenso MX season has no Wikidata item" in report


def test_the_committed_property_table_holds_what_the_export_uses():
    properties = load_properties(MAPPING_TABLES_DIR / "wikidata_properties.csv")
    assert (properties["participating team"], properties["winner"], properties["number of participants"]) == (
        "P1923", "P1346", "P1132")


@pytest.mark.parametrize("row, message", [
    ("X31,instance of,why", "wikidata_properties.csv:3: not a Wikidata property id: 'X31'"),
    ("P31,instance of,", "wikidata_properties.csv:3: every property needs its label and the reason"),
    ("P1923,participating team,again", "wikidata_properties.csv:3: P1923 'participating team' is listed twice"),
])
def test_a_bad_property_row_is_refused_with_its_line(tmp_path, row, message):
    path = tmp_path / "wikidata_properties.csv"
    path.write_text(f"property,label,reason\nP1923,participating team,clubs\n{row}\n", encoding="utf-8")
    with pytest.raises(ExportError, match=re.escape(message)):
        load_properties(path)


def test_a_property_table_missing_one_the_export_needs_is_refused(tmp_path):
    path = tmp_path / "wikidata_properties.csv"
    shutil.copy(MAPPING_TABLES_DIR / "wikidata_properties.csv", path)
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("P1346,")) + "\n", encoding="utf-8")
    with pytest.raises(ExportError, match="the export needs these properties: winner"):
        load_properties(path)


def test_a_malformed_entity_is_refused_with_a_message(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["export", "quickstatements", "--entity", "team-necaxa"])
    assert exited.value.code == 2
    assert "not KIND/ID with a kind of club" in capsys.readouterr().err
