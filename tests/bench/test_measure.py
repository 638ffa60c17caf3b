"""The bench's small pure pieces: percentiles, spreads of ratios, growth exponents, and the merge of sorted lines the
build relies on to share lines between its two dump sets."""

from __future__ import annotations

import pytest

from ascenso_kg.bench.build_sizes import growth
from ascenso_kg.bench.endpoint_mix import canonical_answer, concatenated_columns, query_form
from ascenso_kg.bench.growth import lookup_p50, markdown
from ascenso_kg.bench.load import LoadResult
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


def test_growths_lookup_p50_pools_the_lookups_and_leaves_the_join_out():
    kinds = {"entity": LoadResult(1, 1.0, [0.001, 0.003]), "label": LoadResult(1, 1.0, [0.002, 0.004]),
             "small-join": LoadResult(1, 1.0, [0.5, 0.6, 0.7, 0.8, 0.9])}
    assert lookup_p50(kinds) == 0.002  # of the four lookups; with the join's, it would be 0.5
    assert lookup_p50({"small-join": kinds["small-join"]}) is None


def test_growths_markdown_gives_each_kind_beside_oxigraphs():
    def size(seasons, lookups, join):
        return {"seasons": seasons, "triples": seasons * 10, "build_seconds": {"median": 1.0},
                "validation_seconds": {"median": 0.2}, "validation_vs_build": 0.25, "peak_rss_gib": 0.5,
                "cold_start_seconds": 2.0, "lookup_p50_ms": lookups, "cheap_p50_ms": 1.5,
                "kinds": {"entity": {"p50_ms": lookups, "oxigraph_p50_ms": 0.3},
                          "small-join": {"p50_ms": join, "oxigraph_p50_ms": join / 2}}}

    text = "\n".join(markdown({"sizes": [size(10, 0.81, 6.0), size(1000, 0.93, 700.0)],
                               "build": {"exponent": 1.0}, "build_without_validation": {"exponent": 1.0}}))
    assert "| 1000 | 10000 | 1.0 | 0.2 | 0.25 | 0.50 | 2.0 | 0.93 | 1.5 |" in text
    assert "| seasons | entity | small-join |" in text
    assert "| 1000 | 0.93 (0.30) | 700.00 (350.00) |" in text
