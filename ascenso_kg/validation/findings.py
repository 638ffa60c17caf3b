"""From pyshacl's report to findings: each result with its shape, its season, the article lines it comes from and a
sentence a reader can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pyoxigraph
import rdflib
from rdflib.namespace import RDF, SH

from ..iris import AKG, PROV, RDFS
from .messages import capitalized, core_sentence, fill_template, humanize, iris_in, path_words, show

SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True, order=True)
class SourceLines:
    """A run of lines of an article file (an akg:SourceSpan)."""

    file: str
    first: int
    last: int
    span: str

    def __str__(self) -> str:
        lines = f"line {self.first}" if self.first == self.last else f"lines {self.first}–{self.last}"
        return f"{self.file}, {lines}"


@dataclass(frozen=True)
class Finding:
    """One validation result, ready to be read."""

    severity: str  # "Violation", "Warning" or "Info"
    shape: str  # IRI of the node shape (a property shape is reported under the node shape that holds it)
    component: str  # IRI of the constraint component
    focus: rdflib.term.Node
    message: str  # a sentence with the values involved, ending with the article lines
    path: rdflib.term.Node | None = None
    value: rdflib.term.Node | None = None
    sources: tuple[SourceLines, ...] = ()
    season: str | None = None  # "2012–13"; None where the focus node belongs to no one season

    @property
    def shape_name(self) -> str:
        return self.shape.rsplit("#", 1)[-1]

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.shape_name, self.season or "~", str(self.focus), self.message)


# The queries the findings' context sends (VALUES_NODES: the nodes asked about). ``reads`` parses them too, so that
# validation's store keeps what they read.
LABELS_QUERY = f"""
                SELECT ?node ?label WHERE {{ VALUES ?node {{ VALUES_NODES }} ?node <{RDFS}label> ?label }}"""
SOURCES_QUERY = f"""
                PREFIX akg: <{AKG}>
                SELECT ?node ?span ?file ?first ?last WHERE {{
                    VALUES ?node {{ VALUES_NODES }}
                    {{ ?node <{PROV}wasDerivedFrom> ?span . }}
                    UNION
                    {{ ?node ^akg:side|^akg:tournamentPoints|akg:stage ?parent .
                       FILTER NOT EXISTS {{ ?node <{PROV}wasDerivedFrom> ?own . }}
                       ?parent <{PROV}wasDerivedFrom> ?span . }}
                    ?span akg:firstLine ?first ; akg:lastLine ?last ; akg:article/akg:fileName ?file .
                }}"""
SEASONS_QUERY = f"""
                PREFIX akg: <{AKG}>
                SELECT ?node ?name WHERE {{
                    VALUES ?node {{ VALUES_NODES }}
                    ?node (akg:match|^akg:side|akg:table|^akg:rules|^akg:tournamentPoints)?/akg:tableOf?/akg:round?/
                          akg:stage?/akg:tournament?/akg:season? ?season .
                    ?season a akg:Season ; akg:seasonName ?name .
                }}"""
CONTEXT_QUERIES = (LABELS_QUERY, SOURCES_QUERY, SEASONS_QUERY)


class GraphContext:
    """Labels, source lines and seasons of the validated graph's resources, looked up in batches."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store
        self._labels: dict[str, str | None] = {}

    def _select(self, query: str, nodes: Iterable[str]) -> list[pyoxigraph.QuerySolution]:
        values = " ".join(f"<{node}>" for node in sorted(set(nodes)))
        if not values:
            return []
        return list(self.store.query(query.replace("VALUES_NODES", values)))

    def load_labels(self, iris: Iterable[str]) -> None:
        missing = {iri for iri in iris if iri not in self._labels}
        best: dict[str, tuple[int, str]] = {}
        for row in self._select(LABELS_QUERY, missing):
            label = row["label"]
            rank = {"en": 0, None: 1}.get(label.language, 2)
            current = best.get(row["node"].value)
            if current is None or (rank, label.value) < current:
                best[row["node"].value] = (rank, label.value)
        for iri in missing:
            self._labels[iri] = best[iri][1] if iri in best else None

    def label(self, iri: str) -> str | None:
        if iri not in self._labels:
            self.load_labels([iri])
        return self._labels[iri]

    def sources(self, nodes: Iterable[str]) -> dict[str, tuple[SourceLines, ...]]:
        """The article lines of each node; a node with none of its own (a tie side, a round) borrows its parent's."""
        found: dict[str, set[SourceLines]] = {}
        for row in self._select(SOURCES_QUERY, nodes):
            found.setdefault(row["node"].value, set()).add(SourceLines(
                row["file"].value, int(row["first"].value), int(row["last"].value), row["span"].value))
        return {node: tuple(sorted(_without_title_lines(spans))) for node, spans in found.items()}

    def seasons(self, nodes: Iterable[str]) -> dict[str, str]:
        """The one season each node belongs to, following the links from goals, rows, sides and rules upwards."""
        names: dict[str, set[str]] = {}
        for row in self._select(SEASONS_QUERY, nodes):
            names.setdefault(row["node"].value, set()).add(row["name"].value)
        return {node: next(iter(found)) for node, found in names.items() if len(found) == 1}

    def values(self, focus: str, path: str) -> list[pyoxigraph.Term]:
        return sorted((quad.object for quad in self.store.quads_for_pattern(
            pyoxigraph.NamedNode(focus), pyoxigraph.NamedNode(path), None)), key=str)


