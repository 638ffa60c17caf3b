"""The validation report as RDF (the quads of a named graph, a Turtle file) and as a summary for people.

The RDF report is byte for byte the same for the same graph: results are sorted, and each result's blank node is
named after a hash of what it says, so a release's checksums do not change from one build to the next.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from itertools import groupby

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from ..iris import AKG, DCTERMS, PROV, RDF, SH, XSD
from .findings import Finding
from .shapes import SHAPES_IRI, SHAPES_NS

_PREFIXES = {"sh": SH, "akgsh": SHAPES_NS, "prov": PROV, "dcterms": DCTERMS, "xsd": XSD, "rdf": RDF,
             "akg": AKG}
_NOUNS = {"Violation": "violation", "Warning": "warning", "Info": "note"}


def _term(term: rdflib.term.Node):
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(hashlib.sha1(str(term).encode()).hexdigest()[:16])
    if term.language:
        return Literal(str(term), language=term.language)
    return Literal(str(term), datatype=NamedNode(str(term.datatype or XSD + "string")))


def report_quads(findings: list[Finding], graph_iri: str) -> list[Quad]:
    """The report in the named graph ``graph_iri``, whose IRI also names the sh:ValidationReport."""
    graph = NamedNode(graph_iri)
    report = NamedNode(graph_iri)
    triples = [
        (report, NamedNode(RDF + "type"), NamedNode(SH + "ValidationReport")),
        (report, NamedNode(SH + "conforms"), Literal(
            "false" if any(f.severity == "Violation" for f in findings) else "true", datatype=NamedNode(XSD + "boolean"))),
        (report, NamedNode(DCTERMS + "conformsTo"), NamedNode(SHAPES_IRI)),
    ]
    for finding in findings:
        key = "\n".join(str(part) for part in (finding.severity, finding.shape, finding.component, finding.focus,
                                                finding.path, finding.value, finding.message))
        result = BlankNode("r" + hashlib.sha1(key.encode()).hexdigest()[:16])
        triples += [
            (report, NamedNode(SH + "result"), result),
            (result, NamedNode(RDF + "type"), NamedNode(SH + "ValidationResult")),
            (result, NamedNode(SH + "resultSeverity"), NamedNode(SH + finding.severity)),
            (result, NamedNode(SH + "sourceShape"), NamedNode(finding.shape)),
            (result, NamedNode(SH + "sourceConstraintComponent"), NamedNode(finding.component)),
            (result, NamedNode(SH + "focusNode"), _term(finding.focus)),
            (result, NamedNode(SH + "resultMessage"), Literal(finding.message, language="en")),
        ]
        if finding.path is not None:
            triples.append((result, NamedNode(SH + "resultPath"), _term(finding.path)))
        if finding.value is not None:
            triples.append((result, NamedNode(SH + "value"), _term(finding.value)))
        triples += [(result, NamedNode(PROV + "wasDerivedFrom"), NamedNode(lines.span)) for lines in finding.sources]
    quads = {Quad(s, p, o, graph) for s, p, o in triples}
    return sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))


def report_turtle(quads: list[Quad]) -> bytes:
    triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=_PREFIXES)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def counts(findings: list[Finding]) -> str:
    """'0 violations, 20 warnings, 1 note'."""
    found = Counter(finding.severity for finding in findings)
    return ", ".join(_count(found[severity], noun) for severity, noun in _NOUNS.items())


def render_summary(findings: list[Finding], heading: str, descriptions: dict[str, str]) -> str:
    """Findings grouped by shape (violations first), then by season, one sentence each."""
    lines = [heading, counts(findings) + "."]
    ordered = sorted(findings, key=Finding.sort_key)
    for (severity, shape), by_shape in groupby(ordered, key=lambda f: (f.severity, f.shape)):
        by_shape = list(by_shape)
        lines += ["", f"{shape.rsplit('#', 1)[-1]}: {_count(len(by_shape), _NOUNS[severity])}"]
        if descriptions.get(shape):
            lines.append(f"  ({descriptions[shape]})")
        for season, in_season in groupby(by_shape, key=lambda f: f.season):
            lines.append(f"  {season or 'not of one season'}")
            lines += [f"    - {finding.message}" for finding in in_season]
    return "\n".join(lines) + "\n"
