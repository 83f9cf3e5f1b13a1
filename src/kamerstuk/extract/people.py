"""Signatories: role, portfolio and name from signature lines and submitters' names."""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from ..models import Signatory, Span

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

#: The first two letters of "De", "Het", "mede namens", "namens": a cheap test before the pattern.
_ROLE_LINE_STARTS = frozenset({"de", "he", "me", "na"})
#: The start of a signature role line: "De Minister", "de informateurs", "mede namens de Minister".
ROLE_START = regex.compile(
    r"^(?:(?:mede\s+)?namens\s+)?(?:De|de|Het|het)\s+(?:(?:eerste|tweede|waarnemend|plaatsvervangend|fungerend)\s+)?"
    r"(?P<role>" + _ROLE_WORDS + r")\b(?P<rest>[^\n]{0,160})$",
    regex.IGNORECASE,
)
#: A committee's officers as older verslagen print them, without the article ("Adjunct-griffier van de
#: commissie,"): read as if "De" stood before them.
_BARE_COMMITTEE_ROLES = (
    "griffier van de ",
    "adjunct-griffier van de ",
    "plaatsvervangend griffier van de ",
    "voorzitter van de ",
)
_PORTFOLIO = regex.compile(r"^\s*(?i:van|voor)\s+(?P<p>.+?)\s*$")
#: "mede namens de Minister van ...": the others a signer signs for, after the own portfolio.
_ON_BEHALF = regex.compile(r",?\s*\b(?:mede\s+)?namens\s+(?=(?:de|het)\s)", regex.IGNORECASE)
#: Where one of several others starts: ", de Minister ..." or " en de Staatssecretaris ...".
_BEHALF_SPLIT = regex.compile(
    r"\s*,\s*(?=(?:de|het)\s+(?:" + _ROLE_WORDS + r")\b)|\s+en\s+(?=(?:de|het)\s+(?:" + _ROLE_WORDS + r")\b)",
    regex.IGNORECASE,
)
_ARTICLE = regex.compile(r"^(?:de|het)\s+", regex.IGNORECASE)
#: "De Voorzitter van de Tweede Kamer der Staten-Generaal": the chamber is the Voorzitter's portfolio.
_CHAMBER = regex.compile(r"^(?:de\s+)?(?P<c>tweede|eerste)\s+kamer\s+der\s+staten-generaal$", regex.IGNORECASE)
#: Words a portfolio printed in capitals keeps in lower case ("ONDERWIJS, CULTUUR EN WETENSCHAPPEN").
_LOWER_WORDS = frozenset({"en", "van", "voor", "de", "der", "het"})
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
#: Role words that name more than one person, each on a name line of their own.
_PLURAL_ROLES = frozenset({"ministers", "staatssecretarissen", "informateurs", "verkenners"})
#: Roles whose "van ..." names a ministry; for others ("De griffier van de commissie") it is a qualifier.
_MINISTERIAL = frozenset({"Minister", "Minister-President", "Staatssecretaris"})
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
    name = " ".join(text.split()).strip(" ,;._")
    # `_TRAILING_EN` can only match a name that ends in " en" (no other whitespace is left): most don't.
    return _TRAILING_EN.sub("", name).strip(" ,;._") if name.endswith(" en") else name


_NAME_PREFIXES = frozenset({"van", "de", "den", "der", "ter", "ten", "te", "el", "la", "le", "du", "von", "in", "op"})


_TRAILING_EN = regex.compile(r"\s+en$")
_NAME_LIST = regex.compile(r"\s*,\s*|\s+en\s+")


