"""Validation in two processes, each with half the shapes on a store of only the triples they read
(ascenso_kg.validation.split), gives the findings of one process holding the whole graph, finding by finding
(shape, severity, focus node, path, value, message, article lines, season): on the four articles, the family set
and a generated corpus with planted inconsistencies. A process that fails fails the validation, and the build,
with a message saying so and no release."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import rdflib

import ascenso_kg.validation as validation
from ascenso_kg.build import build_release
from ascenso_kg.build.release import STAGING_PREFIX
from ascenso_kg.corpus import generate_corpus
from ascenso_kg.validation import split, validate_ntriples
from ascenso_kg.validation.grouped import class_graph, count_file
from ascenso_kg.validation.parallel import ValidationWorkerFailed
from tests.checkout import ARTICLES_DIR, shared
from tests.shapes.mini_season import UPDATE_PREFIXES
from tests.shapes.test_batched_sparql import BREAK_CORE_CONSTRAINTS, BREAK_GOALS_AND_MATCHES, store_of
from tests.shapes.test_grouped import ntriples_file

ENGINE = "pyshacl-batched"


def findings_both_ways(path: Path, triples: int) -> tuple[Counter, Counter]:
    one = validate_ntriples(path, triples, processes=1)
    split_findings = split.validate_file_split(path, ENGINE)
    assert split_findings == sorted(split_findings, key=validation.Finding.sort_key)
    return Counter(one.findings), Counter(split_findings)


def test_two_processes_find_what_one_does_on_the_four_articles(tmp_path):
    path, triples = ntriples_file(store_of(ARTICLES_DIR), tmp_path / "articles.nt")
    one, two = findings_both_ways(path, triples)
    assert one and any(finding.sources and finding.season for finding in one)
    assert two == one


def test_two_processes_find_what_one_does_on_the_family_set(tmp_path):
    path, triples = ntriples_file(store_of(shared("family", "plain")), tmp_path / "family.nt")
    one, two = findings_both_ways(path, triples)
    assert two == one


def test_two_processes_find_what_one_does_on_planted_inconsistencies(tmp_path, shapes):
    corpus = generate_corpus(tmp_path / "corpus", seasons=3, seed=11, plant_count=8)
    store = store_of(corpus.out)
    store.update(UPDATE_PREFIXES + BREAK_GOALS_AND_MATCHES)
    store.update(UPDATE_PREFIXES + BREAK_CORE_CONSTRAINTS)
    path, triples = ntriples_file(store, tmp_path / "corpus.nt")
    groups = split.split_groups(shapes, class_graph(count_file(path)), count_file(path), split.PROCESSES)
    assert len(groups) == 2 and all(group.reads is not None for group in groups)
    assert sorted(name for group in groups for name in group.shapes) == sorted(
        str(s) for s in set(shapes.subjects(rdflib.RDF.type, rdflib.SH.NodeShape)))
    one, two = findings_both_ways(path, triples)
    assert sum(one.values()) > 20
    assert {finding.severity for finding in one} >= {"Violation", "Warning"}
    assert two == one


def test_a_graph_of_the_size_splits_is_validated_in_two_processes(tmp_path, monkeypatch):
    path, triples = ntriples_file(store_of(ARTICLES_DIR), tmp_path / "articles.nt")
    calls = []
    monkeypatch.setattr(validation, "validate_file_split",
                        lambda *args: calls.append(args) or split.validate_file_split(*args))
    monkeypatch.setattr(validation, "SPLIT_FROM_TRIPLES", triples)
    found = validate_ntriples(path, triples)
    assert len(calls) == 1
    assert Counter(found.findings) == Counter(validate_ntriples(path, triples, processes=1).findings)
    calls.clear()
    validate_ntriples(path, triples, store_triples=triples - 1)  # above a store's budget: groups, one process
    assert calls == []


FAILING_WORKER = [sys.executable, "-c", "import sys; sys.stdin.buffer.read(); sys.exit('the worker broke')"]


def test_a_failing_process_fails_the_validation_with_a_message(tmp_path, monkeypatch):
    path, triples = ntriples_file(store_of(ARTICLES_DIR), tmp_path / "articles.nt")
    monkeypatch.setattr(split, "WORKER", FAILING_WORKER)
    with pytest.raises(ValidationWorkerFailed, match=r"a validation process \(shapes .*\) stopped without "
                                                     r"answering \(exit status 1\)"):
        split.validate_file_split(path, ENGINE)


def test_a_failing_process_fails_the_build_and_leaves_no_release(tmp_path, monkeypatch):
    monkeypatch.setattr(split, "WORKER", FAILING_WORKER)
    monkeypatch.setattr(validation, "SPLIT_FROM_TRIPLES", 0)
    out = tmp_path / "out"
    with pytest.raises(ValidationWorkerFailed):
        build_release(ARTICLES_DIR, out, progress=lambda message: None)
    assert not (out / "current").exists()  # nothing published: only the staging folder the next build removes
    assert all(path.name.startswith(STAGING_PREFIX) for path in (out / "releases").iterdir())
