"""The build with a reviewed Wikidata table (``linked_out``): sitelink-exact and reviewed rows become
``owl:sameAs`` in the links graph; proposals, rejected rows and wrong-type sitelinks do not."""

from __future__ import annotations

import pyoxigraph
import pytest

LINKS_GRAPH = "https://w3id.org/ascenso-kg/graph/links"
RESOURCE = "https://w3id.org/ascenso-kg/resource/"
WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def wikidata_links(linked_out) -> dict[str, set[str]]:
    store = pyoxigraph.Store.read_only(str(linked_out / "current" / "store"))
    rows = store.query(f"""SELECT ?s ?o WHERE {{ GRAPH <{LINKS_GRAPH}> {{
        ?s <http://www.w3.org/2002/07/owl#sameAs> ?o FILTER(STRSTARTS(STR(?o), "{WD}")) }} }}""")
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["s"].value.removeprefix(RESOURCE), set()).add(row["o"].value.removeprefix(WD))
    return found


def test_sitelink_exact_and_reviewed_rows_are_asserted(wikidata_links):
    assert wikidata_links == {
        "club/necaxa": {"Q900000001"},
        "club/udeg": {"Q900000003"},
        "club/correcaminos": {"Q900000004"},
        "stadium/estadio-victoria": {"Q900000010"},
        "stadium/estadio-jalisco": {"Q900000011"},
        "city/celaya": {"Q900000020"},
        "competition/liga-de-ascenso": {"Q900000041"},
        "season/2012-13": {"Q900000040"},
        "player/necaxa/victor-lojero": {"Q900000030"},  # a name match a reviewer confirmed
    }


@pytest.mark.parametrize("entity, why", [
    ("club/leon", "a sitelink-exact row a reviewer rejected"),
    ("stadium/estadio-altamira", "a sitelink to an item of the wrong type, not reviewed"),
    ("club/pumas-morelos", "a label match, not reviewed"),
    ("player/tecos/diego-jimenez", "an ambiguous label match, not reviewed"),
])
def test_what_is_not_asserted(wikidata_links, entity, why):
    assert entity not in wikidata_links, why


def test_the_links_graph_keeps_its_wikipedia_and_dbpedia_links(linked_out):
    store = pyoxigraph.Store.read_only(str(linked_out / "current" / "store"))
    asked = store.query(f"""ASK {{ GRAPH <{LINKS_GRAPH}> {{
        <{RESOURCE}club/necaxa>
            <http://xmlns.com/foaf/0.1/isPrimaryTopicOf> <https://en.wikipedia.org/wiki/Club_Necaxa> ;
            <http://www.w3.org/2002/07/owl#sameAs> <http://dbpedia.org/resource/Club_Necaxa> ,
                                                   <{WD}Q900000001> }} }}""")
    assert bool(asked)


def test_the_published_build_asserts_the_committed_reviewed_links(built):
    """mappings/tables/wikidata.csv's reviewed rows, as the real build publishes them; Veracruz stays unlinked."""
    store = pyoxigraph.Store.read_only(str(built / "current" / "store"))
    rows = store.query(f"""SELECT ?s ?o WHERE {{ GRAPH <{LINKS_GRAPH}> {{
        ?s <http://www.w3.org/2002/07/owl#sameAs> ?o FILTER(STRSTARTS(STR(?o), "{WD}")) }} }}""")
    found = {(row["s"].value.removeprefix(RESOURCE), row["o"].value.removeprefix(WD)) for row in rows}
    assert found == {("club/necaxa", "Q1280895"), ("club/celaya", "Q1052781"), ("club/leon", "Q633223"),
                     ("club/udeg", "Q1819189"), ("competition/liga-mx", "Q764690")}
