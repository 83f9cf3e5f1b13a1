"""Decide the `DocumentKind` from a heading, or from the standard wording when there is none."""

from __future__ import annotations

import functools

import regex

from ..models import DocumentKind

K = DocumentKind
#: Heading phrases, most specific first; the phrase that starts earliest in the heading wins.
_HEADING_RULES: tuple[tuple[str, DocumentKind], ...] = (
    (r"(?:nader\s+|tweede\s+nader\s+)?gewijzigde\s+motie", K.GEWIJZIGDE_MOTIE),
    (r"\bmotie", K.MOTIE),
    (r"(?:nader\s+)?gewijzigd\s+(?:sub)?amendement", K.GEWIJZIGD_AMENDEMENT),
    (r"\b(?:sub)?amendement", K.AMENDEMENT),
    (r"gewijzigd\s+voorstel\s+van\s+(?:rijks)?wet", K.GEWIJZIGD_VOORSTEL_VAN_WET),
    (r"voorstel\s+van\s+(?:rijks)?wet", K.VOORSTEL_VAN_WET),
    (r"memorie\s+van\s+toelichting", K.MEMORIE_VAN_TOELICHTING),
    (
        r"advies\s+(?:van\s+de\s+)?(?:afdeling\s+advisering\s+(?:van\s+de\s+)?)?raad\s+van\s+state",
        K.ADVIES_RAAD_VAN_STATE,
    ),
    (
        r"nota\s+(?:naar\s+aanleiding\s+van|n\.a\.v\.)\s+(?:het\s+)?(?:nader\s+)?(?:verslag|eindverslag)",
        K.NOTA_NAAR_AANLEIDING_VAN_VERSLAG,
    ),
    (r"nota\s+van\s+wijziging", K.NOTA_VAN_WIJZIGING),
    (r"nadere\s+memorie\s+van\s+antwoord", K.NADERE_MEMORIE_VAN_ANTWOORD),
    (r"memorie\s+van\s+antwoord", K.MEMORIE_VAN_ANTWOORD),
    (r"(?:nader\s+)?voorlopig\s+verslag", K.VOORLOPIG_VERSLAG),
    (r"(?:nader\s+)?eindverslag", K.EINDVERSLAG),
    (r"nader\s+rapport", K.ADVIES_RAAD_VAN_STATE),
    (r"lijst\s+van\s+(?:feitelijke\s+)?vragen\s+en\s+antwoorden", K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN),
    (
        r"verslag\s+(?:van\s+(?:een|het)\s+)?(?:nader\s+)?schriftelijk(?:e)?\s+overleg",
        K.VERSLAG_SCHRIFTELIJK_OVERLEG,
    ),
    (
        r"verslag\s+(?:van\s+(?:een|het)\s+)?(?:algemeen\s+overleg|commissiedebat|nota-?overleg|wetgevingsoverleg)",
        K.VERSLAG_COMMISSIEDEBAT,
    ),
    (r"koninklijke\s+boodschap", K.KONINKLIJKE_BOODSCHAP),
    (r"besluitenlijst|korte\s+aantekeningen", K.BESLUITENLIJST),
    (r"\bbrief\b", K.BRIEF),
    (r"(?:nader\s+)?verslag", K.VERSLAG),
)
_COMPILED = tuple((regex.compile(pattern, regex.IGNORECASE), kind) for pattern, kind in _HEADING_RULES)
#: Kinds a heading names wherever the phrase stands: "VERSLAG HOUDENDE EEN LIJST VAN VRAGEN EN ANTWOORDEN".
_ANYWHERE = frozenset({K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN})

#: Standard wording in a body that tells the kind when the heading is missing.
_BODY_CUES: tuple[tuple[regex.Pattern[str], DocumentKind], ...] = (
    (
        regex.compile(r"Wij bieden U hiernevens ter overweging aan een voorstel van (?:rijks)?wet"),
        K.KONINKLIJKE_BOODSCHAP,
    ),
    (regex.compile(r"voorbereidend onderzoek van dit wetsvoorstel geeft de commissie"), K.VOORLOPIG_VERSLAG),
    (
        regex.compile(
            r"^[ \t]*Hieronder zijn opgenomen het advies van de Afdeling advisering van de Raad van State",
            regex.MULTILINE,
        ),
        K.ADVIES_RAAD_VAN_STATE,
    ),
    (
        regex.compile(
            r"^\s*(?i:nader\s+|tweede\s+nader\s+)?(?i:gewijzigde)\s+(?i:motie)\s+(?i:van)\b", regex.MULTILINE
        ),
        K.GEWIJZIGDE_MOTIE,
    ),
    (regex.compile(r"^[ \t]*De Kamer,\s*$", regex.MULTILINE), K.MOTIE),
    (regex.compile(r"^\s*Mededeling van\b", regex.MULTILINE), K.MEDEDELING),
    (
        regex.compile(
            r"^\s*(?:Antwoord van\b|Antwoord(?: op vra(?:ag|gen))? \d|Beantwoord \d|Kamerantwoord document nummer)",
            regex.MULTILINE,
        ),
        K.ANTWOORD_SCHRIFTELIJKE_VRAGEN,
    ),
    (regex.compile(r"^\s*Vragen van (?:het lid|de leden)\b", regex.MULTILINE), K.SCHRIFTELIJKE_VRAGEN),
    (
        regex.compile(
            r"^[ \t]*De vaste commissie voor [^\n]{3,120}? heeft (?:nader )?schriftelijk overleg gevoerd",
            regex.MULTILINE,
        ),
        K.VERSLAG_SCHRIFTELIJK_OVERLEG,
    ),
    (
        regex.compile(
            r"^[ \t]*De (?:vaste |algemene )?commissies? voor [^\n]{3,300}? (?:heeft|hebben) op [^\n]{6,40}? "
            r"(?:een\s+)?(?:overleg|commissiedebat|algemeen overleg|notaoverleg|wetgevingsoverleg) gevoerd",
            regex.MULTILINE,
        ),
        K.VERSLAG_COMMISSIEDEBAT,
    ),
    (
        regex.compile(
            r"^[ \t]*De (?:vaste |algemene )?commissies? voor [^\n]{3,300}? (?:heeft|hebben) [^\n]{0,40}?"
            r"vragen (?:en opmerkingen )?voorgelegd[^\n]{0,400}?(?:antwoorden|beantwoord)",
            regex.MULTILINE,
        ),
        K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN,
    ),
    (regex.compile(r"^[ \t]*Aan de Voorzitter van de (?:Tweede|Eerste) Kamer", regex.MULTILINE), K.BRIEF),
)

