"""Batch outputs (JSONL, CSV, Parquet) that only ever hold whole records, and know what they hold for `--resume`.

Each output names a `work` function that runs in the worker processes and turns a Document into
exactly what will be written, so the parent only writes. Records are written whole, gathered in
memory and written out together (see `_Batch`): children before their document row, each file flushed
before the next, so a document row present means its children are complete.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from ..models import Document
from ..optional import require
from .records import ERRORS, TABLES, Records, Table, arrow_schema, csv_value, error_row, to_records

FORMATS = ("jsonl", "csv", "parquet")
#: Every JSONL line starts with the source, so resume reads it without decoding the document.
_LINE_START = '{"source":'
#: Documents per Parquet part file; parts are written whole (temporary name, then renamed).
PARQUET_DOCUMENTS_PER_PART = 1000
#: JSONL and CSV records wait in memory until this many documents, characters or seconds have
#: gathered, whichever comes first (and until the output is closed), and are then written out together.
FLUSH_DOCUMENTS = 256
FLUSH_CHARACTERS = 64 * 1024
FLUSH_SECONDS = 1.0
#: A CSV record's first field: quoted (quotes inside doubled) or up to the first comma or newline.
_FIRST_FIELD = re.compile(r'"(?P<quoted>(?:[^"]|"")*)"|[^,\n]*')


class OutputError(Exception):
    """OUT cannot be used as asked: it exists without --resume or --overwrite, or is of the wrong kind."""


class Output(Protocol):
    """Where a batch writes its documents."""

    def work(self) -> Callable[[Document, str], tuple[int, Any]]:
        """The module-level function that turns (document, source) into (diagnostic count, payload)."""

    def done(self) -> set[str]:
        """The sources already written, after dropping whatever an interrupted run left half-written."""

    def write(self, source: str, payload: Any) -> None:
        """Take one document's payload; it is written whole, by the time the output is closed at the latest."""

    def close(self) -> None:
        """Finish writing; what has been written stays valid."""


def open_output(path: str, fmt: str, *, resume: bool, overwrite: bool) -> Output:
    """The output of format `fmt` at `path`; refuses to replace an existing output unless told."""
    kinds: dict[str, Callable[[Path], Output]] = {"jsonl": JsonlOutput, "csv": CsvOutput, "parquet": ParquetOutput}
    target = Path(path)
    if fmt == "jsonl" and target.is_dir():
        raise OutputError(f"{path} is a directory; JSONL output is a file")
    if fmt != "jsonl" and target.exists() and not target.is_dir():
        raise OutputError(f"{path} is a file; {fmt} output is a directory with one table each")
    if _exists(target) and not resume:
        if not overwrite:
            raise OutputError(f"{path} exists: pass --resume to continue it or --overwrite to replace it")
        _remove(target, fmt)
    return kinds[fmt](target)


def default_errors_path(path: str, fmt: str) -> str:
    """Where failures go unless --errors says: beside a JSONL file, or inside the tables directory."""
    if fmt == "jsonl":
        return str(Path(path).with_suffix(".errors.csv"))
    return str(Path(path) / "errors.csv")


class _Batch:
    """Counts what waits in memory to be written, and says when to write it out: after FLUSH_DOCUMENTS
    documents, FLUSH_CHARACTERS characters or FLUSH_SECONDS seconds. Writing each record on its own,
    with a flush, cost the parent more than reading it."""

    def __init__(self) -> None:
        self.documents = 0
        self.characters = 0
        self.due = time.monotonic() + FLUSH_SECONDS

    def add(self, characters: int) -> bool:
        """Count one more document; True when the batch should be written out now."""
        self.documents += 1
        self.characters += characters
        return self.documents >= FLUSH_DOCUMENTS or self.characters >= FLUSH_CHARACTERS or time.monotonic() >= self.due

    def written(self) -> None:
        """Start counting again after the batch was written out."""
        self.documents = self.characters = 0
        self.due = time.monotonic() + FLUSH_SECONDS


