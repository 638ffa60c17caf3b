"""``ascenso-kg validate``: a summary grouped by shape and season, the report files, and the exit status."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
import rdflib

from ascenso_kg.cli import main
from tests.shapes.mini_season import mini_season


def write_dump(path: Path, quads: list[pyoxigraph.Quad]) -> Path:
    path.write_bytes(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS))
    return path


@pytest.fixture(scope="module")
def validated(built: Path, tmp_path_factory) -> tuple[int, str, Path]:
    report = tmp_path_factory.mktemp("report")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["validate", "--out", str(built), "--report", str(report)])
    return status, out.getvalue(), report


def test_the_built_graph_validates_with_warnings_only(validated):
    status, output, _ = validated
    assert status == 0
    assert "0 violations, 20 warnings, 1 note." in output


def test_the_summary_groups_findings_by_shape_then_season(validated):
    _, output, _ = validated
    section = output[output.index("\nTiesPerRound: 3 warnings\n") + 1:].split("\n\n")[0].splitlines()
    assert [line for line in section if not line.startswith("    ")] == [
        "TiesPerRound: 3 warnings",
        "  (The number of ties in each round agrees with the number of qualifiers the rules state.)",
        "  2011–12", "  2012–13"]
    assert section[-1].startswith("    - The rules of the Clausura 2013 Liguilla state 8 qualified clubs")


def test_the_report_files_are_written(validated):
    _, output, report = validated
    graph = rdflib.Graph().parse(report / "validation-report.ttl", format="turtle")
    assert len(set(graph.subjects(rdflib.RDF.type, rdflib.SH.ValidationResult))) == 21
    assert (report / "validation-summary.txt").read_text(encoding="utf-8") in output


def test_a_violation_makes_the_exit_status_1(tmp_path: Path, capsys):
    dump = write_dump(tmp_path / "broken.nq", mini_season('DELETE DATA { ex:tie1alfa akg:aggregateGoals 3 } ; '
                                                          'INSERT DATA { ex:tie1alfa akg:aggregateGoals 4 }'))
    assert main(["validate", "--data", str(dump), "--out", str(tmp_path)]) == 1
    output = capsys.readouterr().out
    assert "1 violation, 0 warnings, 0 notes." in output
    assert "TieAggregateEqualsLegs: 1 violation\n" in output
    assert (tmp_path / "validation" / "validation-report.ttl").exists()


def test_one_article_can_be_validated_alone(built: Path, tmp_path: Path, capsys):
    status = main(["validate", "--out", str(built), "--report", str(tmp_path),
                   "--article", "2012-ascenso-mx-apertura-liguilla"])
    output = capsys.readouterr().out
    assert status == 0
    assert "Validated the graph of 2012-ascenso-mx-apertura-liguilla" in output
    assert "0 violations, 2 warnings, 0 notes." in output


@pytest.mark.parametrize("option, engine", [
    ([], "pySHACL {} on Oxigraph, SPARQL constraints batched, core constraints pre-checked in SPARQL"),
    (["--engine", "pyshacl"], "pySHACL {} on Oxigraph,"),
])
def test_the_summary_says_which_engine_ran_and_either_gives_the_same_findings(built: Path, tmp_path: Path, capsys,
                                                                             option, engine):
    status = main(["validate", "--out", str(built), "--report", str(tmp_path), *option])
    output = capsys.readouterr().out
    assert status == 0
    assert engine.format(pyshacl.__version__) in output.splitlines()[0]
    assert "0 violations, 20 warnings, 1 note." in output


def test_a_wrong_engine_setting_is_refused(built: Path, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("ASCENSO_KG_VALIDATION_ENGINE", "turbo")
    assert main(["validate", "--out", str(built), "--report", str(tmp_path)]) == 2
    assert "unknown validation engine 'turbo'; use one of pyshacl-batched, pyshacl" in capsys.readouterr().err


@pytest.mark.parametrize("arguments, reason", [
    (["--out", "{tmp}/no-build"], "no release in"),
    (["--data", "{tmp}/missing.nq"], "no such file"),
    (["--data", "{tmp}/empty.nq"], "the data holds no triples to validate"),
    (["--data", "{tmp}/notes.txt"], "cannot read notes.txt: give a .nq, .nt, .ttl or .trig file"),
    (["--data", "{tmp}/mini.nq", "--article", "2099-00-nowhere"], "the data has no graph for article"),
])
def test_nothing_to_validate_exits_2_with_the_reason(arguments, reason, tmp_path: Path, capsys):
    (tmp_path / "empty.nq").write_text("")
    (tmp_path / "notes.txt").write_text("not RDF")
    write_dump(tmp_path / "mini.nq", mini_season())
    status = main(["validate", *[argument.format(tmp=tmp_path) for argument in arguments],
                   "--report", str(tmp_path / "report")])
    assert status == 2
    assert f"ascenso-kg validate: nothing to validate: {reason}" in capsys.readouterr().err
