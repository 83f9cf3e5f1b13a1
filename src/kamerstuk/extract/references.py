"""Find citations of Kamerstukken, Handelingen and official publications in any text.

Two stages, as in eyecite: the `TRIGGERS` scan the text for places where a citation can start, and
only there the anchored pattern of that citation form runs (see `reference_grammar`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from typing import Any

import regex

from ..models import Dossier, Reference, ReferenceKind, Span
from . import reference_values as values
from .identifiers import reference_from_dossier, reference_from_identifier
from .reference_grammar import (
    AANHANGSEL_WORDS,
    BARE,
    CASE_LAW_AFTER,
    CASE_LAW_BEFORE,
    CHAMBER_FIRST,
    CONTINUATION,
    CONTINUATION_START,
    HANDELINGEN,
    KAMERSTUK,
    LABEL,
    MOTIE,
    OLD_DOSSIER,
    OLD_DOSSIER_WORDS,
    PUBLICATION,
    TK_NUMBER,
    TRIGGER_STARTS,
    TRIGGERS,
    VERGADERJAAR,
    WRITTEN_ID,
)

_PUBLICATION_KINDS = {
    "Stb": ReferenceKind.STAATSBLAD,
    "Staatsblad": ReferenceKind.STAATSBLAD,
    "Stcrt": ReferenceKind.STAATSCOURANT,
    "Staatscourant": ReferenceKind.STAATSCOURANT,
    "Trb": ReferenceKind.TRACTATENBLAD,
    "Tractatenblad": ReferenceKind.TRACTATENBLAD,
}
_YEAR_LIKE = regex.compile(r"(?:1[89]|20)\d{2}")
#: A whole-dossier citation followed by a bare number ("Kamerstukken II, 33 400 12") is ambiguous.
_TRAILING_NUMBER = regex.compile(r"[^\S\n]++\d{1,5}(?![\w.,/-])")
#: Before 1960 dossiers had four digits; later a four-digit number after a zitting is no dossier.
_LAST_FOUR_DIGIT_YEAR = 1960
_WINDOW = 400
#: How far before a bracketed citation its label may start.
_LABEL_WINDOW = 160
#: Every `LABEL` starts one character before one of these literals ("motie" -> "otie"), so it is tried
#: only there, leftmost first: the result of a search, at a fraction of its cost. The literals are found
#: with the standard `re` module, whose call costs a third of a `regex` call (the same places: plain text).
_LABEL_KEYS = tuple(
    (key, re.compile(key)) for key in ("otie", "mendement", "amerbrie", "rie", "erslag", "ijst", "ragen", "ntwoorden")
)

#: The groups that hold a citation's one ondernummer when it has no "nr." list, in order of preference.
_SINGLE_NUMBER = ("letter", "bareletter", "compact", "barenum")

_Parser = Callable[[str, int], list[Reference]]


def find_references(text: str) -> list[Reference]:
    """Return every citation in `text` in reading order, each with its exact span.

    The cyclic garbage collector is paused meanwhile (and restored as it was): the finder makes no
    reference cycles, and a collector walking the growing list of results made the time per MB grow
    with the input (1.5-1.8x from 100 kB to 3 MB of citations; flat with the pause).
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _find_references(text)
    finally:
        if paused:
            gc.enable()


def _find_references(text: str) -> list[Reference]:
    """The citations of `text`: each trigger not inside an earlier citation parsed by its form."""
    found: list[Reference] = []
    consumed = 0
    for start, form in _triggers(text):
        if start < consumed:
            continue
        parsed = _PARSERS[form](text, start)
        if parsed:
            parsed[0] = _labelled(text, parsed[0], consumed)
            found.extend(parsed)
            consumed = parsed[-1].span.end
    return found


def _labelled(text: str, reference: Reference, consumed: int) -> Reference:
    """The reference with the words naming it ("motie-Van Dijk c.s. (Kamerstuk ...)"), read after `consumed`."""
    start = reference.span.start
    before = text[max(consumed, start - 24) : start].rstrip()
    if not before.endswith("("):
        return reference
    low = max(consumed, start - _LABEL_WINDOW)
    window = text[low + 1 : start]
    candidates = sorted(
        {low + m.start() for key, found in _LABEL_KEYS if key in window for m in found.finditer(window)}
    )
    match = next(filter(None, (LABEL.match(text, at, start) for at in candidates)), None)
    if match is None:
        return reference
    span = Span(start=match.start("label"), end=match.end("label"))
    return reference.model_copy(update={"label": match.group("label"), "label_span": span})


