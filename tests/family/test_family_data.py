"""The second-tier heads of the family (Primera División A, Liga de Ascenso, Ascenso MX, Liga de Expansión MX) are
kept in data/family/ as excerpts: byte for byte the shared material, each with its source URL and licence, and they
build with no SHACL violation and every complete venues row captured."""

from __future__ import annotations

import csv
from pathlib import Path


from ascenso_kg.cli import main
from tests.checkout import ROOT, shared

DATA = ROOT / "data" / "family"


def sources() -> list[dict[str, str]]:
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_each_file_is_the_shared_excerpt_byte_for_byte_with_its_source():
    family = shared("family", "plain")
    rows = sources()
    assert sorted(row["file"] for row in rows) == sorted(path.name for path in DATA.glob("*.txt"))
    assert len(rows) == 15
    for row in rows:
        assert (DATA / row["file"]).read_bytes() == (family / row["original_file"]).read_bytes(), row["file"]
        assert row["url"].startswith("https://en.wikipedia.org/wiki/") and row["licence"] == "CC BY-SA 4.0"
        assert row["excerpt"] == "yes"


def test_the_family_builds_with_no_violation_and_every_complete_venues_row(tmp_path: Path, capsys):
    assert main(["build", "--articles", str(DATA), "--out", str(tmp_path / "out")]) == 0
    summary = capsys.readouterr().out
    assert "shapes    0 violations" in summary
    assert "tables    52 of 52 complete stadium and standings rows captured" in summary
