"""`kamerstuk parse` and `kamerstuk tokens`: documents as JSON, token streams for debugging."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from ..api import parse, parse_file, read_tokens
from ..errors import ParseError
from ..models import Document
from .diagnosed import report_errors
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE

EXAMPLE = "kst-28676-467.txt"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `parse` and `tokens` subcommands."""
    parse_parser = subparsers.add_parser("parse", help="parse files and print each Document as JSON")
    parse_parser.add_argument("files", nargs="*", metavar="FILE")
    parse_parser.add_argument("--jsonl", action="store_true", help="one JSON document per line")
    parse_parser.add_argument("--example", action="store_true", help=f"parse the bundled example {EXAMPLE}")
    parse_parser.add_argument(
        "--strict", action="store_true", help="refuse a document with an error diagnostic (print nothing for it)"
    )
    parse_parser.set_defaults(func=run_parse)
    tokens_parser = subparsers.add_parser("tokens", help="print the token stream of a file")
    tokens_parser.add_argument("file", metavar="FILE")
    tokens_parser.set_defaults(func=run_tokens)


def example_document() -> Document:
    """The bundled example letter, parsed."""
    data = resources.files("kamerstuk").joinpath("examples", EXAMPLE).read_bytes()
    return parse(data, source=EXAMPLE)


def run_parse(args: argparse.Namespace) -> int:
    """Print each file's Document; exit 1 when any file could not be parsed or has a diagnostic of
    severity error (each named on stderr), 2 when none was named."""
    if not args.files and not args.example:
        print("kamerstuk parse: name at least one FILE, or --example", file=sys.stderr)
        return EXIT_USAGE
    failed = False
    documents: list[Document] = [example_document()] if args.example else []
    for name in args.files:
        try:
            document = parse_file(name, strict=args.strict)
        except ParseError as exc:
            print(f"kamerstuk parse: {exc}", file=sys.stderr)
            failed = True
            continue
        documents.append(document)
        failed = report_errors("parse", name, document) or failed
    for document in documents:
        print(document.model_dump_json() if args.jsonl else document.model_dump_json(indent=2))
    return EXIT_FAILED if failed else EXIT_OK


def run_tokens(args: argparse.Namespace) -> int:
    """Print kind, span and the first characters of every token of one file, as its reader makes them."""
    try:
        text, tokens = read_tokens(Path(args.file).read_bytes(), source=args.file)
    except OSError as exc:
        print(f"kamerstuk tokens: {args.file}: cannot read file: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except ParseError as exc:
        print(f"kamerstuk tokens: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for token in tokens:
        snippet = token.text(text)[:60].replace("\n", "⏎")
        print(f"{token.kind.value:16} {token.start:>7}-{token.end:<7} {snippet}")
    return EXIT_OK
