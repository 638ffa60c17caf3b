"""``ascenso-kg bench --quick``: the whole bench runs end to end on one generated season and writes its results.

No timing is asserted (CI machines are shared and noisy); the test proves every part runs, every server answered the
same as Oxigraph, and the results carry the ratios the README and the issue name.
"""

from __future__ import annotations

import json
import shutil

import pytest

from ascenso_kg.cli import main

TOP_LEVEL = ("build_vs_oxigraph_load", "validation_vs_build", "endpoint_vs_oxigraph", "endpoint_vs_rdflib_endpoint",
             "endpoint_p95_vs_oxigraph", "pages_p95_vs_sparql", "cheap_vs_oxigraph", "cheap_p50_vs_oxigraph",
             "realistic_vs_oxigraph", "repeated_vs_oxigraph")


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory):
    if shutil.which("oxigraph") is None or shutil.which("rdflib-endpoint") is None:
        pytest.fail("the bench's peers are missing: pip install -e '.[bench]'")
    folder = tmp_path_factory.mktemp("bench")
    assert main(["bench", "--quick", "--work", str(folder / "work"), "--results", str(folder / "results"),
                 "--budget", "10"]) == 0
    return json.loads((folder / "results" / "latest.json").read_text()), (folder / "results" / "latest.md").read_text()


def test_quick_bench_writes_every_top_level_ratio(quick_results):
    results, _ = quick_results
    for name in TOP_LEVEL:
        assert isinstance(results[name], float) and results[name] > 0, name


def test_quick_bench_measures_every_part(quick_results):
    results, markdown = quick_results
    assert [size["seasons"] for size in results["build"]["sizes"]] == [1]
    assert results["build"]["sizes"][0]["quads"] > 1000
    assert set(results["endpoint"]["servers"]) >= {"ascenso-kg", "oxigraph", "rdflib-endpoint"}
    assert len(results["endpoint"]["mix"]) >= 12
    assert results["pages"]["pages"]["errors"] == 0 and results["pages"]["search"]["errors"] == 0
    assert results["dumps"]["files"] > 3
    assert results["cold_start_seconds"] > 0
    for heading in ("## Build and validation", "## Endpoint", "## Pages and search", "## Dumps", "## Cold start"):
        assert heading in markdown


def test_quick_bench_servers_give_the_same_answers_as_oxigraph(quick_results):
    results, _ = quick_results
    assert results["endpoint"]["differences"]["ascenso-kg vs oxigraph"] == []


def test_quick_bench_measures_the_three_mixes_and_the_repeated_one(quick_results):
    results, markdown = quick_results
    for name in ("cheap", "realistic", "repeated"):
        mix = results["mixes"][name]
        assert set(mix["servers"]) == {"ascenso-kg", "oxigraph"}
        assert mix["requests_in_mix"] > 5, name
        for server in mix["servers"].values():
            assert all(figures["errors"] == 0 for figures in server.values()), name
    realistic = results["mixes"]["realistic"]
    assert realistic["distinct"] > 5  # the pages' own queries, not one query repeated
    assert results["endpoint"]["differences"]["ascenso-kg vs oxigraph (cheap and realistic)"] == []
    assert "## Endpoint mixes" in markdown
