"""`kamerstuk validate`: structure checks for CI, with codes, locations and machine-readable output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ..api import parse_file
from ..errors import ParseError
from ..models import Diagnostic, Severity
from ..validation import Config, ConfigError, SelectionError, find_config, load_config, validate
from ..validation.report import FORMATS, FileReport, fails, format_statistics
from ..validation.selection import selected_codes
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .inputs import add_max_size

SUFFIXES = frozenset({".txt", ".xml", ".html"})
CANNOT_PARSE = "KS900"


class UsageError(Exception):
    """A path that does not exist, or a configuration or code that names nothing."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `validate` subcommand."""
    parser = subparsers.add_parser("validate", help="check documents against the rule catalogue (docs/rules.md)")
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, or directories searched for *.txt/*.xml/*.html"
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default text)")
    parser.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (KS3: notes)")
    parser.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to skip")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument("--config", metavar="PATH", type=Path, help="pyproject.toml to use instead of discovery")
    parser.add_argument(
        "--statistics", action="store_true", help="count the diagnostics per code instead of listing them (text format)"
    )
    add_max_size(parser)
    parser.add_argument("--output-file", "-o", metavar="FILE", type=Path, help="write the report here, not stdout")
    parser.set_defaults(func=run)


def files_under(paths: list[str]) -> Iterator[Path]:
    """The named files, and the *.txt/*.xml/*.html files under named directories, in sorted order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.exists():
            yield path
        else:
            raise UsageError(f"{name}: no such file or directory")


class Settings:
    """The configuration for each file: --config, or the nearest [tool.kamerstuk], with the CLI's codes on top."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.fixed = load_config(args.config) if args.config else None
        self.by_directory: dict[Path, Config] = {}

    def config(self, file: Path) -> Config:
        """The configuration that applies to `file`."""
        if self.fixed is not None:
            return self.fixed
        directory = file.resolve().parent
        if directory not in self.by_directory:
            self.by_directory[directory] = find_config(directory)
        return self.by_directory[directory]

    def codes(self, config: Config) -> tuple[str | tuple[str, ...], tuple[str, ...]]:
        """select and ignore: --select replaces the configured selection, --ignore adds to it."""
        select = self.args.select or config.select
        ignore = config.ignore + tuple(filter(None, (self.args.ignore or "").split(",")))
        return select, ignore


def check_file(path: Path, settings: Settings, max_size: int) -> FileReport:
    """Parse and validate one file; a file that cannot be parsed gives one KS900 error, whatever
    --ignore, --select or the configured severities say: a file nobody could read never passes."""
    config = settings.config(path)
    select, ignore = settings.codes(config)
    try:
        document = parse_file(path, max_size=max_size)
    except ParseError as exc:
        message = f"cannot parse: {exc.reason}"
        return FileReport(str(path), [Diagnostic(code=CANNOT_PARSE, message=message, severity=Severity.ERROR)])
    diagnostics = validate(document, select=select, ignore=ignore, severities=config.severities)
    return FileReport(str(path), diagnostics, document.text)


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 0 when clean, 1 when a diagnostic fails the run, 2 for usage errors."""
    try:
        selected_codes(args.select, args.ignore)
        settings = Settings(args)
        reports = [check_file(path, settings, args.max_size) for path in files_under(args.paths)]
    except (UsageError, ConfigError, SelectionError) as exc:
        print(f"kamerstuk validate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    formatter = format_statistics if args.statistics and args.format == "text" else FORMATS[args.format]
    output = formatter(reports, args.strict)
    if args.output_file is not None:
        args.output_file.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    failed = any(fails(d, args.strict) for report in reports for d in report.diagnostics)
    return EXIT_FAILED if failed else EXIT_OK
