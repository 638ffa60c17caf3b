"""Validate an N-Triples file in two processes at once, each with half the shapes on a store of only the triples
those shapes read.

One process spent most of a hundred seasons' validation on one core: loading the whole graph into a store (a third
of the time), then Oxigraph's queries. Here the node shapes are dealt into one group per process, of about
equal work (``shape_work``), and each process loads only the triples its group reads (``reads.data_reads``: their
predicates and the classes of their ``rdf:type`` triples) and validates its shapes with pyshacl (``use_shapes``),
in parallel with the other. The processes are started first, so that their
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
from rdflib.namespace import RDFS, SH

from .findings import Finding
from .grouped import Counts, Group, class_graph, count_file, findings_of_report, node_shape_names, union
from .parallel import LENGTH, ValidationWorkerFailed
from .reads import DataReads, data_reads
from .shapes import load_shapes

PROCESSES = 2  # the machine's cores; each process is a store and an interpreter of its own
_OTHER_TARGETS = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
WORKER = [sys.executable, "-m", "ascenso_kg.validation.split_worker"]


def split_groups(shapes: rdflib.Graph, classes: rdflib.Graph, counts: Counts, processes: int) -> list[Group] | None:
    """The node shapes in ``processes`` groups of about equal work (``shape_work``), the most work placed first,
    each in the group with the least so far; None where a shape cannot be named (pyshacl could not be told to
    validate it alone)."""
    names = node_shape_names(shapes)
    if names is None:
        return None
    own = {}
    for name in names:
        reads = data_reads(shapes, [name])
        own[name] = None if reads is None else reads.with_subclasses(classes)
    work = {name: shape_work(shapes, classes, counts, name, own[name]) for name in names}
    groups = [Group([], DataReads(frozenset(), frozenset())) for _ in range(processes)]
    loads = [0] * processes
    for name in sorted(names, key=lambda n: (-work[n], n)):
        index = min(range(processes), key=lambda i: (loads[i], counts.of(union(groups[i].reads, own[name])), i))
        groups[index].shapes.append(name)
        groups[index].reads = union(groups[index].reads, own[name])
        loads[index] += work[name]
    return [group for group in groups if group.shapes]


def shape_work(shapes: rdflib.Graph, classes: rdflib.Graph, counts: Counts, name: str,
               reads: DataReads | None) -> int:
    """A rough measure of a shape's validation time: its focus nodes (instances of its target classes, counted on
    the file) times its checks (property shapes, and SPARQL constraints at three, as they join several triples per
    focus node). A shape with other targets counts the triples it reads."""
    shape = rdflib.URIRef(name)
    targets = set(shapes.objects(shape, SH.targetClass))
    if not targets or any(shapes.objects(shape, other) for other in _OTHER_TARGETS):
        return counts.of(reads)
    for target in list(targets):
        targets.update(classes.transitive_subjects(RDFS.subClassOf, target))
    focus = sum(counts.classes[b"<" + str(target).encode() + b">"] for target in targets)
    checks = len(list(shapes.objects(shape, SH.property))) + 3 * len(list(shapes.objects(shape, SH.sparql)))
    return focus * max(checks, 1)


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
