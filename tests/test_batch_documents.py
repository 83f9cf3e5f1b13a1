"""`kamerstuk batch` on a directory reads document files, not everything, and never its own output."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED

import kamerstuk
from kamerstuk.cli import main


def _folder(tmp_path: Path) -> Path:
    """The seed letter as .txt beside the files a corpus folder also holds (hand-made extras)."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "kst-28676-467.txt").write_bytes(SEED.read_bytes())
    (root / "sub" / "kst-28676-467.htm").write_bytes(
        b"<html><body><p>28 676 NAVO</p><p>Nr. 467 BRIEF</p></body></html>"
    )
    (root / "expected.json").write_text("{}", encoding="utf-8")
    (root / "SOURCES.tsv").write_text("path\trepo\n", encoding="utf-8")
    (root / "README.md").write_text("# corpus\n", encoding="utf-8")
    return root


def _sources(out: Path) -> list[str]:
    return [Path(json.loads(line)["source"]).name for line in out.read_text(encoding="utf-8").splitlines()]


def test_batch_reads_only_document_files_by_default(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(root), "-o", str(out), "--quiet"]) == 0
    assert _sources(out) == ["kst-28676-467.txt", "kst-28676-467.htm"]
    assert (tmp_path / "out.errors.csv").read_text(encoding="utf-8").count("\n") == 1


def test_glob_overrides_the_default(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(root), "-o", str(out), "--glob", "*.md", "--glob", "*.txt", "--quiet"]) == 1
    errors = (tmp_path / "out.errors.csv").read_text(encoding="utf-8")
    assert "README.md" in errors and "expected.json" not in errors


def test_batch_never_reads_its_own_output_or_errors_file(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = root / "out.jsonl"
    for _ in range(2):
        assert main(["batch", str(root), "-o", str(out), "--glob", "*", "--overwrite", "--quiet"]) == 1
        errors = (root / "out.errors.csv").read_text(encoding="utf-8")
        assert "out.jsonl" not in errors and "out.errors.csv" not in errors
        assert "out.jsonl" not in _sources(out)


def test_parse_many_on_a_folder_skips_non_documents(tmp_path: Path) -> None:
    names = [Path(r.source).name for r in kamerstuk.parse_many(_folder(tmp_path))]
    assert names == ["kst-28676-467.txt", "kst-28676-467.htm"]
