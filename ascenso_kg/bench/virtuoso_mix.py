"""Part 3c: Virtuoso. The largest size's release is loaded into a Virtuoso Open Source 7 started here (``ascenso-kg
publish virtuoso``'s bulk load, timed); then this server over that Virtuoso (``STORE_BACKEND=remote``) and Virtuoso's
own /sparql are sent the same mix as Oxigraph, by the same clients, interleaved, and their answers are compared with
Oxigraph's.

Virtuoso direct is asked as a client would ask it, with no dataset: its default graph is every graph of the database
as a multiset, so the queries that count come out larger (listed under ``differences``); through this server the
union graph is named as the default graph and the answers are the embedded store's.
"""

from __future__ import annotations

import dataclasses
import shutil
import time
from pathlib import Path

from ..virtuoso import UNION_GRAPH, publish, running_virtuoso
from . import endpoint_mix, servers

OURS = "ascenso-kg over virtuoso"
DIRECT = "virtuoso"


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def measure_virtuoso(work: Path, out: Path, release: Path, mix: list[tuple[str, str]], reference: dict,
                     clients: tuple[int, ...], repeats: int, rounds: int, budget: float, log) -> dict:
    """Load, then measure both; returns the load time, answer differences and per-run figures by server."""
    folder = work / "virtuoso"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    # Buffers for the whole database (8 KiB pages): about 2 GiB, what Virtuoso's own guide gives for this size.
    with running_virtuoso(folder, release / "dumps", buffers=250_000, max_seconds=int(budget) * 3) as (url, sql):
        begun = time.perf_counter()
        publish(release, sql, "dba", "dba")
        load_seconds = time.perf_counter() - begun
        log(f"  Virtuoso: release loaded in {load_seconds:.1f} s")
        base = url.removesuffix("/sparql")
        direct = servers.Server(DIRECT, None, base, url)
        settings = {"ASCENSO_KG_STORE_BACKEND": "remote", "ASCENSO_KG_REMOTE_ENDPOINT": url,
                    "ASCENSO_KG_REMOTE_UNION_GRAPH": UNION_GRAPH}
        with servers.this_server(out, settings=settings) as ours:
            ours = dataclasses.replace(ours, name=OURS)
            # The first answers warm Virtuoso's buffers (a freshly loaded database answers its first queries from
            # disk): they are the answers compared, not timed.
            differences = {f"{OURS} vs oxigraph": endpoint_mix.compare_answers(reference, endpoint_mix.answers(ours, mix)),
                           f"{DIRECT} vs oxigraph": endpoint_mix.compare_answers(reference, endpoint_mix.answers(direct, mix))}
            runs = endpoint_mix.measure_endpoints([ours, direct], mix, clients, repeats, rounds, budget, log)
    return {"load_seconds": load_seconds, "differences": differences, "runs": runs}


def add_to_endpoint(found: dict, runs: dict, differences: dict, clients: tuple[int, ...]) -> dict:
    """Put Virtuoso's runs beside Oxigraph's in the endpoint table and its answers' differences beside the others;
    returns the load time and each one's ratios to Oxigraph (whose runs were measured just before, not interleaved
    with these: the servers do not share the two cores)."""
    runs.update(found["runs"])
    differences.update(found["differences"])
    return {"load_seconds": found["load_seconds"], "vs_oxigraph": {
        name: {str(c): endpoint_mix.ratios(runs, name, "oxigraph", c) for c in clients} for name in (OURS, DIRECT)}}
