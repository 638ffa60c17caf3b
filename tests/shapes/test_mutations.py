"""A mutated copy of the real graph (one leg's score changed, one goal removed, one club renamed) gives exactly the
results those changes should cause, and keeps all the others."""

from __future__ import annotations

from collections import Counter

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from ascenso_kg.iris import AKG, RDF, RDFS, SCHEMA, XSD, Iris
from ascenso_kg.validation import validate_quads

IRIS = Iris()
RES = IRIS.base + "resource/"
SEASON_2012_13 = NamedNode(IRIS.article_graph("2012-13-ascenso-mx-season"))


def change_score(quads: list[Quad]) -> list[Quad]:
    """Quarterfinal second leg UAT 3-0 Celaya becomes 2-0; the tie keeps its aggregate of 4-1."""
    match = NamedNode(RES + "match/2013-04-27-correcaminos-celaya")
    score = NamedNode(AKG + "homeScore")
    return [Quad(q.subject, q.predicate, Literal("2", datatype=NamedNode(XSD + "integer")), q.graph_name)
            if (q.subject, q.predicate) == (match, score) else q for q in quads]


def remove_goal(quads: list[Quad]) -> list[Quad]:
    """The only goal of the Clausura 2013 final's second leg (Necaxa 0-1 Neza) is gone."""
    goal = NamedNode(RES + "match/2013-05-11-necaxa-neza/goal/1")
    return [q for q in quads if goal not in (q.subject, q.object)]


def rename_club(quads: list[Quad]) -> list[Quad]:
    """In the second leg of the 2013 promotion final (Neza 0-1 La Piedad), the home club is read as a new club."""
    match, home = NamedNode(RES + "match/2013-05-18-neza-la-piedad"), NamedNode(SCHEMA + "homeTeam")
    renamed = NamedNode(RES + "club/toros-neza")
    changed = [Quad(q.subject, q.predicate, renamed, q.graph_name) if (q.subject, q.predicate) == (match, home) else q
               for q in quads]
    return changed + [Quad(renamed, NamedNode(RDF + "type"), NamedNode(AKG + "Club"), SEASON_2012_13),
                      Quad(renamed, NamedNode(RDFS + "label"), Literal("Toros Neza"), SEASON_2012_13)]


MUTATIONS = [change_score, remove_goal, rename_club]
EXPECTED = Counter({
    # change_score: the recorded aggregate no longer adds up (a mapping bug), and three scorers for two goals.
    ("TieAggregateEqualsLegs", "tournament/clausura-2013/liguilla/quarterfinals/celaya-correcaminos", "Violation"): 1,
    ("ScorersNotBeyondScore", "match/2013-04-27-correcaminos-celaya", "Warning"): 1,
    # remove_goal: a goal of the score without its scorer.
    ("ScorersCoverScore", "match/2013-05-11-necaxa-neza", "Warning"): 1,
    # rename_club: a club no stadia table lists, and legs that no longer mirror each other.
    ("ClubsOfTheSeason", "match/2013-05-18-neza-la-piedad", "Warning"): 1,
    ("TieLegsSwapped", "season/2012-13/promotion-final/final/la-piedad-neza", "Violation"): 1,
    ("TieSidesPlayTheLegs", "season/2012-13/promotion-final/final/la-piedad-neza", "Violation"): 1,
})


def results(validation) -> Counter:
    return Counter((f.shape_name, str(f.focus).removeprefix(RES), f.severity) for f in validation.findings)


@pytest.fixture(scope="module")
def mutated(release_quads, shapes):
    quads = release_quads
    for mutate in MUTATIONS:
        quads = mutate(quads)
    return validate_quads(quads, shapes=shapes)


def test_the_mutated_graph_gives_exactly_the_new_results(mutated, article_validation):
    assert results(mutated) - results(article_validation) == EXPECTED
    assert results(article_validation) - results(mutated) == Counter()


def test_the_mutations_are_told_with_their_values(mutated):
    messages = "\n".join(f.message for f in mutated.findings)
    # The labels were written before the mutation: the match is still called 3–0.
    assert ("Correcaminos UAT 3–0 Celaya (27 April 2013): the article lists 3 goals for Correcaminos UAT, more than "
            "the 2 it scored.") in messages
    assert ("the aggregate is recorded as Celaya 1–4 Correcaminos UAT, but the legs were 1–1 and 2–0, which make "
            "1–3") in messages
    assert "Neza scored 1, but the article lists only 0 of its scorers" in messages
    assert "Toros Neza plays Neza 0–1 La Piedad (18 May 2013), but it is not among the clubs of the 2012–13" in messages
    assert "Neza is a side of La Piedad v Neza (2013 promotion final) but does not play its leg" in messages
