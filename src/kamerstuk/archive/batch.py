"""`parse_many`: parse files, directory trees and archives into a stream of `Result`s, on N processes.

Work is shipped to worker processes in small chunks with a bounded number in flight, so memory
stays flat however many documents there are, and results come back in input order.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from ..api import DEFAULT_MAX_SIZE, identifier_from_name, parse, read_file
from ..errors import ParseError
from ..models import Document
from .sources import DOCUMENT_PATTERNS, BrokenEntry, DataEntry, Entry, Selection, iter_entries, os_message
from .supervise import Supervisor, die_with_parent

if TYPE_CHECKING:
    from .supervise import Context

T = TypeVar("T")

#: The parser's diagnostic for text in which it found no dossier number, document number or heading.
UNRECOGNISED = "KS100"
#: A chunk holds at most this many documents or bytes; each worker has a few chunks in flight.
CHUNK_DOCUMENTS = 32
CHUNK_BYTES = 2 * 1024 * 1024
CHUNKS_PER_JOB = 4
#: After this many worker deaths in a row without a document parsed in between, the pool is deemed unusable.
MAX_CONSECUTIVE_CRASHES = 3


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a source gave no document: the error's type name and a message for people."""

    type: str
    message: str


@dataclass(frozen=True, slots=True)
class Result:
    """One source of a batch: its name and either its `Document` or its `Failure`."""

    source: str
    document: Document | None = None
    error: Failure | None = None

    @property
    def ok(self) -> bool:
        """True when the source was parsed into a document."""
        return self.document is not None


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """How each source is parsed; travels with every chunk to the workers."""

    strict: bool = False
    max_size: int = DEFAULT_MAX_SIZE
    keep_unrecognised: bool = False


class NotAKamerstukError(ParseError):
    """The text was read, but the parser recognised nothing of a Kamerstuk in it."""


def parse_many(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    glob: str | Sequence[str] = DOCUMENT_PATTERNS,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    keep_unrecognised: bool = False,
    skip: Callable[[str], bool] | None = None,
    timeout: float | None = None,
) -> Iterator[Result]:
    """Parse every source of `inputs` (files, directories, .zip and .tar archives), yielding Results in order.

    `glob` selects files inside directories and archives (default: the document formats,
    `DOCUMENT_PATTERNS`); `jobs` is the number of worker processes
    (0: one per CPU); `keep_unrecognised` keeps documents the parser found no sign of a Kamerstuk in (KS100)
    instead of failing them; `skip(source)` leaves sources out, e.g. those done by an earlier run.
    With `timeout` (seconds) each document is parsed in a worker process, also for jobs=1: one that
    takes longer becomes an error row "timed out after N s", its worker is replaced and the run goes on.
    """
    options = ParseOptions(strict=strict, max_size=max_size, keep_unrecognised=keep_unrecognised)
    entries = iter_entries(_as_inputs(inputs), selection(glob, skip, max_size))
    workers = resolve_jobs(jobs)
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be more than 0 seconds, not {timeout}")
    if workers == 1 and timeout is None:
        for source, value in outcomes(entries, _document, options, workers):
            yield _result(source, value)
        return
    for source, text in outcomes(entries, _document_json, options, workers, timeout):
        yield _result(source, text if isinstance(text, Failure) else Document.model_validate_json(text))


def selection(glob: str | Sequence[str], skip: Callable[[str], bool] | None, max_size: int) -> Selection:
    """The `Selection` for the arguments of `parse_many`."""
    patterns = (glob,) if isinstance(glob, str) else tuple(glob)
    if skip is None:
        return Selection(patterns=patterns, max_size=max_size)
    return Selection(patterns=patterns, skip=skip, max_size=max_size)


def resolve_jobs(jobs: int) -> int:
    """The number of worker processes: `jobs`, or one per usable CPU for 0."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    if jobs:
        return jobs
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def outcomes(
    entries: Iterable[Entry],
    work: Callable[[Document, str], T],
    options: ParseOptions,
    jobs: int,
    timeout: float | None = None,
) -> Iterator[tuple[str, T | Failure]]:
    """Parse each entry and apply `work(document, source)` to it, in a worker when jobs > 1; in input order.

    `work` must be a module-level function (it is sent to the workers by name); what it returns
    is what travels back, so make it compact. With `timeout`, every entry is parsed in a supervised
    worker (see `kamerstuk.supervise`), even with jobs=1, and one that overruns becomes a `Failure`.
    """
    if timeout is not None:
        task = functools.partial(parse_entry, work=work, options=options)
        with Supervisor(max(jobs, 1), timeout, task, _failed, _start_method()) as supervisor:
            yield from supervisor.run((entry.source, entry) for entry in entries)
        return
    if jobs <= 1:
        for entry in entries:
            yield parse_entry(entry, work, options)
        return
    with _Workers(jobs) as workers:
        yield from workers.run(_chunks(entries), work, options)


def parse_entry(entry: Entry, work: Callable[[Document, str], T], options: ParseOptions) -> tuple[str, T | Failure]:
    """Read and parse one entry; any failure becomes a `Failure`, so one bad source never stops a batch."""
    if isinstance(entry, BrokenEntry):
        return entry.source, Failure(entry.error_type, entry.message)
    try:
        if isinstance(entry, DataEntry):
            data, name = entry.data, entry.name
        else:
            data, name = read_file(entry.path, options.max_size), entry.path
        document = parse(data, strict=options.strict, max_size=options.max_size, source=entry.source)
        document = identifier_from_name(document, name)
        if not options.keep_unrecognised:
            _check_recognised(document)
        return entry.source, work(document, entry.source)
    except ParseError as exc:
        if isinstance(exc.__cause__, OSError):  # a file that could not be read: the error of the file system
            return entry.source, Failure(type(exc.__cause__).__name__, os_message(exc.__cause__))
        return entry.source, Failure(type(exc).__name__, _without_source(exc))
    except OSError as exc:
        return entry.source, Failure(type(exc).__name__, os_message(exc))
    except Exception as exc:  # a parser bug on one document must not stop the other documents
        return entry.source, Failure(type(exc).__name__, f"internal error while parsing (please report): {exc}")


def _as_inputs(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterable[str | os.PathLike[str]]:
    """One input named on its own is a list of one, never a string to iterate character by character."""
    if isinstance(inputs, (str, os.PathLike)):
        return [inputs]
    return inputs


def _without_source(exc: ParseError) -> str:
    """The error's message without its leading source name, which the error row has a column for."""
    return str(exc).removeprefix(f"{exc.source}: ") if exc.source else str(exc)


