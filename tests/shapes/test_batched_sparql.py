"""The batched engine (SPARQL constraints batched, ascenso_kg.validation.batched; core constraints pre-checked in
SPARQL, ascenso_kg.validation.prechecked) gives pyshacl's own report, result by result: on the four articles, on the
family set and on a generated corpus with planted inconsistencies (plus a few more, for the three shapes over every
goal and match, and one of each kind of core constraint the pre-check covers), and on each shape's mutations of the
mini season."""

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
from ascenso_kg.validation import batched, prechecked
from ascenso_kg.validation.data import data_store
from ascenso_kg.validation.engine import run_pyshacl
from tests.checkout import ARTICLES_DIR, shared
from tests.shapes.mini_season import MINI, UPDATE_PREFIXES, mini_season

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
    """The results of pyshacl's loop and of the batched engine on the store, and how many queries were batched (the
    pre-check of core constraints must have run too)."""
    with batched.engine("pyshacl"):
        before = prechecked.prechecked_queries()
        _, plain = run_pyshacl(store, shapes)
        assert prechecked.prechecked_queries() == before  # pyshacl's own loop, unaided
    before, before_prechecked = batched.batched_queries(), prechecked.prechecked_queries()
    with batched.engine("pyshacl-batched"):
        _, grouped = run_pyshacl(store, shapes)
    assert prechecked.prechecked_queries() - before_prechecked > 10
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


def _first(pattern: str, variables: str = "?node", skip: int = 0) -> str:
    """The ``skip``-th solution of the pattern (by node): each change below breaks a node of its own."""
    return f"{{ SELECT {variables} WHERE {{ {pattern} }} ORDER BY ?node OFFSET {skip} LIMIT 1 }}"


# Breaks a node (apart from those above) of each kind of core constraint the pre-check covers, with values at the edges of its conditions:
# literals rdflib reads as well formed though their form is not plain ("+7", "01"), ill-typed ones, a value of the
# wrong datatype, a string where sh:in lists numbers.
BREAK_CORE_CONSTRAINTS = f"""
DELETE {{ ?node akg:firstLine ?line }} WHERE {{ {_first("?node a akg:SourceSpan ; akg:firstLine ?line", "?node ?line")} }} ;
DELETE {{ ?node akg:lastLine ?line }} INSERT {{ ?node akg:lastLine 1 }}
WHERE {{ {_first("?node a akg:SourceSpan ; akg:lastLine ?line FILTER(?line > 3)", "?node ?line", 1)} }} ;
INSERT {{ ?node akg:homeScore 9 ; akg:leg "01"^^xsd:integer }} WHERE {{ {_first("?node a akg:Match")} }} ;
DELETE {{ ?node akg:awayScore ?score }} INSERT {{ ?node akg:awayScore -1 }}
WHERE {{ {_first("?node a akg:Match ; akg:awayScore ?score", "?node ?score", 1)} }} ;
DELETE {{ ?node schema:awayTeam ?club }} INSERT {{ ?node schema:awayTeam ?home }}
WHERE {{ {_first("?node a akg:Match ; schema:homeTeam ?home ; schema:awayTeam ?club", "?node ?home ?club", 2)} }} ;
DELETE {{ ?node akg:minute ?minute }} INSERT {{ ?node akg:minute "+7"^^xsd:integer }}
WHERE {{ {_first("?node a akg:Goal ; akg:minute ?minute", "?node ?minute", 3)} }} ;
DELETE {{ ?node akg:minute ?minute }} INSERT {{ ?node akg:minute "seven"^^xsd:integer }}
WHERE {{ {_first("?node a akg:Goal ; akg:minute ?minute", "?node ?minute", 4)} }} ;
DELETE {{ ?node akg:minute ?minute }} INSERT {{ ?node akg:minute "12" }}
WHERE {{ {_first("?node a akg:Goal ; akg:minute ?minute", "?node ?minute", 5)} }} ;
INSERT {{ ?node akg:leg "2" }} WHERE {{ {_first("?node a akg:Match", "?node", 3)} }} ;
DELETE {{ ?node akg:seasonName ?name }} INSERT {{ ?node akg:seasonName "2030-31" }}
WHERE {{ {_first("?node a akg:Season ; akg:seasonName ?name", "?node ?name")} }} ;
DELETE {{ ?node akg:tableOf ?of }} INSERT {{ ?node akg:tableOf "the league" }}
WHERE {{ {_first("?node akg:tableOf ?of", "?node ?of")} }} ;
DELETE {{ ?node prov:wasDerivedFrom ?span }} WHERE {{ {_first("?node a akg:Tie ; prov:wasDerivedFrom ?span",
                                                                "?node ?span")} }} ;
INSERT {{ ?node prov:wasDerivedFrom ?club }}
WHERE {{ {_first("?node a akg:Title . ?other a akg:Match ; schema:homeTeam ?club", "?node ?club")} }} ;
INSERT {{ ?node akg:rowIndex "3.0"^^xsd:decimal ; akg:rank 0 }} WHERE {{ {_first("?node a akg:TableRow")} }}
"""


