"""The mini season (fixtures/mini-season.ttl): a small graph every shape accepts, changed by a SPARQL Update."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph

from ascenso_kg.validation import Finding

MINI_SEASON = Path(__file__).parent / "fixtures" / "mini-season.ttl"
MINI = "https://example.org/mini/"
UPDATE_PREFIXES = f"""
PREFIX akg: <https://w3id.org/ascenso-kg/ontology#>
PREFIX ex: <{MINI}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def mini_season(update: str = "") -> list[pyoxigraph.Quad]:
    """The quads of the mini season after ``update``."""
    store = pyoxigraph.Store()
    store.load(path=str(MINI_SEASON), format=pyoxigraph.RdfFormat.TURTLE)
    if update:
        store.update(UPDATE_PREFIXES + update)
    return list(store)


def focus_counts(findings: list[Finding], base: str = MINI) -> Counter:
    """(focus local name, severity) of each finding, counted."""
    return Counter((str(finding.focus).removeprefix(base), finding.severity) for finding in findings)
