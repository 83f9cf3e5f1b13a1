"""`validate`: run the selected rules of the catalogue over a parsed Document."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..models import Diagnostic, Document, Severity
from .document import line_starts, located
from .rules import RULES, Check, Rule
from .selection import selected_codes, severity_overrides


def validate(
    doc: Document,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    severities: Mapping[str, Severity | str] | None = None,
) -> list[Diagnostic]:
    """Diagnostics of every selected rule, with line and column, in text order.

    `select` and `ignore` take codes or code prefixes ("KS3" is every notes rule); `severities` maps
    codes or prefixes to a severity that replaces the rule's default. Unknown codes raise ValueError.
    """
    codes = selected_codes(select, ignore)
    overrides = severity_overrides(severities)
    found: list[Diagnostic] = []
    starts = line_starts(doc.text)
    for rule in RULES:
        if rule.code in codes and rule.check is not None:
            found.extend(_run(rule, rule.check, doc, overrides.get(rule.code), starts))
    return sorted(found, key=lambda d: (d.span.start if d.span else -1, d.code))


def _run(rule: Rule, check: Check, doc: Document, override: Severity | None, starts: list[int]) -> Iterable[Diagnostic]:
    """The rule's findings as located diagnostics; a configured severity beats the parser's and the default."""
    for finding in check(doc):
        severity = override or finding.severity or rule.severity
        diagnostic = Diagnostic(code=rule.code, message=finding.message, span=finding.span, severity=severity)
        yield located(diagnostic, starts)