def submitter_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name on a submitters' line, together covering the line. Usually the line
    is one name ("Van Ojik", "Inge van Dijk"); names joined by "," or "en" ("Jansen, De Vries",
    "Pieters en Bakker.") are one each; three or more plain capitalised words ("Weverling Verhoeven
    Bromet") are one surname each, as amendementen print their co-submitters on one line."""
    pieces = _NAME_LIST.split(text.rstrip(" ,;._")) if "," in text or " en " in text else []
    if len(pieces) > 1 and all(looks_like_submitter(piece) for piece in pieces):
        starts: list[int] = []
        position = 0
        for piece in pieces:
            starts.append(text.index(piece, position))
            position = starts[-1] + len(piece)
        # Each span runs to the next name, so the separators (and a closing ".") stay covered.
        return [(start, end) for start, end in zip([0, *starts[1:]], [*starts[1:], len(text)], strict=True)]
    return _one_line_names(text)


#: The members a motie's or amendement's heading names ("AMENDEMENT VAN DE LEDEN VAN DER GRAAF EN
#: VERHOEVEN"), before "c.s." or what the document is about.
_HEADING_MEMBERS = regex.compile(
    r"\bVAN (?:DE LEDEN|HET LID) (?P<names>.+?)(?:\s+C\.S\.)?(?:\s+(?:TER VERVANGING|OVER|INZAKE)\b.*)?$"
)
_HEADING_NAME_LIST = regex.compile(r"\s*,\s*|\s+EN\s+")
_WORDS = regex.compile(r"\S+")


def heading_members(heading: str | None) -> list[str]:
    """The members a heading names, as printed ("VAN DER GRAAF", "VERHOEVEN"); [] for other headings."""
    match = _HEADING_MEMBERS.search(heading) if heading else None
    if match is None:
        return []
    return [name for name in _HEADING_NAME_LIST.split(match.group("names")) if name]


def names_by_heading(text: str, members: list[str]) -> list[tuple[int, int]] | None:
    """(start, end) of each name on a line that holds the heading's members in order without separators
    ("Van der Graaf Verhoeven" under "... VAN DE LEDEN VAN DER GRAAF EN VERHOEVEN"), together covering the
    line; None when the line is not exactly those names."""
    if len(members) < 2:
        return None
    words = list(_WORDS.finditer(text.rstrip(" ,;._")))
    if [word.group().lower() for word in words] != [part for name in members for part in name.lower().split()]:
        return None
    starts: list[int] = []
    index = 0
    for name in members:
        starts.append(words[index].start())
        index += len(name.split())
    return [(start, end) for start, end in zip([0, *starts[1:]], [*starts[1:], len(text)], strict=True)]


def _one_line_names(text: str) -> list[tuple[int, int]]:
    """Names on a line without separators: one name, or one surname per plain capitalised word."""
    stripped = text.rstrip(" ,;._")
    words = stripped.split()
    simple = all(w[:1].isupper() and w.lower() not in _NAME_PREFIXES and "." not in w for w in words)
    if len(words) < 3 or not simple:
        return [(0, len(text))] if words else []
    spans: list[tuple[int, int]] = []
    position = 0
    for word in words:
        at = stripped.index(word, position)
        spans.append((at, at + len(word)))
        position = at + len(word)
    spans[0] = (0, spans[0][1])
    spans[-1] = (spans[-1][0], len(text))
    return spans


def looks_like_submitter(text: str) -> bool:
    """A line under a motie that can be a member's name: short, capitalised, no digits."""
    name = clean_name(text)
    return 0 < len(name) <= 50 and name[0].isupper() and len(name.split()) <= 5 and not any(c.isdigit() for c in name)


def is_names_line(text: str) -> bool:
    """True for a line of one or more submitters' names: "Van Ojik", "Jansen, De Vries", "Pieters en Bakker."."""
    if is_name(text):
        return True
    pieces = [piece for piece in _NAME_LIST.split(text.strip().rstrip(" ,;._")) if piece]
    return len(pieces) > 1 and all(is_name(piece) for piece in pieces)


def split_names(text: str) -> list[str]:
    """Split one line that holds several names ("J.W. Remkes W. Koolmees") into names."""
    return [part.strip() for part in _NAME_SPLIT.split(text) if part.strip()]


class RoleLine(NamedTuple):
    """A signature role line read: the role, its portfolio, the name on the line (if any), and
    whether the role is plural ("De informateurs"), so that several name lines follow; the others
    signed for ("mede namens ..."), and whether the whole line is such a "mede namens" line."""

    role: str
    portfolio: str | None
    name: str | None
    plural: bool
    on_behalf_of: tuple[str, ...] = ()
    behalf_only: bool = False


def may_be_role_line(line: str) -> bool:
    """A cheap necessary condition for `parse_role_line` (and for `parse_wrapped_role_line` with `line`
    first): the line opens with "de", "he", "me" or "na" in any case, or ends in a comma as a bare
    committee role must. A reader asks it of every body line before the patterns."""
    line = line.strip()
    return line[:2].lower() in _ROLE_LINE_STARTS or line.endswith(",")


def parse_role_line(line: str) -> RoleLine | None:
    """Read a signature role line; None if the line is not one.

    "De Minister van Defensie," has no name yet; "De Minister van Volksgezondheid, Welzijn en
    Sport, E.I. Schippers" has one after the last comma; "De Minister-President, Minister van
    Algemene Zaken," takes its portfolio from the second role.
    """
    line = line.strip()
    if line[:2].lower() not in _ROLE_LINE_STARTS:
        if line[:1].isupper() and line.endswith(",") and line.lower().startswith(_BARE_COMMITTEE_ROLES):
            return parse_role_line("De " + line)
        return None
    match = ROLE_START.match(line) if _may_open_role(line) else None
    if match is None:
        return None
    return _read_role_line(line, match.group("role"), match.group("rest"))


#: How many first characters of a line `_may_open_role` asks about ("De SG " is no role's opening).
_ROLE_PREFIX = 6
#: The answers of `_may_open_role` per prefix; at most this many are remembered.
_ROLE_PREFIX_MEMORY = 4096
_role_prefixes: dict[str, bool] = {}


def _may_open_role(line: str) -> bool:
    """Whether `ROLE_START` can match a line that opens with these six characters: the pattern's
    partial match on them (more text could complete a match), asked once per opening and
    remembered. Exact, so it never skips a role line; it spares the pattern (about 1 µs, a long
    alternation of role words) on the many prose lines that open with "De" or "Het"."""
    prefix = line[:_ROLE_PREFIX]
    may = _role_prefixes.get(prefix)
    if may is None:
        may = ROLE_START.match(prefix, partial=True) is not None
        if len(_role_prefixes) < _ROLE_PREFIX_MEMORY:
            _role_prefixes[prefix] = may
    return may


@functools.lru_cache(maxsize=2048)
def _read_role_line(line: str, printed_role: str, rest: str) -> RoleLine | None:
    """The rest of `parse_role_line` for a line that opens with a role (`ROLE_START` matched it).

    Cached (a `RoleLine` is immutable): the reader and the assembler both read each signature
    line, and an archive repeats its signers' role lines; these lines are short (the pattern
    takes at most 160 characters after the role).
    """
    role_word = " ".join(printed_role.lower().split())
    role = _ROLES[role_word]
    rest = rest.strip()
    if not rest.startswith(",") and not _PORTFOLIO.match(rest):
        return None
    body, name = _split_name(rest)
    if body is None:
        return None
    if role == "Minister-President" and body.startswith(","):
        second = parse_role_line("De " + body.lstrip(", ").rstrip(",") + ",")
        if second is None:
            return None
        body = f"van {second.portfolio}" if second.portfolio else ""
    body, on_behalf_of = _split_behalf(body)
    portfolio_match = _PORTFOLIO.match(body.rstrip(",")) if body.strip(", ") else None
    if body.strip(", ") and portfolio_match is None:
        return None
    portfolio = _portfolio(role, portfolio_match.group("p")) if portfolio_match else None
    behalf_only = line[:5].lower() in ("mede ", "namen")
    return RoleLine(role, portfolio, name, role_word in _PLURAL_ROLES, on_behalf_of, behalf_only)


def parse_wrapped_role_line(first: str, second: str) -> RoleLine | None:
    """Read a role line wrapped over two lines ("De Minister van Onderwijs, Cultuur en" / "Wetenschappen,"),
    as narrow signature columns print it; None unless the first line opens a role that the second ends."""
    if (
        len(first) >= 90
        or len(second) >= 90
        or first.endswith((",", ".", ";", ":"))
        or first[:2].lower() not in _ROLE_LINE_STARTS
    ):
        return None
    if ROLE_START.match(first) is None:
        return None
    return parse_role_line(first + " " + second)


def _split_behalf(body: str) -> tuple[str, tuple[str, ...]]:
    """Split "van Onderwijs, ..., mede namens de Minister van X en de Staatssecretaris van Y" into the
    own portfolio part and the others ("Minister van X", "Staatssecretaris van Y")."""
    match = _ON_BEHALF.search(body)
    if match is None or match.start() == 0:
        return body, ()
    return body[: match.start()], _others(body[match.end() :])


def _others(text: str) -> tuple[str, ...]:
    """ "de Minister van X en de Staatssecretaris van Y," as ("Minister van X", "Staatssecretaris van Y")."""
    parts = _BEHALF_SPLIT.split(text.strip(" ,"))
    return tuple(_ARTICLE.sub("", part.strip(" ,")) for part in parts if part.strip(" ,"))


def _portfolio(role: str, printed: str) -> str | None:
    """The portfolio of a role: a ministry for a minister, the chamber for its Voorzitter, else none.
    A portfolio printed in capitals reads as the mixed-case one."""
    if role == "Voorzitter":
        chamber = _CHAMBER.match(printed)
        return f"{chamber.group('c').capitalize()} Kamer der Staten-Generaal" if chamber else None
    if role not in _MINISTERIAL:
        return None
    if not printed.isupper():
        return printed
    words = printed.split(" ")
    return " ".join(
        word.lower() if index and word.lower() in _LOWER_WORDS else word[:1] + word[1:].lower()
        for index, word in enumerate(words)
    )


def _split_name(rest: str) -> tuple[str | None, str | None]:
    """Split what follows the role into (portfolio part, name); (None, None) when it is prose."""
    if rest.endswith(","):
        return rest, None
    head, comma, tail = rest.rpartition(",")
    if not comma:
        return None, None
    tail = tail.strip()
    if tail.rpartition(" ")[2].lower() in _LOWER_WORDS:
        # "DE MINISTER VAN ONDERWIJS, CULTUUR EN": a portfolio cut by a wrap, not a name.
        return None, None
    if is_name(tail) or all(is_name(n) for n in split_names(tail)):
        return head, tail
    return None, None


def signatories_from_lines(
    lines: list[tuple[str, int, int]], *, keep_unnamed: bool = False
) -> tuple[list[Signatory], list[tuple[str, int, int]]]:
    """Turn a signature block (text, start, end per line) into signatories, in order.

    A role line without a name takes the name line(s) after it; a plural role ("De informateurs")
    keeps taking names. A role that never gets a name is a placeholder in plain text (the "Gegeven"
    block of a bill) and is dropped, unless `keep_unnamed` (an explicit signature element). Spans do
    not overlap: the role line belongs to the first name after it, each further name to itself.
    Returns the signatories and the lines that belong to none of them.
    """
    result: list[Signatory] = []
    unused: list[tuple[str, int, int]] = []
    pending: tuple[str, str | None, int, int, bool] | None = None
    behalf: list[str] = []
    named = False

    def add(role: str, portfolio: str | None, text: str, names: str, start: int, from_start: int) -> None:
        """One signatory per name in `names` (a part of `text`, the line at `start`)."""
        offset = text.rfind(names)
        for index, (name_start, name_end) in enumerate(_name_offsets(names)):
            span_start = from_start if index == 0 else start + offset + name_start
            span = Span(start=span_start, end=start + offset + name_end)
            name = names[name_start:name_end]
            result.append(Signatory(role=role, portfolio=portfolio, name=name, span=span, on_behalf_of=list(behalf)))

    def close() -> None:
        if pending is not None and not named:
            role, portfolio, start, end, _ = pending
            if keep_unnamed:
                result.append(
                    Signatory(role=role, portfolio=portfolio, span=Span(start=start, end=end), on_behalf_of=behalf)
                )
            else:
                unused.append((line_text, start, end))

    line_text = ""
    for text, start, end in lines:
        parsed = parse_role_line(" ".join(text.split()) if "\n" in text else text)
        if parsed is not None and parsed.behalf_only and pending is not None and not named:
            # "mede namens de Minister van X," on its own line under the role line: one more signed for.
            behalf.extend(_others(_ON_BEHALF.sub("", text, count=1)))
            if parsed.name:
                add(pending[0], pending[1], text, parsed.name, start, pending[2])
                named = True
        elif parsed is not None:
            close()
            line_text = text
            role, portfolio, name, plural, on_behalf_of, _ = parsed
            pending, named, behalf = (role, portfolio, start, end, plural), name is not None, list(on_behalf_of)
            if name:
                add(role, portfolio, text, name, start, start)
        elif text in MONARCHS and pending is None:
            result.append(Signatory(role=MONARCHS[text], name=text, span=Span(start=start, end=end)))
        elif pending is not None and (not named or pending[4]):
            role, portfolio, role_start, _, _ = pending
            add(role, portfolio, text, text, start, start if named else role_start)
            named = True
        else:
            unused.append((text, start, end))
    close()
    return result, unused


def _name_offsets(names: str) -> list[tuple[int, int]]:
    """(start, end) of each name in a run of names such as "J.W. Remkes W. Koolmees"."""
    offsets: list[tuple[int, int]] = []
    position = 0
    for part in _NAME_SPLIT.split(names):
        at = names.find(part, position)
        stripped = part.strip()
        if stripped:
            begin = at + (len(part) - len(part.lstrip()))
            offsets.append((begin, begin + len(stripped)))
        position = at + len(part)
    return offsets
