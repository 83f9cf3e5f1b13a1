"""The citation grammar: cheap trigger patterns plus one anchored pattern per citation form.

Only the `TRIGGERS` (one short pattern per form, each starting with a fixed word or a dossier-number
shape) scan the whole text; every other pattern is matched at a trigger position, in a window, so
the cost of the full grammar is paid only where a citation can start.
Quantifiers on whitespace are possessive and repeats are bounded, so no pattern backtracks
more than a constant amount on hostile input.
"""

from __future__ import annotations

import re

import regex

_FLAGS = regex.VERBOSE | regex.VERSION0

#: Within a citation a run of whitespace may hold at most one line break: a wrapped line is
#: fine, but "Kamerstukken" in a header followed by blank lines and a dossier number is not a citation.
_RUN_OPTIONAL = r"[^\S\n]*+\n?[^\S\n]*+"
_RUN_REQUIRED = r"(?:[^\S\n]++\n?[^\S\n]*+|\n[^\S\n]*+)"


def _compile(pattern: str) -> regex.Pattern[str]:
    """Compile a grammar pattern, reading its possessive whitespace runs as "at most one line break"."""
    return regex.compile(pattern.replace(r"\s*+", _RUN_OPTIONAL).replace(r"\s++", _RUN_REQUIRED), _FLAGS)


#: Whitespace (including one line wrap) and an optional comma between the parts of a citation.
SEP = r"\s*+,?\s*+"
COMMA = r"\s*+,\s*+"

#: A vergaderjaar: "2019/20", "2019–2020", "2008-2009", "'19/'20", or a range "1993/94-1996/97".
YEAR = r"""
    (?:
        (?P<y1>(?:1[89]|20)\d{2})\s?[/\u2013-](?:\s?[/\u2013-])?\s?(?P<y2>(?:1[89]|20)?\d{2})(?!\d)
        (?P<yrange>\s?[\u2013-]\s?(?:1[89]|20)\d{2}\s?/\s?(?:(?:1[89]|20)?\d{2})(?!\d))?
      | '(?P<a1>\d{2})\s?/\s?'?(?P<a2>\d{2})(?!\d)
    )
"""

#: Further vergaderjaren of a list ("2003/2004, 2004/2005"): read and left out of `year`.
MORE_YEARS = r"""
    (?P<moreyears>(?:\s*+,\s*+(?:1[89]|20)\d{2}\s?[/\u2013-]\s?(?:1[89]|20)?\d{2}(?!\d)){1,8})?
"""

#: The chamber as written after the label; longer spellings come first.
CHAMBER = r"""
    (?P<chamber>Tweede\s+Kamer|Eerste\s+Kamer|Verenigde\s+Vergadering
      |I-II|I/II|II|I|TK|EK|T\.K\.|E\.K\.|VV|11|[12](?=\s*+,))(?![\w/-])
"""

_ROMAN = r"[IVXL]{1,6}[A-D]?"
_DASH = r"[-\u2010\u2011\u2013]"


def dossier(tag: str) -> str:
    """A printed dossier number with optional suffix; `tag` names its groups so a pattern can hold two."""
    return rf"""
        (?P<{tag}num>[1-4]\d[\s.-]?\d{{3}})(?!\d)
        (?:
            \s?(?:{_DASH}|\.)\s?(?P<{tag}suf>\d{{1,2}}(?!\d)|{_ROMAN}(?![\w]))
          | \s(?:hoofdstuk\s)?(?P<{tag}suf>{_ROMAN})(?![\w-])
          | (?P<{tag}suf>{_ROMAN})(?![\w])
        )?
        (?:\s?\(R\s?\d{{3,4}}\))?
    """


#: One or more dossiers ("34 477 en 31 839", "24 802/24 807", "35526 25295"); the first is kept.
DOSSIERS = dossier("d") + r"(?:(?:\s*+(?:/|en|&)\s*+|\s)" + dossier("x") + r"){0,3}"

