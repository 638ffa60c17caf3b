"""Parts 1 and 2: the build (read, map, write dumps, load the store) and its validation step at several sizes of
generated corpus, against ``oxigraph load`` of the same N-Quads, interleaved (build, load, build, load…)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
from pathlib import Path

from ..corpus import generate_corpus, remove_previous_corpus
from ..build.release import Release
from .measure import run_measured, spread

WITH_ONTOLOGY = "ascenso-kg-with-ontology.nq"


def corpus(work: Path, seasons: int, seed: int = 7) -> Path:
    folder = work / f"corpus-{seasons}"
    if not (folder / "sources.csv").is_file():
        remove_previous_corpus(folder)
        generate_corpus(folder, seasons, seed, 0)
    return folder


def installed_command(name: str) -> str | None:
    """A command installed with this Python's packages: beside the running interpreter (a virtual environment's
    ``bin/``, which need not be on PATH when the venv is not activated), in the scripts folder of its installation or
    of the base installation a ``--system-site-packages`` venv reads, else on PATH."""
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts")),
               Path(sysconfig.get_path("scripts", vars={"base": sys.base_prefix, "platbase": sys.base_prefix}))]
    for folder in folders:
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)


def oxigraph_command() -> str:
    """The ``oxigraph`` CLI (the ``oxigraph`` package of the bench extra)."""
    found = installed_command("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph CLI is missing: pip install 'ascenso-kg[bench]'")
    return found


def build_in_a_process(articles: Path, out: Path, seasons: int) -> dict:
    """Build ``articles`` into ``out`` (emptied first) in a measured process of its own, as a user runs
    ``ascenso-kg build``: the build worker's own figures plus ``wall_seconds`` and ``peak_rss`` of its process tree."""
    shutil.rmtree(out, ignore_errors=True)
    run = run_measured([sys.executable, "-m", "ascenso_kg.bench.build_worker", str(articles), str(out)])
    if run.returncode != 0:
        raise RuntimeError(f"the build of {seasons} seasons failed:\n{run.stderr[-3000:]}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result.update(wall_seconds=run.seconds, peak_rss=run.peak_rss)
    return result


def measure_build(work: Path, seasons: int, repeats: int, log) -> dict:
    """Build ``seasons`` generated seasons ``repeats`` times, each followed by a bare ``oxigraph load`` of the build's
    N-Quads (the file the build loads into its store)."""
    articles = corpus(work, seasons)
    builds, loads = [], []
    for attempt in range(repeats):
        result = build_in_a_process(articles, work / f"build-{seasons}", seasons)
        builds.append(result)
        nquads = Release(Path(result["release"])).dump(WITH_ONTOLOGY)
        location = work / f"oxigraph-load-{seasons}"
        shutil.rmtree(location, ignore_errors=True)
        load = run_measured([oxigraph_command(), "load", "--location", str(location), "--file", str(nquads)])
        if load.returncode != 0:
            raise RuntimeError(f"oxigraph load failed:\n{load.stderr[-3000:]}")
        loads.append({"seconds": load.seconds, "peak_rss": load.peak_rss})
        shutil.rmtree(location, ignore_errors=True)
        log(f"  {seasons} seasons, run {attempt + 1}: build {result['wall_seconds']:.1f} s "
            f"(validation {result['validation_seconds']:.1f} s), peak {result['peak_rss'] / 2**20:.0f} MiB; "
            f"oxigraph load {load.seconds:.1f} s")
    quads = builds[0]["quads"]
    without_validation = [b["wall_seconds"] - b["validation_seconds"] for b in builds]
    return {
        "seasons": seasons,
        "triples": builds[0]["triples"],
        "quads": quads,
        "findings": sorted({b["findings"] for b in builds}),
        "build_seconds": spread([b["wall_seconds"] for b in builds]),
        "build_without_validation_seconds": spread(without_validation),
        "validation_seconds": spread([b["validation_seconds"] for b in builds]),
        "oxigraph_load_seconds": spread([load["seconds"] for load in loads]),
        "build_peak_rss_mib": max(b["peak_rss"] for b in builds) / 2**20,
        "oxigraph_load_peak_rss_mib": max(load["peak_rss"] for load in loads) / 2**20,
        "quads_per_second": quads / spread(without_validation)["median"],
        # ratios, one per interleaved pair
        "build_vs_oxigraph_load": spread([b / load["seconds"] for b, load in zip(without_validation, loads)]),
        "build_with_validation_vs_oxigraph_load": spread(
            [b["wall_seconds"] / load["seconds"] for b, load in zip(builds, loads)]),
        "validation_vs_build": spread(
            [b["validation_seconds"] / rest for b, rest in zip(builds, without_validation)]),
        "release": builds[-1]["release"],
    }


def growth(sizes: list[dict], key: str) -> dict:
    """How time grows with size: the exponent k of time ~ quads^k between the smallest and the largest size
    (1 is linear), and seconds per million quads at each size."""
    import math

    points = [(s["quads"], s[key]["median"]) for s in sizes if s[key]["median"]]
    per_million = {str(s["seasons"]): s[key]["median"] / s["quads"] * 1e6 for s in sizes if s[key]["median"]}
    exponent = None
    if len(points) >= 2 and points[-1][0] > points[0][0]:
        (q0, t0), (q1, t1) = points[0], points[-1]
        exponent = math.log(t1 / t0) / math.log(q1 / q0)
    return {"exponent": exponent, "seconds_per_million_quads": per_million}
