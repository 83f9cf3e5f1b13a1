"""`kamerstuk show`: one terminal screen per document, drawn with rich; plain text when piped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..archive.batch import Failure
from ..models import Document, Severity
from ..validation.document import line_column, line_starts
from .summary import header_fields, outline, short_repr, signatory_label

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def screen(document: Document) -> Panel:
    """The document's screen: header fields, signatories, outline, notes, references, diagnostics."""
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="cyan", no_wrap=True)
    fields.add_column()
    for label, value in header_fields(document):
        fields.add_row(label, value)
    for signatory in document.signatories:
        fields.add_row("signatory", signatory_label(signatory.role, signatory.name))
    parts: list[Table | Text] = [Text(short_repr(document), style="bold"), fields]
    parts += _listing("Sections", [f"{heading}  ({count} ¶)" for heading, count in outline(document)])
    parts += _listing("Notes", [f"{note.number}  {_short(note.text)}" for note in document.notes])
    references = [f"{', '.join(r.identifiers) or '-'}  {_short(r.text)}" for r in document.references]
    parts += _listing("References", references)
    parts += _diagnostics(document)
    return Panel(Group(*parts), title=document.identifier or document.kind.value, title_align="left")


def _short(text: str, width: int = 70) -> str:
    """The text on one line, cut to `width` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _listing(title: str, items: list[str]) -> list[Table | Text]:
    """A titled list, or nothing when there are no items."""
    if not items:
        return []
    lines: list[Table | Text] = [Text(f"\n{title} ({len(items)})", style="bold")]
    return lines + [Text(f"  {item}") for item in items]


def _diagnostics(document: Document) -> list[Table | Text]:
    """Each diagnostic with its severity, code and line in the text."""
    if not document.diagnostics:
        return [Text("\nNo diagnostics", style="green")]
    starts = line_starts(document.text)
    lines: list[Table | Text] = [Text(f"\nDiagnostics ({len(document.diagnostics)})", style="bold")]
    for d in document.diagnostics:
        where = f"line {line_column(starts, d.span.start)[0]}" if d.span is not None else "document"
        line = Text("  ")
        line.append(f"{d.severity.value:<7}", style=_SEVERITY_STYLE[d.severity])
        line.append(f" {d.code} {where}: {_short(d.message, 90)}")
        lines.append(line)
    return lines


def render_screens(outcomes: Iterable[tuple[str, Document | Failure]], out: TextIO, color: bool | None) -> bool:
    """Print a screen per document (a line per failure); colour when `color`, or on a terminal when None.
    Returns True when any source failed."""
    console = Console(
        file=out,
        force_terminal=color,
        color_system="auto" if color is not False else None,
        highlight=False,
        soft_wrap=False,
    )
    failed = False
    for source, value in outcomes:
        if isinstance(value, Failure):
            console.print(Text(f"{source}: {value.message}", style="bold red"))
            failed = True
            continue
        console.print(Text(source, style="dim"))
        console.print(screen(value))
    return failed
