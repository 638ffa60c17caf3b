"""The bench's small pure pieces: percentiles, spreads of ratios, growth exponents, and the merge of sorted lines the
build relies on to share lines between its two dump sets."""

from __future__ import annotations

import pytest

from ascenso_kg.bench.build_sizes import growth
from ascenso_kg.bench.endpoint_mix import canonical_answer, concatenated_columns, query_form
from tests.checkout import ROOT
from ascenso_kg.bench.measure import percentile, spread


@pytest.mark.parametrize("values, p, expected", [
    ([], 50, None),
    ([3.0], 95, 3.0),
    ([1.0, 2.0, 3.0, 4.0], 50, 2.0),
    ([float(n) for n in range(1, 101)], 95, 95.0),
    ([float(n) for n in range(1, 101)], 99, 99.0),
])
def test_percentile_is_the_nearest_rank(values, p, expected):
    assert percentile(values, p) == expected


def test_spread_gives_median_min_max_and_skips_missing_runs():
    assert spread([2.0, None, 1.0, 4.0]) == {"median": 2.0, "min": 1.0, "max": 4.0, "runs": 3}
    assert spread([])["median"] is None


def test_growth_exponent_is_one_for_linear_times():
    sizes = [{"seasons": 1, "quads": 1000, "t": {"median": 2.0}}, {"seasons": 10, "quads": 10000, "t": {"median": 20.0}}]
    assert growth(sizes, "t")["exponent"] == pytest.approx(1.0)


@pytest.mark.parametrize("text, form", [
    ("PREFIX a: <http://a/>\nSELECT ?s WHERE { ?s ?p ?o }", "SELECT"),
    ("# CONSTRUCT in a comment\nPREFIX a: <http://a/>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("ASK { ?s ?p ?o }", "ASK"),
])
def test_query_form(text, form):
    assert query_form(text) == form


def test_answers_compare_without_row_order_or_xsd_string():
    one = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "a"}}, ' \
          b'{"x": {"type": "uri", "value": "http://b"}}]}}'
    two = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": "http://b"}}, ' \
          b'{"x": {"type": "literal", "value": "a", "datatype": "http://www.w3.org/2001/XMLSchema#string"}}]}}'
    assert canonical_answer("SELECT", one) == canonical_answer("SELECT", two)


def test_example_06_seasons_in_another_order_are_the_same_answer():
    """Oxigraph's GROUP_CONCAT(DISTINCT …) lists a player's seasons in a different order from run to run: the bench
    reported this example as answered differently by this server and by Oxigraph."""
    text = (ROOT / "queries" / "06-players-who-scored-in-more-than-one-season.rq").read_text(encoding="utf-8")
    columns = concatenated_columns(text)
    assert columns == {"which": ", "}

    def answer(which: str, name: str = "A") -> bytes:
        return ('{"head": {"vars": ["name", "which"]}, "results": {"bindings": [{"name": {"type": "literal", '
                f'"value": "{name}"}}, "which": {{"type": "literal", "value": "{which}"}}}}]}}}}').encode()

    assert canonical_answer("SELECT", answer("2030–31, 2036–37"), columns) == \
        canonical_answer("SELECT", answer("2036–37, 2030–31"), columns)
    assert canonical_answer("SELECT", answer("2030–31, 2036–37"), columns) != \
        canonical_answer("SELECT", answer("2030–31, 2037–38"), columns)
    assert canonical_answer("SELECT", answer("2030–31"), columns) != \
        canonical_answer("SELECT", answer("2030–31", name="B"), columns)


@pytest.mark.parametrize("text, expected", [
    ('SELECT (GROUP_CONCAT(?x) AS ?a) WHERE {}', {"a": " "}),
    ('SELECT (group_concat(DISTINCT STR(?y); separator="\\t|") AS ?b) ?c WHERE {}', {"b": "\t|"}),
    ('SELECT ?x (COUNT(?y) AS ?n) WHERE {} # GROUP_CONCAT(?z) AS ?w', {}),
])
def test_concatenated_columns_are_found_with_their_separators(text, expected):
    assert concatenated_columns(text) == expected
