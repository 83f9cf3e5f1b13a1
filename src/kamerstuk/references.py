"""Find citations of Kamerstukken in any text."""

from __future__ import annotations

import regex

from .dossiers import DOSSIER_PATTERN, dossier_from_match
from .models import Dossier, Reference, ReferenceKind, Span

_KAMERSTUK = regex.compile(
    r"\b[Kk]amerstuk(?:ken)?\s+" + DOSSIER_PATTERN + r",?\s+nr\.\s*(?P<nr>\d{1,5})\b",
    regex.VERBOSE,
)


def find_references(text: str) -> list[Reference]:
    """Return every "Kamerstuk 28 676, nr. 464" citation in `text`, in reading order."""
    found = []
    for match in _KAMERSTUK.finditer(text):
        number, suffix = dossier_from_match(match)
        found.append(
            Reference(
                kind=ReferenceKind.KAMERSTUK,
                dossier=Dossier(number=number, suffix=suffix),
                numbers=[match.group("nr")],
                text=match.group(0),
                span=Span(start=match.start(), end=match.end()),
            )
        )
    return found
