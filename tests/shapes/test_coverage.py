"""Every class of the ontology has a node shape, and every shape has a case that must fail and one that must pass."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, SH

from ascenso_kg.iris import AKG
from ascenso_kg.resources import ONTOLOGY_FILE
from ascenso_kg.validation import validate_quads
from ascenso_kg.validation.shapes import SHAPES_NS, shapes_turtle
from tests.shapes.mini_season import mini_season
from tests.shapes.shape_cases import CASES


def node_shapes(shapes: rdflib.Graph) -> set[str]:
    return {str(shape).removeprefix(SHAPES_NS) for shape in shapes.subjects(RDF.type, SH.NodeShape)
            if str(shape).startswith(SHAPES_NS)}


def test_every_class_of_the_ontology_has_a_node_shape_named_after_it(shapes):
    ontology = rdflib.Graph().parse(ONTOLOGY_FILE)
    classes = {str(c).removeprefix(AKG) for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(AKG)}
    targeted = {str(c).removeprefix(AKG) for shape in shapes.subjects(RDF.type, SH.NodeShape)
                if str(shape).endswith("Shape") for c in shapes.objects(shape, SH.targetClass)}
    assert classes - targeted == set()
    assert {name.removesuffix("Shape") for name in node_shapes(shapes) if name.endswith("Shape")} - classes == {
        "SourcedFact"}  # the one shape that checks a property of several classes: their source lines


def test_every_shape_has_a_case(shapes):
    assert node_shapes(shapes) - {case.shape for case in CASES} == set()
    assert {case.shape for case in CASES} - node_shapes(shapes) == set()


def test_the_mini_season_passes_every_shape(shapes):
    assert [finding.message for finding in validate_quads(mini_season(), shapes=shapes).findings] == []


def test_the_published_shapes_file_holds_every_shape(shapes):
    data, triples = shapes_turtle()
    published = rdflib.Graph().parse(data=data, format="turtle")
    assert triples == len(published)
    assert node_shapes(published) == node_shapes(shapes)
