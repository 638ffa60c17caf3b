"""The shapes graph: every Turtle file in ``shapes/``, read as one graph."""

from __future__ import annotations

from pathlib import Path

import rdflib

from ..paths import SHAPES_DIR

SHAPES_IRI = "https://w3id.org/ascenso-kg/shapes"
SHAPES_NS = SHAPES_IRI + "#"


def shape_files(directory: Path = SHAPES_DIR) -> list[Path]:
    return sorted(Path(directory).glob("*.ttl"))


def load_shapes(directory: Path = SHAPES_DIR) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in shape_files(directory):
        graph.parse(path, format="turtle")
    return graph


def shapes_turtle(directory: Path = SHAPES_DIR) -> tuple[bytes, int]:
    """The shape files as one Turtle document, and its number of triples.

    The files are concatenated rather than re-serialized: they use no labelled blank nodes, so the concatenation is
    itself valid Turtle, and it is byte for byte the same from one build to the next (a serializer would number the
    anonymous nodes afresh each time).
    """
    parts = [f"# ---- shapes/{path.name}\n".encode() + path.read_bytes() for path in shape_files(directory)]
    data = b"\n".join(parts)
    return data, len(rdflib.Graph().parse(data=data, format="turtle"))
