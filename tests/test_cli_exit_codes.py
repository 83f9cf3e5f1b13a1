"""`kamerstuk parse` and `kamerstuk refs` exit 1 when a document has an error diagnostic, naming
the file and the code on stderr; `--strict` refuses such a document as the API does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, SEED

from kamerstuk.cli import main

#: Hand-made: a news article, no Kamerstuk (KS100).
NEWS = "Het kabinet stuurde gisteren een brief naar de Kamer over de NAVO.\nDe minister is tevreden.\n"
DOC = FIXTURES / "binary" / "tk-ca71487f.doc"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["parse", "refs"])
def test_a_news_article_exits_1_naming_file_and_code(
    command: str, news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(news)]) == 1
    err = capsys.readouterr().err
    assert f"kamerstuk {command}: {news}: KS100" in err


def test_parse_still_prints_the_document_without_strict(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(news)]) == 1
    assert '"kind": "other"' in capsys.readouterr().out


@pytest.mark.parametrize("command", ["parse", "refs"])
def test_strict_refuses_the_document(command: str, news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--strict", str(news)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(news) in captured.err and "KS100" in captured.err


@pytest.mark.parametrize("command", ["parse", "refs"])
def test_a_clean_letter_exits_0(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--strict", str(SEED)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("command", ["parse", "refs"])
def test_a_format_without_a_reader_exits_1_naming_it(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, str(DOC)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{DOC}" in captured.err and "a Word 97-2003 .doc file" in captured.err
