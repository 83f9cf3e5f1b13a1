"""Turn the bytes or string a user has into the normalised text every span points into."""

from __future__ import annotations

import codecs

from .models import Diagnostic, Severity

#: Characters replaced (no-break spaces become spaces) or dropped (soft hyphen, zero-width space, BOM, NUL).
_REPLACEMENTS = (
    ("\u00a0", " "),
    ("\u202f", " "),
    ("\u2007", " "),
    ("\u00ad", ""),
    ("\u200b", ""),
    ("\ufeff", ""),
    ("\x00", ""),
)


def decode(data: bytes) -> tuple[str, list[Diagnostic]]:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; fall back to cp1252 with a diagnostic."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), [
            Diagnostic(
                code="KS901", message="input is UTF-16; decoded from its byte order mark", severity=Severity.INFO
            )
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        position = exc.start
    text = data.decode("cp1252", errors="replace")
    return text, [
        Diagnostic(
            code="KS901",
            message=f"input is not valid UTF-8 (first bad byte at offset {position}); decoded as cp1252",
            severity=Severity.WARNING,
        )
    ]


def normalise(text: str) -> str:
    """Normalise line ends to LF and no-break spaces to spaces; drop soft hyphens, zero-width spaces, BOMs and NULs."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text
