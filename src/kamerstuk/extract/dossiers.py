"""Dossier numbers as printed ("21 501-20", "36 600 X", "31700.VIII", "CXXIV") split into number and suffix.

A rijkswet number such as "(R2160)" is recognised but is not part of the suffix: ids leave it out.
"""

from __future__ import annotations

import regex

#: A printed dossier number with optional suffix; shared by the header parser and the reference finder.
DOSSIER_PATTERN = r"""
    (?P<dnum>\d{2}[ .]?\d{3}(?![\d])|[CDLXVI]{2,8}(?![\w]))
    (?:
        \s?[-\u2010\u2011\u2013.]\s?(?P<dsuf>[0-9]{1,2}(?!\d)|(?:[IVXL]{1,6}[A-D]?|[A-D])(?![\w]))
      | [ ](?P<dsufsp>(?:[IVXL]{1,6}[A-D]?|[A-D])(?![\w-]))
    )?
    (?:[ ]?\((?P<rijkswet>R\d{3,4})\))?
"""
_DOSSIER = regex.compile(DOSSIER_PATTERN, regex.VERBOSE)


def split_dossier(printed: str) -> tuple[str, str | None] | None:
    """Return (number, suffix) for a printed dossier number, or None when it is not one."""
    match = _DOSSIER.fullmatch(printed.strip())
    if match is None:
        return None
    return dossier_from_match(match)


def dossier_from_match(match: regex.Match[str]) -> tuple[str, str | None]:
    """Read (number, suffix) from a match of `DOSSIER_PATTERN`."""
    number = match.group("dnum").replace(" ", "").replace(".", "")
    suffix = match.group("dsuf") or match.group("dsufsp")
    return number, suffix
