"""ascenso-kg publish virtuoso: load the current release into a running Virtuoso Open Source 7 with its bulk loader."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..build.release import current_release
from ..workspace import DEFAULT_OUT_DIR
from ..virtuoso import ISQL, UNION_GRAPH, PublishFailed, publish

HELP = "load the current release into a SPARQL server for the app's remote-store mode (Virtuoso Open Source 7)"
PASSWORD_VARIABLE = "ASCENSO_KG_VIRTUOSO_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("engine", choices=["virtuoso"], help="the server to load into")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, metavar="DIR",
                        help=f"the build folder: its current release is loaded (default: {DEFAULT_OUT_DIR})")
    parser.add_argument("--isql", default="127.0.0.1:1111", metavar="HOST:PORT",
                        help="Virtuoso's SQL port (default: 127.0.0.1:1111)")
    parser.add_argument("--user", default="dba", help="a Virtuoso account allowed to bulk-load (default: dba)")
    parser.add_argument("--isql-command", default=ISQL, metavar="PROGRAM", help=f"the isql client (default: {ISQL})")


def run(args: argparse.Namespace) -> int:
    release = current_release(args.out) or args.out / "current"  # none: publish() names the missing dumps
    password = os.environ.get(PASSWORD_VARIABLE, "dba")
    try:
        publish(release, args.isql, args.user, password, args.isql_command)
    except PublishFailed as error:
        print(f"ascenso-kg publish: {error}", file=sys.stderr)
        return 1
    print(f"Loaded {release.name} into Virtuoso at {args.isql}. Serve it with STORE_BACKEND=remote, "
          f"REMOTE_ENDPOINT=http://<virtuoso>/sparql and REMOTE_UNION_GRAPH={UNION_GRAPH}.")
    return 0