_NR_WORD = r"(?:[Nn]rs?\b\.?|[Nn]ummers?\b|[Nn]o\.)"
_DIGITS = r"\d{1,5}[a-z]?(?![\w])"
_LETTERS = r"[A-Z]{1,3}(?![\w])"
#: A list item that is really the next dossier ("nr. 57 en 24 802/24 807, nr. 8") ends the list.
_NOT_DOSSIER = r"(?![1-4]\d(?:[\s.]\d{3}|\d{3}[-\u2013./]))"
_LIST_SEP = r"\s*+(?:,|en|&|t/m|tot\s+en\s+met|[-\u2013])\s*+"

#: "nr. 464", "nrs. 1000 en 1001", "nr. A": the ondernummers, captured as repeated group `num`.
NUMBERS = rf"""
    (?P<nrword>{_NR_WORD})\s*+
    (?P<numlist>
        (?P<num>{_DIGITS})(?:{_LIST_SEP}{_NOT_DOSSIER}(?P<num>{_DIGITS})){{0,30}}
      | (?P<num>{_LETTERS})(?:{_LIST_SEP}(?P<num>{_LETTERS})){{0,30}}
    )
"""

#: A page reference: "p. 12", "blz. 7909-7943", "p. 12 en 13", "p. 3 e.v.".
PAGES = r"""
    (?:p\.|pp\.|pag\.|blz\.|bl\.|bladzijden?|pagina'?s?)\s*+
    (?P<pages>\d{1,5}(?:\s*+(?:[-\u2013]|en|t/m)\s*+\d{1,5}){0,10}(?:\s*+e\.v\.)?)
"""

#: Everything that may follow the dossier of a Kamerstuk citation.
_KST_TAIL = rf"""
    (?:
        {SEP}{NUMBERS}
      | {COMMA}(?P<letter>[A-Z]{{1,3}})(?![\w])
      | {_DASH}(?P<compact>\d{{1,5}}[a-z]?)(?![\w])
      | {COMMA}(?P<barenum>\d{{1,5}}[a-z]?)(?![\w.,/-])
      | \s*+(?P<bracket>\()\s*+(?P<numlist>(?P<num>{_DIGITS})(?:\s*+,\s*+(?P<num>{_DIGITS})){{0,30}})\s*+\)
      | [^\S\n]++(?P<bareletter>[A-Z]{{1,3}})(?![\w-])
    )?
    (?:{SEP}{PAGES})?
"""

#: "Kamerstuk(ken) [II] [2019/20,] 35 300, nr. 3, p. 12" with every part after the label optional.
KAMERSTUK = _compile(
    rf"""
    (?P<label>(?i:kamerstuk(?:ken)?))(?![\w])
    (?:\s++{CHAMBER})?
    (?:{SEP}(?:(?i:vergaderjaar|zitting)\s++)?{YEAR}{MORE_YEARS})?
    {SEP}{DOSSIERS}
    {_KST_TAIL}
    """
)

#: The chamber written out or abbreviated before the year, without "Kamerstukken": "Tweede Kamer
#: 2008-2009, 31459, 22", "TK 2008-2009, 31473, nummer 25".
CHAMBER_FIRST = _compile(
    rf"""
    (?<![\w.])(?P<label>(?P<chamber>Tweede\s+Kamer|Eerste\s+Kamer|TK|EK|T\.K\.|E\.K\.))(?![\w/-])
    {SEP}(?:(?i:vergaderjaar|zitting)\s++)?{YEAR}{MORE_YEARS}
    {SEP}{DOSSIERS}
    {_KST_TAIL}
    """
)

