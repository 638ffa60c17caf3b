"""The small pure parts of the pages: addresses, query parameters, value formats, bracket layout."""

from __future__ import annotations

import pyoxigraph
import pytest

from ascenso_kg.notation import minute_text
from ascenso_kg.server import bracket
from ascenso_kg.server.pages.addresses import Addresses
from ascenso_kg.server.pages.league_tables import tournament_order
from ascenso_kg.server.pages.queries import bind, incoming_first_pages
from ascenso_kg.server.pages.values import format_date, format_literal

BASE = "https://w3id.org/ascenso-kg/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("iri, path", [
    (BASE + "resource/club/necaxa", "/resource/club/necaxa"),
    (BASE + "source/2012-13-ascenso-mx-season/lines/167-169", "/source/2012-13-ascenso-mx-season/lines/167-169"),
    (BASE + "graph/validation", "/graph/validation"),
    (BASE + "ontology", "/ontology"),
    (BASE + "ontology#Club", "/ontology#Club"),
    (BASE + "shapes", None),  # under the base but not a folder the pages serve
    ("https://en.wikipedia.org/wiki/Club_Necaxa", None),
    ("http://dbpedia.org/resource/Atlético_San_Luis", None),
])
def test_iris_under_the_base_map_to_local_paths(iri, path):
    assert Addresses(BASE).local_path(iri) == path


def test_a_moved_base_still_serves_the_ontology_at_its_fixed_namespace():
    moved = Addresses("http://localhost:9000/kg/")
    assert moved.local_path("http://localhost:9000/kg/resource/club/necaxa") == "/resource/club/necaxa"
    assert moved.local_path(BASE + "ontology#Club") == "/ontology#Club"
    assert moved.local_path(BASE + "resource/club/necaxa") is None
    assert moved.iri_for("resource", "club/necaxa") == "http://localhost:9000/kg/resource/club/necaxa"


def test_bind_replaces_parameters_but_not_strings_comments_or_iris():
    text = '# $this in a comment\nSELECT * WHERE { $this ?p "$this" . <http://e/$this> ?q $this }'
    bound = bind(text, this=pyoxigraph.NamedNode("http://e/x"))
    assert bound == ('# $this in a comment\n'
                     'SELECT * WHERE { <http://e/x> ?p "$this" . <http://e/$this> ?q <http://e/x> }')


def test_bind_refuses_a_missing_parameter_and_values_that_are_not_terms():
    with pytest.raises(KeyError, match=r"\$property"):
        bind("SELECT * WHERE { ?s $property $this }", this=pyoxigraph.NamedNode("http://e/x"))
    with pytest.raises(TypeError):
        bind("SELECT * WHERE { ?s ?p $this }", this="http://e/x> } ; DROP ALL ; {")
    with pytest.raises(ValueError):  # the IRI itself is checked when the term is made
        pyoxigraph.NamedNode("http://e/x> ?p ?o")


def test_bind_writes_a_tuple_as_a_values_list():
    bound = bind("SELECT * WHERE { VALUES ?c { $classes } }",
                 classes=(pyoxigraph.NamedNode("http://e/A"), pyoxigraph.NamedNode("http://e/B")))
    assert bound == "SELECT * WHERE { VALUES ?c { <http://e/A> <http://e/B> } }"


@pytest.mark.parametrize("in_iri_order", [True, False])
def test_incoming_first_pages_is_one_valid_query_with_a_limit_per_property(in_iri_order):
    store = pyoxigraph.Store()
    this = pyoxigraph.NamedNode("http://e/this")
    props = [pyoxigraph.NamedNode(f"http://e/p{n}") for n in range(3)]
    for n, prop in enumerate(props):
        for i in range(5 * (n + 1)):
            store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://e/s{n}-{i:02}"), prop, this))
    text = incoming_first_pages(this, props, per_property=4, in_iri_order=in_iri_order)
    rows = [(row["property"].value, row["subject"].value) for row in store.query(text)]
    for n, prop in enumerate(props):
        found = [s for p, s in rows if p == prop.value]
        assert len(found) == 4 and set(found) <= {f"http://e/s{n}-{i:02}" for i in range(5 * (n + 1))}
        if in_iri_order:  # the first four by IRI, whatever order the store keeps them in
            assert found == [f"http://e/s{n}-{i:02}" for i in range(4)]


def test_the_embedded_store_pages_links_in_its_own_order_and_a_remote_one_by_iri(make_app, built):
    from ascenso_kg.server.pages.queries import incoming_in_iri_order
    for overrides, expected in [({}, False), ({"INCOMING_ORDER": "iri"}, True), ({"INCOMING_ORDER": "store"}, False)]:
        app = make_app(built, **overrides)
        with app.app_context():
            assert incoming_in_iri_order() is expected, overrides
    with pytest.raises(ValueError, match="INCOMING_ORDER"):  # refused when the app starts, not on a page
        make_app(built, INCOMING_ORDER="alphabetical")


