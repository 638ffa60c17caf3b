"""Anchored queries (server/sparql/anchored.py): the shapes answered in the web process, and everything else, which
goes to the query processes, where a query is stopped at the time limit."""

from __future__ import annotations

import pytest

from ascenso_kg.server.sparql.anchored import MAX_PATTERNS, is_anchored

CLUB = "<https://w3id.org/ascenso-kg/resource/club/necaxa>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
RDFS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

ANCHORED = {
    "one entity's statements": f"SELECT ?p ?o WHERE {{ {CLUB} ?p ?o }} LIMIT 100",
    "a label": f"SELECT ?label WHERE {{ {CLUB} {LABEL} ?label }}",
    "neighbours' labels": f"SELECT ?o ?label WHERE {{ {CLUB} ?p ?o . ?o {LABEL} ?label }} LIMIT 50",
    "prefixed names, a and a list": RDFS + f"SELECT * {{ {CLUB} a ?type ; rdfs:label ?l . }}",
    "an object list": RDFS + f"ASK {{ {CLUB} rdfs:label ?l , \"Necaxa\" }}",
    "ASK with a typed literal": f"ASK {{ {CLUB} <http://x.example/n> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> }}",
    "language tag and an integer": f"ASK WHERE {{ {CLUB} {LABEL} \"Necaxa\"@es ; <http://x.example/n> 3 }}",
    "two patterns on one subject": f"SELECT ?o WHERE {{ {CLUB} ?p ?o ; {LABEL} ?l }} LIMIT 5",
    "dollar variables": f"SELECT $o WHERE {{ {CLUB} $p $o . $o {LABEL} ?l }}",
    "a chain of two": f"SELECT * WHERE {{ {CLUB} ?p ?o . ?o ?q ?r }}",
    "a comment": f"# the club\nSELECT ?o WHERE {{ {CLUB} ?p ?o }}",
}

