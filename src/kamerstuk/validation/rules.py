"""The rule catalogue: every check with its stable code, name, default severity and summary.

Each rule is a function from a parsed `Document` to findings; `validate` turns findings into
`Diagnostic`s. Rules that surface a parser diagnostic (KS101, KS102, KS202, KS601, KS901, KS902)
keep one code for one problem whether the parser or the validator saw it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from ..coverage import check_coverage
from ..merge import comparisons, normal
from ..models import Document, DocumentKind, Severity, Span
from .document import has_end


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found: what, where, and the parser's severity when it was the parser's."""

    message: str
    span: Span | None = None
    severity: Severity | None = None


Check = Callable[[Document], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A catalogue entry; `check` is None for a rule the command line reports (a file it cannot parse)."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check | None


def parser_findings(doc: Document, code: str) -> Iterator[Finding]:
    """The parser's own diagnostics with `code`, as findings that keep the parser's severity."""
    for diagnostic in doc.diagnostics:
        if diagnostic.code == code:
            yield Finding(diagnostic.message, diagnostic.span, diagnostic.severity)


def surfaced(code: str) -> Check:
    """A check that reports what the parser already diagnosed under `code`."""

    def check(doc: Document) -> Iterator[Finding]:
        return parser_findings(doc, code)

    check.__doc__ = f"Parser diagnostic {code} present."
    return check


def check_unplaced(doc: Document) -> Iterator[Finding]:
    """Text the parser kept as a paragraph only for want of a place, and text in no place or in two."""
    yield from parser_findings(doc, "KS902")
    for problem in check_coverage(doc):
        yield Finding(problem.message, problem.span)


# -- header ---------------------------------------------------------------------------------------
_DOSSIER_NUMBER = regex.compile(r"\d{5}|M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_SUFFIX = regex.compile(r"(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})[A-D]?")
_DIGIT_SUFFIX = regex.compile(r"0?[1-9]|[1-9]\d")


def _valid_suffix(suffix: str) -> bool:
    """A council number, a budget chapter in Roman numerals, or a fund letter ("36 600 A", Mobiliteitsfonds)."""
    return bool(_DIGIT_SUFFIX.fullmatch(suffix) or _ROMAN_SUFFIX.fullmatch(suffix) or suffix in ("A", "B", "C", "D"))


def check_dossier_number(doc: Document) -> Iterator[Finding]:
    """Dossier numbers the parser could not split, and parsed ones whose number or suffix is impossible."""
    yield from parser_findings(doc, "KS102")
    for dossier in doc.dossiers:
        if not dossier.number or not _DOSSIER_NUMBER.fullmatch(dossier.number):
            yield Finding(f"malformed dossier number {dossier.number!r}", dossier.span)
        elif dossier.suffix is not None and not _valid_suffix(dossier.suffix):
            yield Finding(f"malformed dossier suffix {dossier.suffix!r} in {str(dossier)!r}", dossier.span)


def check_no_dossier(doc: Document) -> Iterator[Finding]:
    """A header with a document number or heading but no dossier number (KS101 covers an empty header)."""
    if not doc.dossiers and (doc.number or doc.heading):
        span = doc.field_spans.get("number") or doc.field_spans.get("heading")
        yield Finding("no dossier number above the document number or heading", span)


def check_no_number(doc: Document) -> Iterator[Finding]:
    """A dossier without the document's own number ("Nr. 467"), so the document has no identifier."""
    if doc.dossiers and doc.number is None:
        yield Finding(f"no document number under dossier {doc.dossiers[0]}", doc.dossiers[-1].span)


def check_unknown_heading(doc: Document) -> Iterator[Finding]:
    """A heading that names no known kind of Kamerstuk."""
    if doc.heading and doc.kind is DocumentKind.OTHER:
        yield Finding(f"unknown heading {doc.heading!r}: kind is other", doc.field_spans.get("heading"))


# -- addressing and dating ------------------------------------------------------------------------
#: Kinds whose header carries a dated line ("Den Haag, ...", "Voorgesteld ...", "Vastgesteld ...").
DATED_KINDS = frozenset(
    {
        DocumentKind.BRIEF,
        DocumentKind.MOTIE,
        DocumentKind.GEWIJZIGDE_MOTIE,
        DocumentKind.AMENDEMENT,
        DocumentKind.GEWIJZIGD_AMENDEMENT,
        DocumentKind.VERSLAG,
        DocumentKind.EINDVERSLAG,
        DocumentKind.VERSLAG_SCHRIFTELIJK_OVERLEG,
        DocumentKind.VERSLAG_COMMISSIEDEBAT,
    }
)
FIRST_SESSION = datetime.date(1815, 1, 1)
#: A header line "Place, <day> <month> <year>" that may not parse: a place, a comma, a day and a year.
_LOOSE_DATELINE = regex.compile(
    r"^(?:['’]s-Gravenhage|Den Haag|\p{Lu}[\p{L}'’.-]+(?:[ -]\p{Lu}[\p{L}'’.-]+)?),\s*"
    r"\d{1,2}\b[^\n]{0,30}?\b\d{4}\s*$",
    regex.MULTILINE,
)
#: How far into the text the header's dated line is looked for.
HEADER_CHARS = 2000


def check_letter_addressee(doc: Document) -> Iterator[Finding]:
    """A letter (kind brief) without an "Aan de ..." line."""
    if doc.kind is DocumentKind.BRIEF and not doc.addressee:
        yield Finding('letter without addressee (no "Aan de ..." line)', doc.field_spans.get("heading"))


def _has_date_problem(doc: Document) -> bool:
    """True when the parser saw an unparseable date (KS202)."""
    return any(d.code == "KS202" for d in doc.diagnostics)


def _loose_dateline(doc: Document) -> regex.Match[str] | None:
    """The header's "Place, date" line when the document has no date and the parser did not diagnose it."""
    if doc.date is not None or _has_date_problem(doc):
        return None
    return _LOOSE_DATELINE.search(doc.text, 0, HEADER_CHARS)


def check_no_date(doc: Document) -> Iterator[Finding]:
    """A dated kind of document with no date at all (an unreadable one is KS202 or KS205)."""
    if doc.kind in DATED_KINDS and doc.date is None and not _has_date_problem(doc) and not _loose_dateline(doc):
        yield Finding(f"no date in the header of this {doc.kind.value}", doc.field_spans.get("heading"))


def check_date_range(doc: Document) -> Iterator[Finding]:
    """A date after today or before the first Staten-Generaal (1815)."""
    if doc.date is None:
        return
    span = doc.field_spans.get("date")
    if doc.date > datetime.date.today():
        yield Finding(f"date {doc.date.isoformat()} is in the future", span)
    elif doc.date < FIRST_SESSION:
        yield Finding(f"date {doc.date.isoformat()} is before 1815", span)


def check_loose_dateline(doc: Document) -> Iterator[Finding]:
    """A "Place, date" line in the header that the parser could not read as a date."""
    match = _loose_dateline(doc)
    if match is not None:
        span = Span(start=match.start(), end=match.end())
        yield Finding(f"place and date line {match.group().strip()!r} does not parse", span)


# -- notes ----------------------------------------------------------------------------------------
def check_marker_without_note(doc: Document) -> Iterator[Finding]:
    """A note marker in the text whose note is missing (needs the notes, or the document's end)."""
    if not has_end(doc):
        return
    numbers = {note.number for note in doc.notes}
    for ref in doc.note_refs:
        if ref.number not in numbers:
            yield Finding(f"note marker {ref.number} has no note", ref.span)


def check_note_without_marker(doc: Document) -> Iterator[Finding]:
    """A note that no marker in the text points at."""
    markers = {ref.number for ref in doc.note_refs}
    for note in doc.notes:
        if note.number not in markers:
            yield Finding(f"note {note.number} has no marker in the text", note.span)


def _numbering_problem(number: str, expected: int, seen: set[str]) -> str | None:
    """What is wrong with note `number` when note `expected` comes next and `seen` were numbered before."""
    if number in seen:
        return f"note number {number} is used twice"
    if not number.isdigit():
        return f"note number {number!r} is not a number"
    if int(number) > expected:
        return f"note {number} follows a gap: expected note {expected}"
    if int(number) < expected:
        return f"note {number} is out of order: expected note {expected}"
    return None


def check_note_numbering(doc: Document) -> Iterator[Finding]:
    """Notes numbered other than 1, 2, 3, ... in order: a gap, a duplicate or a step back."""
    seen: set[str] = set()
    expected = 1
    for note in doc.notes:
        problem = _numbering_problem(note.number, expected, seen)
        if problem is not None:
            yield Finding(problem, note.span)
        seen.add(note.number)
        if note.number.isdigit():
            expected = max(expected, int(note.number) + 1)


# -- signature ------------------------------------------------------------------------------------
def check_letter_signatory(doc: Document) -> Iterator[Finding]:
    """A whole letter (kind brief, with an end) that nobody signed."""
    if doc.kind is DocumentKind.BRIEF and not doc.signatories and has_end(doc):
        yield Finding("letter without signatory", doc.field_spans.get("heading"))


def check_signatory_name(doc: Document) -> Iterator[Finding]:
    """A signatory whose role is printed but whose name is not (only where the document has an end)."""
    if not has_end(doc):
        return
    for signatory in doc.signatories:
        if not signatory.name:
            portfolio = f" van {signatory.portfolio}" if signatory.portfolio else ""
            yield Finding(f"signatory {signatory.role}{portfolio} has no name", signatory.span)


# -- references -----------------------------------------------------------------------------------
_NUMBER_WITHOUT_DOSSIER = regex.compile(
    r"\b[Kk]amerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}\s*[-/–]\s*\d{2,4})?,?\s+nrs?\.\s*\d+"
)
_VERGADERJAAR = regex.compile(
    r"\b(?:[Kk]amerstukken|Handelingen|Aanhangsel\s+Handelingen)\s+I{1,2}\s+(?P<first>\d{4})\s*[-/–]\s*(?P<second>\d{2,4})\b"
)


def _impossible_year(first: str, second: str) -> bool:
    """True unless `second` (two or four digits) is the year after `first`: 2019/20, 2019-2020."""
    following = str(int(first) + 1)
    return second != (following[-2:] if len(second) == 2 else following)


def check_reference_without_dossier(doc: Document) -> Iterator[Finding]:
    """Text citing a Kamerstuk by number ("Kamerstuk nr. 12") with no dossier to find it in.

    The parser makes no Kamerstuk reference of such text: each one it makes has its dossier."""
    for match in _NUMBER_WITHOUT_DOSSIER.finditer(doc.text):
        span = Span(start=match.start(), end=match.end())
        yield Finding(f"reference {match.group()!r} names a number without a dossier", span)


def check_reference_year(doc: Document) -> Iterator[Finding]:
    """A vergaderjaar that is not two consecutive years ("2019/21"), in a reference or the text."""
    for ref in doc.references:
        years = ref.year.split("-") if ref.year else []
        if len(years) == 2 and _impossible_year(*years):
            yield Finding(f"impossible vergaderjaar {ref.year!r} in {ref.text!r}", ref.span)
    reported = {ref.span.start for ref in doc.references}
    for match in _VERGADERJAAR.finditer(doc.text):
        if match.start() not in reported and _impossible_year(match.group("first"), match.group("second")):
            span = Span(start=match.start(), end=match.end())
            yield Finding(f"impossible vergaderjaar in {match.group()!r}", span)


# -- metadata -------------------------------------------------------------------------------------
def _metadata_conflicts(doc: Document) -> Iterator[str]:
    """What the document and its metadata record say differently, compared as merging metadata compares them."""
    if doc.metadata is None:
        return
    for field, ours, theirs in comparisons(doc, doc.metadata):
        if ours is not None and theirs is not None and normal(ours) != normal(theirs):
            yield f"{field}: document says {str(ours)!r}, metadata says {str(theirs)!r}"


def check_metadata(doc: Document) -> Iterator[Finding]:
    """The parser's KS601 when it merged metadata; otherwise the same comparison done here."""
    found = list(parser_findings(doc, "KS601"))
    if found:
        yield from found
        return
    for conflict in _metadata_conflicts(doc):
        yield Finding(f"document and metadata disagree on {conflict}")


# -- written questions and moties ---------------------------------------------------------------
def _whole(doc: Document) -> bool:
    """Official XML is the whole publication; other input only when it plainly has its end."""
    return doc.source_format == "xml" or has_end(doc)


def check_unanswered_question(doc: Document) -> Iterator[Finding]:
    """A question of an answer document (Aanhangsel) with no answer and no shared answer."""
    if doc.kind is not DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN or not _whole(doc):
        return
    for question in doc.questions:
        if question.answer is None and question.answered_with is None:
            yield Finding(f"question {question.number} has no answer", question.question_span)


def check_question_numbering(doc: Document) -> Iterator[Finding]:
    """Question numbers asked twice, or skipped in the run 1, 2, 3, ..."""
    seen: set[str] = set()
    expected = 1
    for question in doc.questions:
        if question.number in seen:
            yield Finding(f"question {question.number} appears twice", question.question_span)
            continue
        seen.add(question.number)
        digits = regex.match(r"\d+", question.number)
        if digits is None:
            continue
        number = int(digits.group())
        if number > expected:
            missing = str(expected) if number == expected + 1 else f"{expected}-{number - 1}"
            yield Finding(f"question {missing} is missing before question {question.number}", question.question_span)
        expected = max(expected, number + 1)


_MOTIE_CLOSING = regex.compile(r"\bgaa?t\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\b", regex.IGNORECASE)


def check_motie_request(doc: Document) -> Iterator[Finding]:
    """A motie whose body (up to its closing line) asks nothing: no "verzoekt", "spreekt uit" or other request."""
    if doc.motion is None or doc.motion.requests or _MOTIE_CLOSING.search(doc.text) is None:
        return
    yield Finding("motie without a request clause (verzoekt, spreekt uit, roept op, draagt op, ...)")


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every rule, in code order. Codes are stable: never reuse or renumber one.
RULES: tuple[Rule, ...] = (
    Rule("KS100", "not-a-kamerstuk", ERROR, "no sign of a Kamerstuk at all", surfaced("KS100")),
    Rule("KS101", "no-header", INFO, "no dossier number, document number or heading found", surfaced("KS101")),
    Rule("KS102", "malformed-dossier", ERROR, "malformed dossier number or suffix", check_dossier_number),
    Rule("KS103", "no-dossier", WARNING, "document number or heading without a dossier number", check_no_dossier),
    Rule("KS104", "no-number", WARNING, "dossier without a document number", check_no_number),
    Rule("KS105", "unknown-heading", WARNING, "heading of an unknown kind (kind other)", check_unknown_heading),
    Rule("KS106", "identifier-from-file-name", INFO, "identifier taken from the file name", surfaced("KS106")),
    Rule("KS201", "letter-without-addressee", WARNING, "letter without addressee", check_letter_addressee),
    Rule("KS202", "unparseable-date", ERROR, "unparseable date", surfaced("KS202")),
    Rule("KS203", "no-date", WARNING, "dated kind of document without a date", check_no_date),
    Rule("KS204", "implausible-date", ERROR, "date in the future or before 1815", check_date_range),
    Rule("KS205", "unparsed-dateline", ERROR, "place and date line that does not parse", check_loose_dateline),
    Rule("KS206", "date-from-metadata", INFO, "no date in the text; taken from the metadata", surfaced("KS206")),
    Rule("KS301", "marker-without-note", ERROR, "note marker with no note", check_marker_without_note),
    Rule("KS302", "note-without-marker", WARNING, "note nobody refers to", check_note_without_marker),
    Rule("KS303", "note-numbering", ERROR, "note numbers with gaps, duplicates or out of order", check_note_numbering),
    Rule("KS304", "note-without-number", WARNING, "note text without its number", surfaced("KS304")),
    Rule("KS401", "letter-without-signatory", ERROR, "whole letter without signatory", check_letter_signatory),
    Rule("KS402", "signatory-without-name", ERROR, "signatory without name", check_signatory_name),
    Rule(
        "KS501",
        "reference-without-dossier",
        ERROR,
        "reference naming a number without a dossier",
        check_reference_without_dossier,
    ),
    Rule("KS502", "impossible-vergaderjaar", ERROR, "reference with an impossible vergaderjaar", check_reference_year),
    Rule("KS601", "metadata-mismatch", ERROR, "document and its metadata disagree", check_metadata),
    Rule(
        "KS701",
        "question-without-answer",
        WARNING,
        "question without an answer in an answer document",
        check_unanswered_question,
    ),
    Rule("KS702", "question-numbering", ERROR, "question numbers duplicated or skipped", check_question_numbering),
    Rule("KS703", "motie-without-request", WARNING, "motie without a request clause", check_motie_request),
    Rule("KS900", "cannot-parse", ERROR, "file cannot be parsed at all (reported by the command line)", None),
    Rule("KS901", "wrong-encoding", WARNING, "input was not UTF-8 and was decoded as cp1252", surfaced("KS901")),
    Rule("KS902", "unplaced-text", WARNING, "text left unplaced by the parser", check_unplaced),
    Rule("KS903", "reader-note", WARNING, "a reader's remark on the input", surfaced("KS903")),
    Rule("KS904", "no-progress", WARNING, "the reader made no progress at a line", surfaced("KS904")),
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
