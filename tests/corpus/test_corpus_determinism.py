"""The same --seasons and --seed give byte-identical files; planting changes only the planted lines."""

from __future__ import annotations

import json
from pathlib import Path

from ascenso_kg.corpus import generate_corpus


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seasons_and_seed_give_byte_identical_files(tmp_path: Path):
    generate_corpus(tmp_path / "first", seasons=3, seed=5, plant_count=4)
    generate_corpus(tmp_path / "second", seasons=3, seed=5, plant_count=4)
    first = contents(tmp_path / "first")
    assert len(first) == 5  # three articles, sources.csv, planted.json
    assert first == contents(tmp_path / "second")


def test_another_seed_gives_other_seasons(tmp_path: Path):
    generate_corpus(tmp_path / "five", seasons=1, seed=5)
    generate_corpus(tmp_path / "six", seasons=1, seed=6)
    assert contents(tmp_path / "five")["2030-31-ascenso-mx-season.txt"] != \
        contents(tmp_path / "six")["2030-31-ascenso-mx-season.txt"]


def test_a_longer_corpus_begins_with_the_shorter_one(tmp_path: Path):
    generate_corpus(tmp_path / "two", seasons=2, seed=5)
    generate_corpus(tmp_path / "three", seasons=3, seed=5)
    two, three = contents(tmp_path / "two"), contents(tmp_path / "three")
    assert all(three[name] == data for name, data in two.items() if name.endswith(".txt"))


def test_planting_changes_only_the_planted_lines(tmp_path: Path):
    clean = generate_corpus(tmp_path / "clean", seasons=3, seed=5)
    planted = generate_corpus(tmp_path / "planted", seasons=3, seed=5, plant_count=6)
    changed = set()
    for before, after in zip(clean.files, planted.files):
        old, new = before.read_text(encoding="utf-8").splitlines(), after.read_text(encoding="utf-8").splitlines()
        assert len(old) == len(new)
        changed |= {(after.name, number) for number, (a, b) in enumerate(zip(old, new), start=1) if a != b}
    listed = json.loads((tmp_path / "planted" / "planted.json").read_text(encoding="utf-8"))
    assert changed == {(entry["file"], entry["line"]) for entry in listed}
    assert len(listed) == 6
