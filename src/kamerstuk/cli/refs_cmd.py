"""`kamerstuk refs`: every reference of files, directories and archives, one per line (or JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys

from ..archive.batch import Failure
from .diagnosed import report_errors
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .inputs import add_glob, add_max_size, iter_documents, report_missing


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `refs` subcommand."""
    parser = subparsers.add_parser("refs", help="list the references of files")
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="files, directories, .zip/.tar archives; - reads standard input"
    )
    parser.add_argument("--jsonl", action="store_true", help="one JSON object per reference")
    parser.add_argument("--strict", action="store_true", help="refuse a document with an error diagnostic")
    add_max_size(parser)
    add_glob(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print source, span, kind, identifier and text of each reference; exit 1 if a source failed or
    has a diagnostic of severity error (each named on stderr), 2 if a path is missing."""
    if report_missing("refs", args.files):
        return EXIT_USAGE
    failed = False
    for source, document in iter_documents(args.files, args.max_size, args.glob, args.strict):
        if isinstance(document, Failure):
            print(f"kamerstuk refs: {source}: {document.message}", file=sys.stderr)
            failed = True
            continue
        failed = report_errors("refs", source, document) or failed
        for ref in document.references:
            identifier = ",".join(ref.identifiers) or "-"
            if args.jsonl:
                print(json.dumps({"source": source, **ref.model_dump(mode="json")}, ensure_ascii=False))
            else:
                text = ref.text.replace("\n", " ")
                print(f"{source}\t{ref.span.start}-{ref.span.end}\t{ref.kind.value}\t{identifier}\t{text}")
    return EXIT_FAILED if failed else EXIT_OK
