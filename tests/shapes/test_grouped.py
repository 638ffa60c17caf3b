"""Validation in groups of shapes, each on a store of only the triples it reads (ascenso_kg.validation.grouped and
reads), gives the findings of one store holding the whole graph, finding by finding (shape, severity, focus node,
path, value, message, article lines, season): on the four articles, the family set and a generated corpus with
planted inconsistencies; and a shape reading a predicate no other shape reads finds its triples kept."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from ascenso_kg.validation import grouped, validate_ntriples
from ascenso_kg.validation.findings import CONTEXT_QUERIES
from ascenso_kg.validation.reads import DataReads, FilteredNTriples, data_reads
from ascenso_kg.validation.shapes import SHAPES_NS
from tests.checkout import ARTICLES_DIR, shared
from tests.shapes.mini_season import UPDATE_PREFIXES
from tests.shapes.test_batched_sparql import BREAK_CORE_CONSTRAINTS, store_of, planted_store

AKG = "https://w3id.org/ascenso-kg/ontology#"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"


def ntriples_file(store: pyoxigraph.Store, path: Path) -> tuple[Path, int]:
    store.dump(path, format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    return path, sum(1 for _ in path.open("rb"))


def budget(triples: int) -> int:
    """A store's budget of a third of the graph: several groups, most shapes sharing one."""
    return triples // 3


def findings_both_ways(path: Path, triples: int, shapes: rdflib.Graph) -> tuple[Counter, Counter]:
    whole = validate_ntriples(path, triples, shapes=shapes, store_triples=triples + 1)
    in_groups = validate_ntriples(path, triples, shapes=shapes, store_triples=budget(triples))
    return Counter(whole.findings), Counter(in_groups.findings)


def test_the_groups_find_what_the_whole_graph_does_on_the_four_articles(tmp_path, shapes):
    path, triples = ntriples_file(store_of(ARTICLES_DIR), tmp_path / "articles.nt")
    whole, in_groups = findings_both_ways(path, triples, shapes)
    assert whole  # warnings and notes with seasons and lines: not two empty reports
    assert any(finding.sources and finding.season for finding in whole)
    assert in_groups == whole


def test_the_groups_find_what_the_whole_graph_does_on_the_family_set(tmp_path, shapes):
    path, triples = ntriples_file(store_of(shared("family", "plain")), tmp_path / "family.nt")
    whole, in_groups = findings_both_ways(path, triples, shapes)
    assert in_groups == whole


def test_the_groups_find_what_the_whole_graph_does_on_planted_inconsistencies(tmp_path, shapes):
    store = planted_store(tmp_path / "corpus")
    store.update(UPDATE_PREFIXES + BREAK_CORE_CONSTRAINTS)
    path, triples = ntriples_file(store, tmp_path / "corpus.nt")
    counts = grouped.count_file(path)
    classes = rdflib.Graph().parse(grouped.ONTOLOGY_FILE, format="turtle")
    assert len(grouped.plan_groups(shapes, classes, counts, budget(triples))) > 3
    whole, in_groups = findings_both_ways(path, triples, shapes)
    assert sum(whole.values()) > 20
    assert {finding.severity for finding in whole} >= {"Violation", "Warning"}
    assert in_groups == whole


# A shape reading skos:altLabel, which no shape of shapes/ reads, along every kind of path and in a query.
READS_ALT_LABEL = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix akg: <{AKG}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{SHAPES_NS}ClubAltLabels> a sh:NodeShape ;
    sh:targetClass akg:Club ;
    sh:severity sh:Info ;
    sh:property [ sh:path skos:altLabel ; sh:maxCount 0 ] ,
        [ sh:path ( akg:club [ sh:inversePath skos:altLabel ] ) ; sh:maxCount 0 ] ,
        [ sh:path [ sh:alternativePath ( akg:club skos:altLabel ) ] ; sh:maxCount 0 ] .
"""

ALT_LABEL_QUERY = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
<https://w3id.org/ascenso-kg/shapes#ClubAltLabelsByQuery> a sh:NodeShape ;
    sh:targetClass akg:Club ;
    sh:severity sh:Info ;
    sh:sparql [ sh:prefixes <https://w3id.org/ascenso-kg/shapes> ;
        sh:message "{$this} has another name, {?name}." ;
        sh:select "SELECT $this ?name WHERE { $this <http://www.w3.org/2004/02/skos/core#altLabel> ?name . }" ] .
"""

