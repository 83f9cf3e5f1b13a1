"""A batch survives any document: a time limit per document, dead workers as error rows, and
workers that end when their parent is killed."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEED

import kamerstuk
from kamerstuk.archive import batch, supervise
from kamerstuk.archive.supervise import Supervisor
from kamerstuk.cli import main


def _task(item: object) -> str:
    """Hand-made worker behaviours: "sleep" overruns, "die" kills its own process, else echo."""
    if item == "sleep":
        time.sleep(30)
    if item == "die":
        os._exit(9)
    return f"ok {item}"


def _failed(source: str, error_type: str, message: str) -> str:
    return f"{source}: {error_type}: {message}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_overrun_and_dead_workers_become_failures_in_order(jobs: int) -> None:
    items = ["a", "sleep", "b", "die", "c", "sleep", "d"]
    context = multiprocessing.get_context("fork")
    start = time.monotonic()
    with Supervisor(jobs, 2, _task, _failed, context) as supervisor:
        results = list(supervisor.run((f"s{i}", item) for i, item in enumerate(items)))
    assert results == [
        "ok a",
        "s1: TimeoutError: timed out after 2 s",
        "ok b",
        "s3: WorkerCrashError: the worker process died while parsing this source (exit code 9)",
        "ok c",
        "s5: TimeoutError: timed out after 2 s",
        "ok d",
    ]
    assert time.monotonic() - start < 20


def test_items_sent_ahead_are_neither_lost_nor_run_twice() -> None:
    """With two workers a small next item waits in each worker's pipe; a worker killed for an overrun
    hands its waiting items to the next worker, and an item too large to send ahead waits its turn."""
    large = "x" * (supervise.SMALL_ITEM * 2)
    items = ["sleep", "a", "b", large, "c", "sleep", "d", "e", "f"]
    context = multiprocessing.get_context("fork")
    with Supervisor(2, 2, _task, _failed, context) as supervisor:
        results = list(supervisor.run((f"s{i}", item) for i, item in enumerate(items)))
    expected = [f"ok {item}" for item in items]
    expected[0] = "s0: TimeoutError: timed out after 2 s"
    expected[5] = "s5: TimeoutError: timed out after 2 s"
    assert results == expected


def _slow_document() -> bytes:
    """The real seed letter repeated to 18 MB: its parse keeps a worker busy for seconds."""
    return SEED.read_bytes() * 1500


def _parse_slowly(data: str | bytes, *, strict: bool, max_size: int, source: str | None) -> kamerstuk.Document:
    """`parse`, with a hang for the hand-made source named "b-slow.txt"."""
    if (source or "").endswith("b-slow.txt"):
        time.sleep(60)
    return kamerstuk.parse(data, strict=strict, max_size=max_size, source=source)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two copies of the seed letter around a document that hangs; workers start by fork, so they
    inherit the hang (a stand-in for a pathological document, which the parser no longer has)."""
    monkeypatch.setattr(batch, "parse", _parse_slowly)
    monkeypatch.setattr(batch, "_start_method", lambda: multiprocessing.get_context("fork"))
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_bytes(SEED.read_bytes())
    (root / "b-slow.txt").write_bytes(SEED.read_bytes())
    (root / "c.txt").write_bytes(SEED.read_bytes())
    return root


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_abandons_a_document_over_its_time_limit(folder: Path, jobs: int) -> None:
    start = time.monotonic()
    results = list(kamerstuk.parse_many(folder, jobs=jobs, timeout=2))
    assert [(Path(r.source).name, r.ok) for r in results] == [("a.txt", True), ("b-slow.txt", False), ("c.txt", True)]
    assert results[1].error is not None
    assert (results[1].error.type, results[1].error.message) == ("TimeoutError", "timed out after 2 s")
    assert results[0].document == kamerstuk.parse_file(folder / "a.txt")
    assert time.monotonic() - start < 30


def test_a_timeout_must_be_positive(folder: Path) -> None:
    with pytest.raises(ValueError, match="timeout"):
        list(kamerstuk.parse_many(folder, timeout=0))


def test_batch_timeout_gives_an_error_row_and_goes_on(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(out), "--timeout", "2", "--quiet"]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    errors = (tmp_path / "out.errors.csv").read_text(encoding="utf-8")
    assert "b-slow.txt,TimeoutError,timed out after 2 s" in errors


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc (Linux)")
def test_workers_end_when_the_batch_parent_is_killed(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for index in range(8):
        (root / f"slow-{index}.txt").write_bytes(_slow_document())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "kamerstuk", "batch", str(root), "-o", str(tmp_path / "o.jsonl"), "--jobs", "2"]
    parent = subprocess.Popen([*command, "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) >= 2
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        parent.kill()
        for worker in _children(parent.pid):
            os.kill(worker, signal.SIGKILL)
