"""The `kamerstuk` command line: one module per subcommand, each built on the public API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from . import batch_cmd, graph_cmd, parse_cmd, refs_cmd, rule_cmd, schema_cmd, validate_cmd, view_cmd
from .exit_codes import EXIT_OK, EXIT_USAGE

#: Subcommand modules; each has `register(subparsers)` and sets `func(args) -> int` on its parser.
COMMANDS: tuple[ModuleType, ...] = (
    parse_cmd, refs_cmd, view_cmd, batch_cmd, validate_cmd, rule_cmd, schema_cmd, graph_cmd,
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(prog="kamerstuk", description="Read Kamerstukken into typed data.")
    parser.add_argument("--version", action="version", version=f"kamerstuk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 a file failed, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        result: int = args.func(args)
    except BrokenPipeError:
        return EXIT_OK
    return result
