"""The bench's scale-out part (``python -m ascenso_kg.bench.virtuoso_mix``) on the four articles' release: the embedded
store, Oxigraph's server, this server over Virtuoso and Virtuoso direct, each measured on the heavy, cheap and
realistic mixes, and this server over Virtuoso answering every query as Oxigraph does."""

from __future__ import annotations

import json

import pytest

from ascenso_kg.bench.virtuoso_mix import DIRECT, OURS, main

pytestmark = pytest.mark.slow


def test_scale_out_measures_four_servers_on_three_mixes(tmp_path, built):
    result = tmp_path / "scale-out.json"
    assert main([str(tmp_path / "work"), str(built), str(result), "--clients", "1", "--repeats", "1",
                 "--budget", "20", "--mix-seconds", "0.5", "--per-kind", "1"]) == 0
    found = json.loads(result.read_text())
    assert set(found["mixes"]) == {"heavy", "cheap", "realistic"}
    for mix in found["mixes"].values():
        assert set(mix["servers"]) == {"ascenso-kg", "oxigraph", OURS, DIRECT}
        assert all(server["1"]["requests"] > 0 and server["1"]["errors"] == 0 for server in mix["servers"].values())
    differences = found["differences"]
    for mix in ("cheap", "realistic"):
        assert differences[f"ascenso-kg vs oxigraph ({mix})"] == []
        assert differences[f"{OURS} vs oxigraph ({mix})"] == []
    # example 04 gives a boolean, which Virtuoso sends as 1 (server/README.md): the only difference over the app
    assert differences[f"{OURS} vs oxigraph (heavy)"] == ["04-one-clubs-liguilla-path"]
    assert "ascenso-kg over virtuoso" in result.with_suffix(".md").read_text()
