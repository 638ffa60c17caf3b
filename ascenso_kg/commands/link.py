"""ascenso-kg link: propose Wikidata items for the graph's entities in a reviewable table, or check that table.

``link`` reads the entities of the published build (``OUT/current``), asks a Wikidata SPARQL endpoint for items
(sitelink first, then names within the right type) and rewrites ``mappings/tables/wikidata.csv``, keeping every
review. ``link --check`` reports the table's identifiers that became redirects, were deleted or have the wrong type,
and exits 1 if there is any. ``link --compare`` lists, for each accepted link, where the published graph and the
Wikidata item disagree (label, country, league participation, city, season winners), for a person to judge; it
exits 0 whatever it finds, as neither side is assumed right.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..iris import DEFAULT_BASE, Iris
from ..linking.candidates import find_candidates
from ..linking.check import check_links
from ..linking.compare import compare_links
from ..linking.client import DEFAULT_ENDPOINT, EndpointError, SparqlClient, user_agent
from ..linking.entities import open_release_store, read_entities, release_base
from ..linking.scoring import score_candidates
from ..linking.table import write_table
from ..mappings.mapping_tables import MappingTableError, load_wikidata_links
from ..resources import MAPPING_TABLES_DIR
from ..workspace import DEFAULT_OUT_DIR

HELP = "propose Wikidata items for clubs, stadiums, cities, seasons and players in a reviewable table (or --check it)"
DEFAULT_TABLE = MAPPING_TABLES_DIR / "wikidata.csv"


def _non_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true",
                        help="check the table instead: report redirects, deleted items and incompatible types")
    action.add_argument("--compare", action="store_true",
                        help="list where the graph and the items of the accepted links disagree, for a person to judge")
    parser.add_argument("--endpoint", default=DEFAULT_ENDPOINT,
                        help=f"Wikidata SPARQL endpoint (default: {DEFAULT_ENDPOINT})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, metavar="DIR",
                        help=f"the build whose entities are linked, OUT/current (default: {DEFAULT_OUT_DIR})")
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE, metavar="FILE",
                        help=f"the reviewable table to write or check (default: {DEFAULT_TABLE})")
    parser.add_argument("--base",
                        help=f"IRI base of the build's resources (default: the build's own, else {DEFAULT_BASE})")
    parser.add_argument("--delay", type=_non_negative, default=1.0, metavar="SECONDS",
                        help="pause between two requests to the endpoint (default: 1)")
    parser.add_argument("--retries", type=int, default=5, metavar="N",
                        help="retries of a request answered 429 or 5xx, honouring Retry-After (default: 5)")
    parser.add_argument("--timeout", type=_non_negative, default=65.0, metavar="SECONDS",
                        help="how long to wait for one answer (default: 65)")
    parser.add_argument("--contact", metavar="EMAIL_OR_URL",
                        help="how the endpoint's operators can reach you, added to the User-Agent")


def _client(args: argparse.Namespace) -> SparqlClient:
    return SparqlClient(args.endpoint, user_agent(args.contact), min_interval=args.delay, retries=args.retries,
                        timeout=args.timeout)


def _link(args: argparse.Namespace) -> int:
    try:
        store = open_release_store(args.out)
    except OSError as error:  # no published build, or a store that cannot be opened
        print(f"ascenso-kg link: {error}", file=sys.stderr)
        return 2
    entities = read_entities(store, Iris(args.base or release_base(args.out) or DEFAULT_BASE))
    client = _client(args)
    rows = score_candidates(find_candidates(client, entities))
    summary = write_table(args.table, rows)
    exact = sum(row.method == "sitelink" and row.score == 1.0 for row in rows)
    by_name = sum(row.method != "sitelink" for row in rows)
    print(f"{len(entities)} entities; {exact} sitelink-exact, {len(rows) - exact - by_name} sitelinks to review, "
          f"{by_name} name candidates to review ({client.requests_sent} requests to {args.endpoint})")
    print(f"wrote {args.table}: {summary.rows} rows, {summary.reviews_kept} reviews kept, "
          f"{summary.reviewed_rows_kept} reviewed rows the endpoint no longer returned kept as they were")
    return 0


def _check(args: argparse.Namespace) -> int:
    if not args.table.exists():
        print(f"ascenso-kg link --check: no such table: {args.table}", file=sys.stderr)
        return 2
    rows = load_wikidata_links(args.table)
    findings = check_links(_client(args), rows)
    for finding in findings:
        print(finding.render(args.table.name))
    checked = sum(row.reviewed != "no" for row in rows)
    if findings:
        print(f"{len(findings)} of {checked} identifiers need attention", file=sys.stderr)
        return 1
    print(f"all {checked} identifiers name items of the expected type")
    return 0


def _compare(args: argparse.Namespace) -> int:
    if not args.table.exists():
        print(f"ascenso-kg link --compare: no such table: {args.table}", file=sys.stderr)
        return 2
    rows = load_wikidata_links(args.table)
    try:
        store = open_release_store(args.out)
    except OSError as error:
        print(f"ascenso-kg link --compare: {error}", file=sys.stderr)
        return 2
    iris = Iris(args.base or release_base(args.out) or DEFAULT_BASE)
    found = compare_links(_client(args), store, iris, rows)
    for disagreement in found:
        print(disagreement.render())
    compared = sum(row.accepted for row in rows)
    print(f"{len(found)} disagreements to judge over {compared} accepted links", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        if args.compare:
            return _compare(args)
        return _check(args) if args.check else _link(args)
    except MappingTableError as error:
        print(f"ascenso-kg link: {error}", file=sys.stderr)
        return 1
    except EndpointError as error:
        print(f"ascenso-kg link: {error}", file=sys.stderr)
        return 1
