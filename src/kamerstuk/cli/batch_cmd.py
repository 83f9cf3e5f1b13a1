"""`kamerstuk batch`: parse files, directories and archives into JSONL, CSV or Parquet, restartable."""

from __future__ import annotations

import argparse
import functools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from tqdm import tqdm

from ..api import DEFAULT_MAX_SIZE
from ..archive.batch import Failure, ParseOptions, outcomes, resolve_jobs, selection
from ..archive.sources import DOCUMENT_PATTERNS, iter_entries
from ..archive.writers import FORMATS, ErrorLog, Output, OutputError, default_errors_path, open_output
from .exit_codes import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .inputs import count_sources, report_missing, shaped_work
from .parse_cmd import add_shape_options

#: Seconds a document may take before it is abandoned as an error row.
DEFAULT_TIMEOUT = 60.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `batch` subcommand."""
    parser = subparsers.add_parser("batch", help="parse files, directories and archives into tables")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, .zip and .tar(.gz) archives")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="JSONL file, or directory of tables")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)")
    parser.add_argument("--errors", metavar="FILE", help="CSV of failed sources (default: beside or inside OUT)")
    parser.add_argument("--resume", action="store_true", help="skip sources already in OUT and append")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    parser.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"files to take in directories and archives (default: {' '.join(DOCUMENT_PATTERNS)})",
    )
    parser.add_argument("--strict", action="store_true", help="fail documents with error diagnostics")
    parser.add_argument(
        "--keep-unrecognised", action="store_true", help="keep texts with no sign of a Kamerstuk (KS100)"
    )
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES", help="largest input read")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"abandon a document after this long, as an error row (default: {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    add_shape_options(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


@dataclass
class Tally:
    """What a run has done so far."""

    parsed: int = 0
    failed: int = 0
    with_diagnostics: int = 0
    skipped: int = 0

    def summary(self, seconds: float) -> str:
        """The closing line: counts and documents/s."""
        rate = (self.parsed + self.failed) / seconds if seconds > 0 else 0.0
        skipped = f", {self.skipped:,} skipped (already in OUT)" if self.skipped else ""
        return (
            f"{self.parsed:,} parsed, {self.failed:,} failed, {self.with_diagnostics:,} with diagnostics{skipped};"
            f" {rate:,.0f} documents/s in {seconds:,.1f} s"
        )


def run(args: argparse.Namespace) -> int:
    """Run the batch; exit 0 when every source parsed, 1 when any failed, 2 on bad usage, 130 on Ctrl-C."""
    fmt = args.format
    if report_missing("batch", args.inputs):
        return EXIT_USAGE
    if (args.exclude_none or args.no_text) and fmt != "jsonl":
        print("kamerstuk batch: --exclude-none and --no-text shape JSONL output only", file=sys.stderr)
        return EXIT_USAGE
    try:
        jobs = resolve_jobs(args.jobs)
        output = open_output(args.output, fmt, resume=args.resume, overwrite=args.overwrite)
        done = output.done() if args.resume else set()
    except (OutputError, ValueError, ImportError) as exc:
        print(f"kamerstuk batch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    errors_path = args.errors or default_errors_path(args.output, fmt)
    tally = Tally()
    start = time.perf_counter()
    errors = ErrorLog(errors_path)
    interrupted = False
    with _Interrupts() as interrupts:
        try:
            _run(args, jobs, output, errors, done, tally, interrupts)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            interrupts.hold_from_now()  # a Ctrl-C while the last records are written only marks the run interrupted
            output.close()
            errors.close()
            print(f"kamerstuk batch: {tally.summary(time.perf_counter() - start)}", file=sys.stderr)
        interrupted = interrupted or interrupts.held
    if interrupted:
        print(f"kamerstuk batch: interrupted; {args.output} holds whole records; --resume continues", file=sys.stderr)
        return EXIT_INTERRUPTED
    if tally.failed:
        print(f"kamerstuk batch: failures are listed in {errors_path}", file=sys.stderr)
    return EXIT_FAILED if tally.failed else EXIT_OK


class _Progress(tqdm):  # type: ignore[type-arg]
    """The progress bar, without tqdm's monitor thread: with no thread running, worker processes can
    start by fork and inherit the imported parser (much faster for short runs)."""

    monitor_interval = 0


def _run(
    args: argparse.Namespace,
    jobs: int,
    output: Output,
    errors: ErrorLog,
    done: set[str],
    tally: Tally,
    interrupts: _Interrupts,
) -> None:
    """Parse every source not yet done and write each result whole, with a progress bar."""

    own = _own_files(args.output, args.errors or default_errors_path(args.output, args.format))

    def skip(source: str) -> bool:
        if own(source):
            return True
        if source in done:
            tally.skipped += 1
            return True
        return False

    options = ParseOptions(strict=args.strict, max_size=args.max_size, keep_unrecognised=args.keep_unrecognised)
    chosen = selection(args.glob or DOCUMENT_PATTERNS, skip, args.max_size)
    entries = iter_entries(args.inputs, chosen)
    shown = not args.quiet and sys.stderr.isatty()
    remaining = selection(args.glob or DOCUMENT_PATTERNS, done.__contains__, args.max_size)
    total = count_sources(args.inputs, remaining) if shown else None
    work = shaped_work(args.exclude_none, args.no_text) if args.exclude_none or args.no_text else output.work()
    progress_bar = _Progress(
        unit=" doc", total=total, disable=True if args.quiet else None, file=sys.stderr, smoothing=0.1
    )
    timeout = args.timeout if args.timeout > 0 else None
    with progress_bar as progress:
        for source, value in outcomes(entries, work, options, jobs, timeout):
            with interrupts.writing():
                _record(source, value, output, errors, tally)
            progress.update()
            if isinstance(value, Failure):
                progress.set_postfix(failed=tally.failed, refresh=False)


def _own_files(output: str, errors: str) -> Callable[[str], bool]:
    """Whether a source is the run's own output or errors file (or lies in its tables directory),
    which a batch over the folder that holds them must never read back as input.

    A source's real path is its folder's real path (cached: archive members and the files of one
    folder share it) joined with its last part, unless that part is a symbolic link, `.` or `..`:
    one `lstat` per file instead of one per part of the path, none for an archive member."""
    files = {os.path.realpath(output), os.path.realpath(errors)}
    folder = os.path.realpath(output) + os.sep

    def own(source: str) -> bool:
        head, tail = os.path.split(source)
        real_head, on_disk = _real_folder(head)
        if tail in ("", ".", "..") or (on_disk and os.path.islink(source)):
            path = os.path.realpath(source)
        else:
            path = os.path.join(real_head, tail)
        return path in files or path.startswith(folder)

    return own


@functools.lru_cache(maxsize=1024)
def _real_folder(head: str) -> tuple[str, bool]:
    """The real path of a source's folder, and whether it is a folder on disk (an archive member's
    folder, `a.zip!docs`, is not, so nothing in it can be a symbolic link)."""
    return os.path.realpath(head), os.path.isdir(head)


def _record(source: str, value: tuple[int, Any] | Failure, output: Output, errors: ErrorLog, tally: Tally) -> None:
    """Write one outcome: the document to OUT, or the failure to the errors file."""
    if isinstance(value, Failure):
        errors.write(source, value.type, value.message)
        tally.failed += 1
        return
    diagnostics, payload = value
    output.write(source, payload)
    tally.parsed += 1
    tally.with_diagnostics += diagnostics > 0


class _Interrupts:
    """Ctrl-C for a whole run, its handler installed once (`with _Interrupts() as interrupts:`): it
    stops the run at once, except while a record is written (`with interrupts.writing():`), when it
    is held back until the record is whole, so OUT never gets half a record. Off the main thread,
    where no signal handler can be set, Ctrl-C is left as it is."""

    def __init__(self) -> None:
        self.section = _Writing(self)
        self.closing = False
        self.held = False
        self.installed = False
        self.previous: Any = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
            self.installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        """Put back the handler there was (the default one when it was not set from Python)."""
        if self.installed:
            signal.signal(signal.SIGINT, signal.SIG_DFL if self.previous is None else self.previous)

    def writing(self) -> _Writing:
        """The section in which one record is written."""
        return self.section

    def hold_from_now(self) -> None:
        """Hold every Ctrl-C from now on, while the outputs are closed; `held` tells whether one came."""
        self.closing = True

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.closing or self.section.active:
            self.held = True
            return
        raise KeyboardInterrupt


class _Writing:
    """One record being written: a Ctrl-C that comes meanwhile is raised when the record is whole."""

    __slots__ = ("interrupts", "active")

    def __init__(self, interrupts: _Interrupts) -> None:
        self.interrupts = interrupts
        self.active = False

    def __enter__(self) -> None:
        self.active = True

    def __exit__(self, *exc: object) -> None:
        self.active = False
        if self.interrupts.held and not self.interrupts.closing:
            self.interrupts.held = False
            raise KeyboardInterrupt
