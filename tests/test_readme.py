"""The Python examples of README.md and docs/ run as written, and every value a comment shows is what they give."""

from __future__ import annotations

import ast
import datetime
import doctest
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import kamerstuk
from kamerstuk import Document, DocumentKind, Member, Signatory, Span

ROOT = Path(__file__).resolve().parent.parent
#: The names a comment's shown value may use.
SHOWN_NAMES = {"DocumentKind": DocumentKind, "datetime": datetime, "Signatory": Signatory, "Member": Member,
               "Span": Span}
#: A comment shows a value when it starts like a repr; other comments are prose.
SHOWN_VALUE = re.compile(r"""^(?:'|\[|Document\(|DocumentKind\.|datetime\.|Signatory\(|Member\()""")


def python_blocks(path: Path) -> Iterator[str]:
    """The ```python blocks of a Markdown file."""
    yield from re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def shown_values(block: str) -> Iterator[tuple[int, str]]:
    """(line number, shown text) for each line whose trailing comment shows a value."""
    for number, line in enumerate(block.splitlines(), start=1):
        code, hashmark, comment = line.partition("   # ")
        comment = comment.strip()
        if hashmark and SHOWN_VALUE.match(comment) and code.strip() and not code.startswith(" "):
            yield number, comment


def shown_matches(value: object, shown: str) -> bool:
    """Whether a comment shows `value`: its repr, or a prefix ending in '...)', or a literal before ' : '."""
    text = repr(value)
    if "...)" in shown:
        return _has_shown_fields(value, shown)
    head = re.split(r"\s+:\s|: ", shown, maxsplit=1)[0] if not shown.startswith(("Document(", "[[")) else shown
    candidates = {shown, head}
    return text in candidates or any(_evaluates_to(candidate, value) for candidate in candidates)


def _has_shown_fields(value: object, shown: str) -> bool:
    """Whether `value` (or its first item, for a shown list) has the class and the fields a '...)' comment names."""
    target = value[0] if shown.startswith("[") and isinstance(value, list) and value else value
    name = re.match(r"\[?(\w+)\(", shown)
    fields = re.findall(r"(\w+)='([^']*)'", shown.split("...)")[0])
    return (name is not None and type(target).__name__ == name.group(1) and bool(fields)
            and all(str(getattr(target, field, None)) == expected for field, expected in fields))


def _evaluates_to(candidate: str, value: object) -> bool:
    """Whether `candidate` is an expression (over SHOWN_NAMES) equal to `value`."""
    try:
        return bool(eval(candidate, dict(SHOWN_NAMES)) == value)  # noqa: S307 - the repository's own docs
    except Exception:
        return False


def test_readme_python_example_runs_and_shows_true_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (block,) = python_blocks(ROOT / "README.md")
    module = ast.parse(block)
    namespace: dict[str, object] = {}
    checked = 0
    shown = dict(shown_values(block))
    for statement in module.body:
        code = compile(ast.Module(body=[statement], type_ignores=[]), "README.md", "exec")
        if isinstance(statement, ast.Expr) and statement.lineno in shown:
            value = eval(compile(ast.Expression(statement.value), "README.md", "eval"), namespace)  # noqa: S307
            assert shown_matches(value, shown[statement.lineno]), (statement.lineno, repr(value)[:200])
            checked += 1
        else:
            exec(code, namespace)  # noqa: S102 - the repository's own README
    assert checked >= 12
    assert isinstance(namespace["doc"], Document)


def test_references_doc_doctest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = "\n".join(python_blocks(ROOT / "docs" / "references.md"))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {"kamerstuk": kamerstuk}, "references.md", "docs/references.md", 0)
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0


def test_viewing_doc_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (block,) = python_blocks(ROOT / "docs" / "viewing.md")
    namespace: dict[str, object] = {}
    exec(block, namespace)  # noqa: S102 - the repository's own docs
    shown = re.search(r"# ('Zie.*?')\n(?!#)", block + "\n", flags=re.S)
    assert shown is not None
    expected = ast.literal_eval(" ".join(part.strip().lstrip("#").strip() for part in shown.group(1).splitlines()))
    assert kamerstuk.annotate_references("Zie Kamerstuk 36 471, nr. 96.") == expected
