"""10,000 generated malformed requests over every route: zero 5xx, every answer a 4xx with a message."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.reliability.malformed import ROUTES, generate

COUNT = 10_000


@pytest.fixture(scope="module")
def client(make_app, built):
    app = make_app(built, BUDGET_SECONDS=600)  # one test client sends every request from one address
    return app.test_client()


def test_the_generator_covers_every_route_of_the_app(rel_app):
    routed = {rule.rule for rule in rel_app.url_map.iter_rules()}
    adapter = rel_app.url_map.bind("localhost")
    covered = {adapter.match(path, method="GET", return_rule=True)[0].rule for path in ROUTES}
    assert covered == routed


def test_ten_thousand_malformed_requests_get_a_4xx_with_a_message(client):
    failures, kinds = [], Counter()
    for request in generate(COUNT):
        kinds[request.kind] += 1
        response = client.open(request.path, method=request.method, query_string=request.query_string.decode("latin-1"),
                               headers=request.headers, data=request.body)
        body = response.get_data(as_text=True).strip()
        if not 400 <= response.status_code < 500 or not body:
            failures.append((response.status_code, body[:120], request.describe()))
    assert len(kinds) >= 20
    assert not failures, f"{len(failures)} of {COUNT}:\n" + "\n".join(map(str, failures[:25]))
