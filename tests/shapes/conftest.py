"""Fixtures for the shape tests: the shapes graph, read once, and validation of the mini season against one shape."""

from __future__ import annotations

import pyoxigraph
import pytest
import rdflib

from ascenso_kg.validation import Finding, validate_quads
from ascenso_kg.validation.shapes import SHAPES_NS, load_shapes
from tests.shapes.mini_season import mini_season


@pytest.fixture(scope="session")
def shapes() -> rdflib.Graph:
    return load_shapes()


@pytest.fixture(scope="session")
def validate_mini(shapes):
    """Validate the mini season, changed by a SPARQL Update, against one shape (by local name); its findings."""

    def run(update: str, shape: str, backend: str = "oxigraph") -> list[Finding]:
        return validate_quads(mini_season(update), backend=backend, shapes=shapes, only=[SHAPES_NS + shape]).findings

    return run


@pytest.fixture(scope="session")
def release_quads(release) -> list:
    """The quads of the four articles' release (tests/conftest.py builds it once)."""
    return list(pyoxigraph.parse(path=str(release / "dumps" / "ascenso-kg.nq"), format=pyoxigraph.RdfFormat.N_QUADS))


@pytest.fixture(scope="session")
def article_validation(release_quads, shapes):
    """The four articles validated together on the default backend."""
    return validate_quads(release_quads, shapes=shapes)
