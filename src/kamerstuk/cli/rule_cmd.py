"""`kamerstuk rule KS301`: what a validation rule checks, its default severity and how to turn it off."""

from __future__ import annotations

import argparse
import inspect
import sys

from ..validation.rules import RULES_BY_CODE
from .exit_codes import EXIT_OK, EXIT_USAGE


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `rule` subcommand."""
    parser = subparsers.add_parser("rule", help="explain a validation rule (kamerstuk rule KS301)")
    parser.add_argument("code", metavar="CODE", help="a rule code such as KS301")
    parser.set_defaults(func=run)


def explain(code: str) -> str | None:
    """The explanation of rule `code`, or None when no rule has that code."""
    rule = RULES_BY_CODE.get(code.upper())
    if rule is None:
        return None
    lines = [f"{rule.code} {rule.name}", "", f"Default severity: {rule.severity.value}", "", f"Checks: {rule.summary}."]
    if rule.check is not None and rule.check.__doc__:
        lines += ["", inspect.cleandoc(rule.check.__doc__)]
    lines += [
        "",
        f"Run only this rule: kamerstuk validate --select {rule.code} FILE",
        f"Skip it: kamerstuk validate --ignore {rule.code} FILE (a file that cannot be parsed is never skipped)",
        f"More: docs/rules.md#{rule.code.lower()}-{rule.name}",
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the explanation; exit 2 for a code no rule has."""
    text = explain(args.code)
    if text is None:
        print(f"kamerstuk rule: no rule {args.code}; docs/rules.md lists them", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(text)
    return EXIT_OK
