"""`kamerstuk refs`: every reference of one or more files, one per line (or JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys

from ..api import parse_file
from ..errors import ParseError
from .diagnosed import report_errors
from .exit_codes import EXIT_FAILED, EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `refs` subcommand."""
    parser = subparsers.add_parser("refs", help="list the references of files")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--jsonl", action="store_true", help="one JSON object per reference")
    parser.add_argument("--strict", action="store_true", help="refuse a document with an error diagnostic")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print source, span, kind, identifier and text of each reference; exit 1 if a file failed or
    has a diagnostic of severity error (each named on stderr)."""
    failed = False
    for name in args.files:
        try:
            document = parse_file(name, strict=args.strict)
        except ParseError as exc:
            print(f"kamerstuk refs: {exc}", file=sys.stderr)
            failed = True
            continue
        failed = report_errors("refs", name, document) or failed
        for ref in document.references:
            identifier = ",".join(ref.identifiers) or "-"
            if args.jsonl:
                print(json.dumps({"source": name, **ref.model_dump(mode="json")}, ensure_ascii=False))
            else:
                text = ref.text.replace("\n", " ")
                print(f"{name}\t{ref.span.start}-{ref.span.end}\t{ref.kind.value}\t{identifier}\t{text}")
    return EXIT_FAILED if failed else EXIT_OK