class ErrorLog:
    """The errors file: one CSV row (source, error_type, message) per failed source, flushed at once."""

    def __init__(self, path: str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.file = open(path, "w", encoding="utf-8", newline="")
        self.file.write(_csv_text(ERRORS, [{name: name for name in ERRORS.names}]))
        self.file.flush()

    def write(self, source: str, error_type: str, message: str) -> None:
        """Append one failure."""
        self.file.write(_csv_text(ERRORS, [error_row(source, error_type, message)]))
        self.file.flush()

    def close(self) -> None:
        """Close the file."""
        self.file.close()


class JsonlOutput:
    """One line per document: the Document's JSON with `source` first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file: IO[str] | None = None
        self.pending: list[str] = []
        self.batch = _Batch()

    def work(self) -> Callable[[Document, str], tuple[int, Any]]:
        """The function the workers run: a document's JSONL line."""
        return jsonl_line

    def done(self) -> set[str]:
        """The sources in the file, after cutting a half-written last line."""
        if not self.path.exists():
            return set()
        _truncate(self.path, _whole_lines_end(self.path))
        decoder = json.JSONDecoder()
        with self.path.open(encoding="utf-8") as file:
            return {decoder.raw_decode(line, len(_LINE_START))[0] for line in file if line.startswith(_LINE_START)}

    def write(self, source: str, payload: Any) -> None:
        """Take one document's line; the lines gathered are appended together and flushed."""
        self.pending.append(payload)
        if self.batch.add(len(payload)):
            self.flush()

    def flush(self) -> None:
        """Append the lines gathered so far and flush the file."""
        if self.pending:
            if self.file is None:
                self.file = self.path.open("a", encoding="utf-8")
            self.file.write("".join(self.pending))
            self.file.flush()
            self.pending.clear()
        self.batch.written()

    def close(self) -> None:
        """Write what is gathered and close the file, if one was opened."""
        self.flush()
        if self.file is not None:
            self.file.close()


def jsonl_line(document: Document, source: str) -> tuple[int, str]:
    """The JSONL line of a document (run in the workers)."""
    line = f"{_LINE_START}{json.dumps(source, ensure_ascii=False)},{document.model_dump_json()[1:]}\n"
    return len(document.diagnostics), line


class CsvOutput:
    """One CSV file per table in a directory, appended to whole document by whole document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {}
        self.pending: dict[str, list[str]] = {name: [] for name in TABLES}
        self.batch = _Batch()

    def work(self) -> Callable[[Document, str], tuple[int, Any]]:
        """The function the workers run: a document's CSV text per table."""
        return csv_tables

    def done(self) -> set[str]:
        """The sources in documents.csv, after dropping half-written records and rows of documents not there."""
        documents = self.path / "documents.csv"
        if not documents.exists():
            return set()
        done = _keep_records(documents, lambda source: True)
        for name in TABLES:
            if name != "documents" and (self.path / f"{name}.csv").exists():
                _keep_records(self.path / f"{name}.csv", lambda source: source in done)
        return done

    def write(self, source: str, payload: Any) -> None:
        """Take one document's rows; the rows gathered are appended together (see `flush`)."""
        characters = 0
        for name in TABLES:
            if payload[name]:
                self.pending[name].append(payload[name])
                characters += len(payload[name])
        if self.batch.add(characters):
            self.flush()

    def flush(self) -> None:
        """Append the rows gathered so far, each file flushed before the next and the children's tables
        before documents.csv, so a documents row written means its children are complete."""
        for name in reversed(TABLES):
            if self.pending[name]:
                file = self._file(name)
                file.write("".join(self.pending[name]))
                file.flush()
                self.pending[name].clear()
        self.batch.written()

    def _file(self, name: str) -> IO[str]:
        """The table's file, opened for appending, with its header when it is new."""
        if name not in self.files:
            path = self.path / f"{name}.csv"
            file = path.open("a", encoding="utf-8", newline="")
            if file.tell() == 0:
                file.write(_csv_text(TABLES[name], [{column: column for column in TABLES[name].names}]))
            self.files[name] = file
        return self.files[name]

    def close(self) -> None:
        """Write what is gathered and close every table's file, creating with its header any table no
        document had rows for."""
        self.flush()
        for name in TABLES:
            self._file(name).close()


def csv_tables(document: Document, source: str) -> tuple[int, dict[str, str]]:
    """A document's rows of every table as CSV text (run in the workers)."""
    records = to_records(document, source)
    return len(document.diagnostics), {name: _csv_text(TABLES[name], rows) for name, rows in records.items()}


class ParquetOutput:
    """A directory per table of Parquet part files, each written whole under a temporary name, then renamed."""

    def __init__(self, path: Path) -> None:
        require("pyarrow.parquet", "parquet")
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.buffer: Records = {name: [] for name in TABLES}
        self.buffered = 0
        self.part = self._next_part()

    def work(self) -> Callable[[Document, str], tuple[int, Any]]:
        """The function the workers run: a document's rows per table."""
        return parquet_records

    def done(self) -> set[str]:
        """The sources in the documents parts, after removing parts of other tables whose documents part is missing."""
        import pyarrow.parquet

        documents = {p.stem for p in self._parts("documents")}
        for name in TABLES:
            for part in self._parts(name):
                if part.stem not in documents:
                    part.unlink()
        done: set[str] = set()
        for part in self._parts("documents"):
            sources = pyarrow.parquet.read_table(part, columns=["source"]).column("source")
            done.update(str(source) for source in sources.to_pylist())
        return done

    def write(self, source: str, payload: Any) -> None:
        """Buffer one document's rows; a full buffer is written as the next part."""
        for name, rows in payload.items():
            self.buffer[name].extend(rows)
        self.buffered += 1
        if self.buffered >= PARQUET_DOCUMENTS_PER_PART:
            self._flush()

    def close(self) -> None:
        """Write what is still buffered as a last part."""
        if self.buffered:
            self._flush()

    def _flush(self) -> None:
        """Write the buffered documents as one part per table, the documents part last."""
        import pyarrow
        import pyarrow.parquet

        for name in reversed(TABLES):
            table = pyarrow.Table.from_pylist(self.buffer[name], schema=arrow_schema(TABLES[name]))
            folder = self.path / name
            folder.mkdir(exist_ok=True)
            temporary = folder / f".part-{self.part:06d}.parquet.tmp"
            pyarrow.parquet.write_table(table, temporary)
            os.replace(temporary, folder / f"part-{self.part:06d}.parquet")
        self.buffer = {name: [] for name in TABLES}
        self.buffered = 0
        self.part += 1

    def _parts(self, name: str) -> list[Path]:
        """The table's finished part files, in order."""
        return sorted((self.path / name).glob("part-*.parquet"))

    def _next_part(self) -> int:
        """The number after the highest part of any table."""
        numbers = [int(p.stem.removeprefix("part-")) for name in TABLES for p in self._parts(name)]
        return max(numbers, default=-1) + 1


def parquet_records(document: Document, source: str) -> tuple[int, Records]:
    """A document's rows of every table (run in the workers)."""
    return len(document.diagnostics), to_records(document, source)


def _csv_text(table: Table, rows: list[dict[str, Any]]) -> str:
    """Rows as CSV text in the table's column order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_value(row[name]) for name in table.names])
    return buffer.getvalue()


def _exists(path: Path) -> bool:
    """Whether `path` already holds output: a non-empty file, or a table in a directory."""
    if path.is_dir():
        return any((path / f"{name}.csv").exists() or (path / name).is_dir() for name in TABLES)
    return path.exists() and path.stat().st_size > 0


def _remove(path: Path, fmt: str) -> None:
    """Remove an earlier output of ours (only the files a batch writes)."""
    if fmt == "jsonl":
        path.unlink()
        return
    for name in TABLES:
        (path / f"{name}.csv").unlink(missing_ok=True)
        if (path / name).is_dir():
            shutil.rmtree(path / name)


def _whole_lines_end(path: Path) -> int:
    """The byte offset just after the last newline: what an interrupted writer left whole."""
    with path.open("rb") as file:
        file.seek(0, os.SEEK_END)
        end = file.tell()
        while end > 0:
            step = min(end, 64 * 1024)
            file.seek(end - step)
            block = file.read(step)
            newline = block.rfind(b"\n")
            if newline >= 0:
                return end - step + newline + 1
            end -= step
    return 0


def _truncate(path: Path, size: int) -> None:
    """Cut a file to `size` bytes when it is longer."""
    if path.stat().st_size > size:
        with path.open("r+b") as file:
            file.truncate(size)


def _csv_records(path: Path) -> Iterator[tuple[bytes, str]]:
    """Each whole CSV record of a file as its raw bytes and its source; a trailing half-written record is left out.

    A record ends at a newline outside quotes; quote parity is kept line by line, so a long record costs linear time.
    """
    pending: list[bytes] = []
    open_quote = False
    with path.open("rb") as file:
        for line in file:
            pending.append(line)
            open_quote ^= line.count(b'"') % 2 == 1
            if line.endswith(b"\n") and not open_quote:
                record = b"".join(pending)
                yield record, _first_field(record.decode("utf-8"))
                pending = []


def _first_field(record: str) -> str:
    """The first field of a CSV record as `csv.writer` writes it; the rest, however long, is not parsed
    (the csv module refuses fields over 128 KB, and a section's text can be longer)."""
    match = _FIRST_FIELD.match(record)
    assert match is not None  # the pattern also matches an empty field
    quoted = match.group("quoted")
    return match.group() if quoted is None else quoted.replace('""', '"')


def _keep_records(path: Path, keep: Callable[[str], bool]) -> set[str]:
    """Keep the header and the whole records whose source `keep` accepts, rewriting the file only when something goes.

    Returns the sources (first column) of the records kept.
    """
    kept: set[str] = set()
    changed = False
    temporary = path.with_suffix(".csv.tmp")
    with temporary.open("wb") as out:
        for index, (raw, source) in enumerate(_csv_records(path)):
            if index == 0 or keep(source):
                out.write(raw)
                if index:
                    kept.add(source)
            else:
                changed = True
        changed = changed or out.tell() != path.stat().st_size
    if changed:
        os.replace(temporary, path)
    else:
        temporary.unlink()
    return kept