def _check_recognised(document: Document) -> None:
    """Fail a document in which the parser found no dossier number, document number or heading."""
    for diagnostic in document.diagnostics:
        if diagnostic.code == UNRECOGNISED:
            raise NotAKamerstukError(f"not a Kamerstuk: {diagnostic.message} ({diagnostic.code})")


def _document(document: Document, source: str) -> Document:
    """The document itself: the work of an in-process batch."""
    return document


def _document_json(document: Document, source: str) -> str:
    """The document as JSON, which crosses process boundaries faster than a pickled model."""
    return document.model_dump_json()


def _result(source: str, value: Document | Failure) -> Result:
    """A `Result` from what a worker returned."""
    if isinstance(value, Failure):
        return Result(source=source, error=value)
    return Result(source=source, document=value)


def _chunks(entries: Iterable[Entry]) -> Iterator[list[Entry]]:
    """Entries grouped into chunks of at most CHUNK_DOCUMENTS documents or about CHUNK_BYTES bytes."""
    chunk: list[Entry] = []
    size = 0
    for entry in entries:
        chunk.append(entry)
        size += len(entry.data) if isinstance(entry, DataEntry) else 0
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _parse_chunk(
    chunk: list[Entry], work: Callable[[Document, str], T], options: ParseOptions
) -> list[tuple[str, T | Failure]]:
    """The worker's task: parse a chunk of entries."""
    return [parse_entry(entry, work, options) for entry in chunk]


def _failed(source: str, error_type: str, message: str) -> tuple[str, Failure]:
    """The outcome of an entry whose worker overran its time limit or died."""
    return source, Failure(error_type, message)


def _ignore_interrupt(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops them and closes its output cleanly, and end
    when the parent ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _start_method() -> Context:
    """How worker processes start. Fork is fastest (workers inherit the imported parser, which
    matters for short runs) but is only safe while this process has a single thread; otherwise a
    fork server that preloads the parser, or spawn where neither exists."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(["kamerstuk.batch"])
        return forkserver
    return multiprocessing.get_context("spawn")


_Window = deque[tuple[list[Entry], Future[list[tuple[str, T | Failure]]]]]


class _Workers:
    """A process pool that keeps a bounded window of chunks in flight and survives a worker dying."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.context = _start_method()
        self.executor = self._start()
        self.crashes = 0

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor:
        """A fresh pool of `jobs` processes."""
        return ProcessPoolExecutor(
            self.jobs, mp_context=self.context, initializer=_ignore_interrupt, initargs=(os.getpid(),)
        )

    def run(
        self, chunks: Iterable[list[Entry]], work: Callable[[Document, str], T], options: ParseOptions
    ) -> Iterator[tuple[str, T | Failure]]:
        """Outcomes of every chunk in order, with at most jobs × CHUNKS_PER_JOB chunks in flight."""
        window: _Window[T] = deque()
        for chunk in chunks:
            window.append((chunk, self.executor.submit(_parse_chunk, chunk, work, options)))
            if len(window) >= self.jobs * CHUNKS_PER_JOB:
                yield from self._collect(window, work, options)
        while window:
            yield from self._collect(window, work, options)

    def _collect(
        self, window: _Window[T], work: Callable[[Document, str], T], options: ParseOptions
    ) -> list[tuple[str, T | Failure]]:
        """The outcomes of the oldest chunk; when a worker died, find the entry that killed it."""
        chunk, future = window.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            self._restart()
            outcomes = [self._isolated(entry, work, options) for entry in chunk]
            self._resubmit(window, work, options)
            return outcomes
        self.crashes = 0
        return outcomes

    def _restart(self) -> None:
        """Replace a pool broken by a dying worker; give up when workers die again and again."""
        self.crashes += 1
        if self.crashes > MAX_CONSECUTIVE_CRASHES:
            raise RuntimeError(
                "worker processes keep dying; if this runs from a script, is its code under"
                " `if __name__ == '__main__':`?"
            )
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def _resubmit(self, window: _Window[T], work: Callable[[Document, str], T], options: ParseOptions) -> None:
        """Submit again the chunks in flight when the pool broke, keeping those that were already done."""
        for index, (chunk, future) in enumerate(window):
            if future.cancelled() or future.exception() is not None:
                window[index] = (chunk, self.executor.submit(_parse_chunk, chunk, work, options))

    def _isolated(
        self, entry: Entry, work: Callable[[Document, str], T], options: ParseOptions
    ) -> tuple[str, T | Failure]:
        """One entry alone in the pool, so that a document that kills its worker is the only one to fail."""
        try:
            outcome = self.executor.submit(_parse_chunk, [entry], work, options).result()[0]
        except BrokenProcessPool:
            self._restart()
            return entry.source, Failure("WorkerCrashError", "the worker process died while parsing this source")
        self.crashes = 0
        return outcome
