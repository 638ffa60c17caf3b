"""pyshacl on Oxigraph and on rdflib: where they differ, and that on our shapes and the four articles they agree.

pyshacl 0.40.1 on a pyoxigraph store never matches a plain string literal with sh:in or sh:hasValue (it compares
xsd:string literals as if they were of another type). The shapes therefore use sh:pattern for strings; with that,
Oxigraph gives the same results as rdflib, several times faster, and it is the default backend.
"""

from __future__ import annotations

import gzip

import pyoxigraph
import pytest
import rdflib
from tests.shapes.mini_season import mini_season
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from ascenso_kg.validation import BACKENDS, validate_ntriples, validate_quads
from ascenso_kg.validation.engine import run_pyshacl
from ascenso_kg.validation.parallel import ValidationWorkerFailed, shape_groups

STRING_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:KindShape a sh:NodeShape ; sh:targetClass ex:Tournament ;
    sh:property [ sh:path ex:kind ; sh:in ( "Apertura" "Clausura" ) ] ,
                [ sh:path ex:league ; sh:hasValue "Ascenso MX" ] .
"""
STRING_DATA = """
@prefix ex: <https://example.org/> .
ex:apertura a ex:Tournament ; ex:kind "Apertura" ; ex:league "Ascenso MX" .
ex:invierno a ex:Tournament ; ex:kind "Invierno" ; ex:league "Ascenso MX" .
"""


def flagged(backend: str) -> set[tuple[str, str]]:
    store = pyoxigraph.Store()
    store.load(STRING_DATA.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    _, report = run_pyshacl(store, rdflib.Graph().parse(data=STRING_SHAPES, format="turtle"), backend)
    return {(str(report.value(result, SH.focusNode)).rsplit("/", 1)[-1],
             str(report.value(result, SH.sourceConstraintComponent)).removeprefix(str(SH)))
            for result in report.subjects(SH.focusNode, None)}


def test_rdflib_gets_sh_in_and_sh_has_value_right_for_plain_strings():
    assert flagged("rdflib") == {("invierno", "InConstraintComponent")}


def test_oxigraph_flags_matching_plain_strings_which_is_why_the_shapes_avoid_them():
    assert flagged("oxigraph") == {("apertura", "InConstraintComponent"), ("invierno", "InConstraintComponent"),
                                   ("apertura", "HasValueConstraintComponent"),
                                   ("invierno", "HasValueConstraintComponent")}


def test_no_shape_compares_with_a_plain_string(shapes):
    values = [value for node in shapes.objects(None, SH["in"]) for value in Collection(shapes, node)]
    values += list(shapes.objects(None, SH.hasValue))
    assert values, "the shapes use sh:in"
    strings = [value for value in values
               if isinstance(value, rdflib.Literal) and value.datatype in (None, rdflib.XSD.string) and not value.language]
    assert strings == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_both_backends_flag_the_same_change_of_the_mini_season(backend, shapes):
    findings = validate_quads(mini_season('DELETE WHERE { ex:g0 ?p ?o } ; DELETE DATA { ex:tie2 akg:winner ex:beta }'),
                              backend=backend, shapes=shapes).findings
    assert {(f.shape_name, str(f.focus).rsplit("/", 1)[-1], f.severity) for f in findings} == {
        ("ScorersCoverScore", "m0", "Warning"), ("TieShape", "tie2", "Warning")}


def test_the_backends_agree_on_the_four_articles(release_quads, shapes, article_validation):
    on_rdflib = validate_quads(release_quads, backend="rdflib", shapes=shapes)
    assert [(f.severity, f.shape, str(f.focus), f.message) for f in on_rdflib.findings] == \
           [(f.severity, f.shape, str(f.focus), f.message) for f in article_validation.findings]


def test_validation_in_processes_finds_what_one_process_finds(release, article_validation, tmp_path):
    union = tmp_path / "union.nt"
    union.write_bytes(gzip.decompress((release / "dumps" / "ascenso-kg.nt.gz").read_bytes()))
    in_processes = validate_ntriples(union, article_validation.triples, processes=2)
    assert [(f.severity, f.shape, str(f.focus), f.message, f.sources, f.season) for f in in_processes.findings] == \
           [(f.severity, f.shape, str(f.focus), f.message, f.sources, f.season) for f in article_validation.findings]
    assert len(in_processes.findings) == 21


def test_the_processes_share_the_shapes_without_overlap(shapes):
    groups = shape_groups(shapes, 8)
    names = [name for group in groups for name in group]
    every_shape = {str(s) for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, rdflib.URIRef)}
    assert len(groups) == 8 and len(names) == len(set(names)) and set(names) == every_shape


def test_a_validation_process_that_fails_is_reported(tmp_path):
    with pytest.raises(ValidationWorkerFailed):
        validate_ntriples(tmp_path / "missing.nt", 200_000, processes=2)
