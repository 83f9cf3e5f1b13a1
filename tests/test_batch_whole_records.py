"""`kamerstuk batch` writes whole records only, though it writes them in batches: a Ctrl-C in the
middle of writing a record, or a hard kill, never leaves a cut record, and `--resume` completes."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import real_texts, write_tar

from kamerstuk.archive import writers
from kamerstuk.archive.records import TABLES
from kamerstuk.cli import batch_cmd, main


class _SlowJsonl(writers.JsonlOutput):
    """A JSONL output that writes each line in two halves with a Ctrl-C between them (hand-made:
    the signal always lands inside a record, where a real one lands by chance)."""

    interrupt_at = 3
    count = 0

    def write(self, source: str, payload: Any) -> None:
        if self.file is None:
            self.file = self.path.open("a", encoding="utf-8")
        half = len(payload) // 2
        self.file.write(payload[:half])
        self.file.flush()
        self.count += 1
        if self.count == self.interrupt_at:
            os.kill(os.getpid(), signal.SIGINT)
        self.file.write(payload[half:])
        self.file.flush()


def test_ctrl_c_while_a_record_is_written_waits_for_the_record_to_be_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_tar(tmp_path / "a.tar.gz", real_texts()[:10])
    out = tmp_path / "o.jsonl"
    monkeypatch.setattr(batch_cmd, "open_output", lambda path, fmt, resume, overwrite: _SlowJsonl(Path(path)))
    assert main(["batch", str(archive), "-o", str(out), "--timeout", "0", "--quiet"]) == 130
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == _SlowJsonl.interrupt_at
    assert all(line.endswith("\n") and json.loads(line)["source"] for line in lines)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_csv_rows_are_written_in_batches_children_before_their_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is on disk between two batches: whole documents only, each with all its child rows."""
    monkeypatch.setattr(writers, "FLUSH_DOCUMENTS", 3)
    texts = real_texts()[:7]
    out = writers.CsvOutput(tmp_path / "t")
    for name, data in texts:
        out.write(name, writers.csv_tables(_parse(data), name)[1])
    on_disk = {name: _rows(tmp_path / "t" / f"{name}.csv") for name in TABLES}
    out.close()
    closed = {name: _rows(tmp_path / "t" / f"{name}.csv") for name in TABLES}
    assert [row["source"] for row in on_disk["documents"]] == [name for name, _ in texts[:6]]
    assert [row["source"] for row in closed["documents"]] == [name for name, _ in texts]
    for name in TABLES:
        assert on_disk[name] == [row for row in closed[name] if row["source"] in {n for n, _ in texts[:6]}]


def test_a_batch_cut_short_while_written_leaves_no_documents_row_without_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails in the middle of a batch (hand-made: the notes file refuses it) stands for a
    crash there: the documents rows of that batch must not be on disk yet."""
    monkeypatch.setattr(writers, "FLUSH_DOCUMENTS", 3)
    texts = [(name, data) for name, data in real_texts() if _parse(data).notes][:6]
    out = writers.CsvOutput(tmp_path / "t")
    for name, data in texts[:3]:
        out.write(name, writers.csv_tables(_parse(data), name)[1])
    notes = out._file("notes")

    def refuse(text: str) -> int:
        raise OSError("no space left on device")

    monkeypatch.setattr(notes, "write", refuse)
    with pytest.raises(OSError):
        for name, data in texts[3:]:
            out.write(name, writers.csv_tables(_parse(data), name)[1])
    assert [row["source"] for row in _rows(tmp_path / "t" / "documents.csv")] == [name for name, _ in texts[:3]]


def test_resume_after_a_hard_kill_completes_with_every_child_row(tmp_path: Path) -> None:
    members = [(f"{i:04d}/{name}", data) for i in range(40) for name, data in real_texts()]
    archive = write_tar(tmp_path / "big.tar.gz", members)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    command = [sys.executable, "-m", "kamerstuk", "batch", str(archive), "--format", "csv", "--jobs", "2", "--quiet"]
    subprocess.run([*command, "-o", str(clean)], capture_output=True, check=False, timeout=300)
    process = subprocess.Popen([*command, "-o", str(killed)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    documents = killed / "documents.csv"
    while (not documents.exists() or documents.stat().st_size < 20_000) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    written = {row["source"] for row in _rows(documents)}
    assert 0 < len(written) < len(members)
    for name in TABLES:  # what the kill left: every documents row has all its children
        expected = [row for row in _rows(clean / f"{name}.csv") if row["source"] in written]
        assert [row for row in _rows(killed / f"{name}.csv") if row["source"] in written] == expected
    resumed = subprocess.run([*command, "-o", str(killed), "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    for name in TABLES:
        assert _rows(killed / f"{name}.csv") == _rows(clean / f"{name}.csv")


def test_own_output_check_agrees_with_the_real_path_of_every_source(tmp_path: Path) -> None:
    """The cached check against `os.path.realpath` on hand-made sources: links to the output, to
    its folder and to elsewhere, `..`, archive members, relative names."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    out = root / "sub" / "out.jsonl"
    errors = root / "errors.csv"
    out.write_text("", encoding="utf-8")
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "link-to-out").symlink_to(out)
    (root / "link-to-sub").symlink_to(root / "sub")
    (root / "link-to-a").symlink_to(root / "a.txt")
    sources = [
        str(out),
        str(errors),
        str(root / "a.txt"),
        str(root / "link-to-out"),
        str(root / "link-to-sub" / "out.jsonl"),
        str(root / "link-to-a"),
        str(root / "sub" / ".." / "sub" / "out.jsonl"),
        str(root / "sub" / ".."),
        str(root / "link-to-sub" / ".."),
        f"{root / 'x.zip'}!out.jsonl",
        f"{root / 'x.zip'}!docs/a.txt",
        f"{root / 'link-to-sub'}/x.zip!docs/../a.txt",
        "relative.txt",
    ]
    own = batch_cmd._own_files(str(out), str(errors))
    files = {os.path.realpath(out), os.path.realpath(errors)}
    expected = {
        s: os.path.realpath(s) in files or os.path.realpath(s).startswith(os.path.realpath(out) + os.sep)
        for s in sources
    }
    assert {s: own(s) for s in sources} == expected
    assert expected[str(root / "link-to-out")] and not expected[str(root / "link-to-a")]
    table_own = batch_cmd._own_files(str(root / "sub"), str(errors))
    assert table_own(str(root / "link-to-sub" / "part.csv")) and table_own(f"{root / 'sub'}/x.zip!a.txt")
    assert not table_own(str(root / "a.txt"))


def test_a_link_to_the_output_in_the_input_folder_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    name, data = real_texts()[0]
    (root / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")  # an empty OUT is taken as new
    (root / "zz.txt").symlink_to(out)
    assert main(["batch", str(root), "-o", str(out), "--quiet"]) == 0
    assert [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()] == [str(root / name)]


def _parse(data: bytes) -> Any:
    import kamerstuk

    return kamerstuk.parse(data)


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV table; none when the table has no file yet."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))