def _without_title_lines(spans: set[SourceLines]) -> set[SourceLines]:
    """The title line only says a resource exists; where the same article has more telling lines, it is left out."""
    files_with_more = {lines.file for lines in spans if lines.last > 1}
    return {lines for lines in spans if lines.last > 1 or lines.file not in files_with_more}


def where(sources: tuple[SourceLines, ...]) -> str:
    """'a.txt, lines 5 and 80; b.txt, lines 151–154'."""
    parts = []
    for file in sorted({lines.file for lines in sources}):
        runs = [str(l.first) if l.first == l.last else f"{l.first}–{l.last}" for l in sources if l.file == file]
        single = len(runs) == 1 and "–" not in runs[0]
        listed = runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + " and " + runs[-1]
        parts.append(f"{file}, {'line' if single else 'lines'} {listed}")
    return "; ".join(parts)


def read_findings(report: rdflib.Graph, shapes: rdflib.Graph, context: GraphContext) -> list[Finding]:
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    nodes = {str(node) for result in results if isinstance(node := report.value(result, SH.focusNode), rdflib.URIRef)}
    mentioned = {str(term) for result in results for term in report.objects(result) if isinstance(term, rdflib.URIRef)}
    mentioned |= {iri for result in results for message in report.objects(result, SH.resultMessage)
                  for iri in iris_in(str(message))}
    context.load_labels(nodes | mentioned)
    sources, seasons = context.sources(nodes), context.seasons(nodes)
    findings = [_finding(report, result, shapes, context, sources, seasons) for result in results]
    return sorted(findings, key=Finding.sort_key)


def _finding(report: rdflib.Graph, result: rdflib.term.Node, shapes: rdflib.Graph, context: GraphContext,
             sources: dict[str, tuple[SourceLines, ...]], seasons: dict[str, str]) -> Finding:
    source_shape = report.value(result, SH.sourceShape)
    node_shape = source_shape if isinstance(source_shape, rdflib.URIRef) else shapes.value(None, SH.property, source_shape)
    component = str(report.value(result, SH.sourceConstraintComponent))
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    label = context.label
    if component == str(SH.SPARQLConstraintComponent):
        sentence = humanize(" ".join(sorted(str(m) for m in report.objects(result, SH.resultMessage))), label)
    elif (template := shapes.value(source_shape, SH.message)) is not None:
        sentence = humanize(fill_template(str(template), str(focus), "" if path is None else str(path),
                                          "" if value is None else str(value)), label)
    else:
        found = [show(rdflib.URIRef(v.value) if isinstance(v, pyoxigraph.NamedNode) else rdflib.Literal(v.value), label)
                 for v in context.values(str(focus), str(path))] if isinstance(path, rdflib.URIRef) else []
        sentence = core_sentence(component, source_shape, shapes, show(focus, label), path_words(path, shapes, label),
                                 show(value, label), found, label)
    lines = sources.get(str(focus), ())
    location = f" ({where(lines)})" if lines else ""
    return Finding(
        severity=str(report.value(result, SH.resultSeverity)).removeprefix(str(SH)),
        shape=str(node_shape or source_shape),
        component=component,
        focus=focus,
        message=capitalized(sentence) + location,
        path=path if isinstance(path, rdflib.URIRef) else None,
        value=value,
        sources=lines,
        season=seasons.get(str(focus)),
    )
