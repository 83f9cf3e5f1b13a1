"""The structure of a motie (considerations, requests, debate, replaced motie) and of an amendement.

Works on the assembled paragraphs with their spans, so every reader gives the same clauses. A
paragraph that starts with a clause's opening words ("overwegende dat", "verzoekt de regering")
starts a clause; paragraphs without them (list items, continued text) extend the clause before.
"""

from __future__ import annotations

import functools

import regex

from ..models import Amendment, Clause, Dossier, Reference, ReferenceKind, Section, Span
from .whitespace import collapse

_ADDRESSEE = (
    r"(?:de\s+|het\s+)?(?:regering|kabinet|ministers?(?:-president)?|staatssecretarissen|staatssecretaris"
    r"|voorzitter|presidium|kamer|griffie|commissie|bewindspersonen|bewindspersoon)"
)
#: Opening words of a request; group "kind" is what `Clause.kind` normalises.
_REQUEST = regex.compile(
    r"^(?:en\s+)?(?:voorts\s+|tevens\s+|ook\s+|verder\s+|eveneens\s+|mede\s+)?(?P<kind>"
    r"verzoekt\s+" + _ADDRESSEE + r"(?:\s+en\s+" + _ADDRESSEE + r")?"
    r"|roept\s+" + _ADDRESSEE + r"\s+op"
    r"|draagt\s+" + _ADDRESSEE + r"\s+op"
    r"|spreekt\s+(?:zich\s+)?(?:als\s+(?:haar|zijn)\s+(?:mening|oordeel|wens)\s+|als\s+wens\s+)?uit"
    r"|(?P<inner>(?P<verb>spreekt|keurt)\s+(?:[\p{L}’'-]+\s+){1,8}?(?P<particle>uit|af))|onderschrijft|erkent"
    r"|vraagt\s+" + _ADDRESSEE + r"|dringt\s+(?:er\s+)?bij\s+" + _ADDRESSEE + r"\s+op\s+aan"
    r"|geeft\s+" + _ADDRESSEE + r"\s+in\s+overweging|besluit|nodigt\s+" + _ADDRESSEE + r"\s+uit"
    r"|wijst\s+" + _ADDRESSEE + r"\s+erop|verzoekt)\b[\s:,]*",
    regex.IGNORECASE,
)
#: Opening words of a consideration.
_CONSIDERATION = regex.compile(
    r"^(?:en\s+)?(?:voorts\s+|tevens\s+|ook\s+|verder\s+|eveneens\s+|mede\s+|daarnaast\s+|bovendien\s+)?(?P<kind>"
    r"constaterende|overwegende|van\s+mening|van\s+oordeel|mede\s+gelet\s+op|gelet\s+op|gezien|wijzende\s+op"
    r"|wijzend\s+op|in\s+aanmerking\s+nemende|erkennende|vaststellende|concluderende|benadrukkende"
    r"|betreurende|onderschrijvende|overtuigd|verwijzende\s+naar|verwijzend\s+naar|herinnerende\s+aan"
    r"|opmerkende|bezorgd|zich\s+ervan\s+bewust|nog\s+steeds\s+constaterende|meent)\b(?:[\s,]+dat\b)?[\s:,]*",
    regex.IGNORECASE,
)
_PREAMBLE = regex.compile(r"^(?:De\s+Kamer\s*,?\s*$|(?i:gehoord\s+de\s+beraadslaging(?:en)?)\b)")
_CLOSING = regex.compile(r"[,;.]?\s*\b(?:en\s+)?gaa?t\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\b[\s.;,]*$", regex.I)
_PROPOSED = regex.compile(
    r"Voorgesteld\s+tijdens\s+(?:het|de)\s+(?P<during>.+?)\s+(?:van\s+)?\d{1,2}\s+\p{L}+\s+\d{4}", regex.IGNORECASE
)
_REPLACES = regex.compile(r"ter\s+vervanging\s+van\s+die\s+gedrukt\s+onder\s+nr\.?\s*(?P<number>\d+)", regex.I)
_LINE_BREAK = regex.compile(
    r"(?P<end>[;,:.])[ \t]*\n|(?P<end>)[ \t]*\n(?=[ \t]*(?:verzoekt|constaterende|overwegende)\b)", regex.IGNORECASE
)
_CHANGE = regex.compile(r"^(?P<kind>[IVXLC]+|[A-Z]|\d+)\.?$")
_INTRO = regex.compile(r"^De\s+ondergetekenden?\s+stel(?:t|len)\s+(?:het\s+)?volgende\s+amendement", regex.I)
_TOELICHTING = regex.compile(r"^Toelichting\b", regex.IGNORECASE)
#: What `_CLOSING` allows after the closing line's last word "dag": regex's `\s` and ".;,".
_AFTER_CLOSING = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000.;,"
)


@functools.lru_cache(maxsize=1024)
def _kind(printed: str) -> str:
    """Opening words as printed, lower case and whitespace collapsed, without articles' variation
    (cached: the same few openings, "constaterende dat", "verzoekt de regering", recur in every motie)."""
    return " ".join(printed.lower().split())