def _triggers(text: str) -> list[tuple[int, str]]:
    """Every (position, form) where a citation may start, in text order."""
    found: list[tuple[int, str]] = []
    for form, pattern in TRIGGERS.items():
        start_group = "t" if TRIGGER_STARTS[form] else 0
        found.extend((match.start(start_group), form) for match in pattern.finditer(text))
    aanhangsel = [_aanhangsel(text, start) for start, form in found if form == "handelingen"]
    found.extend((start, "aanhangsel") for start in aanhangsel if start >= 0)
    found.sort()
    return found


def _aanhangsel(text: str, handelingen: int) -> int:
    """Where "Aanhangsel (van de) " starts that ends right at `handelingen`, or -1.

    The words cannot hold "anhangsel" again, so only its last place before `handelingen` can start them;
    a match of `HANDELINGEN` from further back than its window (400 characters) is impossible anyway.
    """
    start = text.rfind("anhangsel", max(0, handelingen - _WINDOW), handelingen) - 1
    if start < 0 or text[start] not in "Aa" or not AANHANGSEL_WORDS.fullmatch(text, start, handelingen):
        return -1
    return start


def _window(start: int, text: str) -> int:
    """The end of the stretch the anchored grammar may read from `start`: citations are short."""
    return min(len(text), start + _WINDOW)


def _reference(text: str, start: int, end: int, **fields: Any) -> Reference:
    """Build a Reference whose `text` and `span` are text[start:end] (None fields left to their default: faster).

    The span goes in as a dict: pydantic builds the nested Span itself, faster than a Span made first."""
    given = {name: value for name, value in fields.items() if value is not None}
    given["span"] = {"start": start, "end": end}
    return Reference(text=text[start:end], **given)


def _kamerstuk_labelled(text: str, start: int) -> list[Reference]:
    """Parse "Kamerstuk(ken) ..." at `start`; a "bijlage bij" before it is not part of the citation."""
    match = KAMERSTUK.match(text, start, _window(start, text))
    if match is None:
        return _old_dossier(text, start)
    return _kamerstukken(text, match, start, labelled=True)


def _chamber_first(text: str, start: int) -> list[Reference]:
    """Parse "Tweede Kamer 2008-2009, 31459, 22" or "TK 2008-2009, 31473, nummer 25" at `start`."""
    match = CHAMBER_FIRST.match(text, start, _window(start, text))
    return [] if match is None else _kamerstukken(text, match, start, labelled=True)


def _old_dossier(text: str, start: int) -> list[Reference]:
    """Parse a pre-1960 four-digit dossier after its zitting ("Zitting 1955-1956 - 4100, Nr. 5") at `start`."""
    end = _window(start, text)
    if not any(word.search(text, start, end) for word in OLD_DOSSIER_WORDS):
        return []
    match = OLD_DOSSIER.match(text, start, end)
    if match is None or int(match.group("y1")) >= _LAST_FOUR_DIGIT_YEAR or _header_like(match):
        return []
    fields = {"kind": ReferenceKind.KAMERSTUK, "dossier": values.shared_dossier(match.group("dnum")), **_session(match)}
    return [_reference(text, start, match.end(), numbers=values.numbers(match), pages=match.group("pages"), **fields)]


def _kamerstuk_vergaderjaar(text: str, start: int) -> list[Reference]:
    """Parse "vergaderjaar 1995–1996, 24 690, nr. 1" at `start`."""
    match = VERGADERJAAR.match(text, start, _window(start, text))
    return _old_dossier(text, start) if match is None else _kamerstukken(text, match, start, labelled=False)


def _kamerstuk_bare(text: str, start: int) -> list[Reference]:
    """Parse a dossier-first citation without label, "(27 295, nr. 95)", at `start`."""
    match = BARE.match(text, start, _window(start, text))
    return [] if match is None else _kamerstukken(text, match, start, labelled=False)


