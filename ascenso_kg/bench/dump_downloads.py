"""Part 5: downloading every dump from this server (its memory watched) against the same files from a static file
server, interleaved."""

from __future__ import annotations

import json
import time
import urllib.parse

from .load import Client, Request
from .measure import RssSampler, spread


def dump_paths(ours) -> list[tuple[str, int]]:
    status, body = Client(ours.base).send(Request("listing", "GET", "/dumps?format=json", None,
                                                   (("Accept", "application/json"),)))
    if status != 200:
        raise RuntimeError(f"the dump listing answered HTTP {status}")
    return [("/dumps/" + urllib.parse.quote(entry["name"]), entry["size"]) for entry in json.loads(body)["files"]]


def download_all(base: str, paths: list[tuple[str, int]]) -> tuple[float, int]:
    """Download every file once over one connection; seconds and bytes."""
    client = Client(base)
    received = 0
    started = time.perf_counter()
    for path, size in paths:
        status, body = client.send(Request("dump", "GET", path))
        if status != 200 or len(body) != size:
            raise RuntimeError(f"{path}: HTTP {status}, {len(body)} bytes instead of {size}")
        received += len(body)
    client.close()
    return time.perf_counter() - started, received


def measure_dumps(ours, static, repeats: int, log) -> dict:
    paths = dump_paths(ours)
    download_all(ours.base, paths[:1])  # the first request imports and opens what every later one uses
    ours_runs, static_runs, growth = [], [], []
    for attempt in range(repeats):
        with RssSampler(ours.process.pid, interval=0.02) as sampler:
            seconds, size = download_all(ours.base, paths)
        growth.append((sampler.peak - (sampler.first or sampler.peak)) / 2**20)
        ours_runs.append(size / seconds / 2**20)
        seconds, size = download_all(static.base, paths)  # the static server serves the release folder
        static_runs.append(size / seconds / 2**20)
        log(f"  dumps, run {attempt + 1}: {ours_runs[-1]:.0f} MiB/s (RSS growth {growth[-1]:.1f} MiB) vs static "
            f"{static_runs[-1]:.0f} MiB/s, {len(paths)} files, {size / 2**20:.0f} MiB")
    return {
        "files": len(paths), "mib": sum(n for _, n in paths) / 2**20,
        "ours_mib_per_second": spread(ours_runs), "static_mib_per_second": spread(static_runs),
        "speed_ratio": spread([a / b for a, b in zip(ours_runs, static_runs)]),
        "rss_growth_mib": spread(growth),
    }
