"""The command line: output, and exit codes 0 ok, 1 failed file, 2 usage."""

from __future__ import annotations

import json

import pytest
from conftest import SEED

from kamerstuk.cli import main


def test_parse_example_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--example"]) == 0
    assert json.loads(capsys.readouterr().out)["identifier"] == "kst-28676-467"


def test_parse_jsonl_one_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--jsonl", str(SEED), str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["number"] == "467" for line in lines)


def test_parse_missing_file_names_it_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "does-not-exist.txt"]) == 2
    assert "does-not-exist.txt" in capsys.readouterr().err


def test_usage_errors_exit_2() -> None:
    assert main([]) == 2
    assert main(["parse"]) == 2
    assert main(["no-such-command"]) == 2


def test_tokens_prints_kinds_and_spans(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tokens", str(SEED)]) == 0
    first = capsys.readouterr().out.splitlines()[0].split()
    assert first[:2] == ["dossier", "0-11"]


def test_refs_prints_one_line_per_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refs", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[3] for line in lines] == ["kst-36471-96", "kst-28676-464", "kst-31125-130"]
    assert main(["refs", "--jsonl", str(SEED)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[1])["note"] == "1"