#: A four-digit dossier of before 1960 after its zitting: "Kamerstukken II, Zitting 1958-1959-5380, Nr. 3",
#: "Zitting 1955-1956 - 4100, Nr. 5"; the ondernummer is required, the year is checked by the parser.
OLD_DOSSIER = _compile(
    rf"""
    (?:(?P<label>(?i:kamerstuk(?:ken)?))(?![\w])(?:\s++{CHAMBER})?{SEP})?
    (?i:vergaderjaar|zitting)\s++{YEAR}
    \s*+[,\u2013-]?\s*+(?P<dnum>[1-9]\d{{3}})(?![\d\w])(?P<dsuf>)
    {SEP}{NUMBERS}(?:{SEP}{PAGES})?
    """
)

#: "vergaderjaar 1995–1996, 24 690, nr. 1" without the word Kamerstuk.
VERGADERJAAR = _compile(
    rf"""
    (?P<label>(?i:vergaderjaar|zitting))\s++{YEAR}{MORE_YEARS}
    {SEP}{DOSSIERS}
    {_KST_TAIL}
    """
)

#: A dossier-first citation without label: "(27 295, nr. 95)", "(35.526, BH)", "35300-XVI-108".
BARE = _compile(
    rf"""
    (?<![\w.,/\u2013-]|\|\s{{0,3}}|(?:€|\bf|\bEUR)\s{{0,2}})
    {DOSSIERS}
    {_KST_TAIL}
    """
)

#: The motie form "nr. 456 (36 800-XVI)".
MOTIE = _compile(
    rf"""
    {NUMBERS}\s*+\(\s*+{dossier("d")}\s*+\)
    """
)

#: A further ondernummer of the same dossier: "; nr. 7, p. 5-6" or " en nr. 79".
CONTINUATION = _compile(
    rf"""
    \s*+(?:[;,]\s*+)?(?:en\s++)?
    (?P<start>){NUMBERS}(?:{SEP}{PAGES})?
    """
)

#: "Handelingen II 2023/24, nr. 45, item 12, p. 3", "Aanhangsel Handelingen II 2024/25, nr. 1028".
HANDELINGEN = _compile(
    rf"""
    (?:(?P<aanhangsel>[Aa]anhangsel)(?:\s++(?:van|bij)\s++de)?\s++)?
    [Hh]andelingen
    (?:\s++{CHAMBER})?
    {SEP}(?:(?i:vergaderjaar|zitting)\s++)?{YEAR}
    (?:
        {SEP}{NUMBERS}(?:{COMMA}item\s*+(?P<item>\d{{1,4}}))?(?:{SEP}{PAGES})?
      | {SEP}(?:{PAGES}|(?P<pages>\d{{1,5}}(?:\s*+[-\u2013]\s*+\d{{1,5}})?)(?![\w]))
    )?
    """
)

#: "Stb. 2020, 123", "Stcrt. 2021, nr. 12345", "Trb. 2008, 175", "Stb. 627".
PUBLICATION = _compile(
    r"""
    (?P<pub>Stb|Staatsblad|Stcrt|Staatscourant|Trb|Tractatenblad)\.?\s*+
    (?:(?P<year>(?:1[89]|20)\d{2})\s*+[,/]\s*+)?
    (?:nr\.\s*+)?
    (?P<num>\d{1,6})(?![\w])(?:\s++en\s++(?P<num>\d{1,6})(?![\w])){0,10}
    """
)


#: Case law, whose case numbers look like dossiers: a journal with its year after the number
#: ("BNB 1981/244", "NJ 2015/12", "AB 2004, 12") or a court or ECLI/LJN just before it.
_JOURNALS = r"(?:BNB|NJ|NJB|AB|JB|JOL|RvdW|V-N|FED|VN|BB|JAR|RSV|USZ|NTFR|WFR|LJN|ECLI)"
CASE_LAW_AFTER = regex.compile(rf"[\s,;]*+{_JOURNALS}(?![\w])[\s:]*+(?:(?:1[89]|20)\d{{2}}|[A-Z]{{2}})")
CASE_LAW_BEFORE = regex.compile(
    r"(?:\b(?:HR|Hoge\s+Raad|ECLI|LJN|CRvB|CBb|ABRvS|RvS|Hof|Rb\.|Ktr\.|Pres\.)\b[^;()]{0,50}?\bnr\.?\s*+)\Z"
)

