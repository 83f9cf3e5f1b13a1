"""`kamerstuk parse` and `kamerstuk tokens`: documents as JSON, token streams for debugging."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from ..api import parse, read_file, read_tokens
from ..archive.batch import Failure
from ..archive.sources import archive_kind
from ..errors import ParseError
from ..models import Document
from .diagnosed import report_errors
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .inputs import STDIN, add_glob, add_max_size, document_line, iter_documents, report_missing

EXAMPLE = "kst-28676-467.txt"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `parse` and `tokens` subcommands."""
    parse_parser = subparsers.add_parser("parse", help="parse files and print each Document as JSON")
    parse_parser.add_argument(
        "files", nargs="*", metavar="FILE", help="files, directories, .zip/.tar archives; - reads standard input"
    )
    parse_parser.add_argument("--jsonl", action="store_true", help="one JSON document per line, even for one file")
    parse_parser.add_argument("--example", action="store_true", help=f"parse the bundled example {EXAMPLE}")
    parse_parser.add_argument(
        "--strict", action="store_true", help="refuse a document with an error diagnostic (print nothing for it)"
    )
    add_shape_options(parse_parser)
    add_max_size(parse_parser)
    add_glob(parse_parser)
    parse_parser.set_defaults(func=run_parse)
    tokens_parser = subparsers.add_parser("tokens", help="print the token stream of a file")
    tokens_parser.add_argument("file", metavar="FILE")
    add_max_size(tokens_parser)
    tokens_parser.set_defaults(func=run_tokens)


def add_shape_options(parser: argparse.ArgumentParser) -> None:
    """`--exclude-none` and `--no-text`, shared by `parse` and `batch`."""
    parser.add_argument("--exclude-none", action="store_true", help="leave out fields whose value is null")
    parser.add_argument("--no-text", action="store_true", help="leave out `text` and the paragraphs' copies of it")


def example_document() -> Document:
    """The bundled example letter, parsed."""
    data = resources.files("kamerstuk").joinpath("examples", EXAMPLE).read_bytes()
    return parse(data, source=EXAMPLE)


def run_parse(args: argparse.Namespace) -> int:
    """Print each source's Document with its `source`: one indented object for one file, else JSON Lines.

    Exit 1 when any source could not be parsed or has a diagnostic of severity error (each named on
    stderr), 2 when none was named or a path does not exist.
    """
    if not args.files and not args.example:
        print("kamerstuk parse: name at least one FILE, or --example", file=sys.stderr)
        return EXIT_USAGE
    if report_missing("parse", args.files):
        return EXIT_USAGE
    single = len(args.files) + args.example == 1 and not args.jsonl and _is_single_file(args.files)
    failed = False
    outcomes = iter_documents(args.files, args.max_size, args.glob, args.strict)
    if args.example:
        outcomes = _with_example(outcomes)
    for source, value in outcomes:
        if isinstance(value, Failure):
            print(f"kamerstuk parse: {source}: {value.message}", file=sys.stderr)
            failed = True
            continue
        failed = report_errors("parse", source, value) or failed
        line = document_line(value, source, exclude_none=args.exclude_none, no_text=args.no_text)
        print(json.dumps(json.loads(line), indent=2, ensure_ascii=False) if single else line)
    return EXIT_FAILED if failed else EXIT_OK


def _is_single_file(files: list[str]) -> bool:
    """True when the inputs are at most one plain file (or stdin): one document, printed indented."""
    return all(name == STDIN or (Path(name).is_file() and archive_kind(name) is None) for name in files)


def _with_example(outcomes: Iterator[tuple[str, Document | Failure]]) -> Iterator[tuple[str, Document | Failure]]:
    """The bundled example first, then the named sources."""
    yield EXAMPLE, example_document()
    yield from outcomes


def run_tokens(args: argparse.Namespace) -> int:
    """Print kind, span and the first characters of every token of one file, as its reader makes them."""
    if report_missing("tokens", [args.file]):
        return EXIT_USAGE
    try:
        data = sys.stdin.buffer.read(args.max_size + 1) if args.file == STDIN else read_file(args.file, args.max_size)
        text, tokens = read_tokens(data, max_size=args.max_size, source=args.file)
    except ParseError as exc:
        print(f"kamerstuk tokens: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for token in tokens:
        snippet = token.text(text)[:60].replace("\n", "⏎")
        print(f"{token.kind.value:16} {token.start:>7}-{token.end:<7} {snippet}")
    return EXIT_OK
