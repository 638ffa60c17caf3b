"""Reading the endpoint's answers back with a real parser (pyoxigraph, the csv module), never by comparing bytes."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pyoxigraph

RESULT_MEDIA_TYPES = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}
TABULAR_MEDIA_TYPES = frozenset({*RESULT_MEDIA_TYPES, "text/csv"})


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


@dataclass(frozen=True)
class CsvValue:
    """A CSV cell: the format keeps only the text of a term (pyoxigraph refuses to parse it for that reason)."""

    value: str


def parse_results(content_type: str, body: bytes):
    """A QueryBoolean, or SELECT rows as a list of {variable: term} dicts."""
    if media_type(content_type) == "text/csv":
        return [{name: CsvValue(cell) for name, cell in row.items() if cell != ""}
                for row in csv.DictReader(io.StringIO(body.decode("utf-8"), newline=""))]
    result = pyoxigraph.parse_query_results(body, format=RESULT_MEDIA_TYPES[media_type(content_type)])
    if isinstance(result, pyoxigraph.QueryBoolean):
        return result
    names = [v.value for v in result.variables]
    return [{name: solution[name] for name in names if solution[name] is not None} for solution in result]


def parse_rdf(content_type: str, body: bytes) -> set[pyoxigraph.Triple]:
    rdf_format = pyoxigraph.RdfFormat.from_media_type(media_type(content_type))
    assert rdf_format is not None, f"not an RDF media type: {content_type}"
    return {quad.triple for quad in pyoxigraph.parse(body, format=rdf_format)}


def values(rows: list[dict], name: str) -> list[str]:
    """One column as plain strings (IRIs and lexical forms)."""
    return [row[name].value for row in rows if name in row]
