"""Articles do not contaminate each other: mapping the seeds and the whole family together gives, for each article,
the same graph as mapping it alone (the seeds as their own set), and no season or tournament is claimed by two
competitions. Reads ../shared/family/plain directly."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from ascenso_kg.iris import AKG, Iris
from ascenso_kg.mappings.pipeline import map_articles
from tests.checkout import ARTICLES_DIR, shared



def _article_graphs(folder: Path) -> dict[str, set[str]]:
    result = map_articles(folder, Iris())
    return {graph: set(statements) for graph, statements in result.graphs.items() if "/graph/article/" in graph}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    family = shared("family", "plain")
    root = tmp_path_factory.mktemp("contamination")
    together = root / "together"
    shutil.copytree(ARTICLES_DIR, together)
    for path in family.glob("*.txt"):
        shutil.copyfile(path, together / path.name)
    alone = _article_graphs(ARTICLES_DIR)
    for number, path in enumerate(sorted(family.glob("*.txt"))):
        folder = root / f"alone-{number}"
        folder.mkdir()
        shutil.copyfile(path, folder / path.name)
        alone.update(_article_graphs(folder))
    return _article_graphs(together), alone


def test_each_article_gives_the_same_graph_built_alone_or_with_all_the_others(built):
    together, alone = built
    assert set(together) == set(alone)
    differing = {graph.rsplit("/", 1)[1]: (len(together[graph] - alone[graph]), len(alone[graph] - together[graph]))
                 for graph in together if together[graph] != alone[graph]}
    assert differing == {}


def test_no_season_is_claimed_by_two_competitions(built):
    together, _ = built
    competitions: dict[str, set[str]] = defaultdict(set)
    for statements in together.values():
        for statement in statements:
            if statement.predicate == f"<{AKG}competition>" and "/resource/season/" in statement.subject:
                competitions[statement.subject].add(statement.object)
    assert competitions, "no season links its competition"
    assert {season: sorted(values) for season, values in competitions.items() if len(values) > 1} == {}
