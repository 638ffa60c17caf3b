"""Fixtures: small synthetic corpora generated once per test run, one of them built into a release."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.build import BuildSummary, build_release
from ascenso_kg.corpus import CorpusSummary, generate_corpus
from ascenso_kg.iris import prefixes

PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes().items())
SEED = 11
PLANTED = 8  # two of each kind


@pytest.fixture(scope="session")
def clean_corpus(tmp_path_factory) -> CorpusSummary:
    """Three seasons with nothing planted."""
    return generate_corpus(tmp_path_factory.mktemp("clean"), seasons=3, seed=SEED)


@pytest.fixture(scope="session")
def planted_corpus(tmp_path_factory) -> CorpusSummary:
    """Two seasons with PLANTED known inconsistencies."""
    return generate_corpus(tmp_path_factory.mktemp("planted"), seasons=2, seed=SEED, plant_count=PLANTED)


@pytest.fixture(scope="session")
def planted_build(planted_corpus: CorpusSummary, tmp_path_factory) -> tuple[BuildSummary, Path]:
    out = tmp_path_factory.mktemp("planted-build")
    summary = build_release(planted_corpus.out, out, progress=lambda message: None)
    return summary, (out / "current").resolve()


@pytest.fixture(scope="session")
def corpus_select(planted_build):
    """SELECT over the union of the graphs of the planted build; values as str, integers as int."""
    store = pyoxigraph.Store.read_only(str(planted_build[1] / "store"))

    def run(query: str) -> list[dict[str, object]]:
        solutions = store.query(PREFIXES + query)
        names = [variable.value for variable in solutions.variables]
        rows = []
        for solution in solutions:
            row: dict[str, object] = {}
            for name in names:
                term = solution[name]
                if isinstance(term, pyoxigraph.Literal) and term.datatype.value.endswith("#integer"):
                    row[name] = int(term.value)
                else:
                    row[name] = None if term is None else term.value
            rows.append(row)
        return rows

    return run
