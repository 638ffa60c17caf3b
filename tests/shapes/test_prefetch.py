"""The pre-check's queries sent ahead in a thread of their own (prechecked.Prefetch), and the build's union read
without checking its terms again (data.ntriples_store, trusted)."""

from __future__ import annotations

import threading

import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import SH

from ascenso_kg.validation import prechecked
from ascenso_kg.validation.data import data_store, ntriples_store
from tests.shapes.mini_season import mini_season

BROKEN = """
DELETE { ex:g1 akg:match ?match } WHERE { ex:g1 akg:match ?match } ;
INSERT DATA { ex:g2 akg:minute "seven"^^xsd:integer }
"""


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return data_store(mini_season(BROKEN))


def targeted(shapes: rdflib.Graph) -> list:
    return sorted(set(shapes.subjects(SH.targetClass, None)))


def one_by_one(store: pyoxigraph.Store, shapes: rdflib.Graph) -> dict:
    """Each pre-checked shape's candidates, found in this thread, one query after the other."""
    subclasses = prechecked.Prefetch(store, shapes, only=[]).subclasses
    found = {}
    for shape in targeted(shapes):
        query = prechecked.candidates_query(shapes, shape, subclasses)
        if query is not None:
            found[shape] = {prechecked.to_rdf(row["this"]) for row in store.query(query)}
    return found


def test_the_candidates_are_the_same_whichever_thread_finds_them(store, shapes):
    expected = one_by_one(store, shapes)
    assert len(expected) > 10
    assert any(expected.values())  # the broken goals are candidates: not a comparison of empty sets
    for order in (targeted(shapes), targeted(shapes)[::-1]):  # from the thread's first query, and from its last
        prefetch = prechecked.Prefetch(store, shapes)
        try:
            assert {shape: prefetch.candidates(shape) for shape in order if shape in expected} == expected
        finally:
            prefetch.close()


def test_a_shape_it_does_not_pre_check_is_left_to_pyshacl(store, shapes):
    prefetch = prechecked.Prefetch(store, shapes)
    try:
        assert prefetch.candidates(rdflib.URIRef("https://w3id.org/ascenso-kg/shapes#ClubsOfTheSeason")) is None
        assert prefetch.candidates(rdflib.URIRef("https://example.org/no-such-shape")) is None
    finally:
        prefetch.close()


def test_it_pre_checks_only_the_shapes_pyshacl_is_asked_for(store, shapes):
    goals = rdflib.URIRef("https://w3id.org/ascenso-kg/shapes#GoalShape")
    prefetch = prechecked.Prefetch(store, shapes, only=[str(goals)])
    try:
        assert prefetch.candidates(goals) == one_by_one(store, shapes)[goals] != set()
        assert prefetch.candidates(rdflib.URIRef("https://w3id.org/ascenso-kg/shapes#MatchShape")) is None
    finally:
        prefetch.close()


def test_closing_it_before_its_queries_ran_loses_nothing_and_waits_for_nothing(store, shapes):
    prefetch = prechecked.Prefetch(store, shapes)
    prefetch.close()  # the queries not begun are dropped
    assert not any(thread.name.startswith("ascenso-kg-precheck") for thread in threading.enumerate())


def test_the_builds_union_read_as_trusted_is_the_same_graph(tmp_path):
    union = tmp_path / "union.nt"
    triples = {quad.triple for quad in mini_season()}
    union.write_bytes(pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES))
    trusted, checked = ntriples_store(union, trusted=True), ntriples_store(union)
    assert len(trusted) == len(checked) > len(triples)  # and the ontology
    assert named(trusted) == named(checked)  # blank nodes (the ontology's lists) are labelled afresh by each load


def named(store: pyoxigraph.Store) -> set:
    return {quad for quad in store if not any(isinstance(term, pyoxigraph.BlankNode) for term in quad.triple)}


def test_a_text_not_written_by_the_build_is_still_checked():
    with pytest.raises(SyntaxError):
        ntriples_store(b"<https://example.org/a b> <https://example.org/p> <https://example.org/o> .\n")