def _units(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Paragraphs as (start, end), split where a line ends with ";", ",", ":" or ".", or the next line
    opens with "verzoekt", "constaterende" or "overwegende" (plain text of one clause a line)."""
    units: list[tuple[int, int]] = []
    for section in sections:
        for paragraph in section.paragraphs:
            first = start = paragraph.span.start
            end = paragraph.span.end
            if text.find("\n", start, end) >= 0:
                for match in _LINE_BREAK.finditer(text[start:end]):
                    units.append((start, first + match.end("end")))
                    start = first + match.end()
            if start < end:
                units.append((start, end))
    return units


@functools.lru_cache(maxsize=4096)
def _may_open(prefix: str) -> tuple[bool, bool]:
    """Whether a unit starting with `prefix` (its first three characters) can open a request, and a
    consideration: asked of the patterns themselves by a partial match, so most units skip both."""
    return (
        _REQUEST.match(prefix, partial=True) is not None,
        _CONSIDERATION.match(prefix, partial=True) is not None,
    )


def _may_close(piece: str) -> bool:
    """Whether `piece` can end with the closing line: `_CLOSING` ends in "dag" and `_AFTER_CLOSING`."""
    return piece.rstrip(_AFTER_CLOSING)[-3:].lower() == "dag"


def _clause(kind: str, text: str, start: int, end: int) -> Clause | None:
    """A clause for text[start:end], without its closing separator; None when nothing is left."""
    piece = text[start:end]
    closing = _CLOSING.search(piece) if _may_close(piece) else None
    if closing is not None:
        end = start + closing.start()
        piece = text[start:end]
    stripped = piece.rstrip(" \n\t;,.:")
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped.lstrip())
    value = collapse(text[start:end])
    return Clause(kind=kind, text=value, span=Span(start=start, end=end)) if value else None


def motion_clauses(text: str, sections: list[Section]) -> tuple[list[Clause], list[Clause]]:
    """(considerations, requests) of a motie, in order."""
    considerations: list[Clause] = []
    requests: list[Clause] = []
    current: tuple[str, bool, int, int] | None = None

    def close() -> None:
        if current is None:
            return
        kind, is_request, start, end = current
        clause = _clause(kind, text, start, end)
        if clause is not None:
            (requests if is_request else considerations).append(clause)

    for unit_start, unit_end in _units(text, sections):
        source = text[unit_start:unit_end]
        body = source.lstrip()
        lead = len(source) - len(body)
        may_request, may_consider = _may_open(body[:3])
        request = _REQUEST.match(body) if may_request else None
        consideration = _CONSIDERATION.match(body) if may_consider and request is None else None
        match = request or consideration
        if match is not None:
            close()
            start = unit_start + lead + match.end()
            kind = _kind(match.group("kind"))
            if request is not None and request.group("inner"):
                # "spreekt hiervoor de grootst mogelijke waardering uit": what is said is inside the words.
                kind = f"{request.group('verb').lower()} {request.group('particle').lower()}"
                start = unit_start + lead + request.start("inner")
            current = (kind, request is not None, start, unit_end)
        elif _PREAMBLE.match(body) or (_may_close(body) and _CLOSING.match(body)):
            close()
            current = None
        elif current is not None:
            current = (current[0], current[1], current[2], unit_end)
    close()
    return considerations, requests


def proposed_during(dateline: str) -> str | None:
    """The debate in "Voorgesteld tijdens het Notaoverleg van 11 september 2023": "Notaoverleg"."""
    match = _PROPOSED.search(dateline)
    during = " ".join(match.group("during").split()) if match else None
    return during if during and during.lower() != "van" else None


def replaced_motion(text: str, heading_span: Span | None, dossier: Dossier | None) -> Reference | None:
    """The motie a gewijzigde motie replaces ("ter vervanging van die gedrukt onder nr. 12")."""
    start, end = (heading_span.start, heading_span.end) if heading_span is not None else (0, len(text))
    match = _REPLACES.search(text, start, end)
    if match is None and heading_span is not None:
        match = _REPLACES.search(text)
    if match is None:
        return None
    return Reference(
        kind=ReferenceKind.KAMERSTUK,
        dossier=Dossier(number=dossier.number, suffix=dossier.suffix) if dossier is not None else None,
        numbers=[match.group("number")],
        text=match.group(),
        span=Span(start=match.start(), end=match.end()),
    )


def amendment(text: str, sections: list[Section]) -> Amendment:
    """The changes of an amendement and its Toelichting section.

    A change starts at a label on its own ("I", "A", "1"); the text after "De ondergetekenden stellen
    het volgende amendement voor:" without any label is one change whose kind is "" (no label printed).
    """
    blocks: list[tuple[str, Span]] = []
    toelichting: Section | None = None
    for section in sections:
        heading = section.heading or ""
        first = section.paragraphs[0].text if section.paragraphs else ""
        if _TOELICHTING.match(heading) or (not heading and _TOELICHTING.match(first)):
            toelichting = section
            break
        if section.heading is not None and section.heading_span is not None:
            blocks.append((section.heading, section.heading_span))
        blocks.extend((p.text, p.span) for p in section.paragraphs)
    intro = [i for i, (block, _) in enumerate(blocks) if _INTRO.match(block)]
    if intro:
        blocks = blocks[intro[0] + 1 :]
    elif not any(_CHANGE.match(block) for block, _ in blocks):
        return Amendment(changes=[], toelichting=toelichting)
    changes: list[Clause] = []
    current: list[object] = []  # [kind, start, end] of the change being read

    def close() -> None:
        if current and current[1] is not None:
            clause = _clause(str(current[0]), text, int(str(current[1])), int(str(current[2])))
            if clause is not None:
                changes.append(clause)

    for block, span in blocks:
        label = _CHANGE.match(block)
        if label is not None:
            close()
            current[:] = [label.group("kind"), None, None]
        elif not current:
            current[:] = ["", span.start, span.end]
        elif current[1] is None:
            current[1:] = [span.start, span.end]
        else:
            current[2] = span.end
    close()
    return Amendment(changes=changes, toelichting=toelichting)
