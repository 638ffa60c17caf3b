"""Part 6: cold start. ``ascenso-kg serve`` on an output folder with no build (as in a fresh checkout, where
``data/build`` is not tracked): it builds the four articles, then serves; the time until ``/`` first answers."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from .servers import HOST, free_port, started


def measure_cold_start(work: Path, repeats: int, log) -> dict:
    times = []
    for attempt in range(repeats):
        out = work / "cold-start"
        shutil.rmtree(out, ignore_errors=True)
        port = free_port()
        begun = time.perf_counter()
        command = [sys.executable, "-m", "ascenso_kg.cli", "serve", "--out", str(out), "--host", HOST,
                   "--port", str(port)]
        with started("cold-start", command, "/", "/sparql", port, seconds=120):
            times.append(time.perf_counter() - begun)
        log(f"  cold start, run {attempt + 1}: first answer after {times[-1]:.1f} s")
        shutil.rmtree(out, ignore_errors=True)
    return {"seconds": {"median": sorted(times)[len(times) // 2], "min": min(times), "max": max(times),
                        "runs": len(times)}}
