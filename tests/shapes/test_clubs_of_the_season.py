"""ClubsOfTheSeason, rewritten to count the club's own entry and the season's list in two OPTIONALs (a cheaper
query), finds what its earlier query found, finding by finding: on the four articles with clubs taken off their
seasons' lists, and on a generated corpus with planted inconsistencies and clubs taken off their seasons' lists."""

from __future__ import annotations

from collections import Counter

import rdflib

from ascenso_kg.validation import validate_quads
from ascenso_kg.validation.shapes import SHAPES_NS, compact_query
from tests.checkout import ARTICLES_DIR
from tests.shapes.mini_season import UPDATE_PREFIXES
from tests.shapes.test_batched_sparql import store_of, planted_store

SHAPE = SHAPES_NS + "ClubsOfTheSeason"
EARLIER_QUERY = """
SELECT $this ?club ?season
WHERE {
    $this akg:round/akg:stage/((akg:tournament/akg:season)|akg:season) ?season .
    $this schema:homeTeam|schema:awayTeam ?club .
    ?season ^akg:season ?listed .
    ?listed a ?listedType ; akg:club ?listedClub .
}
GROUP BY $this ?club ?season
HAVING (SUM(IF(?listedType = akg:ClubSeason, 1, 0)) > 0
        && SUM(IF(?listedType = akg:ClubSeason && ?listedClub = ?club, 1, 0)) = 0)
"""
# Three clubs' entries taken off their seasons' lists: their matches are reported.
UNLIST_CLUBS = """
DELETE { ?entry akg:club ?club } WHERE {
    { SELECT ?entry ?club WHERE { ?entry a akg:ClubSeason ; akg:club ?club } ORDER BY ?entry LIMIT 3 }
}
"""


def with_earlier_query(shapes: rdflib.Graph) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph += shapes
    constraint = graph.value(rdflib.URIRef(SHAPE), rdflib.SH.sparql)
    graph.set((constraint, rdflib.SH.select, rdflib.Literal(compact_query(EARLIER_QUERY))))
    return graph


def both_queries(store, shapes) -> tuple[Counter, Counter]:
    quads = list(store)
    now = validate_quads(quads, shapes=shapes, only=[SHAPE]).findings
    before = validate_quads(quads, shapes=with_earlier_query(shapes), only=[SHAPE]).findings
    return Counter(now), Counter(before)


def test_the_query_finds_what_the_earlier_one_did_on_the_four_articles(shapes):
    store = store_of(ARTICLES_DIR)
    assert not any(both_queries(store, shapes)[1].values())  # every club of a match is on its season's list
    store.update(UPDATE_PREFIXES + UNLIST_CLUBS)
    now, before = both_queries(store, shapes)
    assert sum(before.values()) >= 1
    assert now == before


def test_the_query_finds_what_the_earlier_one_did_on_planted_inconsistencies(tmp_path, shapes):
    store = planted_store(tmp_path / "corpus")
    store.update(UPDATE_PREFIXES + UNLIST_CLUBS)
    now, before = both_queries(store, shapes)
    assert sum(before.values()) > 3
    assert now == before
