"""The ``ascenso-kg`` console script.

Each subcommand is a module in ``ascenso_kg.commands`` with a one-line ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; adding a command means adding a module and one name to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ["build", "serve", "generate-corpus", "validate", "link", "export", "publish", "bench"]


def _command_modules() -> dict[str, object]:
    return {name: importlib.import_module(f"ascenso_kg.commands.{name.replace('-', '_')}") for name in COMMANDS}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ascenso-kg",
        description="Build, check and serve the knowledge graph of Mexican second-tier football.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in _command_modules().items():
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