def planted_store(folder: Path) -> pyoxigraph.Store:
    """A generated corpus of three seasons with planted inconsistencies, goals and matches broken besides."""
    store = store_of(generate_corpus(folder, seasons=3, seed=11, plant_count=8).out)
    store.update(UPDATE_PREFIXES + BREAK_GOALS_AND_MATCHES)
    return store


def test_the_engines_agree_on_a_corpus_with_planted_inconsistencies(tmp_path, shapes):
    store = planted_store(tmp_path / "corpus")
    store.update(UPDATE_PREFIXES + BREAK_CORE_CONSTRAINTS)
    plain, grouped, queries = both_engines(store, shapes)
    assert queries > 10
    shapes_hit = {result[5] for result in plain}
    for shape in ("GoalMinuteInPlay", "GoalForAClubOfTheMatch", "ClubsOfTheSeason", "StandingsPoints"):
        assert any(str(hit).endswith("#" + shape) for hit in shapes_hit), shape
    components = Counter(result[2].rsplit("#", 1)[-1] for result in plain)
    for component in ("MinCount", "MaxCount", "Class", "Datatype", "MinInclusive", "LessThanOrEquals", "Disjoint",
                      "In", "Pattern", "NodeKind"):
        assert components[component + "ConstraintComponent"], component
    assert grouped == plain


# Classes the data declares, below the ontology's: a goal of a subclass of a subclass of Goal that breaks GoalShape
# (it has no match), and a goal for a club of a subclass of Club (which sh:class accepts).
SUBCLASSES_IN_THE_DATA = """
INSERT DATA {
ex:CupGoal rdfs:subClassOf ex:KnockoutGoal . ex:KnockoutGoal rdfs:subClassOf akg:Goal .
ex:Franchise rdfs:subClassOf akg:Club .
ex:cupGoal a ex:CupGoal ; akg:forClub ex:alfa ; akg:scorer ex:striker ; akg:minute 4 .
ex:newcomer a ex:Franchise .
}
;
DELETE { ex:g1 akg:forClub ex:alfa } INSERT { ex:g1 akg:forClub ex:newcomer } WHERE {}
"""


def test_the_pre_check_reads_the_subclasses_the_data_declares(shapes):
    store = data_store(mini_season(SUBCLASSES_IN_THE_DATA))
    plain, grouped, _ = both_engines(store, shapes)
    assert grouped == plain
    shapes_of = {(result[0], result[2].rsplit("#", 1)[-1]) for result in plain}
    assert (MINI + "cupGoal", "MinCountConstraintComponent") in shapes_of  # found through two subclass steps
    assert not any(focus == MINI + "g1" and component == "ClassConstraintComponent" for focus, component in shapes_of)


def test_only_shapes_of_core_constraints_it_covers_are_pre_checked(shapes):
    shape = rdflib.URIRef("https://w3id.org/ascenso-kg/shapes#")
    assert prechecked.candidates_query(shapes, shape + "SourceSpanShape", lambda c: [c]) is not None
    assert prechecked.candidates_query(shapes, shape + "RebrandingShape", lambda c: [c]) is None  # sh:or
    assert prechecked.candidates_query(shapes, shape + "ClubsOfTheSeason", lambda c: [c]) is None  # sh:sparql


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
