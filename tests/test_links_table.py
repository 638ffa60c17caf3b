"""Links to English Wikipedia and DBpedia from mappings/tables/links.csv."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ascenso_kg.iris import Iris
from ascenso_kg.mappings.mapping_tables import MappingTableError, load_tables
from ascenso_kg.mappings.rdf.links import dbpedia_iri, kind_iri, map_links
from ascenso_kg.resources import MAPPING_TABLES_DIR


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://en.wikipedia.org/wiki/Club_Necaxa", "http://dbpedia.org/resource/Club_Necaxa"),
        ("https://en.wikipedia.org/wiki/Club_Le%C3%B3n", "http://dbpedia.org/resource/Club_León"),
        ("https://en.wikipedia.org/wiki/2012%E2%80%9313_Ascenso_MX_season",
         "http://dbpedia.org/resource/2012–13_Ascenso_MX_season"),
    ],
)
def test_dbpedia_resource_has_the_article_title(url, expected):
    assert dbpedia_iri(url) == expected


@pytest.mark.parametrize(
    "entity, wikipedia",
    [
        ("club/necaxa", "https://en.wikipedia.org/wiki/Club_Necaxa"),
        ("club/merida", "https://en.wikipedia.org/wiki/Venados_F.C."),
        ("stadium/estadio-banorte", "https://en.wikipedia.org/wiki/Estadio_Dorados"),
        ("stadium/estadio-nou-camp", "https://en.wikipedia.org/wiki/Estadio_Le%C3%B3n"),
        ("competition/liga-de-ascenso", "https://en.wikipedia.org/wiki/Ascenso_MX"),
        ("season/2012-13", "https://en.wikipedia.org/wiki/2012%E2%80%9313_Ascenso_MX_season"),
    ],
)
def test_linked_entities_are_primary_topics_of_their_articles(select, entity, wikipedia):
    rows = select(f"""SELECT ?page ?same WHERE {{ GRAPH <https://w3id.org/ascenso-kg/graph/links> {{
        <https://w3id.org/ascenso-kg/resource/{entity}> foaf:isPrimaryTopicOf ?page ; owl:sameAs ?same
        FILTER(STRSTARTS(STR(?same), "http://dbpedia.org/")) }} }}""")
    assert rows == [{"page": wikipedia, "same": dbpedia_iri(wikipedia)}]


def test_no_wikidata_identifier_is_asserted_without_verification(select):
    """Only the accepted (here: reviewed) rows of mappings/tables/wikidata.csv become owl:sameAs a Wikidata item."""
    rows = select("SELECT ?s ?o WHERE { ?s owl:sameAs ?o FILTER(STRSTARTS(STR(?o), 'http://www.wikidata.org/')) }")
    iris = Iris()
    accepted = {(kind_iri(iris, row.kind, row.id), "http://www.wikidata.org/entity/" + row.qid)
                for row in load_tables().wikidata_links if row.accepted and row.reviewed == "yes"}
    assert rows and {(row["s"], row["o"]) for row in rows} <= accepted


def test_a_link_to_an_entity_the_graph_does_not_hold_is_reported():
    quads, problems = map_links(load_tables(), Iris(), entities=set())
    tables = load_tables()
    assert len(problems) == len(tables.links) + sum(row.accepted for row in tables.wikidata_links)
    assert problems[0].file == "links.csv" and problems[0].line == 2
    assert all("isPrimaryTopicOf" not in str(quad) for quad in quads)


def test_a_row_without_evidence_is_refused_with_its_line(tmp_path: Path):
    tables = tmp_path / "tables"
    shutil.copytree(MAPPING_TABLES_DIR, tables)
    with (tables / "links.csv").open("a", encoding="utf-8") as handle:
        handle.write("club,necaxa,https://en.wikipedia.org/wiki/Club_Necaxa,\n")
    line = len((tables / "links.csv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(MappingTableError, match=rf"links.csv:{line}: every link needs its evidence"):
        load_tables(tables)
