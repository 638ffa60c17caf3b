"""Every constraint flags exactly what its failing graph breaks and accepts its passing graph (cases.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.shapes.shape_cases import CASES
from tests.shapes.mini_season import focus_counts


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.shape}: {case.name}")
def test_the_shape_flags_its_failing_graph(case, validate_mini):
    findings = validate_mini(case.fails, case.shape)
    assert focus_counts(findings) == Counter(case.expect), [finding.message for finding in findings]
    for finding in findings:
        assert case.says in finding.message
        assert finding.message.endswith("(mini-2030-31.txt, lines 10–12)") or not finding.sources


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.shape}: {case.name}")
def test_the_shape_accepts_its_passing_graph(case, validate_mini):
    findings = validate_mini(case.passes, case.shape)
    assert [finding.message for finding in findings] == []
