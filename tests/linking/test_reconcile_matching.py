"""Name folding and candidate scoring, on a hand-made index: one line per case."""

from __future__ import annotations

import pytest

from ascenso_kg.linking.folded_names import fold, is_abbreviated
from ascenso_kg.server.reconcile.index import ReconcileIndex
from ascenso_kg.server.reconcile.matching import Constraint, ReconQuery, name_score, reconcile

SPACE = "https://example.org/resource/"


@pytest.mark.parametrize("name, folded", [
    ("León", "leon"),
    ("LEÓN", "leon"),
    ("U. de G.", "u de g"),
    ("  Querétaro   F.C. ", "queretaro f c"),
    ("2012–13 Ascenso MX season", "2012 13 ascenso mx season"),
    ("Estadio Nou Camp (León)", "estadio nou camp leon"),
    ("Martiñones", "martinones"),
    ("", ""),
])
def test_fold(name, folded):
    assert fold(name) == folded


@pytest.mark.parametrize("name, abbreviated", [
    ("J. López", True), ("R. de Pinho", True), ("Víctor Lojero", False), ("Alatorre", False), ("Ever Guzmán", False),
])
def test_a_name_given_by_its_initial(name, abbreviated):
    assert is_abbreviated(name) is abbreviated


@pytest.fixture(scope="module")
def index() -> ReconcileIndex:
    built = ReconcileIndex(SPACE)
    names = [
        ("club/leon", "Club", "León", "label"), ("club/udeg", "Club", "Leones Negros UdeG", "label"),
        ("club/udeg", "Club", "U. de G.", "alias"), ("club/tecos", "Club", "Estudiantes Tecos", "label"),
        ("club/tecos", "Club", "Tecos", "alias"), ("club/merida", "Club", "Mérida", "label"),
        ("player/tecos/diego-jimenez", "Player", "Diego Jiménez", "label"),
        ("player/merida/diego-jimenez", "Player", "Diego Jiménez", "label"),
        ("player/merida/diego-jimenez", "Player", "D. Jiménez", "written"),
        ("city/leon", "City", "León", "label"),
    ]
    for entity, type_id, name, how in names:
        built.add_name(SPACE + entity, type_id, name, how, "")
    built.add_relation(SPACE + "player/tecos/diego-jimenez", "club", SPACE + "club/tecos", True)
    built.add_relation(SPACE + "player/merida/diego-jimenez", "club", SPACE + "club/merida", True)
    built.add_relation(SPACE + "player/merida/diego-jimenez", "nationality", "MEX", False)
    return built.finish()


@pytest.mark.parametrize("query, entity, score", [
    ("León", "club/leon", 100.0),  # the label
    ("leon", "club/leon", 100.0),  # without accent or capital
    ("u de g", "club/udeg", 95.0),  # an alias
    ("D. Jimenez", "player/merida/diego-jimenez", 95.0),  # a name as an article wrote it
    ("Leones Negros", "club/udeg", 60.0 + 29.0 * 2 / 3),  # two of its three words
    ("Club León", "club/leon", 50.0 + 29.0 / 2),  # its one word, within more
    ("Tecoss", "club/tecos", 77.3),  # a slip of the keyboard (80 × Jaro–Winkler)
    ("Guadalajara", "club/udeg", 0.0),  # nothing in common
])
def test_name_score(index, query, entity, score):
    assert name_score(query, index.entries[entity]) == pytest.approx(score, abs=0.05)


def ids(candidates) -> list[tuple[str, bool]]:
    return [(candidate.entry.id, candidate.match) for candidate in candidates]


def test_a_lookup_only_type_is_never_a_candidate(index):
    assert ids(reconcile(index, ReconQuery("León"))) == [("club/leon", True)]  # not city/leon


def test_namesakes_are_ranked_but_not_matched(index):
    assert sorted(ids(reconcile(index, ReconQuery("Diego Jimenez", ("Player",))))) == [
        ("player/merida/diego-jimenez", False), ("player/tecos/diego-jimenez", False)]


@pytest.mark.parametrize("values, expected", [
    (("club/tecos",), "player/tecos/diego-jimenez"),  # an id
    ((SPACE + "club/merida",), "player/merida/diego-jimenez"),  # an IRI
    (("Tecos",), "player/tecos/diego-jimenez"),  # an alias of the club
    (("MERIDA",), "player/merida/diego-jimenez"),  # a name, folded
])
def test_a_property_value_settles_the_namesake(index, values, expected):
    candidates = reconcile(index, ReconQuery("Diego Jiménez", ("Player",), constraints=(Constraint("club", values),)))
    assert ids(candidates)[0] == (expected, True)
    assert candidates[1].score == candidates[0].score - 25


def test_a_literal_property_is_compared_folded(index):
    candidates = reconcile(index, ReconQuery("Diego Jiménez", ("Player",),
                                             constraints=(Constraint("nationality", ("mex",)),)))
    assert ids(candidates)[0] == ("player/merida/diego-jimenez", True)


def test_the_limit_cuts_the_candidates_after_the_match_is_decided(index):
    candidates = reconcile(index, ReconQuery("Diego Jiménez", ("Player",), limit=1))
    assert len(candidates) == 1 and candidates[0].match is False
