"""A Virtuoso Open Source 7 started by the tests: its own database folder, loopback ports, stopped at the end."""

from __future__ import annotations

import contextlib
import subprocess
import time
from pathlib import Path

import pyoxigraph
from tests.server.live_servers import free_port, stop, wait_until_serving

from ascenso_kg.virtuoso import QUADS_DUMP, UNION_DUMP, publish

VIRTUOSO = "virtuoso-t"  # Debian's virtuoso-opensource-7-bin; `make test` installs it

INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = {dumps}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 0
"""


@contextlib.contextmanager
def virtuoso_over(release_out: Path, folder: Path):
    """Start Virtuoso in ``folder``, load ``release_out``'s current release with ``publish`` and yield /sparql's URL."""
    release = (release_out / "current").resolve()
    _complete_dumps(release)
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(db=folder, sql_port=sql_port, http_port=http_port,
                                                    dumps=release / "dumps"))
    process = subprocess.Popen([VIRTUOSO, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_until_serving(url + "?query=ASK%7B%7D", process)
        _wait_for_sql(sql_port)
        publish(release, f"127.0.0.1:{sql_port}", "dba", "dba")
        yield url
    finally:
        stop(process)


def _wait_for_sql(port: int, attempts: int = 100) -> None:
    for _ in range(attempts):
        done = subprocess.run(["isql-vt", f"127.0.0.1:{port}", "dba", "dba", "EXEC=status('')"],
                              capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError("Virtuoso's SQL port did not open")


def _complete_dumps(release: Path) -> None:
    """The tests' hand-written releases have no dumps with the ontology: write them from the release's store."""
    if (release / "dumps" / QUADS_DUMP).exists():
        return
    store = pyoxigraph.Store.read_only(str(release / "store"))
    named = [q for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    union = [q.triple for q in store if isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    pyoxigraph.serialize(named, str(release / "dumps" / "quads.nq"), pyoxigraph.RdfFormat.N_QUADS)
    pyoxigraph.serialize(union, str(release / "dumps" / "union.nt"), pyoxigraph.RdfFormat.N_TRIPLES)
    for plain, name in (("quads.nq", QUADS_DUMP), ("union.nt", UNION_DUMP)):
        subprocess.run(["gzip", "-c", str(release / "dumps" / plain)], check=True,
                       stdout=(release / "dumps" / name).open("wb"))
