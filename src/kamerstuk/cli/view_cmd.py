"""`kamerstuk show` (one terminal screen per document) and `kamerstuk annotate` (the annotated HTML page)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..archive.batch import Failure
from ..views.annotate import annotate
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .inputs import add_glob, add_max_size, iter_documents, report_missing


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `show` and `annotate` subcommands."""
    show = subparsers.add_parser("show", help="one screen per document: fields, outline, notes, references")
    show.add_argument("files", nargs="+", metavar="FILE", help="files, directories, archives; - reads standard input")
    show.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour (auto: on a terminal)"
    )
    add_max_size(show)
    add_glob(show)
    show.set_defaults(func=run_show)
    page = subparsers.add_parser("annotate", help="write one self-contained HTML page with every value highlighted")
    page.add_argument("file", metavar="FILE", help="a file; - reads standard input")
    page.add_argument("-o", "--output", required=True, metavar="OUT.html", help="the HTML file to write")
    add_max_size(page)
    page.set_defaults(func=run_annotate)


def run_show(args: argparse.Namespace) -> int:
    """Print each document's screen; exit 1 when a source could not be parsed, 2 when a path is missing."""
    from ..views.show import render_screens

    if report_missing("show", args.files):
        return EXIT_USAGE
    color = {"auto": None, "always": True, "never": False}[args.color]
    failed = render_screens(iter_documents(args.files, args.max_size, args.glob), sys.stdout, color)
    return EXIT_FAILED if failed else EXIT_OK


def run_annotate(args: argparse.Namespace) -> int:
    """Write the annotated page of one document."""
    if report_missing("annotate", [args.file]):
        return EXIT_USAGE
    for source, document in iter_documents([args.file], args.max_size):
        if isinstance(document, Failure):
            print(f"kamerstuk annotate: {source}: {document.message}", file=sys.stderr)
            return EXIT_FAILED
        try:
            Path(args.output).write_text(annotate(document), encoding="utf-8")
        except OSError as exc:
            print(f"kamerstuk annotate: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK
    print(f"kamerstuk annotate: {args.file}: no document in it", file=sys.stderr)
    return EXIT_FAILED
