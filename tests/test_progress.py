"""Progress by construction: the text reader's loops move only through its cursor, and a pass that
consumes nothing becomes a paragraph with KS904 instead of another pass."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import kamerstuk
from kamerstuk import check_coverage
from kamerstuk.readers import text as text_reader

sys.path.insert(0, str(ROOT / "tools"))

from fuzz import time_limit  # noqa: E402

#: Hand-made inputs in the shape of the reported hang: a line that starts like a dossier number
#: (an amount, a list reference) above a "Nr." line.
HEADER_SHAPED = [
    "35 788 zie hierboven\nNr. 2 BRIEF\n",
    "12 500 woningen zijn gebouwd\nNr. 3 MOTIE VAN HET LID DE VRIES\n",
    "21 501-20 en verder\nNr. 2 BRIEF VAN DE MINISTER\n",
    "Tekst vooraf.\n\n35 788 zie hierboven\nNr. 2 BRIEF\n\nDe tekst.\n",
]


@pytest.mark.parametrize("text", HEADER_SHAPED)
def test_header_shaped_lines_parse_and_keep_every_line(text: str) -> None:
    with time_limit(5):
        document = kamerstuk.parse(text)
    assert check_coverage(document) == []
    assert document.number is not None
    assert "KS904" not in [d.code for d in document.diagnostics]


def test_the_reported_hang_keeps_its_first_line_and_its_number() -> None:
    with time_limit(5):
        document = kamerstuk.parse("35 788 zie hierboven\nNr. 2 BRIEF\n")
    assert (document.number, document.heading) == ("2", "BRIEF")
    assert "35 788 zie hierboven" in [s.heading for s in document.sections]


class _StallingTokenizer(text_reader._TextTokenizer):
    """A reader with a bug: its dated-line rule claims every line without consuming it."""

    def dateline(self, line: text_reader.Line) -> bool:
        return True


def test_a_pass_without_progress_becomes_a_paragraph_with_ks904() -> None:
    text = "Eerste regel\nTweede regel\n"
    tokenizer = _StallingTokenizer(text)
    with time_limit(5):
        tokens = tokenizer.run()
    paragraphs = [t.text(text) for t in tokens if t.kind is text_reader.T.PARAGRAPH]
    assert paragraphs == ["Eerste regel", "Tweede regel"]
    assert [(d.code, d.line) for d in tokenizer.diagnostics] == [("KS904", 1), ("KS904", 2)]
    assert "no progress at line 1" in tokenizer.diagnostics[0].message


def test_ks904_reaches_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_reader, "_TextTokenizer", _StallingTokenizer)
    with time_limit(5):
        document = kamerstuk.parse("Eerste regel\nTweede regel\n")
    assert [d.code for d in document.diagnostics if d.code == "KS904"] == ["KS904", "KS904"]
    assert check_coverage(document) == []


def test_the_cursor_only_moves_forward() -> None:
    cursor = text_reader.LineCursor(text_reader.split_lines("a\nb\n"))
    with pytest.raises(ValueError, match="at least one"):
        cursor.advance(0)
    cursor.advance(5)
    assert cursor.done and cursor.position == 2


def test_the_reader_position_cannot_be_set_directly() -> None:
    tokenizer = text_reader._TextTokenizer("a\n")
    with pytest.raises(AttributeError):
        tokenizer.i = 0  # type: ignore[misc]


READERS = sorted((ROOT / "src" / "kamerstuk" / "readers").glob("*.py"))


@pytest.mark.parametrize("path", READERS, ids=lambda p: p.name)
def test_no_reader_loop_steps_by_hand(path: Path) -> None:
    """Every `while` loop of a reader is the cursor's own (in `passes`): any other loop over lines
    must be a `for` over `passes()` or over a finite sequence, so it cannot stall."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.While) and node.name not in ("passes", "trailing_submitters"):
                    found.append(f"{node.name}:{inner.lineno}")
        if isinstance(node, (ast.AugAssign, ast.Assign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "i":
                    found.append(f"assignment to {target.attr}:{node.lineno}")
    assert found == []
