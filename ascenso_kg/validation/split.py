"""Validate an N-Triples file in two processes at once, each with half the shapes on a store of only the triples
those shapes read.

One process spent most of a hundred seasons' validation on one core: loading the whole graph into a store (a third
of the time), then Oxigraph's queries. Here the node shapes are dealt into one group per process, each group
holding the shapes that add least to the smaller store (``reads.data_reads``: their predicates and the classes of
their ``rdf:type`` triples, counted on the file), and each process loads only its group's triples and validates its
shapes with pyshacl (``use_shapes``), in parallel with the other. The processes are started first, so that their
interpreters start while this one counts the file. Their reports are merged and the findings' context (seasons,
article lines, labels) read as ``grouped`` does, from a store of what its queries read: every shape is validated
once on every triple it can read, so the findings are those of one store holding the whole graph
(``tests/shapes/test_split.py`` compares them, finding by finding).

Each process holds at most its group's share of a graph that ``validate_ntriples`` sends here only below the
store's budget (``grouped.STORE_TRIPLES``); larger graphs are validated group by group in one process, to bound
memory.

Workers are fresh interpreters (``python -m ascenso_kg.validation.split_worker FILE ENGINE``) that read their
group (a length-prefixed pickle, with the shapes graph's triples) on stdin and answer with the triples of their report (a length-prefixed pickle) on stdout, as
``parallel``'s do. A worker that stops without answering fails the validation, and so the build, with
:class:`~.parallel.ValidationWorkerFailed`.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import rdflib

from .findings import Finding
from .grouped import Counts, Group, class_graph, count_file, findings_of_report, node_shape_names, union
from .parallel import LENGTH, ValidationWorkerFailed
from .reads import DataReads, data_reads
from .shapes import load_shapes

PROCESSES = 2  # the machine's cores; each process is a store and an interpreter of its own
WORKER = [sys.executable, "-m", "ascenso_kg.validation.split_worker"]


def split_groups(shapes: rdflib.Graph, classes: rdflib.Graph, counts: Counts, processes: int) -> list[Group] | None:
    """The node shapes in ``processes`` groups, the largest shapes placed first, each in the group whose store it
    leaves smallest; None where a shape cannot be named (pyshacl could not be told to validate it alone)."""
    names = node_shape_names(shapes)
    if names is None:
        return None
    own = {}
    for name in names:
        reads = data_reads(shapes, [name])
        own[name] = None if reads is None else reads.with_subclasses(classes)
    groups = [Group([], DataReads(frozenset(), frozenset())) for _ in range(processes)]
    for name in sorted(names, key=lambda n: (-counts.of(own[n]), n)):
        merged = [union(group.reads, own[name]) for group in groups]
        index = min(range(processes), key=lambda i: (counts.of(merged[i]), len(groups[i].shapes), i))
        groups[index].shapes.append(name)
        groups[index].reads = merged[index]
    return [group for group in groups if group.shapes]


def validate_file_split(path: Path, engine: str, processes: int = PROCESSES) -> list[Finding] | None:
    """The findings of every default shape on the N-Triples file (with the ontology), sorted, by ``engine``; None
    where the shapes cannot be split (the caller validates them in one process)."""
    workers = [subprocess.Popen([*WORKER, str(path), engine], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
               for _ in range(processes)]
    try:
        shapes = load_shapes()
        counts = count_file(path)
        classes = class_graph(counts)
        groups = split_groups(shapes, classes, counts, processes)
        if groups is None:
            return None
        for worker, group in zip(workers, groups):
            request = pickle.dumps(_request(group, shapes))
            worker.stdin.write(LENGTH.pack(len(request)) + request)
            worker.stdin.close()
        report = rdflib.Graph()
        for worker, group in zip(workers, groups):
            for triple in _read_answer(worker, group):
                report.add(triple)  # blank nodes are unique to the process that made them: results stay apart
    finally:
        for worker in workers:
            _end(worker)
    return sorted(findings_of_report(path, shapes, classes, report), key=Finding.sort_key)


def _request(group: Group, shapes: rdflib.Graph) -> dict:
    """What a worker is given: its shapes, what they read, and the shapes graph's triples, so that the report's
    blank nodes for property shapes are this graph's own (``read_findings`` looks them up in it)."""
    return {"shapes": group.shapes, "reads": group.reads, "graph": list(shapes)}


def read_request(stream: BinaryIO) -> dict | None:
    """A worker's request, with its shapes graph; None where the stream ends first (nothing to validate)."""
    header = _read_exactly(stream, LENGTH.size)
    body = None if header is None else _read_exactly(stream, LENGTH.unpack(header)[0])
    if body is None:
        return None
    request = pickle.loads(body)
    graph = rdflib.Graph()
    for triple in request["graph"]:
        graph.add(triple)
    request["graph"] = graph
    return request


def _read_answer(worker: subprocess.Popen, group: Group) -> list[tuple]:
    header = _read_exactly(worker.stdout, LENGTH.size)
    body = None if header is None else _read_exactly(worker.stdout, LENGTH.unpack(header)[0])
    if body is None:
        status = worker.wait()
        shapes = ", ".join(name.rsplit("#", 1)[-1] for name in group.shapes[:3])
        raise ValidationWorkerFailed(
            f"a validation process (shapes {shapes}…) stopped without answering (exit status {status}); "
            "its error, if it gave one, is printed above")
    return pickle.loads(body)


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    data = stream.read(size)
    return data if len(data) == size else None


def _end(worker: subprocess.Popen) -> None:
    """Let a worker end (it has answered, or is being given up on); kill it if it does not."""
    if worker.stdin and not worker.stdin.closed:
        worker.stdin.close()
    try:
        worker.wait(timeout=5 if worker.returncode is None else None)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