#: An officielebekendmakingen id or URL written out: "kst-28676-464",
#: "https://zoek.officielebekendmakingen.nl/kst-28676-464.html", ".../dossier/28676", ".../dossier/kst-25051-8.html",
#: "blg-123456". A dossier number counts only in a URL (the trigger starts at the URL or an id prefix).
WRITTEN_ID = regex.compile(
    r"""
    (?:(?:https?://)?zoek\.officielebekendmakingen\.nl/(?:dossier/)?)?
    (?:
        (?P<dossier>\d{4,6}(?:-[0-9A-Z]{1,6})?)(?![\w.-])
      | (?P<id>(?:kst|stb|stcrt|trb|h-(?:tk|ek|vv)|ah-(?:tk|ek|vv)|kv-(?:tk|ek)|blg)(?:-[0-9A-Za-z]{1,12}){1,4})
        (?:\.(?:html|pdf|xml|odt))?
    )
    (?![\w-])
    """,
    _FLAGS,
)

#: The Tweede Kamer's document and zaak numbers: "2024D40329", "2024Z12345".
TK_NUMBER = regex.compile(r"(?<![\w/=-])(?P<num>(?:199|20[0-4])\d[DZ]\d{5})(?![\w])")

#: Where a citation can start, per form. The `regex` engine finds a pattern that begins with a literal
#: at 1-2 GB/s but scans a class or an alternation at the start ("[Nn]r", "(?:Tweede|Eerste) Kamer",
#: "(?:199|20[0-4])") char by char at 80-150 MB/s, and one alternation of all triggers at 25 MB/s. So
#: every trigger starts with its rarest literal ("(" for "nr. 456 (", "Kamer", "D" of "2024D40329") and
#: checks what stands before it in a lookbehind; its group `t`, when it has one, marks where the
#: citation starts. A lookahead drops places where the form's grammar cannot match (a chamber or
#: vergaderjaar without a year within the grammar's 400-character window). tests/test_references.py
#: checks these against the plain patterns they replace (`PLAIN_TRIGGERS` there).
#: Two triggers use the standard `re` module, which scans them faster than `regex` (a literal followed by a
#: short fixed-width lookbehind); they use nothing that the two modules read differently.
_YEAR_NEXT = r"(?=[\s,]{0,400}+['\dVvZz])"
TRIGGERS: dict[str, regex.Pattern[str] | re.Pattern[str]] = {
    "kamerstuk": regex.compile(r"(?i)kamerstuk"),
    "handelingen": regex.compile(r"[Hh]andelingen"),
    "stb_stcrt": regex.compile(r"St(?:b|crt|aatsblad|aatscourant)"),
    "trb": regex.compile(r"Tr(?:b|actatenblad)"),
    "vergaderjaar": regex.compile(r"ergaderjaar(?<=(?P<t>[Vv])ergaderjaar)(?=\s{1,400}+['\d])"),
    "zitting": regex.compile(r"itting(?<=(?P<t>[Zz])itting)(?=\s{1,400}+['\d])"),
    "written_url": regex.compile(r"zoek\.officielebekendmakingen\.nl/"),
    "written_id": regex.compile(r"-[\dtekv](?<=(?<![\w/-])(?P<t>kst|stb|stcrt|trb|h|ah|kv|blg)-.)"),
    "tk_document": re.compile(r"D(?<=(?P<t>(?:199|20[0-4])\d)D)\d{5}"),
    "tk_zaak": re.compile(r"Z(?<=(?P<t>(?:199|20[0-4])\d)Z)\d{5}"),
    "chamber": regex.compile(
        r"K(?:amer(?<=(?P<t>Tweede|Eerste)\ Kamer)|(?<=\b(?P<t>[TE])K)\b|(?<=\b(?P<t>[TE])\.K)\.)" + _YEAR_NEXT
    ),
    "nr": regex.compile(r"\((?<=(?P<t>[Nn]rs?\.?\s?\d{1,5}[a-z]?\s?)\()"),
    "bare": regex.compile(r"[1-4]\d[ .]?\d{3}(?!\d)(?=[^\n]{0,30}?(?:[,\u2013-]|[Nn]r))"),
}
#: Whether a trigger marks the citation's start with its group `t` (else the match start).
TRIGGER_STARTS = {form: "t" in pattern.groupindex for form, pattern in TRIGGERS.items()}

