"""ascenso-kg generate-corpus writes the articles, sources.csv and planted.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ascenso_kg.cli import main


def test_the_command_writes_articles_sources_and_plants(tmp_path: Path, capsys):
    out = tmp_path / "corpus"
    assert main(["generate-corpus", "--seasons", "2", "--seed", "3", "--plant", "3", str(out)]) == 0
    assert sorted(path.name for path in out.iterdir()) == [
        "2030-31-ascenso-mx-season.txt", "2031-32-ascenso-mx-season.txt", "planted.json", "sources.csv"]
    with (out / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["file"] for row in rows] == ["2030-31-ascenso-mx-season.txt", "2031-32-ascenso-mx-season.txt"]
    assert [row["title"] for row in rows] == ["2030–31 Ascenso MX season", "2031–32 Ascenso MX season"]
    assert {row["licence"] for row in rows} == {"CC0 (synthetic)"}
    assert all(row["url"].startswith("https://example.invalid/") for row in rows)
    first_line = (out / rows[0]["file"]).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "= 2030–31 Ascenso MX season ="
    planted = json.loads((out / "planted.json").read_text(encoding="utf-8"))
    assert len(planted) == 3
    assert all({"article", "file", "line", "kind"} <= entry.keys() for entry in planted)
    assert "wrote 2 articles" in capsys.readouterr().out


def test_a_smaller_corpus_replaces_a_larger_one(tmp_path: Path):
    assert main(["generate-corpus", "--seasons", "3", "--seed", "3", str(tmp_path)]) == 0
    assert main(["generate-corpus", "--seasons", "1", "--seed", "3", str(tmp_path)]) == 0
    assert sorted(path.name for path in tmp_path.glob("*.txt")) == ["2030-31-ascenso-mx-season.txt"]


def test_a_folder_of_other_articles_is_left_alone(tmp_path: Path, capsys):
    article = tmp_path / "2012-13-ascenso-mx-season.txt"
    article.write_text("= 2012–13 Ascenso MX season =\n", encoding="utf-8")
    assert main(["generate-corpus", "--seasons", "1", str(tmp_path)]) == 1
    assert "did not write" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["2012-13-ascenso-mx-season.txt"]


def test_seasons_that_would_meet_the_real_articles_are_refused(tmp_path: Path, capsys):
    assert main(["generate-corpus", "--first-season", "2012", str(tmp_path / "corpus")]) == 2
    assert "--first-season" in capsys.readouterr().err
    assert not (tmp_path / "corpus").exists()
