"""``ascenso-kg link --compare`` against the stand-in Query Service: where the published graph and the linked items
disagree (label, league participation, headquarters city, season winners, an item the endpoint lacks), listed for a
person to judge; what agrees is not listed."""

from __future__ import annotations

from pathlib import Path

from tests.linking.table_files import run_link

HEADER = "entity,qid,label,method,score,reviewed,note\n"


def compare(standin: str, built: Path, table: Path) -> int:
    return run_link("--compare", "--endpoint", standin, "--out", str(built), "--table", str(table))


def test_disagreements_are_listed_and_agreements_are_not(tmp_path, standin, built, capsys):
    table = tmp_path / "wikidata.csv"
    table.write_text(HEADER + "\n".join([
        "club/necaxa,Q900000001,Club Necaxa,sitelink,1.00,,agrees: league Ascenso MX",
        "club/leon,Q900000002,Club León,manual,1.00,yes,no league; headquarters Celaya",
        "club/udeg,Q900000003,Leones Negros (an old label),manual,1.00,yes,a label changed since the review",
        "club/correcaminos,Q900000004,Correcaminos UAT,manual,1.00,yes,no league",
        "club/celaya,Q900000051,Club Celaya,manual,1.00,yes,deleted",
        "club/pumas-morelos,Q900000005,Pumas Morelos,label,0.90,,not accepted: not compared",
        "competition/liga-de-ascenso,Q900000041,Ascenso MX,sitelink,1.00,,",
        "city/celaya,Q900000020,Celaya,sitelink,1.00,,",
        "season/2011-12,Q900000043,2011–12 Liga de Ascenso season,manual,1.00,yes,winners León and Necaxa",
    ]) + "\n", encoding="utf-8")
    assert compare(standin, built, table) == 0
    output = capsys.readouterr()
    lines = output.out.splitlines()
    assert lines == [
        "club/leon Q900000002: participation: the graph has the club in Ascenso MX (Q900000041) in "
        "2011–12 Liga de Ascenso season; the item's league (P118) does not list Q900000041",
        "club/leon Q900000002: city: the item's headquarters location (P159) is Celaya (Q900000020); "
        "the graph places the club in León (no Wikidata item)",
        "club/udeg Q900000003: label: the table (and the pages) say 'Leones Negros (an old label)'; "
        "the item's English label is 'Leones Negros UdeG'",
        "club/udeg Q900000003: participation: the graph has the club in Ascenso MX (Q900000041) in 2011–12 Liga de "
        "Ascenso season, 2012–13 Ascenso MX season, 2013–14 Ascenso MX season; the item's league (P118) does not "
        "list Q900000041",
        "club/correcaminos Q900000004: participation: the graph has the club in Ascenso MX (Q900000041) in 2011–12 "
        "Liga de Ascenso season, 2012–13 Ascenso MX season, 2013–14 Ascenso MX season; the item's league (P118) "
        "does not list Q900000041",
        "club/celaya Q900000051: missing: the endpoint has nothing on this item (run link --check)",
        "season/2011-12 Q900000043: winner: the graph's champion Correcaminos UAT (Q900000004) is not a winner "
        "(P1346) of the item",
        "season/2011-12 Q900000043: winner: the item lists Club Necaxa (Q900000001) as a winner (P1346); "
        "the graph has no such champion",
    ]
    assert not any(line.startswith(("club/necaxa", "club/pumas-morelos", "competition/", "city/")) for line in lines)
    assert "8 disagreements to judge over 8 accepted links" in output.err


def test_comparing_without_a_build_says_so(tmp_path, standin, capsys):
    table = tmp_path / "wikidata.csv"
    table.write_text(HEADER, encoding="utf-8")
    assert compare(standin, tmp_path / "no-build", table) == 2
    assert "no published build" in capsys.readouterr().err
