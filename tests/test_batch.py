"""parse_many: files, directory trees and archives in input order, in one or more processes, bad input as errors."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import real_texts, write_tar, write_zip
from conftest import FIXTURES, PAGES, SEED

import kamerstuk
from kamerstuk.archive.batch import CHUNK_DOCUMENTS, CHUNKS_PER_JOB, Failure, ParseOptions, outcomes
from kamerstuk.archive.sources import FileEntry, Selection
from kamerstuk.models import Document


def test_directory_is_walked_recursively_in_sorted_order_with_a_glob() -> None:
    results = list(kamerstuk.parse_many(FIXTURES, glob="*.txt", keep_unrecognised=True))
    expected = sorted(FIXTURES.rglob("*.txt"), key=lambda p: p.relative_to(FIXTURES).parts)
    assert [r.source for r in results] == [str(p) for p in expected]
    assert all(r.ok for r in results)
    assert results[0].document == kamerstuk.parse_file(SEED)


def test_archive_members_come_back_in_archive_order(tmp_path: Path) -> None:
    texts = real_texts()[:12]
    members = [(f"vj-2024/{i:02d}-{name}", data) for i, (name, data) in reversed(list(enumerate(texts)))]
    for archive in (write_zip(tmp_path / "a.zip", members), write_tar(tmp_path / "a.tar.gz", members)):
        results = list(kamerstuk.parse_many([archive]))
        assert [r.source for r in results] == [f"{archive}!{name}" for name, _ in members]
        assert [r.document for r in results] == [kamerstuk.parse(data) for _, data in members]


def test_glob_selects_members_and_hidden_files_are_left_out(tmp_path: Path) -> None:
    name, data = real_texts()[0]
    archive = write_zip(tmp_path / "a.zip", [(name, data), ("notes.md", b"# notes"), ("__MACOSX/._" + name, b"\0\1")])
    assert [r.source for r in kamerstuk.parse_many(archive, glob="*.txt")] == [f"{archive}!{name}"]


def test_two_jobs_give_the_same_results_as_one(tmp_path: Path) -> None:
    members = [(f"{i}-{name}", data) for i in range(3) for name, data in real_texts()]
    archive = write_zip(tmp_path / "many.zip", members)
    inputs = [archive, FIXTURES, tmp_path / "missing.txt"]
    one = list(kamerstuk.parse_many(inputs, glob="*.txt", jobs=1))
    two = list(kamerstuk.parse_many(inputs, glob="*.txt", jobs=2))
    assert len(one) == len(members) + len(list(FIXTURES.rglob("*.txt"))) + 1
    assert one == two


def test_inputs_are_consumed_lazily_with_bounded_work_in_flight() -> None:
    consumed = 0

    def paths() -> Iterator[Path]:
        nonlocal consumed
        for _ in range(2000):
            consumed += 1
            yield SEED

    results = kamerstuk.parse_many(paths(), jobs=2)
    assert consumed == 0
    first = next(results)
    assert first.ok
    assert consumed <= (2 * CHUNKS_PER_JOB + 1) * CHUNK_DOCUMENTS
    results.close()


def test_bad_inputs_become_error_rows_and_the_run_goes_on(tmp_path: Path) -> None:
    # All of these are hand-made bad inputs, between two real documents.
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a-good.txt").write_bytes(SEED.read_bytes())
    (tree / "b-empty.txt").write_bytes(b"")
    (tree / "c-binary.txt").write_bytes(bytes(range(256)) * 8)
    (tree / "d-not-a-kamerstuk.txt").write_text('{"name": "a JSON file", "values": [1, 2, 3]}\n', encoding="utf-8")
    (tree / "e-dangling.txt").symlink_to(tree / "nowhere.txt")
    (tree / "f-self.txt").symlink_to(tree / "f-self.txt")
    (tree / "g-loop").mkdir()
    (tree / "g-loop" / "up").symlink_to(tree)
    (tree / "h-broken.zip").write_bytes(b"PK\3\4 this is no zip archive")
    (tree / "i-truncated.tar.gz").write_bytes(write_tar(tmp_path / "t.tar.gz", real_texts()[:3]).read_bytes()[:300])
    os.mkfifo(tree / "j-fifo.txt")
    (tree / "z-good.txt").write_bytes(SEED.read_bytes())
    results = list(kamerstuk.parse_many([tree, tmp_path / "absent.txt"], glob="*.txt"))
    errors = {Path(r.source).name: r.error for r in results if r.error is not None}
    assert [Path(r.source).name for r in results if r.ok] == ["a-good.txt", "z-good.txt"]
    expected = {
        "b-empty.txt": ("ParseError", "input is empty"),
        "c-binary.txt": ("ParseError", "binary data"),
        "d-not-a-kamerstuk.txt": ("NotAKamerstukError", "not a Kamerstuk"),
        "e-dangling.txt": ("FileNotFoundError", "No such file"),
        "f-self.txt": ("OSError", "symbolic links"),
        "up": ("SymlinkLoopError", f"leads back to {tree}"),
        "h-broken.zip": ("ArchiveError", "cannot open zip archive"),
        "i-truncated.tar.gz": ("ArchiveError", "cannot read tar archive"),
        "j-fifo.txt": ("NotAFileError", "not a regular file"),
        "absent.txt": ("FileNotFoundError", "No such file"),
    }
    assert set(errors) == set(expected)
    for name, (error_type, words) in expected.items():
        assert errors[name].type == error_type and words in errors[name].message, (name, errors[name])


def test_a_damaged_zip_member_fails_alone(tmp_path: Path) -> None:
    # Hand-made: the second member's stored bytes are overwritten, so its CRC check fails.
    texts = real_texts()[:3]
    archive = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as out:
        for name, data in texts:
            out.writestr(name, data)
    raw = bytearray(archive.read_bytes())
    start = raw.index(texts[1][1][:200])
    raw[start + 100 : start + 110] = b"XXXXXXXXXX"
    archive.write_bytes(bytes(raw))
    results = list(kamerstuk.parse_many(archive))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == Failure(
        "ArchiveError", f"cannot read archive member: Bad CRC-32 for file {texts[1][0]!r}"
    )


def test_too_large_inputs_are_refused_before_parsing(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", real_texts()[:1])
    results = list(kamerstuk.parse_many([SEED, archive], max_size=100))
    assert [r.error.type if r.error else None for r in results] == ["InputTooLargeError", "InputTooLargeError"]


def test_skip_leaves_sources_out(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", real_texts()[:3])
    everything = [r.source for r in kamerstuk.parse_many(archive)]
    rest = [r.source for r in kamerstuk.parse_many(archive, skip=lambda source: source == everything[1])]
    assert rest == [everything[0], everything[2]]


def test_negative_jobs_are_refused() -> None:
    with pytest.raises(ValueError, match="jobs"):
        next(kamerstuk.parse_many(SEED, jobs=-1))


def die_on_crash_source(document: Document, source: str) -> str | None:
    """Work for the crash test: kills its worker process for sources named `crash`."""
    if "crash" in source:
        os._exit(3)
    return document.identifier


def test_a_worker_that_dies_fails_only_its_own_document() -> None:
    entries = [FileEntry(f"doc-{i}", str(SEED)) for i in range(40)]
    entries[33] = FileEntry("crash-33", str(SEED))
    results = list(outcomes(entries, die_on_crash_source, ParseOptions(), jobs=2))
    assert [source for source, _ in results] == [e.source for e in entries]
    failures = [(source, value.type) for source, value in results if isinstance(value, Failure)]
    assert failures == [("crash-33", "WorkerCrashError")]
    assert {value for _, value in results if not isinstance(value, Failure)} == {"kst-28676-467"}


def test_files_and_members_get_the_identifier_parse_file_takes_from_their_name(tmp_path: Path) -> None:
    # A real amendement page without a dossier line: only its file name says which document it is.
    page = PAGES / "kst-25051-8.txt"
    expected = kamerstuk.parse_file(page)
    assert expected.identifier == "kst-25051-8" and expected.diagnostics[-1].code == "KS106"
    members = [("kst-25051-8.txt", page.read_bytes()), ("vj-2004/kst-25051-8.txt", page.read_bytes())]
    archives = [write_zip(tmp_path / "a!b.zip", members), write_tar(tmp_path / "a.tar.gz", members)]
    results = list(kamerstuk.parse_many([page, *archives], keep_unrecognised=True))
    assert len(results) == 5
    assert all(result.document == expected for result in results)


def test_a_file_that_cannot_be_read_keeps_the_file_systems_error(tmp_path: Path) -> None:
    entries = [FileEntry("gone", str(tmp_path / "gone.txt")), FileEntry("folder", str(tmp_path))]
    results = list(outcomes(entries, die_on_crash_source, ParseOptions(), jobs=1))
    assert results == [
        ("gone", Failure("FileNotFoundError", "cannot read: No such file or directory")),
        ("folder", Failure("IsADirectoryError", "cannot read: Is a directory")),
    ]


def test_a_file_too_large_is_refused_with_its_size_and_no_source_in_the_message() -> None:
    results = list(outcomes([FileEntry("seed", str(SEED))], die_on_crash_source, ParseOptions(max_size=100), jobs=1))
    size = SEED.stat().st_size
    assert results == [("seed", Failure("InputTooLargeError", f"file is {size:,} bytes, more than the maximum of 100"))]


def test_sources_refuse_members_above_the_parsers_default_maximum() -> None:
    assert Selection().max_size == kamerstuk.api.DEFAULT_MAX_SIZE


def test_a_zip_member_in_an_unsupported_compression_method_is_an_error_row(tmp_path: Path) -> None:
    """Hand-made: a real letter zipped, its method patched to 98 (PPMd, which Python cannot read)."""
    archive = tmp_path / "ppmd.zip"
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr("kst-28676-467.txt", SEED.read_bytes())
    data = bytearray(archive.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[8:10] = data[central + 10 : central + 12] = (98).to_bytes(2, "little")
    archive.write_bytes(bytes(data))
    (result,) = kamerstuk.parse_many([archive])
    assert result.error is not None and result.error.type == "ArchiveError"
    assert "compression method 98" in result.error.message
