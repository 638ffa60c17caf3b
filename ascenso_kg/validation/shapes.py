"""The shapes graph: every Turtle file in ``shapes/``, read as one graph."""

from __future__ import annotations

import re
from pathlib import Path

import rdflib

from ..resources import SHAPES_DIR

SHAPES_IRI = "https://w3id.org/ascenso-kg/shapes"
SHAPES_NS = SHAPES_IRI + "#"


def shape_files(directory: Path = SHAPES_DIR) -> list[Path]:
    return sorted(Path(directory).glob("*.ttl"))


def load_shapes(directory: Path = SHAPES_DIR) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in shape_files(directory):
        graph.parse(path, format="turtle")
    for node, query in list(graph.subject_objects(rdflib.SH.select)):
        graph.set((node, rdflib.SH.select, rdflib.Literal(compact_query(str(query)))))
    return graph


def compact_query(query: str) -> str:
    """The query without indentation and comment lines.

    pyshacl checks a SPARQL constraint's text with a handful of regular expressions before every run, once per
    focus node, at a cost that grows with the length of each line: the indentation that makes the Turtle readable
    would cost more than the query itself.
    """
    lines = (line.strip() for line in query.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("#"))


def shapes_turtle(directory: Path = SHAPES_DIR) -> tuple[bytes, int]:
    """The shape files as one Turtle document, and its number of triples.

    The files are concatenated rather than re-serialized: they use no labelled blank nodes, so the concatenation is
    itself valid Turtle, and it is byte for byte the same from one build to the next (a serializer would number the
    anonymous nodes afresh each time).
    """
    parts = [f"# ---- shapes/{path.name}\n".encode() + path.read_bytes() for path in shape_files(directory)]
    data = b"\n".join(parts)
    return data, len(rdflib.Graph().parse(data=data, format="turtle"))


def describe_shapes(shapes: rdflib.Graph) -> dict[str, str]:
    """The first sentence of each node shape's comment, for the summary."""
    comments = {}
    for shape in shapes.subjects(rdflib.RDF.type, rdflib.SH.NodeShape):
        comment = shapes.value(shape, rdflib.RDFS.comment)
        if isinstance(shape, rdflib.URIRef) and comment is not None:
            text = " ".join(str(comment).split())
            comments[str(shape)] = re.split(r"(?<=\.) (?=[A-Z])", text, maxsplit=1)[0]
    return comments
