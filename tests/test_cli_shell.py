"""The command line as a shell user expects it: version, JSON Lines, stdin, directories, shared options."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import zipfile
from pathlib import Path

import pytest
from conftest import PAGES, ROOT, SEED

import kamerstuk
from kamerstuk.archive.sources import Selection
from kamerstuk.cli import main
from kamerstuk.cli.inputs import count_sources


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command line."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"kamerstuk {kamerstuk.__version__}"
    assert re.match(r"^\d+\.\d+", kamerstuk.__version__)


def test_parse_several_files_prints_json_lines_with_source(capsys: pytest.CaptureFixture[str]) -> None:
    second = PAGES / "kst-19630-1.txt"
    code, out, _ = run(capsys, "parse", str(SEED), str(second))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    objects = [json.loads(line) for line in lines]
    assert [o["source"] for o in objects] == [str(SEED), str(second)]
    assert objects[0]["identifier"] == "kst-28676-467"


def test_parse_one_file_is_one_indented_object_with_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEED))
    document = json.loads(out)
    assert code == 0 and document["source"] == str(SEED) and out.startswith("{\n")
    assert kamerstuk.Document.model_validate(document).number == "467"


def test_parse_reads_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    code, out, _ = run(capsys, "parse", "-")
    assert code == 0 and json.loads(out)["source"] == "-" and json.loads(out)["number"] == "467"


def test_parse_and_refs_read_directories_and_archives(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEED, "kst-28676-467.txt")
        zf.write(PAGES / "kst-19630-1.txt", "sub/kst-19630-1.txt")
    code, out, _ = run(capsys, "parse", "--glob", "*.txt", str(archive), str(PAGES))
    objects = [json.loads(line) for line in out.splitlines()]
    sources = [item["source"] for item in objects]
    with_errors = any(d["severity"] == "error" for item in objects for d in item["diagnostics"])
    assert code == (1 if with_errors else 0)
    assert sources[:2] == [f"{archive}!kst-28676-467.txt", f"{archive}!sub/kst-19630-1.txt"]
    assert len(sources) == 2 + len(list(PAGES.glob("*.txt")))
    code, out, _ = run(capsys, "refs", str(archive))
    assert code == 0 and f"{archive}!kst-28676-467.txt\t" in out and "kst-36471-96" in out


def test_exclude_none_and_no_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "--jsonl", "--exclude-none", "--no-text", str(SEED))
    document = json.loads(out)
    assert code == 0 and "text" not in document
    assert all("text" not in p for s in document["sections"] for p in s["paragraphs"])
    assert all(p["span"] for s in document["sections"] for p in s["paragraphs"])
    assert None not in document.values() and "place" in document
    assert "text" in document["notes"][0]  # notes keep their text: only the copies of Document.text go


def test_batch_exclude_none_and_no_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "out.jsonl"
    assert main(["batch", "--quiet", "--no-text", "--exclude-none", "-o", str(out_file), str(SEED)]) == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert document["source"] == str(SEED) and "text" not in document and None not in document.values()
    assert main(["batch", "--no-text", "--format", "csv", "-o", str(tmp_path / "t"), str(SEED)]) == 2


@pytest.mark.parametrize("command", ["parse", "refs", "tokens", "validate", "batch"])
def test_missing_path_exits_2_in_every_command(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.txt")
    argv = [command, missing] if command != "batch" else [command, "-o", str(tmp_path / "o.jsonl"), missing]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "missing.txt" in err


@pytest.mark.parametrize("command", ["parse", "refs", "tokens", "validate", "batch"])
def test_max_size_on_every_reading_command(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [command, "--max-size", "100", str(SEED)]
    if command == "batch":
        argv += ["-o", str(tmp_path / "o.jsonl"), "--quiet"]
    code, out, err = run(capsys, *argv)
    assert code == 1 and "maximum of 100" in out + err + _errors_csv(tmp_path)


def _errors_csv(tmp_path: Path) -> str:
    errors = tmp_path / "o.errors.csv"
    return errors.read_text(encoding="utf-8") if errors.exists() else ""


def test_validate_text_shows_severity_source_line_and_caret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(PAGES / "kst-21501-07-1656.txt"))
    lines = out.splitlines()
    assert code == 1 and lines[0].endswith("KS301 [error] note marker 1 has no note")
    source, caret = lines[1], lines[2]
    assert source.startswith("    9 | Op 28 februari") and source.endswith("COVID-19 virus.1")
    assert caret.index("^") == len(source) - 1 and caret.replace(" ", "") == "|^"


def test_validate_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--statistics", "--select", "KS3", str(PAGES))
    lines = out.splitlines()
    assert lines[0].split() == ["1", "KS301", "error", "marker-without-note"]
    assert lines[-1].startswith("Found 1 problem(s)") and code == 1


def test_ignore_never_passes_a_file_that_cannot_be_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--ignore", "KS900", str(empty))
    assert code == 1 and "KS900 [error] cannot parse: input is empty" in out
    code, _, _ = run(capsys, "validate", "--select", "KS3", str(empty))
    assert code == 1


def test_rule_explains_a_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "KS301")
    assert code == 0 and out.startswith("KS301 marker-without-note") and "Default severity: error" in out
    assert run(capsys, "rule", "KS999")[0] == 2


def test_schema_has_dialect_title_and_a_description_for_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    for mode in ("serialization", "validation"):
        code, out, _ = run(capsys, "schema", "--mode", mode)
        schema = json.loads(out)
        assert code == 0 and schema["$schema"].startswith("https://json-schema.org/") and schema["title"]
        models = {"Document": schema, **schema["$defs"]}
        undescribed = [
            f"{name}.{field}"
            for name, model in models.items()
            for field, prop in model.get("properties", {}).items()
            if not prop.get("description")
        ]
        assert undescribed == []


def test_batch_progress_total_is_counted(tmp_path: Path) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEED, "a.txt")
        zf.write(SEED, "b/c.txt")
        zf.writestr("d/", "")
    assert count_sources([str(archive), str(PAGES)], Selection(patterns=("*.txt",))) == 2 + len(
        list(PAGES.glob("*.txt"))
    )
    assert count_sources([str(SEED), "-"], Selection()) is None
    assert count_sources([str(archive)], Selection(skip=lambda source: source.endswith("!a.txt"))) == 1
    tar = tmp_path / "x.tar"
    tar.write_bytes(b"")
    assert count_sources([str(tar)], Selection()) is None


def test_batch_progress_bar_shows_total_and_eta(tmp_path: Path) -> None:
    # the bar only shows on a terminal: give the command a pseudo-terminal as stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "kamerstuk", "batch", "-o", str(tmp_path / "o.jsonl"), str(SEED), str(SEED)]
    result = subprocess.run(command, stderr=follower, env=env, check=False, timeout=120)
    os.close(follower)
    shown = b""
    while select.select([leader], [], [], 0.5)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert result.returncode == 0
    assert re.search(r"2/2 \[\d+:\d+<\d+:\d+", shown.decode("utf-8", "replace")), shown
