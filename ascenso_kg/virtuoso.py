"""Loading a release into Virtuoso Open Source 7 with its bulk loader, through ``isql``.

Virtuoso's default graph (a query without FROM) is every graph of the database, as a multiset, and a fresh database
holds graphs of its own (its quad-map schema, virtrdf#). The app's default graph is the union of the release's named
graphs as a set, so the release's union (``…-with-ontology.nt.gz``) goes into a graph of its own, UNION_GRAPH,
which the remote store names as the default graph of every query that names no dataset (``REMOTE_UNION_GRAPH``);
Virtuoso's own graphs are made private, so that ``GRAPH ?g`` sees only the release's graphs (and the union graph,
which the remote store leaves out of the named graphs it sends).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .iris import DEFAULT_BASE, Iris
from .build.release import Release

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
