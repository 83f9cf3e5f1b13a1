"""Worker processes under supervision: a time limit per document, a fresh worker for every one that
dies or overruns, and workers that end when their parent dies (even by SIGKILL).

Each worker parses one document at a time, in the order it was sent them, so the parent always
knows which document a worker is on and since when: a document over its time limit is abandoned,
its worker killed and replaced, and it becomes a `Failure` ("timed out after N s"); a worker that
dies (a segfault, the kernel's OOM killer) becomes a `Failure` for its document. With two or more
workers a small next item is sent ahead, so a worker never sits idle waiting for the parent between
two documents; items sent ahead that a replaced worker never started go to the next worker. One
worker gets one item at a time, so `--jobs 1` keeps parsing on one core, with the parent's reading
and writing in between. Results come back in input order.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext

    Context = ForkContext | ForkServerContext | SpawnContext

T = TypeVar("T")

#: How often a worker checks that its parent is still there (where the kernel cannot tell it).
PARENT_POLL_SECONDS = 0.5
#: Documents taken from the input ahead of the oldest one not yet given back, per worker.
AHEAD_PER_JOB = 16
#: Items sent to a worker beyond the one it is on (with two or more workers), and the largest
#: (pickled) item sent ahead: one
#: this small fits the pipe's buffer, so sending it never blocks the parent while the worker is busy.
SENT_AHEAD = 1
SMALL_ITEM = 32 * 1024
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """End this process when process `parent` ends: the kernel's parent-death signal on Linux, and a
    thread that polls the parent everywhere (a fork server stands between, or the kernel has no such signal)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    first_parent = os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != first_parent or not _alive(parent):
                os._exit(1)
            time.sleep(PARENT_POLL_SECONDS)

    if not _alive(parent):
        os._exit(1)
    threading.Thread(target=watch, name="kamerstuk-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether process `pid` still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _serve(connection: Connection, parent: int, task: Callable[[object], object]) -> None:
    """A worker's life: ignore Ctrl-C (the parent handles it), end with the parent, run `task` on each
    item received until the parent sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        connection.send(task(item))


@dataclass
class _Job:
    """One item of the input: its place in the input, its source, and the item pickled for the pipe."""

    index: int
    source: str
    payload: bytes


@dataclass
class _Worker:
    """One worker process, its end of the pipe, the jobs sent to it (the first is the one it is on)
    and when it started that first one."""

    process: BaseProcess
    connection: Connection
    jobs: deque[_Job] = field(default_factory=deque)
    started: float = 0.0


Failed = Callable[[str, str, str], T]


class Supervisor(Generic[T]):
    """`jobs` worker processes running `task(item)`, each item under a time limit of `timeout` seconds.

    `failed(source, error_type, message)` is what an item whose worker overran or died gives instead.
    """

    def __init__(
        self,
        jobs: int,
        timeout: float | None,
        task: Callable[[object], T],
        failed: Failed[T],
        context: Context,
    ) -> None:
        self.jobs = jobs
        self.timeout = timeout
        self.task = task
        self.failed = failed
        self.context = context
        self.workers: list[_Worker] = []
        #: Jobs taken from the input but not sent, or sent to a worker that was replaced before it started them.
        self.ready: deque[_Job] = deque()

    def __enter__(self) -> Supervisor[T]:
        self.workers = [self._start() for _ in range(self.jobs)]
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send(None)
        deadline = time.monotonic() + 2
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.connection.close()

    def _start(self) -> _Worker:
        """A fresh worker process."""
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(theirs, os.getpid(), self.task), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker (overrun or dead) and put a fresh one in its place; the jobs sent to it that
        it had not started go first to the next idle worker."""
        worker.process.kill()
        worker.process.join(1)
        worker.connection.close()
        self.ready.extendleft(reversed(worker.jobs))
        self.workers[self.workers.index(worker)] = self._start()

    def run(self, items: Iterable[tuple[str, object]]) -> Iterator[T]:
        """`task(item)` for each (source, item) in input order; an overrun or a dead worker becomes `failed(...)`."""
        pending = iter(enumerate(items))
        results: dict[int, T] = {}
        order: deque[int] = deque()
        exhausted = False
        while True:
            exhausted = self._dispatch(pending, order, exhausted)
            busy = [w for w in self.workers if w.jobs]
            if not busy and exhausted and not order:
                return
            for connection in wait([w.connection for w in busy], self._wait_time(busy)):
                worker = next(w for w in busy if w.connection is connection)
                self._receive(worker, results)
            self._expire([w for w in self.workers if w.jobs], results)
            while order and order[0] in results:
                yield results.pop(order.popleft())

    def _dispatch(self, pending: Iterator[tuple[int, tuple[str, object]]], order: deque[int], exhausted: bool) -> bool:
        """Give each idle worker its next job, then send small jobs ahead to busy ones, keeping at most
        AHEAD_PER_JOB items per worker outstanding; True once the items are exhausted."""
        ahead = SENT_AHEAD if self.jobs > 1 else 0
        for worker in sorted(self.workers, key=lambda w: len(w.jobs)):
            while len(worker.jobs) <= ahead:
                job = self.ready.popleft() if self.ready else None
                if job is None and not exhausted and len(order) < self.jobs * AHEAD_PER_JOB:
                    taken = next(pending, None)
                    exhausted = taken is None
                    if taken is not None:
                        index, (source, item) = taken
                        order.append(index)
                        job = _Job(index, source, bytes(ForkingPickler.dumps(item)))
                if job is None:
                    break
                if worker.jobs and len(job.payload) > SMALL_ITEM:
                    self.ready.appendleft(job)
                    break
                if not worker.jobs:
                    worker.started = time.monotonic()
                worker.jobs.append(job)
                try:
                    worker.connection.send_bytes(job.payload)
                except OSError:  # the worker died: receiving says so, and its unstarted jobs move on
                    break
        return exhausted and not self.ready

    def _wait_time(self, busy: list[_Worker]) -> float | None:
        """How long to wait for a result: until the earliest time limit runs out."""
        if self.timeout is None or not busy:
            return None if busy else 0
        return max(0.0, min(w.started for w in busy) + self.timeout - time.monotonic())

    def _receive(self, worker: _Worker, results: dict[int, T]) -> None:
        """Take a worker's result for the job it was on, whose next job it starts at once; a worker
        that died on its job gives a failure and is replaced."""
        job = worker.jobs[0]
        try:
            results[job.index] = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            why = "" if code is None else f" (killed by signal {-code})" if code < 0 else f" (exit code {code})"
            results[job.index] = self.failed(
                job.source, "WorkerCrashError", f"the worker process died while parsing this source{why}"
            )
            worker.jobs.popleft()
            self._replace(worker)
            return
        worker.jobs.popleft()
        worker.started = time.monotonic()

    def _expire(self, busy: list[_Worker], results: dict[int, T]) -> None:
        """Abandon the jobs over their time limit: each a failure, its worker killed and replaced."""
        if self.timeout is None:
            return
        now = time.monotonic()
        for worker in busy:
            if worker.jobs and now - worker.started >= self.timeout:
                job = worker.jobs.popleft()
                results[job.index] = self.failed(job.source, "TimeoutError", f"timed out after {self.timeout:g} s")
                self._replace(worker)
