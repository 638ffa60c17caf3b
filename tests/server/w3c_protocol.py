"""Reads the W3C SPARQL 1.1 Protocol test manifest (``../shared/w3c/sparql11-protocol/manifest.ttl``) into plain
request/expectation records the tests replay against the endpoint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF


MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")


@dataclass(frozen=True)
class ProtocolRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    status_classes: frozenset[int]  # 2, 3, 4: the first digit of the accepted statuses
    expected_format: str | None  # "boolean", "tabular", "RDF"
    expected_boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    name: str  # the fragment of the test's IRI: query_get, bad_update_syntax…
    title: str
    requests: tuple[ProtocolRequest, ...]

    @property
    def is_update(self) -> bool:
        return self.name.startswith("update_")


def _request(graph: Graph, node, endpoint_path: str) -> ProtocolRequest:
    path = str(graph.value(node, HT.absolutePath))
    headers = {}
    header_list = graph.value(node, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    body_node = graph.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    response = graph.value(node, HT.resp)
    statuses = {int(str(code).rsplit("StatusCode", 1)[1][0]) for code in graph.objects(response, MF.expectedStatus)}
    expected_format = graph.value(response, MF.expectedFormat)
    expected_boolean = graph.value(response, MF.expectedBoolean)
    return ProtocolRequest(
        method=str(graph.value(node, HT.methodName)),
        path=endpoint_path + path.removeprefix("/sparql/"),
        headers=headers,
        body=body,
        status_classes=frozenset(statuses),
        expected_format=str(expected_format) if expected_format is not None else None,
        expected_boolean=expected_boolean.toPython() if expected_boolean is not None else None,
    )


def load_protocol_tests(manifest: Path, endpoint_path: str = "/sparql") -> list[ProtocolTest]:
    """Every test of the manifest, in manifest order, with paths rewritten from ``/sparql/`` to ``endpoint_path``."""
    graph = Graph().parse(manifest, format="turtle")
    (manifest_node,) = graph.subjects(RDF.type, MF.Manifest)
    tests = []
    for test in Collection(graph, graph.value(manifest_node, MF.entries)):
        action = graph.value(test, MF.action)
        requests = tuple(_request(graph, node, endpoint_path)
                         for node in Collection(graph, graph.value(action, HT.requests)))
        name = str(test).rsplit("#", 1)[1] if isinstance(test, URIRef) else str(test)
        tests.append(ProtocolTest(name, str(graph.value(test, MF.name)), requests))
    return tests