def _kamerstukken(text: str, match: regex.Match[str], start: int, *, labelled: bool) -> list[Reference]:
    """The citation in `match` plus any "; nr. 7" continuations of the same dossier."""
    if _header_like(match):
        return []
    dossier, numbers = _dossier_and_numbers(match)
    if not (labelled or _complete_without_label(match, dossier)):
        return []
    if _case_law(match, labelled=labelled) or (not numbers and _TRAILING_NUMBER.match(text, match.end())):
        return []
    dossiers = values.dossiers(match, dossier)
    shared = {"kind": ReferenceKind.KAMERSTUK, "dossier": dossier, "dossiers": dossiers, **_session(match)}
    first = _reference(text, start, match.end(), numbers=numbers, pages=match.group("pages"), **shared)
    if not numbers:
        return [first]
    return [first, *_continuations(text, first.span.end, shared)]


def _session(match: regex.Match[str]) -> dict[str, Any]:
    """The chamber and vergaderjaar fields of a Kamerstuk or Handelingen match."""
    groups = values.group_numbers(match.re)
    chamber = values.chamber(match) if "chamber" in groups else None
    year = values.vergaderjaar(match) if "y1" in groups else None
    return {"chamber": chamber, "year": year}


def _dossier_and_numbers(match: regex.Match[str]) -> tuple[Dossier, list[str]]:
    """The dossier and ondernummers, reading "36100-3" as dossier 36100, nr. 3 (only 21501 has numeric suffixes)."""
    ix = values.group_numbers(match.re)
    dossier = values.dossier(match)
    if match.group(ix["numlist"]) is not None:
        return dossier, values.numbers(match)
    single = next((match.group(ix[name]) for name in _SINGLE_NUMBER if match.group(ix[name])), None)
    if single is not None:
        return dossier, [single]
    suffix = dossier.suffix
    if suffix is not None and suffix.isdigit() and dossier.number not in values.NUMERIC_SUFFIX_DOSSIERS:
        return values.shared_dossier(dossier.number), [suffix]
    return dossier, []


def _header_like(match: regex.Match[str]) -> bool:
    """Whether a match spanning lines is a document's own header ("Kamerstukken\n36 410", "36 410\nNr. 12")."""
    ix = values.group_numbers(match.re)
    if "\n" not in match.group(0) or ("compact" in ix and match.group(ix["compact"]) is not None):
        return False
    nrword = match.group(ix["nrword"])
    if nrword is None:
        return True
    return nrword[0] == "N" and "\n" in match.string[match.start(ix["dnum"]) : match.start(ix["nrword"])]


def _case_law(match: regex.Match[str], *, labelled: bool) -> bool:
    """Whether the match is a court case number: "HR 3 juni 1981, nr. 20 355, BNB 1981/244" is no Kamerstuk.

    A journal read as the Eerste Kamer letter always gives it away; a court just before or a journal just
    after counts only for unlabelled citations, since a labelled one may stand next to a ruling.
    """
    ix = values.group_numbers(match.re)
    text = match.string
    letter_group = "letter" if match.group(ix["letter"]) is not None else "bareletter"
    if match.group(ix[letter_group]) is not None and CASE_LAW_AFTER.match(text, match.start(ix[letter_group])):
        return True
    if labelled:
        return False
    start = match.start()
    if CASE_LAW_AFTER.match(text, match.end()) is not None:
        return True
    return CASE_LAW_BEFORE.search(text, max(0, start - 60), start) is not None


def _complete_without_label(match: regex.Match[str], dossier: Dossier) -> bool:
    """Whether an unlabelled citation says enough: a nr., an Eerste Kamer letter, or "35300-XVI-108"."""
    ix = values.group_numbers(match.re)
    if match.group(ix["bareletter"]) is not None or match.group(ix["bracket"]) is not None:
        return False
    if match.group(ix["numlist"]) is not None or match.group(ix["letter"]) is not None:
        return True
    return match.group(ix["compact"]) is not None and dossier.suffix is not None and not dossier.suffix.isdigit()


