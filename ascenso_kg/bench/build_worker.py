"""One build in its own process, for the bench: ``python -m ascenso_kg.bench.build_worker ARTICLES OUT``.

Prints one JSON line: the wall time of the build, the time of its validation step (from the build's own progress
messages), triples and quads, and the validation's finding counts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from ascenso_kg.build import build_release


def main(articles: str, out: str) -> None:
    marks: list[tuple[float, str]] = []
    started = time.perf_counter()
    summary = build_release(Path(articles), Path(out),
                            progress=lambda message: marks.append((time.perf_counter(), message)))
    total = time.perf_counter() - started
    validating = next(t for t, message in marks if message.startswith("validating"))
    # The build waits for its dump writers and store loader before validating, so nothing else runs in this span.
    validated = next(t for t, message in marks if message.startswith("adding the ontology"))
    counts = next((m.strip() for _, m in marks if "violations" in m and "notes" in m), "")
    print(json.dumps({"seconds": total, "validation_seconds": validated - validating, "triples": summary.triples,
                      "quads": summary.quads, "findings": counts.split(" (")[0], "release": str(summary.release)}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
