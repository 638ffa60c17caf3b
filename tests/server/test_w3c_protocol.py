"""The W3C SPARQL 1.1 Protocol tests, replayed against /sparql over the protocol test data.

Every query test must pass. The endpoint is read-only, so every update test must be refused (403) and leave the
store as it was: the follow-up ASK that would see the update's effect answers false, and the data is still there.
"""

from __future__ import annotations

import pytest

from tests.server.sparql_answers import TABULAR_MEDIA_TYPES, media_type, parse_rdf, parse_results
from tests.checkout import shared
from tests.server.w3c_protocol import ProtocolRequest, load_protocol_tests

TESTS = load_protocol_tests(shared("w3c", "sparql11-protocol", "manifest.ttl"))
DATA_STILL_THERE = ("ASK { GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> "
                    "{ <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } }")


def send(client, request: ProtocolRequest):
    return client.open(request.path, method=request.method, headers=request.headers, data=request.body)


def check_answer(request: ProtocolRequest, response) -> None:
    assert response.status_code // 100 in request.status_classes, response.get_data(as_text=True)
    if request.expected_format == "boolean":
        answer = parse_results(response.content_type, response.data)
        if request.expected_boolean is not None:
            assert bool(answer) is request.expected_boolean
    elif request.expected_format == "tabular":
        assert media_type(response.content_type) in TABULAR_MEDIA_TYPES
        assert parse_results(response.content_type, response.data) is not None
    elif request.expected_format == "RDF":
        parse_rdf(response.content_type, response.data)


def test_the_manifest_has_the_whole_suite():
    assert len(TESTS) == 34
    assert sum(t.is_update for t in TESTS) == 7


@pytest.mark.parametrize("test", [t for t in TESTS if not t.is_update], ids=lambda t: t.name)
def test_query_and_bad_request_tests_pass(protocol_client, test):
    for request in test.requests:
        check_answer(request, send(protocol_client, request))


@pytest.mark.parametrize("test", [t for t in TESTS if t.is_update], ids=lambda t: t.name)
def test_update_tests_are_refused_and_change_nothing(protocol_client, test):
    update, *checks = test.requests
    refused = send(protocol_client, update)
    assert refused.status_code == 403
    assert "read-only" in refused.get_data(as_text=True)
    for check in checks:  # each would be true had the update run
        response = send(protocol_client, check)
        assert response.status_code == 200
        assert bool(parse_results(response.content_type, response.data)) is False
    still_there = protocol_client.get("/sparql", query_string={"query": DATA_STILL_THERE},
                                      headers={"Accept": "application/sparql-results+json"})
    assert response_boolean(still_there) is True


def response_boolean(response) -> bool:
    return bool(parse_results(response.content_type, response.data))
