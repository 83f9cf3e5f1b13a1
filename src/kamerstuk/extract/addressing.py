"""The addressee line of a letter: "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"."""

from __future__ import annotations

import regex

_ADDRESSEE = regex.compile(
    r"^Aan\s+(?:de|het|Hare|Zijne|mevrouw|de heer)\b"
    r"(?:(?P<chamber>[^\n]*?Kamer der Staten-Generaal)(?P<rest>\s+\S.*)?$|.{0,160}$)"
)


def match_addressee(line: str) -> tuple[int, int | None] | None:
    """(end of the addressee, start of run-on text or None) when `line` opens with an addressee."""
    match = _ADDRESSEE.match(line)
    if match is None:
        return None
    if match.group("rest"):
        rest = match.start("rest") + len(match.group("rest")) - len(match.group("rest").lstrip())
        return match.end("chamber"), rest
    return len(line), None