#: "Aanhangsel (van de) Handelingen" has no trigger scan of its own: an `HANDELINGEN` match with the
#: aanhangsel words ends them right before "Handelingen", so they are looked for only before a
#: "handelingen" trigger (the last "anhangsel" within the grammar's window, then this pattern up to it).
AANHANGSEL_WORDS = _compile(r"[Aa]anhangsel(?:\s++(?:van|bij)\s++de)?\s++")

_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_NAME = r"[A-Z][\w'’.-]*+"
_PARTICLE = r"(?:van|de|der|den|het|ter|ten|te|in|op|'t|’t)"
#: A member's name as a motie is named after it: "Van Campen", "Inge van Dijk", "Slagt-Tichelman".
_PERSON = rf"{_NAME}(?:\s++(?:{_PARTICLE}\s++){{0,3}}{_NAME}){{0,3}}"
#: Free words describing a verslag or a set of answers, within one clause.
_CLAUSE = r"[^.;:()\[\]]{1,120}?"

#: The words naming a cited document right before its bracketed citation: "motie-Van Campen c.s. (",
#: "motie Sneller/Ellian (", "amendement van het lid Vreugdenhil c.s. (", "brief van 11 april 2005 (",
#: "verslag van het schriftelijk overleg Raad Buitenlandse Zaken (", "Lijst van vragen en antwoorden over ... (".
#: Matched with `search(text, pos, start)` so `\Z` is the start of the citation.
LABEL = _compile(
    rf"""
    (?<![\w-])
    (?P<label>
        [Mm]otie(?:-|\s++){_PERSON}(?:\s*+/\s*+{_PERSON}){{0,5}}(?:\s++c\.s\.)?
      | (?:[Mm]otie|[Aa]mendement)\s++van\s++(?:het\s++lid|de\s++leden)\s++{_PERSON}
        (?:(?:\s*+,\s*+|\s++en\s++){_PERSON}){{0,5}}(?:\s++c\.s\.)?
      | [Aa]mendement-{_PERSON}(?:\s*+/\s*+{_PERSON}){{0,5}}(?:\s++c\.s\.)?
      | (?:[Kk]amer)?[Bb]rie(?:f|ven)\s++van\s++\d{{1,2}}\s++{_MONTH}(?:\s++(?:1[89]|20)\d{{2}}|\s++jl\.)?
      | [Vv]erslag\s++van\s++(?:het|een|de)\s++{_CLAUSE}
      | (?:(?:[Ll]ijst\s++van\s++)?vragen\s++en\s++)?[Aa]ntwoorden\s++(?:op|over)\s++{_CLAUSE}
    )
    \s*+\(\s*+\Z
    """
)

#: Cheap necessary conditions tried before two large patterns, whose failing match costs several µs of
#: setup: how a continuation starts (`CONTINUATION` up to the "n" of "nr.") and the zitting or
#: vergaderjaar every `OLD_DOSSIER` holds.
CONTINUATION_START = _compile(r"\s*+(?:[;,]\s*+)?(?:en\s++)?[Nn]")
OLD_DOSSIER_WORDS = (regex.compile(r"(?i)vergaderjaar"), regex.compile(r"(?i)zitting"))