def _continuations(text: str, position: int, shared: dict[str, Any]) -> list[Reference]:
    """Further "nr." citations that inherit the dossier, year and chamber of the one before."""
    found: list[Reference] = []
    while CONTINUATION_START.match(text, position) and (
        match := CONTINUATION.match(text, position, _window(position, text))
    ):
        found.append(
            _reference(
                text,
                match.start("start"),
                match.end(),
                numbers=values.numbers(match),
                pages=match.group("pages"),
                **shared,
            )
        )
        position = match.end()
    return found


def _motie(text: str, start: int) -> list[Reference]:
    """Parse the motie form "nr. 456 (36 800-XVI)" at `start`."""
    match = MOTIE.match(text, start, _window(start, text))
    if match is None:
        return []
    dossier = values.dossier(match)
    return [
        _reference(
            text, start, match.end(), kind=ReferenceKind.KAMERSTUK, dossier=dossier, numbers=values.numbers(match)
        )
    ]


def _handelingen(text: str, start: int) -> list[Reference]:
    """Parse "(Aanhangsel) Handelingen II 2023/24, nr. 45, item 12" at `start`; a year alone is not enough."""
    match = HANDELINGEN.match(text, start, _window(start, text))
    if match is None or (match.group("numlist") is None and match.group("pages") is None):
        return []
    kind = ReferenceKind.AANHANGSEL if match.group("aanhangsel") else ReferenceKind.HANDELINGEN
    numbers = values.numbers(match) if match.group("numlist") is not None else []
    fields = {"kind": kind, "numbers": numbers, "item": match.group("item"), "pages": match.group("pages")}
    return [_reference(text, start, match.end(), **fields, **_session(match))]


def _publication(text: str, start: int) -> list[Reference]:
    """Parse "Stb. 2020, 123", "Stcrt. 2021, 12345", "Trb. 2008, 175" or "Stb. 627" at `start`."""
    match = PUBLICATION.match(text, start, _window(start, text))
    if match is None:
        return []
    numbers = list(match.captures("num"))
    year = match.group("year")
    if year is None and len(numbers) == 1 and _YEAR_LIKE.fullmatch(numbers[0]):
        return []
    kind = _PUBLICATION_KINDS[match.group("pub")]
    return [_reference(text, start, match.end(), kind=kind, year=year, numbers=numbers)]


def _written_id(text: str, start: int) -> list[Reference]:
    """Parse an officielebekendmakingen id or URL ("kst-28676-464", ".../dossier/28676") at `start`."""
    match = WRITTEN_ID.match(text, start, _window(start, text))
    if match is None:
        return []
    span = Span(start=start, end=match.end())
    written = text[start : match.end()]
    if match.group("dossier") is not None:
        found = reference_from_dossier(match.group("dossier"), written, span)
    else:
        found = reference_from_identifier(match.group("id"), written, span)
    return [] if found is None else [found]


def _written_url(text: str, start: int) -> list[Reference]:
    """Parse an officielebekendmakingen URL whose host starts at `start`, with its "https://" if written.

    The trigger is the bare host, a literal that scans fast; the scheme before it is taken here.
    """
    for scheme in ("https://", "http://"):
        if start >= len(scheme) and text.startswith(scheme, start - len(scheme)):
            return _written_id(text, start - len(scheme))
    return _written_id(text, start)


def _tk_number(text: str, start: int) -> list[Reference]:
    """Parse a Tweede Kamer document or zaak number ("2024D40329", "2024Z12345") at `start`."""
    match = TK_NUMBER.match(text, start, _window(start, text))
    if match is None:
        return []
    number = match.group("num")
    kind = ReferenceKind.TK_DOCUMENT if number[4] == "D" else ReferenceKind.TK_ZAAK
    return [_reference(text, start, match.end(), kind=kind, numbers=[number])]


_PARSERS: dict[str, _Parser] = {
    "kamerstuk": _kamerstuk_labelled,
    "vergaderjaar": _kamerstuk_vergaderjaar,
    "zitting": _kamerstuk_vergaderjaar,
    "chamber": _chamber_first,
    "written_url": _written_url,
    "written_id": _written_id,
    "tk_document": _tk_number,
    "tk_zaak": _tk_number,
    "bare": _kamerstuk_bare,
    "nr": _motie,
    "aanhangsel": _handelingen,
    "handelingen": _handelingen,
    "stb_stcrt": _publication,
    "trb": _publication,
}