@pytest.mark.parametrize("value, datatype, text", [
    ("2013-05-11", "date", "11 May 2013"),
    ("true", "boolean", "yes"),
    ("false", "boolean", "no"),
    ("101.00", "decimal", "101"),
    ("1.2500", "decimal", "1.25"),
    ("23851", "integer", "23,851"),
    ("90", "integer", "90"),
])
def test_literals_are_printed_for_reading(value, datatype, text):
    assert format_literal(pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(XSD + datatype))) == text


def test_dates_that_are_not_dates_stay_as_written():
    assert format_date("May 2013") == "May 2013"


@pytest.mark.parametrize("minute, added, text", [(90, None, "90'"), (90, 2, "90+2'"), (45, 0, "45'"), (None, None, "")])
def test_minutes(minute, added, text):
    assert minute_text(minute, added) == text


def test_tournaments_sort_by_year_then_clausura_before_apertura():
    names = ["Apertura 2010", "Clausura 2012", "Bicentenario 2010", "Apertura 2011", "Clausura 2011", "Apertura 2009"]
    assert sorted(names, key=tournament_order) == ["Apertura 2009", "Bicentenario 2010", "Apertura 2010",
                                                   "Clausura 2011", "Apertura 2011", "Clausura 2012"]


def _tie(name: str, home: str, away: str, winner: str) -> bracket.Tie:
    return bracket.Tie(href=f"/tie/{name}", title=name, winner=winner,
                       sides=[bracket.Side(home, home.upper(), "1", home == winner),
                              bracket.Side(away, away.upper(), "0", away == winner)])


def test_bracket_orders_each_round_by_where_its_winners_go_and_joins_them():
    quarterfinals = bracket.Round("Quarterfinals", None, [
        _tie("q1", "a", "b", "a"), _tie("q2", "c", "d", "d"), _tie("q3", "e", "f", "e"), _tie("q4", "g", "h", "h")])
    semifinals = bracket.Round("Semifinals", None, [_tie("s1", "e", "h", "e"), _tie("s2", "a", "d", "a")])
    final = bracket.Round("Final", "/round/final", [_tie("f", "a", "e", "a")])
    drawn = bracket.layout([quarterfinals, semifinals, final])
    columns = bracket.order_rounds([quarterfinals, semifinals, final])
    # The final's first side (a) comes from s2, so s2 is drawn first; s2's sides come from q1 (a) and q2 (d).
    assert [t.title for t in columns[1]] == ["s2", "s1"]
    assert [t.title for t in columns[0]] == ["q1", "q2", "q3", "q4"]
    assert len(drawn.boxes) == 7 and len(drawn.connectors) == 6
    final_box = next(b for b in drawn.boxes if b.tie.title == "f")
    semifinal_ys = sorted(b.y for b in drawn.boxes if b.tie.title.startswith("s"))
    assert semifinal_ys[0] < final_box.y < semifinal_ys[1]  # the final sits between its two semifinals
    assert drawn.headers[2] == {"x": final_box.x, "y": drawn.headers[2]["y"], "text": "Final", "href": "/round/final"}


def test_bracket_side_without_an_earlier_tie_has_no_line_and_long_names_are_shortened():
    quarterfinals = bracket.Round("Quarterfinals", None, [_tie("q1", "a", "b", "a")])
    semifinals = bracket.Round("Semifinals", None, [_tie("s1", "a", "bye", "a")])
    drawn = bracket.layout([quarterfinals, semifinals])
    assert len(drawn.connectors) == 1
    assert bracket.short("Club Deportivo Estudiantes Tecos de la UAG") == "Club Deportivo Estudian…"
    assert bracket.layout([]).boxes == []


@pytest.mark.parametrize("iri, site, href", [
    ("https://en.wikipedia.org/wiki/Club_Necaxa", "Wikipedia", "https://en.wikipedia.org/wiki/Club_Necaxa"),
    ("http://dbpedia.org/resource/Club_Necaxa", "DBpedia", "http://dbpedia.org/resource/Club_Necaxa"),
    ("http://www.wikidata.org/entity/Q1056287", "Wikidata", "https://www.wikidata.org/wiki/Q1056287"),
    ("https://example.org/necaxa", "example.org", "https://example.org/necaxa"),
])
def test_links_out_are_named_by_their_site(iri, site, href):
    from ascenso_kg.server.pages.describe import _external

    assert _external(iri) == {"site": site, "href": href}


@pytest.mark.parametrize("first, second, same", [
    ("V. Lojero", "Víctor Lojero", True),
    ("Víctor Lojero", "V. Lojero", True),
    ("J. García", "J. García", True),
    ("R. de Pinho", "Rafael de Pinho", True),
    ("J. García", "Michel García", False),
    ("D. Jiménez", "Diego Jiménez", True),
    ("Diego Jiménez", "Daniel Jiménez", False),
    ("V. Lojero", "V. Alvarado", False),
    ("Lojero", "V. Lojero", False),  # one word: no first name to compare
])
def test_same_person_names(first, second, same):
    from ascenso_kg.server.pages.people import same_person_names

    assert same_person_names(first, second) is same
