"""The Turtle dump of the four articles, kept in tests/golden/ and compared as a graph.

Every mapping change shows up here as a reviewable diff. When a change is intended, regenerate the file with
``ASCENSO_KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review ``git diff tests/golden``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

GOLDEN = Path(__file__).parent / "golden" / "ascenso-kg.ttl"


def _lines(graph: Graph, limit: int = 20) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line)[:limit])


def test_turtle_dump_matches_the_golden_graph(release: Path):
    dump = release / "dumps" / "ascenso-kg.ttl"
    if os.environ.get("ASCENSO_KG_UPDATE_GOLDEN") == "1":
        shutil.copyfile(dump, GOLDEN)
    built = to_isomorphic(Graph().parse(dump, format="turtle"))
    golden = to_isomorphic(Graph().parse(GOLDEN, format="turtle"))
    if built != golden:
        _, only_built, only_golden = graph_diff(built, golden)
        raise AssertionError(
            f"the graph differs from {GOLDEN.name}: {len(only_built)} new triples, {len(only_golden)} gone\n"
            f"new:\n{_lines(only_built)}\ngone:\n{_lines(only_golden)}\n"
            "if intended: ASCENSO_KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py"
        )
