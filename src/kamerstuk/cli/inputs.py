"""What every reading command shares: `-` for standard input, directories and archives as in `batch`,
`--max-size`, and one exit code (2) for a path that does not exist."""

from __future__ import annotations

import argparse
import json
import os
import sys
import zipfile
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from ..api import DEFAULT_MAX_SIZE, parse
from ..archive.batch import Failure, ParseOptions, parse_entry
from ..archive.sources import DOCUMENT_PATTERNS, MEMBER_SEPARATOR, FileEntry, Selection, archive_kind, iter_entries
from ..errors import ParseError
from ..models import Document

#: The name that means standard input.
STDIN = "-"


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """The `--max-size` option every command that reads files has."""
    parser.add_argument(
        "--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES", help="largest input read (bytes)"
    )


def missing_paths(names: Sequence[str]) -> list[str]:
    """The named inputs that do not exist (standard input always does)."""
    return [name for name in names if name != STDIN and not os.path.lexists(name)]


def report_missing(command: str, names: Sequence[str]) -> bool:
    """Print one line per missing path; True when any is missing (the command then exits 2)."""
    missing = missing_paths(names)
    for name in missing:
        print(f"kamerstuk {command}: {name}: no such file or directory", file=sys.stderr)
    return bool(missing)


def _keep(document: Document, source: str) -> Document:
    """The document itself: what `iter_documents` hands back."""
    return document


def add_glob(parser: argparse.ArgumentParser) -> None:
    """`--glob`, as in `batch`: which files of directories and archives to take."""
    parser.add_argument(
        "--glob", action="append", metavar="PATTERN", help="files to take in directories and archives (default: *)"
    )


def iter_documents(
    names: Sequence[str], max_size: int, patterns: Sequence[str] | None = None, strict: bool = False
) -> Iterator[tuple[str, Document | Failure]]:
    """Each source of `names` with its Document or its Failure: files, directory trees, archive members, stdin.

    A directory or archive gives its document files (`DOCUMENT_PATTERNS`) unless `patterns` says otherwise.
    """
    options = ParseOptions(strict=strict, max_size=max_size, keep_unrecognised=True)
    selection = Selection(patterns=tuple(patterns or DOCUMENT_PATTERNS), max_size=max_size)
    for name in names:
        if name == STDIN:
            yield STDIN, _stdin_document(max_size, strict)
            continue
        for entry in iter_entries([name], selection):
            yield parse_entry(entry, _keep, options)


def _stdin_document(max_size: int, strict: bool) -> Document | Failure:
    """Standard input, parsed; no more than `max_size` bytes are read before it is refused."""
    data = sys.stdin.buffer.read(max_size + 1)
    try:
        return parse(data, max_size=max_size, source="<stdin>", strict=strict)
    except ParseError as exc:
        return Failure(type(exc).__name__, str(exc).removeprefix("<stdin>: "))


def count_sources(names: Sequence[str], selection: Selection) -> int | None:
    """How many sources `names` hold, when that is cheap to know (files, directories, zips); None for tar or stdin."""
    total = 0
    listing = Selection(patterns=selection.patterns, skip=selection.skip, open_archives=False)
    for name in names:
        if name == STDIN:
            return None
        for entry in iter_entries([name], listing):
            kind = archive_kind(entry.source) if isinstance(entry, FileEntry) else None
            if kind == "tar":
                return None
            total += _zip_count(entry.source, selection) if kind == "zip" else 1
    return total


def _zip_count(name: str, selection: Selection) -> int:
    """The wanted members of a zip archive; an unreadable archive is one (error) source."""
    try:
        with zipfile.ZipFile(name) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return 1
    return sum(
        1
        for info in infos
        if not info.is_dir()
        and selection.wants(info.filename)
        and not selection.skip(f"{name}{MEMBER_SEPARATOR}{info.filename}")
    )


#: What `--no-text` leaves out: the document's text and the paragraphs' copies of it.
NO_TEXT: dict[str, Any] = {"text": True, "sections": {"__all__": {"paragraphs": {"__all__": {"text"}}}}}


def document_line(document: Document, source: str, *, exclude_none: bool = False, no_text: bool = False) -> str:
    """One JSON object: `source` first, then the document, shaped by `--exclude-none` and `--no-text`."""
    body = document.model_dump_json(exclude_none=exclude_none, exclude=NO_TEXT if no_text else None)
    return f'{{"source":{json.dumps(source, ensure_ascii=False)},{body[1:]}'


def shaped_jsonl_line(document: Document, source: str, *, exclude_none: bool, no_text: bool) -> tuple[int, str]:
    """The batch JSONL line with `--exclude-none` / `--no-text` applied (run in the workers)."""
    return len(document.diagnostics), document_line(document, source, exclude_none=exclude_none, no_text=no_text) + "\n"


def shaped_work(exclude_none: bool, no_text: bool) -> partial[tuple[int, str]]:
    """A picklable batch work function for the shaped JSONL line."""
    return partial(shaped_jsonl_line, exclude_none=exclude_none, no_text=no_text)
