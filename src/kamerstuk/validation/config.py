"""`[tool.kamerstuk]` in pyproject.toml: found like ruff finds its table, from a directory upward."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Severity
from .selection import SelectionError, as_prefixes, severity_overrides

PYPROJECT = "pyproject.toml"
KEYS = frozenset({"select", "ignore", "severities"})


class ConfigError(ValueError):
    """A pyproject.toml that cannot be read, or a [tool.kamerstuk] table with unknown keys or codes."""


@dataclass(frozen=True)
class Config:
    """Rule selection and severities; `path` is the pyproject.toml they came from, if any."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    path: Path | None = None


def _table(path: Path) -> dict[str, Any] | None:
    """The [tool.kamerstuk] table of a pyproject.toml, or None when it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    table = data.get("tool", {}).get("kamerstuk")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.kamerstuk] must be a table")
    return table


def _codes(path: Path, table: dict[str, Any], key: str) -> tuple[str, ...]:
    """A list of code prefixes from the table, checked against the catalogue."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} must be a list of rule codes")
    return as_prefixes(value)


def config_from_table(path: Path, table: dict[str, Any]) -> Config:
    """Check and convert a [tool.kamerstuk] table."""
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.kamerstuk]: {', '.join(unknown)}")
    severities = table.get("severities", {})
    if not isinstance(severities, dict):
        raise ConfigError(f'{path}: severities must be a table of code = "error" | "warning" | "info"')
    try:
        return Config(
            select=_codes(path, table, "select"),
            ignore=_codes(path, table, "ignore"),
            severities=severity_overrides(severities),
            path=path,
        )
    except SelectionError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_config(path: Path) -> Config:
    """The configuration in one pyproject.toml (an empty one when it has no [tool.kamerstuk])."""
    table = _table(path)
    return Config(path=path) if table is None else config_from_table(path, table)


def find_config(start: Path) -> Config:
    """The first pyproject.toml with a [tool.kamerstuk] table from `start` upward; defaults when none."""
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for candidate in (directory, *directory.parents):
        path = candidate / PYPROJECT
        if path.is_file():
            table = _table(path)
            if table is not None:
                return config_from_table(path, table)
    return Config()
