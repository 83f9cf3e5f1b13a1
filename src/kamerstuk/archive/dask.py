"""Parse archives on a Dask cluster (local, SSH, Kubernetes, YARN): a Bag of Documents and the record tables.

Needs the extra `kamerstuk[dask]`. The client only lists the inputs; the workers read and parse
them, so every path must be readable on every worker (a shared or network file system).
"""

from __future__ import annotations

import glob as globbing
import os
from collections.abc import Iterable, Sequence
from typing import Any

from ..api import DEFAULT_MAX_SIZE
from ..models import Document
from ..optional import require
from .batch import ParseOptions, Result, _document, _result, parse_entry, selection
from .records import ERRORS, TABLES, frame, to_dataframe
from .sources import DOCUMENT_PATTERNS, Entry, FileEntry, Selection, archive_kind, iter_entries

require("dask.bag", "dask")

import dask  # noqa: E402  # only once the hint above has had its chance
import dask.bag  # noqa: E402
import dask.dataframe  # noqa: E402

#: Files per partition; an archive is always a partition of its own.
FILES_PER_PARTITION = 64


def read_documents(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    glob: str | Sequence[str] = DOCUMENT_PATTERNS,
    files_per_partition: int = FILES_PER_PARTITION,
    keep_unrecognised: bool = False,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> dask.bag.Bag:
    """A Bag of the Documents of files, directories, archives or glob patterns; sources that fail are left out.

    Use `read_results` to keep the failures and the source of every document. `strict`, `max_size`
    and `keep_unrecognised` mean what they mean for `kamerstuk.parse_many`.
    """
    results = read_results(
        paths_or_glob,
        glob=glob,
        files_per_partition=files_per_partition,
        keep_unrecognised=keep_unrecognised,
        strict=strict,
        max_size=max_size,
    )
    return results.filter(_ok).map(_document_of)


def read_results(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    glob: str | Sequence[str] = DOCUMENT_PATTERNS,
    files_per_partition: int = FILES_PER_PARTITION,
    keep_unrecognised: bool = False,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> dask.bag.Bag:
    """A Bag of `Result`s (source plus Document or Failure), in input order, one partition per archive."""
    patterns = (glob,) if isinstance(glob, str) else tuple(glob)
    options = ParseOptions(strict=strict, max_size=max_size, keep_unrecognised=keep_unrecognised)
    partitions = _partitions(_expand(paths_or_glob), patterns, files_per_partition)
    bag: dask.bag.Bag = dask.bag.from_sequence(partitions, partition_size=1)
    return bag.map_partitions(_parse_partition, patterns, options)


def to_dataframes(bag: dask.bag.Bag) -> dict[str, dask.dataframe.DataFrame]:
    """The record tables (documents, references, notes, ...; `errors` from Results) as Dask DataFrames.

    Every partition is parsed once for all tables when they are computed together (`to_parquet`,
    `dask.compute(...)`); computing the tables one by one parses again, unless the bag is persisted.
    """
    parts = bag.map_partitions(to_dataframe).to_delayed(optimize_graph=False)
    tables = {**TABLES, ERRORS.name: ERRORS}
    return {
        name: dask.dataframe.from_delayed(
            [dask.delayed(_pick)(part, name) for part in parts], meta=frame(table, []), verify_meta=False
        )
        for name, table in tables.items()
    }


def to_parquet(bag: dask.bag.Bag, path: str) -> None:
    """Write every table to `path/<table>/`, one Parquet file per partition, parsing each partition once."""
    writes = [
        table.to_parquet(f"{path}/{name}", write_index=False, compute=False)
        for name, table in to_dataframes(bag).items()
    ]
    dask.compute(*writes)


def _expand(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Inputs with glob patterns expanded (sorted, `**` recursive); names without a pattern are kept as they are."""
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    expanded: list[str] = []
    for item in (os.fspath(i) for i in items):
        expanded.extend(sorted(globbing.glob(item, recursive=True)) if globbing.has_magic(item) else [item])
    return expanded


def _partitions(inputs: list[str], patterns: Sequence[str], size: int) -> list[list[Entry]]:
    """The entries of the inputs, listed without opening archives: runs of `size` files, each archive alone."""
    listing = iter_entries(inputs, Selection(patterns=tuple(patterns), open_archives=False))
    partitions: list[list[Entry]] = []
    run: list[Entry] = []
    for entry in listing:
        if isinstance(entry, FileEntry) and archive_kind(entry.path):
            partitions.extend([run, [entry]] if run else [[entry]])
            run = []
            continue
        run.append(entry)
        if len(run) >= size:
            partitions.append(run)
            run = []
    return [*partitions, run] if run else partitions


def _parse_partition(partition: list[list[Entry]], patterns: Sequence[str], options: ParseOptions) -> list[Result]:
    """Parse one partition (a list holding one list of entries) on a worker: files, and archives member by member."""
    results: list[Result] = []
    for entry in (entry for entries in partition for entry in entries):
        members: Iterable[Entry] = [entry]
        if isinstance(entry, FileEntry) and archive_kind(entry.path):
            members = iter_entries([entry.path], selection(patterns, None, options.max_size))
        for member in members:
            results.append(_result(*parse_entry(member, _document, options)))
    return results


def _ok(result: Result) -> bool:
    """Whether the source gave a document."""
    return result.ok


def _document_of(result: Result) -> Document | None:
    """The document of a successful Result."""
    return result.document


def _pick(frames: dict[str, Any], name: str) -> Any:
    """One table of a partition's frames."""
    return frames[name]
