"""kamerstuk.dask on a real distributed LocalCluster: a Bag of Documents, the tables, Parquet per partition."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pyarrow.parquet
import pytest
from batch_helpers import real_texts, unrecognised_pages, write_tar
from conftest import FIXTURES, PAGES, SEED
from distributed import Client, LocalCluster

import kamerstuk
import kamerstuk.archive.dask as bridge
import kamerstuk.dask as kd
from kamerstuk.archive.batch import ParseOptions, parse_entry
from kamerstuk.archive.dask import _parse_partition
from kamerstuk.archive.sources import Entry, FileEntry, Selection, iter_entries


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as connected:
            yield connected


def test_read_documents_is_a_bag_of_documents(client: Client) -> None:
    documents = kd.read_documents(str(SEED.parent / "*.txt")).compute()
    assert documents == [kamerstuk.parse_file(SEED)]


def test_tables_of_a_directory_and_an_archive(client: Client, tmp_path: Path) -> None:
    archive = write_tar(tmp_path / "a.tar.gz", [(f"x/{name}", data) for name, data in real_texts()[:10]])
    (tmp_path / "empty.txt").write_bytes(b"")  # hand-made bad input
    bag = kd.read_results([PAGES, archive, tmp_path / "empty.txt"], glob="*.txt", files_per_partition=30)
    assert bag.npartitions == 5  # 90 page texts in runs of 30, the archive alone, then the empty file
    tables = kd.to_dataframes(bag)
    documents, references, errors = dask.compute(tables["documents"], tables["references"], tables["errors"])
    expected = kamerstuk.to_dataframe(kamerstuk.parse_many([PAGES, archive, tmp_path / "empty.txt"], glob="*.txt"))
    assert documents["source"].tolist() == expected["documents"]["source"].tolist()
    assert documents["identifier"].tolist() == expected["documents"]["identifier"].tolist()
    assert references["target_identifier"].tolist() == expected["references"]["target_identifier"].tolist()
    assert f"{archive}!x/{real_texts()[0][0]}" in set(documents["source"])
    unrecognised = unrecognised_pages()
    want = {"NotAKamerstukError": unrecognised, "ParseError": 1}
    assert errors["error_type"].value_counts().to_dict() == {kind: count for kind, count in want.items() if count}


def test_to_parquet_writes_every_table_per_partition(client: Client, tmp_path: Path) -> None:
    kd.to_parquet(kd.read_results([SEED, PAGES], glob="*.txt", files_per_partition=50), str(tmp_path / "out"))
    documents = pyarrow.parquet.read_table(tmp_path / "out" / "documents")
    assert len(list((tmp_path / "out" / "documents").glob("*.parquet"))) == 2
    assert documents.num_rows == 1 + 90 - unrecognised_pages()
    assert "kst-28676-467" in documents.column("identifier").to_pylist()
    assert pyarrow.parquet.read_table(tmp_path / "out" / "notes").num_rows > 0


def test_an_archive_is_parsed_member_by_member(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each member is parsed before the next is read, so a worker never holds every member's bytes at once."""
    archive = write_tar(tmp_path / "a.tar.gz", real_texts()[:5])
    read_ahead: list[int] = []
    read = 0

    def counted(inputs: list[str], selection: Selection) -> Iterator[Entry]:
        nonlocal read
        for entry in iter_entries(inputs, selection):
            read += 1
            yield entry

    def parse(entry: Entry, work: Any, options: ParseOptions) -> Any:
        read_ahead.append(read - len(read_ahead) - 1)
        return parse_entry(entry, work, options)

    monkeypatch.setattr(bridge, "iter_entries", counted)
    monkeypatch.setattr(bridge, "parse_entry", parse)
    results = _parse_partition([[FileEntry(str(archive), str(archive))]], ["*"], ParseOptions())
    assert [result.ok for result in results] == [True] * 5
    assert read_ahead == [0] * 5


def test_size_limit_and_strict_reach_the_workers(client: Client, tmp_path: Path) -> None:
    archive = write_tar(tmp_path / "a.tar.gz", real_texts()[:3])
    too_small = kd.read_results([SEED, archive], max_size=1_000).compute()
    assert [r.error.type for r in too_small if r.error] == ["InputTooLargeError"] * 4
    broken = tmp_path / "kst-28676-467.txt"
    seed = SEED.read_text(encoding="utf-8").replace("\u00a0", " ")
    broken.write_text(seed.replace("3 oktober 2024", "31 februari 2024"), encoding="utf-8")  # one named change
    (strict,) = kd.read_results([broken], strict=True).compute()
    (lenient,) = kd.read_results([broken]).compute()
    assert strict.error is not None and "KS202" in strict.error.message and lenient.ok


def test_question_and_motion_tables_in_dask(client: Client, tmp_path: Path) -> None:
    inputs = [FIXTURES / "multi-format" / "ah-tk-20202021-3235.xml", FIXTURES / "xml-kst" / "kst-31839-999.xml"]
    tables = kd.to_dataframes(kd.read_results(inputs))
    questions, questioners, clauses = dask.compute(tables["questions"], tables["questioners"], tables["motion_clauses"])
    assert questions["number"].tolist() == [str(n) for n in range(1, 10)]
    assert questioners["party"].tolist() == ["D66", "D66", "D66"]
    assert clauses["kind"].tolist() == ["constaterende", "van mening", "besluit"]
    kd.to_parquet(kd.read_results(inputs), str(tmp_path / "out"))
    assert pyarrow.parquet.read_table(tmp_path / "out" / "questions").num_rows == 9
    assert pyarrow.parquet.read_table(tmp_path / "out" / "motion_clauses").num_rows == 3
