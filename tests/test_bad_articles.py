"""Bad input gets a clear report with file and line, and never stops the other articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ascenso_kg.iris import Iris
from ascenso_kg.mappings.pipeline import map_articles
from tests.checkout import ARTICLES_DIR

SEASON = "2013-14-ascenso-mx-season.txt"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("bad")
    shutil.copyfile(ARTICLES_DIR / SEASON, folder / SEASON)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "only-title.txt").write_text("= 2030–31 Ascenso MX season =\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "unrelated.txt").write_text("= 2030–31 Premier League season =\n\nInfobox\n- Season: 2030–31\n",
                                          encoding="utf-8")
    return map_articles(folder, Iris())


def messages(result, file: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity, p.message) for p in result.problems
            if p.file == file and "sources.csv" not in p.message]


@pytest.mark.parametrize("file, line, fragment", [
    ("empty.txt", 1, "no '= Title =' line"),
    ("only-title.txt", 1, "only a title"),
    ("binary.txt", 2, "not UTF-8 text"),  # the first byte that is not UTF-8 follows a newline
    ("unrelated.txt", 1, "competition 'Premier League' is not in mappings/tables/competitions.csv"),
])
def test_bad_input_is_reported_once_with_file_and_line(result, file, line, fragment):
    found = [m for m in messages(result, file) if fragment in m[2]]
    assert [(m[0], m[1]) for m in found] == [(line, "warning")], messages(result, file)


def test_a_file_that_could_not_be_read_is_reported_once(result):
    assert len(messages(result, "binary.txt")) == 1
    assert len(messages(result, "empty.txt")) == 1


def test_the_other_articles_are_built(result):
    assert any(graph.endswith("/graph/article/2013-14-ascenso-mx-season") for graph in result.graphs)
    season_statements = next(s for g, s in result.graphs.items() if g.endswith("/2013-14-ascenso-mx-season"))
    assert len(season_statements) > 500


def test_an_unrelated_competition_never_lands_on_the_graph_s_seasons(result):
    unrelated = next(s for g, s in result.graphs.items() if g.endswith("/graph/article/unrelated"))
    assert any("/resource/season/premier-league/2030-31>" in s.triple_line() for s in unrelated)
    assert not any("/resource/season/2030-31>" in s.triple_line() for s in unrelated)
