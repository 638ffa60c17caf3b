"""Timing, peak memory of a process tree, percentiles and interleaved ratios."""

from __future__ import annotations

import math
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass

import psutil


def milliseconds(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def shown(value, digits: int = 2) -> str:
    """A figure as the results print it: a float to ``digits`` places, "–" for none."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile (nearest rank) of the values, or None without values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered) - 1e-9)))
    return ordered[rank - 1]


def spread(values: list[float]) -> dict:
    """Median, min and max of the values (a ratio over interleaved runs)."""
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "runs": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


class RssSampler:
    """Samples a process tree's resident memory in a thread and keeps the peak (and the first sample)."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.process = psutil.Process(pid)
        self.interval = interval
        self.first = None
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                rss = tree_rss(self.process)
            except psutil.Error:
                break
            if self.first is None:
                self.first = rss
            self.peak = max(self.peak, rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    seconds: float
    peak_rss: int
    returncode: int
    stdout: str
    stderr: str


def run_measured(command: list[str], env: dict | None = None, timeout: float | None = None) -> Run:
    """Run a command to completion; its wall time and the peak resident memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with RssSampler(process.pid) as sampler:
        stdout, stderr = process.communicate(timeout=timeout)
    return Run(time.perf_counter() - started, sampler.peak, process.returncode, stdout, stderr)
