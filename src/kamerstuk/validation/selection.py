"""Which rules run and how severe they are: code prefixes resolved against the catalogue, like ruff."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..models import Severity
from .rules import RULES

ALL = "KS"


class SelectionError(ValueError):
    """A code prefix or severity that names no rule of the catalogue."""


def codes_matching(prefix: str) -> list[str]:
    """The catalogue codes that start with `prefix`; raises `SelectionError` when there are none."""
    codes = [rule.code for rule in RULES if rule.code.startswith(prefix.strip().upper())]
    if not codes:
        raise SelectionError(f"{prefix!r} matches no rule code")
    return codes


def as_prefixes(value: Iterable[str] | str | None) -> tuple[str, ...]:
    """Prefixes from a list or a comma-separated string; each must match at least one rule."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    prefixes = tuple(item.strip().upper() for item in items if item.strip())
    for prefix in prefixes:
        codes_matching(prefix)
    return prefixes


def _longest(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix of `code` among `prefixes`, -1 when none matches."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def selected_codes(select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None) -> set[str]:
    """The codes that run: the most specific matching prefix decides, and ignore wins a tie."""
    chosen = as_prefixes(select) or (ALL,)
    dropped = as_prefixes(ignore)
    return {rule.code for rule in RULES if _longest(rule.code, chosen) > _longest(rule.code, dropped)}


def severity_overrides(severities: Mapping[str, Severity | str] | None) -> dict[str, Severity]:
    """Per-code severities from prefixes; the most specific prefix wins for each code."""
    if not severities:
        return {}
    try:
        by_prefix = {prefix.strip().upper(): Severity(value) for prefix, value in severities.items()}
    except ValueError as exc:
        raise SelectionError(f"severity must be one of error, warning, info: {exc}") from exc
    as_prefixes(list(by_prefix))
    resolved: dict[str, Severity] = {}
    for prefix in sorted(by_prefix, key=len):
        for code in codes_matching(prefix):
            resolved[code] = by_prefix[prefix]
    return resolved