ANY_PREDICATE_QUERY = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
<https://w3id.org/ascenso-kg/shapes#ClubSaysAnything> a sh:NodeShape ;
    sh:targetClass akg:Club ;
    sh:severity sh:Info ;
    sh:sparql [ sh:prefixes <https://w3id.org/ascenso-kg/shapes> ;
        sh:message "{$this} says {?value}." ;
        sh:select "SELECT $this ?value WHERE { $this ?p ?value . FILTER (STRSTARTS(STR(?p), 'http://www.w3.org/2004/02/skos/')) }" ] .
"""


def with_shape(shapes: rdflib.Graph, turtle: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph += shapes
    return graph.parse(data=turtle, format="turtle")


def test_a_shape_reading_a_predicate_no_other_shape_reads_has_its_triples_kept(shapes):
    assert SKOS_ALT not in data_reads(shapes).predicates  # read by none of shapes/: dropped without the shape
    for turtle, name in ((READS_ALT_LABEL, "ClubAltLabels"), (ALT_LABEL_QUERY, "ClubAltLabelsByQuery")):
        assert SKOS_ALT in data_reads(with_shape(shapes, turtle), [SHAPES_NS + name]).predicates


def test_a_shape_with_a_variable_predicate_keeps_every_triple(shapes):
    assert data_reads(with_shape(shapes, ANY_PREDICATE_QUERY), [SHAPES_NS + "ClubSaysAnything"]) is None


def test_a_variable_predicate_held_to_a_list_by_a_filter_reads_that_list():
    shapes = rdflib.Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:sparql [ sh:select
            "SELECT $this WHERE { $this ?p ?v , ?w . FILTER (?p IN (<urn:a>, <urn:b>)) FILTER (?v != ?w) }" ] .
        """, format="turtle")
    reads = data_reads(shapes)
    assert {"urn:a", "urn:b"} <= reads.predicates and reads.classes == {"urn:C"}


@pytest.mark.parametrize("turtle", [READS_ALT_LABEL, ALT_LABEL_QUERY, ANY_PREDICATE_QUERY])
def test_findings_of_a_shape_reading_other_predicates_are_those_of_the_whole_graph(tmp_path, shapes, turtle):
    store = store_of(ARTICLES_DIR)
    path, triples = ntriples_file(store, tmp_path / "articles.nt")
    assert any(SKOS_ALT.encode() in line for line in path.open("rb"))
    extended = with_shape(shapes, turtle)
    whole, in_groups = findings_both_ways(path, triples, extended)
    added = [finding for finding in whole
             if finding.shape_name in ("ClubAltLabels", "ClubAltLabelsByQuery", "ClubSaysAnything")]
    assert added  # the added shape found what it looks for
    assert in_groups == whole


def test_the_filter_keeps_the_triples_read_and_the_types_of_the_classes_read():
    reads = DataReads(frozenset({"urn:p"}), frozenset({"urn:C"}))
    text = (b'<urn:x> <urn:p> "kept" .\n<urn:x> <urn:q> "dropped" .\n'
            b'<urn:x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:C> .\n'
            b'<urn:x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:D> .\n# a comment\n')
    import io
    filtered = FilteredNTriples(io.BytesIO(text), reads, block=10)
    kept = b"".join(iter(lambda: filtered.read(7), b""))
    assert kept == (b'<urn:x> <urn:p> "kept" .\n<urn:x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:C> .\n'
                    b'# a comment\n')


def test_the_context_reads_what_the_findings_need(shapes):
    reads = data_reads(shapes, [], CONTEXT_QUERIES)
    for predicate in ("http://www.w3.org/ns/prov#wasDerivedFrom", AKG + "firstLine", AKG + "fileName",
                      AKG + "seasonName", "http://www.w3.org/2000/01/rdf-schema#label", AKG + "tableOf"):
        assert predicate in reads.predicates
    assert reads.classes == {AKG + "Season"}
