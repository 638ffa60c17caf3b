"""The application factory: configuration layers, back-end choice, and the release it publishes."""

from __future__ import annotations

import pyoxigraph
import pytest

from ascenso_kg.server.app import create_app
from ascenso_kg.server.current_release import ReleaseNotFound

from tests.server.release_writer import TEST_CONFIG, write_release

TRIPLE = pyoxigraph.Triple(pyoxigraph.NamedNode("http://e/s"), pyoxigraph.NamedNode("http://e/p"),
                           pyoxigraph.Literal("first"))


def test_a_missing_build_is_a_clear_error(tmp_path):
    with pytest.raises(ReleaseNotFound, match="ascenso-kg build"):
        create_app({**TEST_CONFIG, "OUT_DIR": str(tmp_path)})


def test_environment_sets_defaults_and_the_config_mapping_overrides_it(monkeypatch, small_out):
    monkeypatch.setenv("ASCENSO_KG_ROW_LIMIT", "7")
    monkeypatch.setenv("ASCENSO_KG_SERVICE_ALLOWLIST", '["http://127.0.0.1:1/sparql"]')
    monkeypatch.setenv("ASCENSO_KG_OUT_DIR", str(small_out))
    from_environment = create_app()
    assert from_environment.config["ROW_LIMIT"] == 7
    assert from_environment.config["SERVICE_ALLOWLIST"] == ("http://127.0.0.1:1/sparql",)
    assert create_app({"ROW_LIMIT": 9}).config["ROW_LIMIT"] == 9
    for app in (from_environment,):
        app.extensions["ascenso_kg.store"].close()


@pytest.mark.parametrize("overrides, message", [
    ({"STORE_BACKEND": "virtuoso"}, "unknown STORE_BACKEND"),
    ({"STORE_BACKEND": "remote", "REMOTE_ENDPOINT": None}, "needs REMOTE_ENDPOINT"),
])
def test_bad_backend_settings_are_refused(small_out, overrides, message):
    with pytest.raises(ValueError, match=message):
        create_app({**TEST_CONFIG, "OUT_DIR": str(small_out), **overrides})


def test_a_running_app_keeps_the_release_it_started_with(make_app, tmp_path):
    out = tmp_path / "out"
    write_release(out, {"http://e/g": [TRIPLE]}, [], release_id="r1")
    first = make_app(out).test_client()
    (out / "current").unlink()  # a new build publishes r2
    write_release(out, {"http://e/g": [TRIPLE, pyoxigraph.Triple(TRIPLE.subject, TRIPLE.predicate,
                                                                 pyoxigraph.Literal("second"))]}, [], release_id="r2")
    assert first.get("/dumps?format=json").json["release"] == "r1"
    answer = first.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}).json
    assert answer["results"]["bindings"][0]["n"]["value"] == "1"
    assert make_app(out).test_client().get("/dumps?format=json").json["release"] == "r2"
