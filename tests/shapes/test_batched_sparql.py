"""The batched SPARQL constraints (ascenso_kg.validation.batched) give pyshacl's own report, result by result: on the
four articles, on the family set and on a generated corpus with planted inconsistencies (plus a few more, for the
three shapes over every goal and match), and on each shape's mutations of the mini season."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import RDF, SH

from ascenso_kg.corpus import generate_corpus
from ascenso_kg.iris import Iris
from ascenso_kg.mappings.pipeline import map_articles
from ascenso_kg.validation import batched
from ascenso_kg.validation.data import data_store
from ascenso_kg.validation.engine import run_pyshacl
from tests.checkout import ARTICLES_DIR, shared
from tests.shapes.mini_season import UPDATE_PREFIXES

RES = Iris().base + "resource/"


def results(report: rdflib.Graph) -> Counter:
    """Each result of a pyshacl report as (focus node, path, constraint component, severity, value, source shape,
    message), counted: blank nodes (property shapes, paths) are named by what they hold, not by their label."""

    def name(node):
        if isinstance(node, rdflib.BNode):
            return tuple(sorted((str(p), str(o) if not isinstance(o, rdflib.BNode) else "[]")
                                for p, o in report.predicate_objects(node)))
        return None if node is None else str(node)

    return Counter(
        tuple(name(report.value(result, predicate)) for predicate in (
            SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.resultSeverity, SH.value, SH.sourceShape,
            SH.resultMessage))
        for result in report.subjects(RDF.type, SH.ValidationResult))


def both_engines(store, shapes) -> tuple[Counter, Counter, int]:
    """The results of pyshacl's loop and of the batched engine on the store, and how many queries were batched."""
    with batched.engine("pyshacl"):
        _, plain = run_pyshacl(store, shapes)
    before = batched.batched_queries()
    with batched.engine("pyshacl-batched"):
        _, grouped = run_pyshacl(store, shapes)
    return results(plain), results(grouped), batched.batched_queries() - before


def store_of(articles: Path) -> pyoxigraph.Store:
    """The graph the articles map to, in the store validation reads (its triples once each, and the ontology)."""
    mapped = map_articles(articles, Iris())
    text = mapped.nquads().decode()
    return data_store(list(pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.N_QUADS)))


def test_the_engines_agree_on_the_four_articles(shapes):
    plain, grouped, queries = both_engines(store_of(ARTICLES_DIR), shapes)
    assert queries > 10
    assert plain  # the articles have warnings and notes: the comparison is not of two empty reports
    assert grouped == plain


def test_the_engines_agree_on_the_family_set(shapes):
    plain, grouped, queries = both_engines(store_of(shared("family", "plain")), shapes)
    assert queries > 10
    assert grouped == plain


# Breaks the three shapes over every goal and match: a goal out of time, one for a club not in its match, and a
# match of a club the season does not list.
BREAK_GOALS_AND_MATCHES = f"""
DELETE {{ ?goal akg:minute ?minute }} INSERT {{ ?goal akg:minute 131 }}
WHERE {{ {{ SELECT ?goal ?minute WHERE {{ ?goal a akg:Goal ; akg:minute ?minute }} ORDER BY ?goal LIMIT 3 }} }} ;
DELETE {{ ?goal akg:forClub ?club }} INSERT {{ ?goal akg:forClub <{RES}club/nowhere> }}
WHERE {{ {{ SELECT ?goal ?club WHERE {{ ?goal a akg:Goal ; akg:forClub ?club }} ORDER BY DESC(?goal) LIMIT 2 }} }} ;
DELETE {{ ?match schema:awayTeam ?club }} INSERT {{ ?match schema:awayTeam <{RES}club/nowhere> }}
WHERE {{ {{ SELECT ?match ?club WHERE {{ ?match a akg:Match ; schema:awayTeam ?club }} ORDER BY ?match LIMIT 2 }} }}
"""


def test_the_engines_agree_on_a_corpus_with_planted_inconsistencies(tmp_path, shapes):
    corpus = generate_corpus(tmp_path / "corpus", seasons=3, seed=11, plant_count=8)
    store = store_of(corpus.out)
    store.update(UPDATE_PREFIXES + BREAK_GOALS_AND_MATCHES)
    plain, grouped, queries = both_engines(store, shapes)
    assert queries > 10
    shapes_hit = {result[5] for result in plain}
    for shape in ("GoalMinuteInPlay", "GoalForAClubOfTheMatch", "ClubsOfTheSeason", "StandingsPoints"):
        assert any(str(hit).endswith("#" + shape) for hit in shapes_hit), shape
    assert grouped == plain


@pytest.mark.parametrize("text, expected", [
    ("SELECT $this ?x WHERE { $this ?p ?x }", True),
    ("SELECT DISTINCT $this ?x WHERE { $this ?p ?x }", True),
    ("SELECT $this ?limit WHERE { $this ?p ?limit }", True),  # a variable, not the LIMIT keyword
    ("SELECT $this (COUNT(?x) AS ?n) WHERE { $this ?p ?x } GROUP BY $this HAVING (COUNT(?x) > 1)", True),
    ("SELECT ?x WHERE { $this ?p ?x }", False),  # which focus node a solution is for would be lost
    ("SELECT $this (COUNT(?x) AS ?n) WHERE { $this ?p ?x }", False),  # one count over every focus node
    ("SELECT $this (COUNT(?x) AS ?n) WHERE { $this ?p ?x } GROUP BY ?x", False),
    ("SELECT $this ?x WHERE { $this ?p ?x } LIMIT 1", False),  # one solution in all, not one per focus node
    ("SELECT $this ?x WHERE { { SELECT $this (MAX(?y) AS ?x) WHERE { $this ?p ?y } GROUP BY $this } }", False),
])
def test_only_queries_that_batch_to_the_same_solutions_are_batched(text, expected):
    assert batched.batchable(text) is expected


def test_the_focus_nodes_join_at_the_head_of_the_where_clause():
    query = batched.with_focus_nodes("PREFIX a: <x:>\nSELECT $this WHERE {\n$this a:p ?o }",
                                     [rdflib.URIRef("x:1"), rdflib.URIRef("x:2")])
    assert query == "PREFIX a: <x:>\nSELECT $this WHERE {\nVALUES $this { <x:1> <x:2> }\n\n$this a:p ?o }"


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown validation engine 'turbo'"):
        with batched.engine("turbo"):
            pass
