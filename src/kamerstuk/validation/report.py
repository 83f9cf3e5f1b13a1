"""Output formats of `kamerstuk validate`: text like ruff, JSON, GitHub annotations and JUnit XML."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from ..models import Diagnostic, Severity

#: GitHub workflow command per severity.
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@dataclass(frozen=True, slots=True)
class FileReport:
    """The diagnostics of one checked file."""

    path: str
    diagnostics: list[Diagnostic]
    #: The checked Document's text, for the source line and caret of the text format; None when not parsed.
    text: str | None = None


def fails(diagnostic: Diagnostic, strict: bool) -> bool:
    """Errors always fail a run; warnings fail only with --strict; info never does."""
    return diagnostic.severity is Severity.ERROR or (strict and diagnostic.severity is Severity.WARNING)


def _position(diagnostic: Diagnostic) -> tuple[int, int]:
    """Line and column to print; a diagnostic about the whole file points at its start."""
    return diagnostic.line or 1, diagnostic.column or 1


def _flat(message: str) -> str:
    """The message on one line."""
    return " ".join(message.split())


def _summary(reports: Sequence[FileReport], strict: bool) -> str:
    """The closing line of the text format: how many problems, of which severity, and how many fail."""
    counts = {severity: 0 for severity in Severity}
    for report in reports:
        for d in report.diagnostics:
            counts[d.severity] += 1
    if not any(counts.values()):
        return f"All checks passed ({len(reports)} file(s))."
    failing = sum(fails(d, strict) for r in reports for d in r.diagnostics)
    parts = ", ".join(f"{n} {severity.value}" for severity, n in counts.items() if n)
    return f"Found {sum(counts.values())} problem(s) in {len(reports)} file(s) ({parts}); {failing} failing."


def _excerpt(text: str, diagnostic: Diagnostic) -> list[str]:
    """The source line of a diagnostic's span with a caret under the span (to the line's end), as ruff shows it."""
    if diagnostic.span is None or diagnostic.line is None:
        return []
    lines = text.split("\n")
    if not 0 < diagnostic.line <= len(lines):
        return []
    source = lines[diagnostic.line - 1]
    start = (diagnostic.column or 1) - 1
    width = max(1, min(diagnostic.span.end - diagnostic.span.start, len(source) - start))
    gutter = f"{diagnostic.line:>5}"
    return [f"{gutter} | {source}", f"{' ' * len(gutter)} | {' ' * start}{'^' * width}"]


def format_text(reports: Sequence[FileReport], strict: bool) -> str:
    """`file:line:col: CODE [severity] message` per diagnostic with its source line and a caret, then a count."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            line, column = _position(d)
            lines.append(f"{report.path}:{line}:{column}: {d.code} [{d.severity.value}] {_flat(d.message)}")
            if report.text is not None:
                lines += _excerpt(report.text, d)
    lines.append(_summary(reports, strict))
    return "\n".join(lines) + "\n"


def format_statistics(reports: Sequence[FileReport], strict: bool) -> str:
    """`--statistics`: one line per code (count, code, severity, rule name), most frequent first, then a count."""
    from .rules import RULES_BY_CODE

    counts: dict[tuple[str, Severity], int] = {}
    for report in reports:
        for d in report.diagnostics:
            counts[d.code, d.severity] = counts.get((d.code, d.severity), 0) + 1
    lines = []
    for (code, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][0])):
        rule = RULES_BY_CODE.get(code)
        lines.append(f"{count:>6}  {code}  {severity.value:<7}  {rule.name if rule else ''}".rstrip())
    lines.append(_summary(reports, strict))
    return "\n".join(lines) + "\n"


def format_json(reports: Sequence[FileReport], strict: bool) -> str:
    """A JSON list of {file, code, severity, message, line, column, span}."""
    items = [
        {
            "file": report.path,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "line": d.line,
            "column": d.column,
            "span": d.span.model_dump() if d.span else None,
        }
        for report in reports
        for d in report.diagnostics
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    """Escape a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """Escape a workflow command's property value (file, title)."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(reports: Sequence[FileReport], strict: bool) -> str:
    """One GitHub Actions annotation (`::error file=...,line=...,col=...::...`) per diagnostic."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            line, column = _position(d)
            properties = f"file={_escape_property(report.path)},line={line},col={column},title={d.code}"
            lines.append(f"::{_GITHUB_LEVEL[d.severity]} {properties}::{_escape_data(f'{d.code} {d.message}')}")
    return "".join(f"{line}\n" for line in lines)


def _testcase(report: FileReport, strict: bool) -> etree._Element:
    """One testcase for a file: a failure per failing diagnostic, the others as system-out."""
    case = etree.Element("testcase", name=report.path, classname="kamerstuk.validate", file=report.path)
    others = []
    for d in report.diagnostics:
        line, column = _position(d)
        where = f"{report.path}:{line}:{column}: {d.code} {_flat(d.message)}"
        if fails(d, strict):
            failure = etree.SubElement(case, "failure", message=f"{d.code} {_flat(d.message)}", type=d.code)
            failure.text = where
        else:
            others.append(f"{where} [{d.severity.value}]")
    if others:
        etree.SubElement(case, "system-out").text = "\n".join(others)
    return case


def format_junit(reports: Sequence[FileReport], strict: bool) -> str:
    """JUnit XML: one testsuite for the run, one testcase per file, one failure per failing diagnostic."""
    cases = [_testcase(report, strict) for report in reports]
    failures = sum(len(case.findall("failure")) for case in cases)
    failed_cases = sum(1 for case in cases if case.find("failure") is not None)
    root = etree.Element("testsuites", name="kamerstuk validate", tests=str(len(cases)), failures=str(failed_cases))
    suite = etree.SubElement(
        root, "testsuite", name="kamerstuk validate", tests=str(len(cases)), failures=str(failed_cases), errors="0"
    )
    suite.set("assertions", str(failures))
    suite.extend(cases)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode", pretty_print=True)


Formatter = Callable[[Sequence[FileReport], bool], str]
FORMATS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "junit": format_junit,
}
