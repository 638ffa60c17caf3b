"""The server suites over Virtuoso: the W3C protocol query tests, run as in tests/server with a Virtuoso-backed
``protocol_client`` (see conftest.py), and every example query with its expected rows.

Virtuoso's documented differences (server/README.md, "Virtuoso") are asserted as differences, not skipped: a
boolean value comes back as the integer 1 or 0.
"""

from __future__ import annotations

import pytest

from tests.server.test_examples import EXAMPLES, EXPECTED, run
from tests.server.test_w3c_protocol import test_query_and_bad_request_tests_pass  # noqa: F401

pytestmark = pytest.mark.slow
BOOLEANS_AS_INTEGERS = {"true": 1, "false": 0}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_example_answers_its_expected_rows_up_to_booleans(examples_client, example):
    expected = [tuple(BOOLEANS_AS_INTEGERS.get(v, v) if isinstance(v, str) else v for v in row)
                for row in EXPECTED[example.name]]
    assert run(examples_client, example.text) == expected
