"""The build writes reports/infobox.tsv and its summary line, and bad infoboxes never stop the other articles."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from ascenso_kg.cli import main
from tests.checkout import ARTICLES_DIR


def _articles(target: Path) -> Path:
    shutil.copytree(ARTICLES_DIR, target)
    return target


def _rows(out: Path) -> list[dict]:
    with (out / "current" / "reports" / "infobox.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_infobox_field_is_in_the_report_and_the_summary(tmp_path: Path, capsys):
    articles = _articles(tmp_path / "articles")
    assert main(["build", "--articles", str(articles), "--out", str(tmp_path / "out")]) == 0
    rows = _rows(tmp_path / "out")
    seed = [row for row in rows if row["article"] == "2012-13-ascenso-mx-season.txt"]
    assert [(row["line"], row["key"], row["property"]) for row in seed] == [
        ("4", "Competition", "akg:competitionName"), ("5", "Winners", "akg:champion"),
        ("6", "Promoted", "akg:promoted"), ("7", "Relegated", "akg:relegated"), ("8", "Season", "akg:seasonName"),
        ("9", "Prevseason", "akg:previousSeason"), ("10", "Nextseason", "akg:nextSeason"),
    ]
    liguilla = {row["key"]: row["property"] for row in rows if row["article"] == "2012-ascenso-mx-apertura-liguilla.txt"}
    assert liguilla["Country"].startswith("skipped (no meaning): ")
    assert liguilla["Num Teams"] == "akg:qualifiers"
    # the liguilla's Year, Country, Count and neighbours have no meaning of their own (skipped with that reason)
    meaningful = [row for row in rows if not row["property"].startswith("skipped (no meaning)")]
    assert all(not row["property"].startswith("skipped") for row in meaningful)
    assert f"infobox    {len(meaningful)} of {len(meaningful)} fields with a meaning captured" in capsys.readouterr().out


def test_bad_infoboxes_are_reported_by_file_and_line_and_the_others_are_built(tmp_path: Path, capsys):
    articles = _articles(tmp_path / "articles")
    keys = "\n".join(f"- Key{number}: value {number}" for number in range(1, 501))
    (articles / "zz-500-keys.txt").write_text(f"= 2098–99 Ascenso MX season =\n\nInfobox\n{keys}\n", encoding="utf-8")
    (articles / "zz-empty.txt").write_text("", encoding="utf-8")
    (articles / "zz-title-only.txt").write_text("= 2097–98 Ascenso MX season =\n", encoding="utf-8")
    (articles / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    (articles / "zz-bad-values.txt").write_text(
        "= 2096–97 Ascenso MX season =\n\nInfobox\n- Matches: many\n- Winners: Apertura: , Clausura: \n"
        "- Prevseason: sometime\n", encoding="utf-8")
    status = main(["build", "--articles", str(articles), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 0
    assert "zz-500-keys.txt:503: infobox key 'Key500' is not mapped" in err
    assert "zz-empty.txt:1:" in err and "zz-binary.txt:2: not UTF-8 text" in err
    assert "zz-bad-values.txt:4: cannot read the infobox Matches 'many'" in err
    assert "zz-bad-values.txt:6: cannot read the season 'sometime'" in err
    rows = _rows(tmp_path / "out")
    assert sum(row["article"] == "zz-500-keys.txt" for row in rows) == 500
    bad = {row["key"]: row["property"] for row in rows if row["article"] == "zz-bad-values.txt"}
    assert bad == {"Matches": "skipped: value not understood (reported)",
                   "Winners": "skipped: value not understood (reported)",
                   "Prevseason": "skipped: value not understood (reported)"}
    assert {row["article"] for row in rows} >= {"2012-13-ascenso-mx-season.txt", "2013-14-ascenso-mx-season.txt"}
