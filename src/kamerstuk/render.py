"""Plain-text layout pieces of an officielebekendmakingen page; `Document.to_text` puts them together.

This module sits below the model: it takes plain values, so the model can use it without an import circle.
"""

from __future__ import annotations

import datetime

_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def number_line(number: str | None, heading: str) -> str:
    """ "Nr. 467 BRIEF VAN ..." (an Eerste Kamer letter stands without "Nr."), markers kept."""
    if number is None:
        return heading
    label = number if number[:1].isalpha() else f"Nr. {number}"
    return f"{label} {heading}".strip()


def dateline(date: datetime.date | None, place: str | None, label: str | None) -> str:
    """ "Den Haag, 3 oktober 2024", or the label and the date where no place is known."""
    if date is None:
        return ""
    written = f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
    if place:
        return f"{place}, {written}"
    return f"{label} {written}" if label else written


def signature_lines(role: str, portfolio: str | None, name: str | None) -> str:
    """A submitter's name alone; a role line ("De Minister van Defensie,") and the name for others."""
    if role in ("Lid", "Koning", "Koningin"):
        return name or ""
    line = f"De {role}"
    if portfolio:
        line += f" van {portfolio}"
    return f"{line},\n{name}" if name else f"{line},"


def note_block(number: str, text: str) -> str:
    """An "X Noot" block as the page prints it."""
    return f"X Noot\n{number}\n\n{text}"
