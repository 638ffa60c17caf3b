"""ascenso-kg export quickstatements: the season facts of the published build, as QuickStatements (v1) for a
Wikidata editor to review and upload, with a companion report of what more would be needed (items Wikidata lacks).

Only entities with an accepted row of the Wikidata table are written about, and only statements whose value is a
reviewed item too; every statement is referenced to the English Wikipedia article it came from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..iris import DEFAULT_BASE, Iris
from ..linking.entities import open_release_store, release_base
from ..linking.quickstatements import ExportError, QuickStatementsWriter, load_properties, load_sources
from ..mappings.mapping_tables import WIKIDATA_KINDS, MappingTableError, load_wikidata_links
from ..resources import MAPPING_TABLES_DIR
from ..workspace import ARTICLES_DIR, DEFAULT_OUT_DIR

HELP = "write QuickStatements (v1) for the entities with a reviewed Wikidata item, and what more would be needed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=["quickstatements"], help="what to export")
    parser.add_argument("--entity", action="append", type=_entity, metavar="KIND/ID",
                        help="only this entity, as the Wikidata table names it (season/2012-13); repeatable")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the statements here (default: stdout)")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="write the companion report here (default: stderr)")
    parser.add_argument("--build", type=Path, default=DEFAULT_OUT_DIR, metavar="DIR",
                        help=f"the build to read, DIR/current (default: {DEFAULT_OUT_DIR})")
    parser.add_argument("--table", type=Path, default=MAPPING_TABLES_DIR / "wikidata.csv", metavar="FILE",
                        help="the Wikidata links table (default: mappings/tables/wikidata.csv)")
    parser.add_argument("--properties", type=Path, default=MAPPING_TABLES_DIR / "wikidata_properties.csv",
                        metavar="FILE", help="the property table (default: mappings/tables/wikidata_properties.csv)")
    parser.add_argument("--sources", type=Path, default=ARTICLES_DIR / "sources.csv", metavar="FILE",
                        help="the articles' sources, for the references (default: data/articles/sources.csv)")


def _entity(text: str) -> str:
    kind, _, entity_id = text.partition("/")
    if kind not in WIKIDATA_KINDS or not entity_id:
        raise argparse.ArgumentTypeError(f"not KIND/ID with a kind of {', '.join(WIKIDATA_KINDS)}: {text!r}")
    return text


def run(args: argparse.Namespace) -> int:
    try:
        properties = load_properties(args.properties)
        sources = load_sources(args.sources)
        links = load_wikidata_links(args.table)
        store = open_release_store(args.build)
    except (ExportError, MappingTableError, OSError) as error:
        print(f"ascenso-kg export: {error}", file=sys.stderr)
        return 2
    iris = Iris(release_base(args.build) or DEFAULT_BASE)
    result = QuickStatementsWriter(store, iris, links, properties, sources).seasons(
        set(args.entity) if args.entity else None)
    statements = "".join(line + "\n" for line in result.statements)
    report = "".join(line + "\n" for line in result.needed)
    if args.out:
        args.out.write_text(statements, encoding="utf-8")
    else:
        sys.stdout.write(statements)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    else:
        sys.stderr.write(report)
    print(f"{len(result.statements)} statements; {len(result.needed)} lines of what would be needed",
          file=sys.stderr)
    return 0
