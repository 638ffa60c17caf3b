"""``ascenso-kg build`` validates the graph and publishes the report: a Turtle file and the shapes in the dumps,
listed in the manifest, and the report's quads in their own named graph, in the N-Quads dump and the store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph
import pyshacl
import rdflib

from ascenso_kg.iris import Iris
from ascenso_kg.validation.report import report_quads, report_turtle

VALIDATION = pyoxigraph.NamedNode(Iris().graph("validation"))
SH = "http://www.w3.org/ns/shacl#"


def test_the_report_and_the_shapes_are_listed_in_the_manifest(release: Path):
    files = {entry["path"]: entry for entry in json.loads((release / "manifest.json").read_text())["files"]}
    for path in ("dumps/validation-report.ttl", "dumps/shapes.ttl"):
        data = (release / path).read_bytes()
        assert files[path]["sha256"] == hashlib.sha256(data).hexdigest()
        assert files[path]["triples"] == len(rdflib.Graph().parse(data=data, format="turtle"))


def test_the_manifest_says_which_validation_engine_ran(release: Path):
    files = {entry["path"]: entry for entry in json.loads((release / "manifest.json").read_text())["files"]}
    assert files["dumps/validation-report.ttl"]["description"].endswith(
        f"by pySHACL {pyshacl.__version__} on Oxigraph, SPARQL constraints batched, core constraints pre-checked in SPARQL")


def test_the_report_graph_is_in_the_store_and_the_n_quads_dump(release: Path):
    store = pyoxigraph.Store.read_only(str(release / "store"))
    in_store = set(store.quads_for_pattern(None, None, None, VALIDATION))
    dumped = {q for q in pyoxigraph.parse(path=str(release / "dumps" / "ascenso-kg-with-ontology.nq"))
              if q.graph_name == VALIDATION}
    # Blank nodes are named afresh on loading: compare what the quads say about them.
    def said(quads):
        return sorted((q.predicate.value, str(q.object)) for q in quads if not isinstance(q.object, pyoxigraph.BlankNode))

    assert len(in_store) == len(dumped) > 100
    assert said(in_store) == said(dumped)
    assert bool(store.query(f"ASK {{ GRAPH <{VALIDATION.value}> {{ <{VALIDATION.value}> a <{SH}ValidationReport> ; "
                            f"<{SH}conforms> true }} }}"))


def test_the_published_report_is_the_report_of_the_graph(release: Path, article_validation):
    expected = report_quads(article_validation.findings, VALIDATION.value)
    assert (release / "dumps" / "validation-report.ttl").read_bytes() == report_turtle(expected)


def test_results_can_be_queried_with_their_source_lines(release: Path):
    store = pyoxigraph.Store.read_only(str(release / "store"))
    rows = list(store.query(f"""
        SELECT DISTINCT ?message ?first WHERE {{
            GRAPH <{VALIDATION.value}> {{ ?result <{SH}sourceShape> <https://w3id.org/ascenso-kg/shapes#ScorersCoverScore> ;
                                                 <{SH}resultMessage> ?message ;
                                                 <http://www.w3.org/ns/prov#wasDerivedFrom> ?span . }}
            ?span <https://w3id.org/ascenso-kg/ontology#firstLine> ?first .
        }}""", use_default_graph_as_union=True))
    assert [(row["first"].value, "only 2 of its scorers" in row["message"].value) for row in rows] == [("151", True)]