_WRITTEN = frozenset({K.SCHRIFTELIJKE_VRAGEN, K.ANTWOORD_SCHRIFTELIJKE_VRAGEN, K.MEDEDELING})
#: How far into a headerless text the written-question lines are looked for.
_HEAD_LENGTH = 3000

#: tweedekamer.nl page titles ("Brief regering : ...") name the kind before the colon.
_PAGE_KINDS = {
    "brief regering": K.BRIEF,
    "brief informateur": K.BRIEF,
    "brief formateur": K.BRIEF,
    "brief commissie": K.BRIEF,
    "motie": K.MOTIE,
    "gewijzigde motie": K.GEWIJZIGDE_MOTIE,
    "amendement": K.AMENDEMENT,
    "gewijzigd amendement": K.GEWIJZIGD_AMENDEMENT,
    "nota n.a.v. het verslag": K.NOTA_NAAR_AANLEIDING_VAN_VERSLAG,
    "nota van wijziging": K.NOTA_VAN_WIJZIGING,
    "memorie van toelichting": K.MEMORIE_VAN_TOELICHTING,
    "voorstel van wet": K.VOORSTEL_VAN_WET,
    "koninklijke boodschap": K.KONINKLIJKE_BOODSCHAP,
    "verslag schriftelijk overleg": K.VERSLAG_SCHRIFTELIJK_OVERLEG,
    "inbreng verslag schriftelijk overleg": K.VERSLAG_SCHRIFTELIJK_OVERLEG,
    "lijst van vragen en antwoorden": K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN,
    "advies raad van state": K.ADVIES_RAAD_VAN_STATE,
    "nader rapport": K.ADVIES_RAAD_VAN_STATE,
    "verslag": K.VERSLAG,
    "voorlopig verslag": K.VOORLOPIG_VERSLAG,
    "eindverslag": K.EINDVERSLAG,
    "memorie van antwoord": K.MEMORIE_VAN_ANTWOORD,
    "nota naar aanleiding van het verslag": K.NOTA_NAAR_AANLEIDING_VAN_VERSLAG,
    "verslag commissiedebat": K.VERSLAG_COMMISSIEDEBAT,
    "verslag algemeen overleg": K.VERSLAG_COMMISSIEDEBAT,
    "verslag notaoverleg": K.VERSLAG_COMMISSIEDEBAT,
    "verslag wetgevingsoverleg": K.VERSLAG_COMMISSIEDEBAT,
    "besluitenlijst": K.BESLUITENLIJST,
    "besluitenlijst commissie": K.BESLUITENLIJST,
    "schriftelijke vragen": K.SCHRIFTELIJKE_VRAGEN,
    "antwoord schriftelijke vragen": K.ANTWOORD_SCHRIFTELIJKE_VRAGEN,
    "mededeling schriftelijke vragen": K.MEDEDELING,
}


@functools.lru_cache(maxsize=4096)
def kind_from_heading(heading: str) -> DocumentKind:
    """The kind named by a heading such as "BRIEF VAN DE MINISTER VAN DEFENSIE"; `other` if unknown.

    Cached: the reader and the assembler both ask for the kind of the same heading.
    """
    best: tuple[int, DocumentKind] | None = None
    for pattern, kind in _COMPILED:
        match = pattern.search(heading)
        if match is not None and kind in _ANYWHERE:
            return kind
        if match is not None and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else K.OTHER


def kind_from_page_title(title: str) -> DocumentKind:
    """The kind named before " : " in a tweedekamer.nl page title; a type the table does not list
    ("Verslag van een commissiedebat") is read as a heading; `other` if neither tells."""
    head = title.split(" : ", 1)[0].strip().lower()
    return _PAGE_KINDS.get(head) or kind_from_heading(head)


def kind_from_body(text: str) -> DocumentKind:
    """The kind told by standard wording when no heading says it; `other` if none."""
    for pattern, kind in _BODY_CUES:
        # Written questions open with their Vragen/Antwoord/Mededeling lines; later such lines are quotes.
        if pattern.search(text, 0, _HEAD_LENGTH if kind in _WRITTEN else len(text)):
            return kind
    return K.OTHER