NOT_ANCHORED = {
    "a scan of the store": "SELECT * WHERE { ?s ?p ?o }",
    "a pattern on an unbound subject": f"SELECT ?o WHERE {{ {CLUB} ?p ?o . ?x ?q ?o }}",
    "its subject bound only later": f"SELECT ?o WHERE {{ ?o {LABEL} ?l . {CLUB} ?p ?o }}",
    "too many patterns": f"SELECT ?o WHERE {{ {CLUB} ?p ?o . ?o ?q ?r . ?r ?s ?t }}",
    "DISTINCT (skips rows inside the engine)": f"SELECT DISTINCT ?p WHERE {{ {CLUB} ?p ?o }}",
    "REDUCED": f"SELECT REDUCED ?p WHERE {{ {CLUB} ?p ?o }}",
    "OFFSET (skips rows inside the engine)": f"SELECT ?p WHERE {{ {CLUB} ?p ?o }} LIMIT 5 OFFSET 1000000",
    "a path *": f"SELECT ?o WHERE {{ {CLUB} {LABEL}* ?o }}",
    "a path +": f"SELECT ?o WHERE {{ {CLUB} {LABEL}+ ?o }}",
    "a sequence path": f"SELECT ?o WHERE {{ {CLUB} {LABEL}/{LABEL} ?o }}",
    "an inverse path": f"SELECT ?o WHERE {{ {CLUB} ^{LABEL} ?o }}",
    "a negated property set": f"SELECT ?o WHERE {{ {CLUB} !{LABEL} ?o }}",
    "a zero-or-one path glued to a variable": f"SELECT ?o WHERE {{ {CLUB} {LABEL}?o }}",
    "a FILTER": f"SELECT ?o WHERE {{ {CLUB} ?p ?o FILTER(isIRI(?o)) }}",
    "an OPTIONAL": f"SELECT ?o WHERE {{ {CLUB} ?p ?o OPTIONAL {{ ?o {LABEL} ?l }} }}",
    "a UNION": f"SELECT ?o WHERE {{ {{ {CLUB} ?p ?o }} UNION {{ {CLUB} ?p ?o }} }}",
    "VALUES": f"SELECT ?o WHERE {{ VALUES ?p {{ {LABEL} }} {CLUB} ?p ?o }}",
    "a sub-query": f"SELECT ?o WHERE {{ {{ SELECT ?o WHERE {{ {CLUB} ?p ?o }} }} }}",
    "ORDER BY": f"SELECT ?o WHERE {{ {CLUB} ?p ?o }} ORDER BY ?o",
    "GROUP BY": f"SELECT ?p WHERE {{ {CLUB} ?p ?o }} GROUP BY ?p",
    "an aggregate": f"SELECT (COUNT(*) AS ?n) WHERE {{ {CLUB} ?p ?o }}",
    "SERVICE": f"SELECT ?o WHERE {{ SERVICE <https://query.wikidata.org/sparql> {{ {CLUB} ?p ?o }} }}",
    "FROM": f"SELECT ?o FROM <http://g.example/> WHERE {{ {CLUB} ?p ?o }}",
    "GRAPH": f"SELECT ?o WHERE {{ GRAPH ?g {{ {CLUB} ?p ?o }} }}",
    "a blank node subject": "SELECT ?o WHERE { _:b ?p ?o }",
    "a blank node object": f"SELECT ?o WHERE {{ {CLUB} ?p [ {LABEL} ?o ] }}",
    "a literal subject": 'SELECT * WHERE { "x" ?p ?o }',
    "an undeclared prefix": f"SELECT ?o WHERE {{ rdfs:x ?p ?o }}",
    "a decimal object": f"ASK {{ {CLUB} ?p 1.5 }}",
    "a negative object": f"ASK {{ {CLUB} ?p -1 }}",
    "CONSTRUCT": f"CONSTRUCT {{ {CLUB} ?p ?o }} WHERE {{ {CLUB} ?p ?o }}",
    "DESCRIBE": f"DESCRIBE {CLUB}",
    "an update": f"INSERT DATA {{ {CLUB} {LABEL} \"x\" }}",
    "text after the query": f"SELECT ?o WHERE {{ {CLUB} ?p ?o }} LIMIT 1 LIMIT 2",
    "a keyword glued to a number": f"SELECT ?o WHERE {{ {CLUB} ?p ?o }} LIMIT1",
    "a LIMIT without its number": f"SELECT ?o WHERE {{ {CLUB} ?p ?o }} LIMIT",
    "an unclosed group": f"SELECT ?o WHERE {{ {CLUB} ?p ?o",
    "nothing": "",
    "an empty group left open": "SELECT ?o WHERE {",
    "a subject alone": "ASK { <http://a.example/>",
    "a predicate without its object": "ASK { <http://a.example/> ?p",
    "a datatype left out": 'ASK { <http://a.example/> ?p "3"^^',
    "a text over the length read": f"SELECT ?o WHERE {{ {CLUB} ?p ?o }} #" + "x" * 5000,
}


@pytest.mark.parametrize("name", ANCHORED)
def test_lookups_from_a_given_iri_are_anchored(name):
    assert is_anchored(ANCHORED[name])


@pytest.mark.parametrize("name", NOT_ANCHORED)
def test_every_other_shape_goes_to_the_query_processes(name):
    assert not is_anchored(NOT_ANCHORED[name])


def test_the_number_of_patterns_is_what_bounds_a_chain():
    chain = " . ".join(f"?v{i} ?p{i} ?v{i + 1}" for i in range(1, MAX_PATTERNS))
    assert is_anchored(f"SELECT * WHERE {{ {CLUB} ?p0 ?v1 . {chain} }}")
    longer = " . ".join(f"?v{i} ?p{i} ?v{i + 1}" for i in range(1, MAX_PATTERNS + 1))
    assert not is_anchored(f"SELECT * WHERE {{ {CLUB} ?p0 ?v1 . {longer} }}")
