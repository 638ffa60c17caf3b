"""``ascenso-kg link`` against the stand-in Wikidata: what it proposes, how it scores it, and that a rerun keeps every
decision a reviewer made."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascenso_kg.mappings.mapping_tables import load_wikidata_links
from tests.linking.table_files import read_rows, run_link, write_rows


def rows_by_entity(table: Path) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for row in read_rows(table):
        found.setdefault(row["entity"], []).append(row)
    return found


def only(table: Path, entity: str) -> dict[str, str]:
    (row,) = rows_by_entity(table)[entity]
    return row


@pytest.mark.parametrize("entity, qid", [
    ("club/necaxa", "Q900000001"),
    ("club/leon", "Q900000002"),
    ("club/udeg", "Q900000003"),
    ("club/correcaminos", "Q900000004"),
    ("stadium/estadio-victoria", "Q900000010"),  # an instance of a subclass of stadium
    ("stadium/estadio-jalisco", "Q900000011"),
    ("city/celaya", "Q900000020"),  # two subclass steps up to human settlement
    ("competition/liga-de-ascenso", "Q900000041"),
    ("season/2012-13", "Q900000040"),
])
def test_an_item_whose_sitelink_is_the_entitys_article_is_sitelink_exact(link_table, entity, qid):
    row = only(link_table, entity)
    assert (row["qid"], row["method"], row["score"], row["reviewed"]) == (qid, "sitelink", "1.00", "")


def test_a_sitelink_to_an_item_of_the_wrong_type_is_scored_for_review(link_table):
    row = only(link_table, "stadium/estadio-altamira")
    assert (row["qid"], row["method"], row["score"]) == ("Q900000052", "sitelink", "0.50")
    assert "not an instance of stadium (Q483110)" in row["note"]


def test_an_entity_without_an_article_is_found_by_its_label_within_type_and_country(link_table):
    row = only(link_table, "club/pumas-morelos")  # Q900000006, the same name outside Mexico, is left out
    assert (row["qid"], row["method"], row["score"]) == ("Q900000005", "label", "0.90")
    assert only(link_table, "stadium/estadio-carlos-iturralde")["qid"] == "Q900000012"
    assert only(link_table, "city/cuernavaca")["qid"] == "Q900000021"


def test_two_items_sharing_a_name_are_both_proposed_and_scored_down(link_table):
    rows = rows_by_entity(link_table)["club/indios"]
    assert [(row["qid"], row["method"], row["score"]) for row in rows] == [
        ("Q900000008", "label", "0.70"),  # our label is its label
        ("Q900000007", "alias", "0.60"),  # our label is only its alias
    ]
    assert all("2 items share this name" in row["note"] for row in rows)


def test_a_player_is_found_among_footballers_only(link_table):
    row = only(link_table, "player/necaxa/victor-lojero")
    assert (row["qid"], row["method"], row["score"]) == ("Q900000030", "label", "0.90")
    assert "player/merida/eder-patino" not in rows_by_entity(link_table)  # his namesake Q900000032 never played


def test_one_item_proposed_for_two_namesake_players_is_scored_down_for_both(link_table):
    for entity, other in (("player/tecos/diego-jimenez", "player/merida/diego-jimenez"),
                          ("player/merida/diego-jimenez", "player/tecos/diego-jimenez")):
        row = only(link_table, entity)
        assert (row["qid"], row["score"]) == ("Q900000031", "0.70")
        assert f"also proposed for {other}" in row["note"]


def test_a_name_given_only_with_an_initial_is_not_searched(link_table):
    assert "player/necaxa/2013-14/v-lojero" not in rows_by_entity(link_table)  # 'V. Lojero'


def test_only_sitelink_exact_rows_are_accepted_without_review(link_table):
    accepted = {row.entity for row in load_wikidata_links(link_table) if row.accepted}
    assert accepted == {"club/necaxa", "club/leon", "club/udeg", "club/correcaminos", "stadium/estadio-victoria",
                        "stadium/estadio-jalisco", "city/celaya", "competition/liga-de-ascenso", "season/2012-13"}


def test_every_proposed_item_came_from_the_endpoint(link_table):
    standin_items = {f"Q{number}" for number in range(900000001, 900000053)}
    assert {row["qid"] for row in read_rows(link_table)} <= standin_items


def test_a_rerun_keeps_every_review_and_every_reviewed_row(tmp_path, link_table, built, standin):
    table = tmp_path / "wikidata.csv"
    rows = read_rows(link_table)
    for row in rows:
        if row["entity"] == "club/indios" and row["qid"] == "Q900000008":
            row["reviewed"] = "yes"
        if row["entity"] == "club/necaxa":
            row["reviewed"] = "no"
    rows.append({"entity": "club/tijuana", "qid": "Q900000099", "label": "Club Tijuana", "method": "manual",
                 "score": "1.00", "reviewed": "yes", "note": "added by hand"})
    rows.append({"entity": "club/delfines", "qid": "Q900000098", "label": "Delfines", "method": "label",
                 "score": "0.90", "reviewed": "", "note": "a proposal the endpoint no longer makes"})
    write_rows(table, rows)
    assert run_link("--out", str(built), "--endpoint", standin, "--table", str(table)) == 0
    again = {(row["entity"], row["qid"]): row for row in read_rows(table)}
    assert again[("club/indios", "Q900000008")]["reviewed"] == "yes"
    assert again[("club/indios", "Q900000007")]["reviewed"] == ""
    assert again[("club/necaxa", "Q900000001")]["reviewed"] == "no"
    assert again[("club/tijuana", "Q900000099")]["note"] == "added by hand"
    assert ("club/delfines", "Q900000098") not in again


def test_a_rerun_with_the_same_answers_writes_the_same_bytes(tmp_path, link_table, built, standin):
    table = tmp_path / "wikidata.csv"
    table.write_bytes(link_table.read_bytes())
    assert run_link("--out", str(built), "--endpoint", standin, "--table", str(table)) == 0
    assert table.read_bytes() == link_table.read_bytes()


def test_link_without_a_build_says_so(tmp_path, standin, capsys):
    assert run_link("--out", str(tmp_path / "nothing"), "--endpoint", standin,
                    "--table", str(tmp_path / "wikidata.csv")) == 2
    assert "no published build" in capsys.readouterr().err
    assert not (tmp_path / "wikidata.csv").exists()


def test_an_endpoint_error_leaves_the_table_untouched(tmp_path, link_table, built, capsys):
    from tests.linking.stand_ins import Answer, ScriptedEndpoint

    table = tmp_path / "wikidata.csv"
    table.write_bytes(link_table.read_bytes())
    with ScriptedEndpoint([Answer(status=500, body="internal error")]) as endpoint:
        assert run_link("--out", str(built), "--endpoint", endpoint.url, "--table", str(table)) == 1
    assert "answered 500" in capsys.readouterr().err
    assert table.read_bytes() == link_table.read_bytes()
