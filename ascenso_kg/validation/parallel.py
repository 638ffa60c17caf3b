"""Validate a large graph in several processes, each taking its share of the shapes (by default for pyshacl's own
loop only: the batched engine is faster in one process, see ``validate_ntriples``).

pyshacl spends most of a hundred seasons' validation in Python, so threads would take turns on the GIL (measured:
60.6 s on two threads against 63.4 s on one). Processes validate in parallel: each loads the N-Triples file into an
in-memory store of its own (Oxigraph parses it in a few seconds), then validates groups of node shapes handed out
one at a time, so that a process that finishes early takes the next. Every shape is validated exactly once, on the
whole graph, so the findings are those of one process; they are merged and sorted the same way.

Workers are fresh interpreters (``python -m ascenso_kg.validation.group_worker FILE ENGINE``) that read a group (one JSON
line) on stdin and answer with its findings (a length-prefixed pickle) on stdout: multiprocessing's start methods
would either fork the build (open stores, threads) or re-import its ``__main__``, which need not be ours.
"""

from __future__ import annotations

import json
import pickle
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import BinaryIO

import rdflib
from rdflib.namespace import RDF, SH

from .findings import Finding
from .shapes import load_shapes

GROUPS_PER_PROCESS = 4  # small groups even out the shapes' unequal costs
LENGTH = struct.Struct(">Q")  # before each answer: its size in bytes


class ValidationWorkerFailed(RuntimeError):
    """A validation process stopped without answering."""


def validate_file_in_processes(ntriples: Path, processes: int, engine: str) -> list[Finding]:
    """The findings of every shape on the graph in the N-Triples file (with the ontology), sorted, by ``engine``."""
    groups: queue.SimpleQueue[list[str]] = queue.SimpleQueue()
    for group in shape_groups(load_shapes(), processes * GROUPS_PER_PROCESS):
        groups.put(group)
    found: list[Finding] = []
    failures: list[BaseException] = []

    def feed(worker: subprocess.Popen) -> None:
        try:
            while True:
                try:
                    group = groups.get_nowait()
                except queue.Empty:
                    return
                worker.stdin.write(json.dumps(group).encode() + b"\n")
                worker.stdin.flush()
                found.extend(_read_answer(worker.stdout))
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            failures.append(error)

    workers = [subprocess.Popen([sys.executable, "-m", "ascenso_kg.validation.group_worker", str(ntriples),
                                engine], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE) for _ in range(processes)]
    try:
        feeders = [threading.Thread(target=feed, args=(worker,)) for worker in workers]
        for feeder in feeders:
            feeder.start()
        for feeder in feeders:
            feeder.join()
    finally:
        for worker in workers:
            _stop(worker, failures)
    if failures:
        raise failures[0]
    return sorted(found, key=Finding.sort_key)


def _stop(worker: subprocess.Popen, failures: list[BaseException]) -> None:
    """Let a worker end (its stdin closed, it has nothing left to read); kill it if it does not."""
    worker.stdin.close()
    try:
        status = worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        status = worker.wait()
    if status != 0 and not failures:
        failures.append(ValidationWorkerFailed(f"a validation process exited with status {status}"))


def shape_groups(shapes: rdflib.Graph, count: int) -> list[list[str]]:
    """The node shapes, dealt round-robin into ``count`` groups (at most one per shape)."""
    names = sorted(str(s) for s in set(shapes.subjects(RDF.type, SH.NodeShape)) if isinstance(s, rdflib.URIRef))
    return [group for group in (names[start::count] for start in range(count)) if group]


def _read_answer(stream: BinaryIO) -> list[Finding]:
    header = stream.read(LENGTH.size)
    if len(header) < LENGTH.size:
        raise ValidationWorkerFailed("a validation process stopped without answering")
    return pickle.loads(stream.read(LENGTH.unpack(header)[0]))
