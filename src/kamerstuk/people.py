"""Signatories: role, portfolio and name from signature lines and submitters' names."""

from __future__ import annotations

import regex

from .models import Signatory, Span

_ROLES = {
    "minister-president": "Minister-President",
    "minister president": "Minister-President",
    "ministers": "Minister",
    "minister": "Minister",
    "staatssecretarissen": "Staatssecretaris",
    "staatssecretaris": "Staatssecretaris",
    "informateurs": "Informateur",
    "informateur": "Informateur",
    "formateur": "Formateur",
    "verkenners": "Verkenner",
    "verkenner": "Verkenner",
    "voorzitter": "Voorzitter",
    "griffier": "Griffier",
    "adjunct-griffier": "Griffier",
    "plaatsvervangend griffier": "Griffier",
    "secretaris": "Secretaris",
    "president": "President",
}
_ROLE_WORDS = "|".join(sorted((regex.escape(r) for r in _ROLES), key=len, reverse=True))

#: "De Minister van Defensie," or "De Minister van Defensie, R.P. Brekelmans": a role, an optional
#: portfolio, a comma, and an optional name.
ROLE_LINE = regex.compile(
    r"^(?:(?:mede\s+)?namens\s+)?(?:De|de|Het|het)\s+(?:(?:eerste|tweede|waarnemend|plaatsvervangend)\s+)?"
    r"(?P<role>" + _ROLE_WORDS + r")\b(?P<portfolio>[^,\n]{0,120}?)\s*,(?:\s*(?P<name>[^\n]*?))?\s*$",
    regex.IGNORECASE,
)
_PORTFOLIO = regex.compile(r"^\s*(?:van|voor)\s+(?P<p>.+?)\s*$")
_TUSSENVOEGSELS = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "’t",
    "in",
    "op",
    "la",
    "le",
    "du",
    "d'",
    "von",
}
_WORD = regex.compile(r"^(?:\p{Lu}\.)+$|^\p{Lu}[\p{L}'’.-]*$")
#: Splits "J.W. Remkes W. Koolmees" before each run of initials that follows a surname.
_NAME_SPLIT = regex.compile(r"(?<=\p{Ll})\s+(?=(?:\p{Lu}\.\s?)+\p{Lu})")
MONARCHS = {"Beatrix": "Koningin", "Juliana": "Koningin", "Wilhelmina": "Koningin", "Willem-Alexander": "Koning"}


def is_name(text: str) -> bool:
    """True for a person's name as printed under a signature: "R.P. Brekelmans", "Van Ojik", "Kim van Dooren"."""
    if not text or len(text) > 60:
        return False
    words = text.split()
    if len(words) > 7:
        return False
    has_capital = False
    for word in words:
        if word.lower() in _TUSSENVOEGSELS:
            continue
        if not _WORD.match(word):
            return False
        has_capital = True
    return has_capital


def clean_name(text: str) -> str:
    """A submitter's name without the stray punctuation real documents carry ("Flach,", "Ceder____")."""
    return " ".join(text.split()).strip(" ,;._")


def looks_like_submitter(text: str) -> bool:
    """A line under a motie that can be a member's name: short, capitalised, no digits."""
    name = clean_name(text)
    return 0 < len(name) <= 50 and name[0].isupper() and len(name.split()) <= 5 and not any(c.isdigit() for c in name)


def split_names(text: str) -> list[str]:
    """Split one line that holds several names ("J.W. Remkes W. Koolmees") into names."""
    return [part.strip() for part in _NAME_SPLIT.split(text) if part.strip()]


def parse_role_line(line: str) -> tuple[str, str | None, str | None] | None:
    """Read (role, portfolio, name-or-None) from a signature role line; None if it is not one."""
    match = ROLE_LINE.match(line)
    if match is None:
        return None
    role_key = regex.sub(r"\s+", " ", match.group("role").lower())
    role = _ROLES[role_key]
    portfolio_text = match.group("portfolio")
    portfolio = None
    if portfolio_text.strip():
        pm = _PORTFOLIO.match(portfolio_text)
        if pm is None:
            return None
        portfolio = pm.group("p")
    name = (match.group("name") or "").strip() or None
    if name is not None and not (is_name(name) or all(is_name(n) for n in split_names(name))):
        if role == "Minister-President" and parse_role_line("De " + name) is not None:
            _, portfolio, name = parse_role_line("De " + name) or (role, None, None)
            return role, portfolio, name
        return None
    return role, portfolio, name


def signatories_from_lines(lines: list[tuple[str, int, int]]) -> list[Signatory]:
    """Turn a signature block (text, start, end per line) into signatories, in order."""
    result: list[Signatory] = []
    pending: tuple[str, str | None, int] | None = None
    for text, start, end in lines:
        parsed = parse_role_line(text)
        if parsed is not None:
            role, portfolio, name = parsed
            if name is None:
                pending = (role, portfolio, start)
                continue
            names = split_names(name)
            for one in names:
                result.append(Signatory(role=role, portfolio=portfolio, name=one, span=Span(start=start, end=end)))
            pending = (role, portfolio, start) if len(names) > 0 and role != "Minister" else None
            continue
        if text in MONARCHS and pending is None:
            result.append(Signatory(role=MONARCHS[text], name=text, span=Span(start=start, end=end)))
            continue
        if pending is not None:
            role, portfolio, role_start = pending
            for one in split_names(text):
                result.append(Signatory(role=role, portfolio=portfolio, name=one, span=Span(start=role_start, end=end)))
            if role in ("Minister", "Staatssecretaris", "Minister-President", "Griffier"):
                pending = None
    return result
