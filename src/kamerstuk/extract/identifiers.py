"""officielebekendmakingen identifiers ("kst-36600-XX-34", "trb-2010-272") read back into references."""

from __future__ import annotations

import regex

from ..models import Chamber, Dossier, Reference, ReferenceKind, Span

_KST = regex.compile(
    r"^kst-(?P<dossier>\d{4,6}|[CDLXVI]+)(?:-(?P<suffix>[0-9]{1,2}|[IVXL]{1,6}[A-D]?))?-(?P<nr>[0-9A-Za-z]{1,6})$"
)
_JOURNAL = regex.compile(r"^(?P<kind>stb|stcrt|trb)-(?P<year>\d{4})-(?P<nr>\d+)$")
_HANDELINGEN = regex.compile(
    r"^(?P<kind>h|ah)-(?P<chamber>tk|ek|vv)-(?P<y1>\d{4})(?P<y2>\d{4})-(?P<nr>\d+)(?:-(?P<item>\d+))?$"
)
_KAMERVRAGEN = regex.compile(r"^kv-(?P<chamber>tk|ek)-(?P<nr>[0-9A-Z]{4,12})$")
_BIJLAGE = regex.compile(r"^blg-(?P<nr>\d{1,9})$")
_JOURNALS = {"stb": ReferenceKind.STAATSBLAD, "stcrt": ReferenceKind.STAATSCOURANT, "trb": ReferenceKind.TRACTATENBLAD}
_CHAMBERS = {"tk": Chamber.TWEEDE_KAMER, "ek": Chamber.EERSTE_KAMER, "vv": Chamber.VERENIGDE_VERGADERING}


def reference_from_identifier(identifier: str, text: str, span: Span) -> Reference | None:
    """The Reference an id points at, with the display `text` and `span` it stands at; None if unknown."""
    if match := _KST.match(identifier):
        dossier = Dossier(number=match.group("dossier"), suffix=match.group("suffix"))
        return Reference(
            kind=ReferenceKind.KAMERSTUK, dossier=dossier, numbers=[match.group("nr")], text=text, span=span
        )
    if match := _JOURNAL.match(identifier):
        kind = _JOURNALS[match.group("kind")]
        return Reference(kind=kind, year=match.group("year"), numbers=[match.group("nr")], text=text, span=span)
    if match := _HANDELINGEN.match(identifier):
        kind = ReferenceKind.HANDELINGEN if match.group("kind") == "h" else ReferenceKind.AANHANGSEL
        return Reference(
            kind=kind,
            chamber=_CHAMBERS[match.group("chamber")],
            year=f"{match.group('y1')}-{match.group('y2')}",
            numbers=[match.group("nr")],
            item=match.group("item"),
            text=text,
            span=span,
        )
    if match := _KAMERVRAGEN.match(identifier):
        chamber = _CHAMBERS[match.group("chamber")]
        kind = ReferenceKind.KAMERVRAGEN
        return Reference(kind=kind, chamber=chamber, numbers=[match.group("nr")], text=text, span=span)
    if match := _BIJLAGE.match(identifier):
        return Reference(kind=ReferenceKind.BIJLAGE, numbers=[match.group("nr")], text=text, span=span)
    return None


def reference_from_dossier(dossier: str, text: str, span: Span) -> Reference | None:
    """A whole-dossier reference from a dossierref value such as "36410-VII"."""
    match = regex.match(r"^(?P<n>\d{4,6}|[CDLXVI]+)(?:-(?P<s>[0-9A-Z]{1,6}))?$", dossier)
    if match is None:
        return None
    return Reference(
        kind=ReferenceKind.KAMERSTUK,
        dossier=Dossier(number=match.group("n"), suffix=match.group("s")),
        text=text,
        span=span,
    )
