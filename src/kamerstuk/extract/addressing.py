"""The addressee line of a letter: "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"."""

from __future__ import annotations

import regex

_ADDRESSEE = regex.compile(
    r"^Aan\s+(?:de|het|Hare|Zijne|mevrouw|de heer)\b"
    r"(?:(?P<chamber>[^\n]*?Kamer der Staten-Generaal)(?P<rest>\s+\S.*)?$|.{0,160}$)"
)


def match_addressee(line: str) -> tuple[int, int | None] | None:
    """(end of the addressee, start of run-on text or None) when `line` opens with an addressee."""
    if not line.startswith("Aan"):  # the pattern opens with "Aan": a look at three characters spares it
        return None
    match = _ADDRESSEE.match(line)
    if match is None:
        return None
    if match.group("rest"):
        rest = match.start("rest") + len(match.group("rest")) - len(match.group("rest").lstrip())
        return match.end("chamber"), rest
    return len(line), None


_CHAMBER_NAMED = regex.compile(r"\b(?P<c>Tweede|Eerste)\s+Kamer\b", regex.IGNORECASE)
#: Headings only the Tweede Kamer prints under a letter number: the Raad van State's advice and the
#: nader rapport of a bill ("B ADVIES RAAD VAN STATE EN NADER RAPPORT", 1996).
_TWEEDE_KAMER_HEADING = regex.compile(
    r"\badvies\b[^\n]{0,60}\braad\s+van\s+state\b|\bnader\s+rapport\b", regex.IGNORECASE
)


def chamber_from_header(addressee: str | None, heading: str | None, number: str | None) -> str | None:
    """ "Tweede" or "Eerste": the chamber the addressee names; else a numbered document's is the Tweede
    Kamer; a lettered one's is the chamber its heading names, the Tweede Kamer under a heading only
    the Tweede Kamer prints under a letter, else the Eerste Kamer (whose stukken are lettered)."""
    named = _named(addressee)
    if named is not None:
        return named
    if number is not None and not number[:1].isalpha():
        return "Tweede"
    named = _named(heading)
    if named is not None:
        return named
    if heading is not None and _TWEEDE_KAMER_HEADING.search(heading):
        return "Tweede"
    return "Eerste" if number is not None else None


def _named(text: str | None) -> str | None:
    """The one chamber a text names ("... van de Tweede Kamer der Staten-Generaal"), or None."""
    named = {match.group("c").capitalize() for match in _CHAMBER_NAMED.finditer(text or "")}
    return named.pop() if len(named) == 1 else None
