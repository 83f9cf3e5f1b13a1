"""`kamerstuk batch` end to end: JSONL, CSV and Parquet outputs, errors file, exit codes, --resume and Ctrl-C."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet
import pytest
from batch_helpers import real_texts, write_tar, write_zip
from conftest import SEED

from kamerstuk import Document
from kamerstuk.archive.records import TABLES
from kamerstuk.cli import main


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A zip of the real recognised texts with one hand-made empty member among them."""
    members = [(f"docs/{name}", data) for name, data in real_texts()]
    members.insert(5, ("docs/empty.txt", b""))
    return write_zip(tmp_path / "archive.zip", members)


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_jsonl_one_document_per_line_and_failures_in_the_errors_file(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(archive), "-o", str(out), "--jobs", "2"]) == 1
    lines = _lines(out)
    assert len(lines) == len(real_texts())
    assert lines[0]["source"] == f"{archive}!docs/{real_texts()[0][0]}"
    assert Document.model_validate(lines[0]).identifier == "kst-28676-467"
    errors = _csv(tmp_path / "out.errors.csv")
    assert errors == [{"source": f"{archive}!docs/empty.txt", "error_type": "ParseError", "message": "input is empty"}]


def test_exit_code_zero_when_nothing_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--errors", str(tmp_path / "e.csv")]) == 0
    assert "1 parsed, 0 failed, 0 with diagnostics" in capsys.readouterr().err
    assert _csv(tmp_path / "e.csv") == []


def test_csv_tables_join_on_source(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "tables"
    assert main(["batch", str(archive), "-o", str(out), "--format", "csv"]) == 1
    documents = _csv(out / "documents.csv")
    assert list(documents[0]) == TABLES["documents"].names
    assert len(documents) == len(real_texts())
    sources = {d["source"] for d in documents}
    for name in TABLES:
        rows = _csv(out / f"{name}.csv")
        assert {r["source"] for r in rows} <= sources
    seed = next(d for d in documents if d["identifier"] == "kst-28676-467")
    refs = [r for r in _csv(out / "references.csv") if r["source"] == seed["source"]]
    assert [r["target_identifier"] for r in refs] == ["kst-36471-96", "kst-28676-464", "kst-31125-130"]
    assert _csv(out / "errors.csv")[0]["error_type"] == "ParseError"


def test_parquet_tables(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "tables"
    assert main(["batch", str(archive), "-o", str(out), "--format", "parquet", "--jobs", "2"]) == 1
    documents = pyarrow.parquet.read_table(out / "documents")
    assert documents.num_rows == len(real_texts())
    assert documents.schema.names == TABLES["documents"].names
    notes = pyarrow.parquet.read_table(out / "notes").to_pylist()
    assert {n["source"] for n in notes} <= set(documents.column("source").to_pylist())


def test_an_existing_output_is_kept_unless_resumed_or_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(SEED), "-o", str(out)]) == 0
    assert main(["batch", str(SEED), "-o", str(out)]) == 2
    assert main(["batch", str(SEED), "-o", str(out), "--overwrite"]) == 0
    assert len(_lines(out)) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_resume_skips_what_is_there_and_completes_the_rest(tmp_path: Path, fmt: str) -> None:
    texts = real_texts()
    first = write_tar(tmp_path / "a.tar.gz", texts[:20])
    second = write_zip(tmp_path / "b.zip", texts[20:])
    out = tmp_path / ("o.jsonl" if fmt == "jsonl" else "o")
    assert main(["batch", str(first), "-o", str(out), "--format", fmt]) == 0
    assert main(["batch", str(first), str(second), "-o", str(out), "--format", fmt, "--resume"]) == 0
    sources = _document_sources(out, fmt)
    assert len(sources) == len(set(sources)) == len(texts)


def test_resume_drops_what_an_interrupted_run_left_half_written(tmp_path: Path) -> None:
    # Hand-made damage: a half JSONL line; a half CSV record and a child row without its document row.
    jsonl = tmp_path / "o.jsonl"
    tables = tmp_path / "t"
    assert main(["batch", str(SEED), "-o", str(jsonl)]) == 0
    assert main(["batch", str(SEED), "-o", str(tables), "--format", "csv"]) == 0
    with jsonl.open("a", encoding="utf-8") as file:
        file.write('{"source":"half-written","identifier":"kst-')
    with (tables / "notes.csv").open("a", encoding="utf-8") as file:
        file.write('orphan,0,kst-1-1,1,"a note,\n')
    with (tables / "documents.csv").open("a", encoding="utf-8") as file:
        file.write("half,kst-")
    assert main(["batch", str(SEED), "-o", str(jsonl), "--resume"]) == 0
    assert main(["batch", str(SEED), "-o", str(tables), "--format", "csv", "--resume"]) == 0
    assert [line["source"] for line in _lines(jsonl)] == [str(SEED)]
    assert [row["source"] for row in _csv(tables / "documents.csv")] == [str(SEED)]
    assert {row["source"] for row in _csv(tables / "notes.csv")} == {str(SEED)}


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    members = [(f"{i:04d}/{name}", data) for i in range(60) for name, data in real_texts()]
    archive = write_tar(tmp_path / "big.tar.gz", members)
    out = tmp_path / "o.jsonl"
    command = [sys.executable, "-m", "kamerstuk", "batch", str(archive), "-o", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 100_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    written = _lines(out)
    assert 0 < len(written) < len(members)
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(written):,} skipped" in resumed.stderr
    sources = [line["source"] for line in _lines(out)]
    assert sources == [f"{archive}!{name}" for name, _ in members]


def _document_sources(out: Path, fmt: str) -> list[object]:
    if fmt == "jsonl":
        return [line["source"] for line in _lines(out)]
    if fmt == "csv":
        return [row["source"] for row in _csv(out / "documents.csv")]
    return list(pyarrow.parquet.read_table(out / "documents").column("source").to_pylist())


def test_resume_reads_a_record_of_many_lines_and_megabytes_in_linear_time(tmp_path: Path) -> None:
    """A 2 MB section of 40,000 lines is one CSV record: finding its end counted quotes over the record per line,
    and the csv module refused its text as a field over 128 KB."""
    tables = tmp_path / "t"
    assert main(["batch", str(SEED), "-o", str(tables), "--format", "csv"]) == 0
    long_text = "".join(f'regel {i} van een lange sectie met een "citaat" erin\n' for i in range(40_000))
    record = io.StringIO()
    csv.writer(record, lineterminator="\n").writerow([str(SEED), 999, "kst-1-1", "", 1, long_text, 0, 1])
    sections = tables / "sections.csv"
    with sections.open("a", encoding="utf-8", newline="") as file:
        file.write(record.getvalue() + f'{SEED},1000,kst-1-1,,1,"half a section\n')
    assert main(["batch", str(SEED), "-o", str(tables), "--format", "csv", "--resume"]) == 0
    assert sections.read_text(encoding="utf-8").endswith(record.getvalue())
