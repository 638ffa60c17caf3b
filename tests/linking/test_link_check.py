"""``ascenso-kg link --check`` against the stand-in: redirects, deleted items and incompatible types are reported with
the table's line; what is fine, or rejected by a reviewer, is not."""

from __future__ import annotations

from pathlib import Path

from tests.linking.table_files import run_link

HEADER = "entity,qid,label,method,score,reviewed,note\n"


def check(standin: str, table: Path) -> int:
    return run_link("--check", "--endpoint", standin, "--table", str(table))


def test_redirects_deleted_items_and_wrong_types_are_reported_with_their_lines(tmp_path, standin, capsys):
    table = tmp_path / "wikidata.csv"
    table.write_text(HEADER + "\n".join([
        "club/necaxa,Q900000001,Club Necaxa,sitelink,1.00,,fine",
        "club/necaxa,Q900000050,Club Necaxa,manual,1.00,yes,merged into Q900000001",
        "club/leon,Q900000051,Club León,label,0.90,yes,deleted",
        "stadium/estadio-altamira,Q900000052,Estadio Altamira,sitelink,0.50,,a music venue",
        "player/necaxa/victor-lojero,Q900000010,Estadio Victoria,manual,1.00,yes,a stadium is no player",
        "stadium/estadio-victoria,Q900000010,Estadio Victoria,sitelink,1.00,,subclass of stadium: fine",
        "city/celaya,Q900000020,Celaya,sitelink,1.00,,two subclass steps: fine",
        "season/2012-13,Q900000040,2012–13 Ascenso MX season,sitelink,1.00,,seasons are not type-checked",
    ]) + "\n", encoding="utf-8")
    assert check(standin, table) == 1
    output = capsys.readouterr()
    assert output.out.splitlines() == [
        "wikidata.csv:3: club/necaxa Q900000050: redirect: redirects to Q900000001; use that item",
        "wikidata.csv:4: club/leon Q900000051: deleted: the endpoint has no statement about this item",
        "wikidata.csv:5: stadium/estadio-altamira Q900000052: incompatible type: "
        "not an instance of stadium (Q483110), as a stadium must be",
        "wikidata.csv:6: player/necaxa/victor-lojero Q900000010: incompatible type: "
        "not an instance of human (Q5), as a player must be",
    ]
    assert "4 of 8 identifiers need attention" in output.err


def test_rows_a_reviewer_rejected_are_not_checked(tmp_path, standin, capsys):
    table = tmp_path / "wikidata.csv"
    table.write_text(HEADER + "club/leon,Q900000051,Club León,label,0.90,no,rejected\n"
                              "club/leon,Q900000002,Club León,sitelink,1.00,,fine\n", encoding="utf-8")
    assert check(standin, table) == 0
    assert capsys.readouterr().out == "all 1 identifiers name items of the expected type\n"


def test_the_table_link_writes_passes_the_check_except_its_wrong_type_sitelink(link_table, standin, capsys):
    assert check(standin, link_table) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "stadium/estadio-altamira Q900000052: incompatible type" in lines[0]


def test_checking_a_missing_table_says_so(tmp_path, standin, capsys):
    assert check(standin, tmp_path / "nothing.csv") == 2
    assert "no such table" in capsys.readouterr().err


def test_a_bad_row_is_reported_with_its_line_and_nothing_is_queried(tmp_path, capsys):
    table = tmp_path / "wikidata.csv"
    table.write_text(HEADER + "club/necaxa,Q0042,Club Necaxa,sitelink,1.00,,\n", encoding="utf-8")
    # No endpoint answers at this address: a query would fail with another message.
    assert run_link("--check", "--endpoint", "http://127.0.0.1:9/sparql", "--table", str(table)) == 1
    assert "wikidata.csv:2: not a Wikidata item id: 'Q0042'" in capsys.readouterr().err


def test_rows_found_in_a_data_set_are_checked_like_the_others(tmp_path, standin, capsys):
    table = tmp_path / "wikidata.csv"
    table.write_text(HEADER + "\n".join([
        'club/necaxa,Q900000001,Club Necaxa,dataset,1.00,yes,"a public file, line 12"',
        'club/leon,Q900000051,Club León,dataset,1.00,yes,"a public file, line 13"',
        'club/udeg,Q900000052,Leones Negros,dataset,1.00,no,"a public file: rejected, not checked"',
    ]) + "\n", encoding="utf-8")
    assert check(standin, table) == 1
    output = capsys.readouterr()
    assert output.out.splitlines() == [
        "wikidata.csv:3: club/leon Q900000051: deleted: the endpoint has no statement about this item"]
    assert "1 of 2 identifiers need attention" in output.err
