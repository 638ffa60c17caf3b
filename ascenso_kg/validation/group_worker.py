"""A validation process (see ``parallel``): ``python -m ascenso_kg.validation.group_worker FILE ENGINE``.

Loads the N-Triples file (and the ontology) into an in-memory store once, then validates each group of node shapes
read from stdin (one JSON list per line) and writes its findings to stdout, a length-prefixed pickle each.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path
from typing import BinaryIO

from .batched import engine as using_engine
from .data import ntriples_store
from .engine import run_pyshacl
from .findings import GraphContext, read_findings
from .parallel import LENGTH
from .shapes import load_shapes


def serve_groups(ntriples: Path, engine: str, requests: BinaryIO, answers: BinaryIO) -> None:
    """Worker main loop: load the graph once, then validate each group of shapes read from ``requests``."""
    store, shapes = ntriples_store(ntriples), load_shapes()
    for line in requests:
        with using_engine(engine):
            _, report = run_pyshacl(store, shapes, use_shapes=json.loads(line))
        answer = pickle.dumps(read_findings(report, shapes, GraphContext(store)))
        answers.write(LENGTH.pack(len(answer)) + answer)
        answers.flush()


if __name__ == "__main__":
    serve_groups(Path(sys.argv[1]), sys.argv[2], sys.stdin.buffer, sys.stdout.buffer)
