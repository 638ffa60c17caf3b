"""A validation process of ``split``: ``python -m ascenso_kg.validation.split_worker FILE ENGINE``.

Reads its group (the node shapes, the predicates and classes they read, and the shapes graph) from stdin, loads the
file's triples the group reads (and the ontology) into an in-memory store, validates the group's shapes and writes
the triples of its report to stdout as a length-prefixed pickle. An empty stdin (nothing to validate) ends it.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import BinaryIO

from .batched import engine as using_engine
from .engine import run_pyshacl
from .grouped import filtered_store
from .parallel import LENGTH
from .split import read_request


def serve_group(ntriples: Path, engine: str, requests: BinaryIO, answers: BinaryIO) -> None:
    request = read_request(requests)
    if request is None:
        return
    store = filtered_store(ntriples, request["reads"])
    with using_engine(engine):
        _, report = run_pyshacl(store, request["graph"], use_shapes=request["shapes"])
    answer = pickle.dumps(list(report))
    answers.write(LENGTH.pack(len(answer)) + answer)
    answers.flush()


if __name__ == "__main__":
    serve_group(Path(sys.argv[1]), sys.argv[2], sys.stdin.buffer, sys.stdout.buffer)
