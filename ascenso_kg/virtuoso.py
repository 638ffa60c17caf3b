"""Loading a release into Virtuoso Open Source 7 with its bulk loader, through ``isql``.

Virtuoso's default graph (a query without FROM) is every graph of the database, as a multiset, and a fresh database
holds graphs of its own (its quad-map schema, virtrdf#). The app's default graph is the union of the release's named
graphs as a set, so the release's union (``…-with-ontology.nt.gz``) goes into a graph of its own, UNION_GRAPH,
which the remote store names as the default graph of every query that names no dataset (``REMOTE_UNION_GRAPH``);
Virtuoso's own graphs are made private, so that ``GRAPH ?g`` sees only the release's graphs (and the union graph,
which the remote store leaves out of the named graphs it sends).
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from pathlib import Path

from .iris import DEFAULT_BASE, Iris
from .build.release import Release
from .loopback import free_port, stop, wait_until_serving

UNION_GRAPH = Iris(DEFAULT_BASE).graph("union")
QUADS_DUMP = "ascenso-kg-with-ontology.nq.gz"
UNION_DUMP = "ascenso-kg-with-ontology.nt.gz"
ISQL = "isql-vt"  # Debian's name (virtuoso-opensource-7-bin); OpenLink's own builds call it isql
_SYSTEM_GRAPHS = ("http://www.w3.org/ns/ldp#", "http://localuriqaserver/sparql")
_PRIVATE = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"


class PublishFailed(Exception):
    """The load did not complete; the message says which step and what Virtuoso answered."""


def load_script(dumps_dir: Path) -> str:
    """The isql steps: hide Virtuoso's own graphs, bulk-load the quads and the union, checkpoint."""
    folder = str(dumps_dir.resolve()).replace("'", "''")
    steps = [f"SPARQL CLEAR GRAPH <{graph}>;" for graph in _SYSTEM_GRAPHS] + [
        f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{_PRIVATE}', 1);",
        f"DB.DBA.RDF_GRAPH_GROUP_INS ('{_PRIVATE}', 'http://www.openlinksw.com/schemas/virtrdf#');",
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",  # private graphs: unreadable over /sparql
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1, 0);",  # every other graph: readable
        "DELETE FROM DB.DBA.load_list;",
        # the graph argument is only used for triples without one: the quads carry their own graphs
        f"ld_dir ('{folder}', '{QUADS_DUMP}', '{UNION_GRAPH}');",
        f"ld_dir ('{folder}', '{UNION_DUMP}', '{UNION_GRAPH}');",
        "rdf_loader_run ();",
        "checkpoint;",
        "SELECT 'LOAD-ERROR', ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;",
        # Read every quad once: a freshly loaded database otherwise answers its first queries from disk (the search
        # index's first query took 4 s, 0.02 s once warm).
        "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } };",
    ]
    return "\n".join(steps) + "\n"


def publish(release_dir: Path, isql_address: str, user: str, password: str, isql: str = ISQL) -> None:
    """Load the release in ``release_dir`` into the Virtuoso whose SQL port is ``isql_address`` (host:port).

    The folder of the dumps must be in the server's ``DirsAllowed``: the bulk loader reads the files itself.
    """
    dumps = Release(release_dir).dumps_dir
    for name in (QUADS_DUMP, UNION_DUMP):
        if not (dumps / name).is_file():
            raise PublishFailed(f"{dumps / name}: missing; run `ascenso-kg build` first")
    try:
        done = subprocess.run([isql, isql_address, user, password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF",
                               "ERRORS=STDOUT"], input=load_script(dumps), capture_output=True, text=True,
                              timeout=None, check=False)
    except FileNotFoundError:
        raise PublishFailed(f"{isql}: not found; install Debian's virtuoso-opensource-7-bin") from None
    output = done.stdout + done.stderr
    problems = [line.strip() for line in output.splitlines() if "Error" in line or "LOAD-ERROR" in line]
    if done.returncode != 0 or problems:
        raise PublishFailed("Virtuoso refused the load:\n" + ("\n".join(problems) or output.strip()))


VIRTUOSO = "virtuoso-t"  # Debian's virtuoso-opensource-7-bin
# A database of its own on loopback ports: what the tests and the bench start. MaxQueryExecutionTime is Virtuoso's
# own limit; the app's QUERY_TIMEOUT still covers the whole exchange.
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
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {max_seconds}
MaxQueryCostEstimationTime = 0
"""


@contextlib.contextmanager
def running_virtuoso(folder: Path, dumps_dir: Path, buffers: int = 20000, max_seconds: int = 60,
                     seconds: float = 120.0):
    """Start Virtuoso with its database in ``folder`` (allowed to read ``dumps_dir``); yield (its /sparql URL, its
    SQL address host:port) once both answer; stop it at the end."""
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(
        db=folder, sql_port=sql_port, http_port=http_port, dumps=dumps_dir.resolve(), buffers=buffers,
        dirty_buffers=buffers * 3 // 4, max_seconds=max_seconds))
    process = subprocess.Popen([VIRTUOSO, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_until_serving(url + "?query=ASK%7B%7D", process, seconds, name="Virtuoso")
        _wait_for_sql(f"127.0.0.1:{sql_port}", seconds)
        yield url, f"127.0.0.1:{sql_port}"
    finally:
        stop(process, seconds=30)


def _wait_for_sql(address: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = subprocess.run([ISQL, address, "dba", "dba", "EXEC=status('')"], capture_output=True, text=True,
                              check=False)
        if done.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError("Virtuoso's SQL port did not open")
