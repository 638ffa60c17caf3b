"""mappings/tables/wikidata.csv: how its rows are read and checked, which of them the build asserts, and the
committed table holding no identifier nobody verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascenso_kg.iris import Iris
from ascenso_kg.mappings.mapping_tables import MappingTableError, MappingTables, WikidataLink, load_wikidata_links
from ascenso_kg.mappings.rdf.links import dbpedia_iri, map_links
from ascenso_kg.resources import MAPPING_TABLES_DIR

HEADER = "entity,qid,label,method,score,reviewed,note\n"
IRIS = Iris()


def table(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "wikidata.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


COMMITTED = load_wikidata_links(MAPPING_TABLES_DIR / "wikidata.csv")


def test_the_committed_table_holds_only_reviewed_rows_traceable_to_their_evidence():
    """This machine cannot reach Wikidata: each committed row was reviewed by hand against a public data file that
    pairs the item with its label, and its note quotes that line (with the QID in it)."""
    assert COMMITTED, "the reviewed links are in the table"
    for row in COMMITTED:
        assert (row.method, row.reviewed in ("yes", "no")) == ("dataset", True), row.entity
        assert "Evidence:" in row.note and row.qid in row.note.partition("Evidence:")[2], row.entity


def test_the_committed_table_links_the_first_division_and_never_ascenso_mx():
    accepted = {row.entity: row.qid for row in COMMITTED if row.accepted}
    assert accepted["competition/liga-mx"] == "Q764690"
    assert accepted["competition/liga-de-expansion-mx"] == "Q92292023"  # the 2020 second division, its own entity
    assert "competition/liga-de-ascenso" not in accepted


def test_a_row_found_in_a_data_set_is_reviewed_and_names_its_source(tmp_path):
    found = table(tmp_path, 'club/necaxa,Q900000001,Club Necaxa,dataset,1.00,yes,"a file, a line"')
    (row,) = load_wikidata_links(found)
    assert (row.method, row.accepted) == ("dataset", True)
    (rejected,) = load_wikidata_links(table(tmp_path, "club/necaxa,Q900000001,Club Necaxa,dataset,1.00,no,a file"))
    assert not rejected.accepted


def test_a_row_is_read_with_its_line(tmp_path):
    path = table(tmp_path, "player/necaxa/victor-lojero,Q900000030,Víctor Lojero,label,0.90,yes,")
    (row,) = load_wikidata_links(path)
    assert (row.kind, row.id, row.entity, row.qid, row.score, row.reviewed, row.line) == (
        "player", "necaxa/victor-lojero", "player/necaxa/victor-lojero", "Q900000030", 0.9, "yes", 2)


@pytest.mark.parametrize("row, message", [
    ("team/necaxa,Q1,x,label,0.5,,", "entity must be kind/id"),
    ("club,Q1,x,label,0.5,,", "entity must be kind/id"),
    ("club/necaxa,Q0123,x,label,0.5,,", "not a Wikidata item id: 'Q0123'"),
    ("club/necaxa,P31,x,label,0.5,,", "not a Wikidata item id: 'P31'"),
    ("club/necaxa,Q1,x,guess,0.5,,", "unknown method 'guess'"),
    ("club/necaxa,Q1,x,label,0.5,maybe,", "reviewed must be yes, no or empty"),
    ("club/necaxa,Q1,x,manual,1.0,,", "a row added by hand \\(method manual\\) must be reviewed: yes"),
    ("club/necaxa,Q1,x,dataset,1.0,,a file", "a row found in a data set \\(method dataset\\) must be reviewed"),
    ("club/necaxa,Q1,x,dataset,1.0,yes,", "a row found in a data set \\(method dataset\\) must name that source"),
    ("club/necaxa,Q1,x,label,1.5,,", "score must be a number from 0 to 1"),
    ("club/necaxa,Q1,x,label,high,,", "score must be a number from 0 to 1"),
])
def test_a_bad_row_is_refused_with_its_file_and_line(tmp_path, row, message):
    path = table(tmp_path, "club/leon,Q2,Club León,sitelink,1.00,,", row)
    with pytest.raises(MappingTableError, match=rf"wikidata.csv:3: {message}"):
        load_wikidata_links(path)


def link(method: str, score: float, reviewed: str) -> WikidataLink:
    return WikidataLink("club", "necaxa", "Q900000001", "Club Necaxa", method, score, reviewed, "", 2)


@pytest.mark.parametrize("method, score, reviewed, accepted", [
    ("sitelink", 1.0, "", True),  # sitelink-exact
    ("sitelink", 1.0, "no", False),  # ... unless a reviewer rejected it
    ("sitelink", 0.5, "", False),  # a sitelink to an item of another type
    ("sitelink", 0.5, "yes", True),
    ("label", 0.9, "", False),  # a name match is only ever a proposal
    ("label", 0.9, "yes", True),
    ("alias", 0.6, "yes", True),
    ("manual", 1.0, "yes", True),
])
def test_what_the_build_asserts(method, score, reviewed, accepted):
    assert link(method, score, reviewed).accepted is accepted


def test_accepted_rows_become_owl_sameAs_and_the_others_do_not():
    tables = MappingTables(wikidata_links=[
        link("sitelink", 1.0, ""),
        WikidataLink("player", "necaxa/victor-lojero", "Q900000030", "", "label", 0.9, "", "", 3),
    ])
    entities = {IRIS.club("necaxa"), IRIS.player("necaxa/victor-lojero")}
    statements, problems = map_links(tables, IRIS, entities)
    same_as = [s.triple_line() for s in statements if s.predicate == "<http://www.w3.org/2002/07/owl#sameAs>"]
    assert same_as == [f"<{IRIS.club('necaxa')}> <http://www.w3.org/2002/07/owl#sameAs> "
                       "<http://www.wikidata.org/entity/Q900000001> .\n"]
    assert problems == []


def test_an_accepted_row_for_an_entity_the_graph_does_not_hold_is_reported():
    tables = MappingTables(wikidata_links=[link("sitelink", 1.0, "")])
    statements, problems = map_links(tables, IRIS, entities=set())
    assert [(p.file, p.line) for p in problems] == [("wikidata.csv", 2)]
    assert "no club 'necaxa' in this build" in problems[0].message
    assert not any("wikidata.org" in statement.object for statement in statements)


def test_a_reviewed_row_for_a_competition_the_build_lacks_is_noted_not_linked_and_not_an_error():
    """competition/liga-de-expansion-mx (Q92292023) is reviewed before the articles that name it are read."""
    row = WikidataLink("competition", "liga-de-expansion-mx", "Q92292023", "Liga de Expansion MX", "dataset", 1.0,
                       "yes", "a file, a line", 8)
    statements, problems = map_links(MappingTables(wikidata_links=[row]), IRIS, {IRIS.competition("liga-mx")})
    assert [(p.file, p.line, p.severity) for p in problems] == [("wikidata.csv", 8, "info")]
    assert problems[0].message == ("reviewed link to Q92292023 (Liga de Expansion MX): no competition "
                                   "'liga-de-expansion-mx' in this build; not linked")
    assert not any("Q92292023" in statement.object for statement in statements)


def test_dbpedia_iri_keeps_characters_an_iri_may_not_hold_encoded():
    """Regression: 'Estadio Luis "Pirata" Fuente' made an IRI with raw quotes, which no RDF store accepts."""
    assert dbpedia_iri("https://en.wikipedia.org/wiki/Estadio_Luis_%22Pirata%22_Fuente") == \
        "http://dbpedia.org/resource/Estadio_Luis_%22Pirata%22_Fuente"
    assert dbpedia_iri("https://en.wikipedia.org/wiki/Le%C3%B3n,_Guanajuato") == \
        "http://dbpedia.org/resource/León,_Guanajuato"
