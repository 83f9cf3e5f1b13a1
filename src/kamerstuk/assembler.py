"""Turn a token stream (from any reader) into a `Document`, using the shared extractors.

The assembler knows no layout: it reads token kinds, spans and the facts readers put in `attrs`.
Every token lands in exactly one place of the model; a header token that cannot be used (a second
document number, a malformed dossier line) becomes a paragraph with a diagnostic, never lost.
"""

from __future__ import annotations

import datetime
import functools
from bisect import bisect_right
from collections.abc import Callable

import regex

from .extract.addressing import chamber_from_header
from .extract.dates import DATE_PATTERN, parse_date, parse_dateline
from .extract.dossiers import split_dossier
from .extract.identifiers import reference_from_dossier, reference_from_identifier
from .extract.kinds import kind_from_body, kind_from_heading, kind_from_page_title
from .extract.markers import strip_trailing_marker
from .extract.motions import amendment, motion_clauses, proposed_during, replaced_motion
from .extract.people import clean_name, heading_members, names_by_heading, signatories_from_lines, submitter_names
from .extract.questions import WrittenQuestions, written_questions
from .extract.reference_values import session_years
from .extract.references import find_references
from .merge import DATE_FROM_METADATA
from .models import (
    Chamber,
    Diagnostic,
    Document,
    DocumentKind,
    Dossier,
    Metadata,
    Motion,
    Note,
    NoteRef,
    Paragraph,
    Reference,
    ReferenceKind,
    Section,
    Severity,
    Signatory,
    Span,
)
from .tokens import INLINE_KINDS, Token, TokenKind

T = TokenKind
_CHAMBERS = {"Tweede": Chamber.TWEEDE_KAMER, "Eerste": Chamber.EERSTE_KAMER}
_INLINE_DATE_TEXT = regex.compile(DATE_PATTERN)
_VERGADERJAAR = regex.compile(r"(\d{4})\s*[-–/]\s*(\d{2,4})$")
_WRITTEN_QUESTIONS = frozenset(
    {DocumentKind.SCHRIFTELIJKE_VRAGEN, DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN, DocumentKind.MEDEDELING}
)
_PARTY = regex.compile(r"^(?P<name>[^()]+?)\s*\((?P<party>[^()]{1,40})\)$")
_ZIE_OOK = regex.compile(r"\bZie\s+ook\s*$", regex.IGNORECASE)
_TRAILING_DATE = regex.compile(r"\bvan\s+" + DATE_PATTERN + r"$")


def _clean(text: str) -> str:
    """Collapse runs of whitespace (line breaks of wrapped text) into single spaces."""
    if "\n" not in text and "  " not in text and "\t" not in text:
        return text.strip()
    return " ".join(text.split())


class Assembler:
    """Collects header fields, body, signatures and notes from tokens, then builds the Document."""

    def __init__(self, text: str, tokens: list[Token], source_format: str, diagnostics: list[Diagnostic]) -> None:
        self.text = text
        self.tokens = tokens
        self.source_format = source_format
        self.diagnostics = list(diagnostics)
        self.fields: dict[str, str] = {}
        self.date: datetime.date | None = None
        self.field_spans: dict[str, Span] = {}
        self.preamble: dict[str, str] = {}
        self.dossiers: list[Dossier] = []
        self.sections: list[Section] = []
        self.signatories: list[Signatory] = []
        self.notes: list[Note] = []
        self.note_refs: list[NoteRef] = []
        self.linked: list[Token] = []
        self.chrome: list[Span] = []
        self.section_heading: tuple[str, Span] | None = None
        self.paragraphs: list[Paragraph] = []
        self.signature_block: list[tuple[str, int, int]] = []
        self.explicit_signature = False
        self.note: tuple[str, Span] | None = None
        self.note_lines: list[Token] = []
        #: The heading and the members it names, read once for all the submitters' lines under it.
        self.members: tuple[str | None, list[str]] | None = None
        self.handlers: dict[TokenKind, Callable[[Token], None]] = {
            T.PREAMBLE: self.on_preamble,
            T.CHROME: self.on_chrome,
            T.DOSSIER: self.on_dossier,
            T.NUMBER: self.on_number,
            T.HEADING: self.on_heading,
            T.ADDRESSEE: self.on_addressee,
            T.DATELINE: self.on_dateline,
            T.SECTION_HEADING: self.on_section_heading,
            T.PARAGRAPH: self.on_paragraph,
            T.LIST_ITEM: self.on_paragraph,
            T.SIGNATURE: self.on_signature,
            T.SUBMITTER: self.on_submitter,
            T.NOTES_START: self.on_notes_start,
            T.NOTE_NUMBER: self.on_note_number,
            T.NOTE_TEXT: self.on_note_text,
            T.NOTE_REF: self.on_note_ref,
            T.DATE: self.on_date,
            T.REFERENCE: self.linked.append,
        }

    def diagnose(
        self, code: str, message: str, span: Span | None = None, *, severity: Severity = Severity.WARNING
    ) -> None:
        """Record a diagnostic for the Document."""
        self.diagnostics.append(Diagnostic(code=code, message=message, span=span, severity=severity))

    def build(self, metadata: Metadata | None = None) -> Document:
        """Run every token through its handler and return the finished, frozen Document."""
        handlers = self.handlers
        for token in self.tokens:
            if self.signature_block and token.kind is not T.SIGNATURE and token.kind not in INLINE_KINDS:
                self.flush_signature()
            handlers[token.kind](token)
        self.flush_signature()
        self.flush_section()
        self.flush_note()
        return self.finish(metadata)

    # -- header -----------------------------------------------------------------------------
    def on_preamble(self, token: Token) -> None:
        """Site metadata (table, kamerstukkop lines): facts for the header; the title is kept."""
        attrs = token.attrs or {}
        self.preamble.update(attrs)
        if "title" in attrs:
            self.field_spans.setdefault("page_title", token.span)
        else:
            self.chrome.append(token.span)

    def on_chrome(self, token: Token) -> None:
        """Site text around the document: recorded, not part of the model."""
        self.chrome.append(token.span)

    def on_dossier(self, token: Token) -> None:
        """A dossier line: number and suffix from the reader, or parsed from the printed number."""
        attrs = token.attrs or {}
        if "number" in attrs:
            number, suffix = attrs["number"], attrs.get("suffix") or None
        else:
            printed = self.text[int(attrs["number_start"]) : int(attrs["printed_end"])]
            parsed = split_dossier(printed)
            if parsed is None:
                self.diagnose("KS102", f"malformed dossier number {printed!r}", token.span, severity=Severity.ERROR)
                self.on_paragraph(token)
                return
            number, suffix = parsed
        title = attrs.get("title")
        if title is None and "title_start" in attrs:
            title = _clean(self.text[int(attrs["title_start"]) : int(attrs["title_end"])])
        if title is not None:
            title = strip_trailing_marker(title)[0].strip() or None
        self.dossiers.append(Dossier(number=number, suffix=suffix, title=title, span=token.span))

    def on_number(self, token: Token) -> None:
        """The document number (ondernummer)."""
        self.header_field("number", (token.attrs or {}).get("number"), token)

    def on_heading(self, token: Token) -> None:
        """The heading, without a trailing footnote marker."""
        heading = (token.attrs or {}).get("heading")
        if heading is None:
            heading = strip_trailing_marker(_clean(token.text(self.text)))[0]
        self.header_field("heading", heading, token)

    def on_addressee(self, token: Token) -> None:
        """The "Aan ..." line."""
        self.header_field("addressee", _clean(token.text(self.text)), token)

    def header_field(self, name: str, value: str | None, token: Token) -> None:
        """Take the first value of a header field; a later one is kept as an unplaced paragraph."""
        if value is not None and name not in self.fields:
            self.fields[name] = value
            self.field_spans[name] = token.span
            return
        self.unplaced(token, f"a second {name} in one text")

    def unplaced(self, token: Token, why: str) -> None:
        """Keep text that has no place of its own as a paragraph, and say why (KS902)."""
        self.diagnose("KS902", f"text kept as a paragraph: {why}", token.span, severity=Severity.INFO)
        self.on_paragraph(token)

    def on_dateline(self, token: Token) -> None:
        """Take the first dated line of the document; later ones stay paragraphs."""
        if "date_label" in self.field_spans:
            self.on_paragraph(token)
            return
        line = token.text(self.text)
        parsed = parse_dateline(line)
        iso = (token.attrs or {}).get("isodate")
        if parsed is None and iso is None:
            self.on_paragraph(token)
            return
        self.field_spans["date_label"] = token.span
        if parsed is not None:
            label = parsed.place if parsed.place is not None else parsed.label
            if label:
                self.fields["date_label"] = label
            if parsed.place is not None and parsed.place_start is not None and parsed.place_end is not None:
                self.fields["place"] = _clean(parsed.place)
                self.field_spans["place"] = Span(
                    start=token.start + parsed.place_start, end=token.start + parsed.place_end
                )
            date_span = Span(start=token.start + parsed.date_start, end=token.start + parsed.date_end)
            if iso is None and parsed.date is None:
                bad = line[parsed.date_start : parsed.date_end]
                self.diagnose("KS202", f"unparseable date {bad!r}", date_span, severity=Severity.ERROR)
            elif iso is None and parsed.date is not None:
                self.date = parsed.date
                self.field_spans["date"] = date_span
        if iso is not None:
            self.iso_date(iso, token)

    def on_date(self, token: Token) -> None:
        """A date inside a sentence that dates the document ("(ingezonden 12 maart 2019)")."""
        match = _INLINE_DATE_TEXT.search(token.text(self.text))
        if match is None or self.date is not None:
            return
        date = parse_date(match.group("date"))
        if date is None:
            return
        self.date = date
        label = (token.attrs or {}).get("label")
        if label:
            self.fields.setdefault("date_label", label)
        self.field_spans["date"] = Span(start=token.start + match.start("date"), end=token.start + match.end("date"))

    def iso_date(self, iso: str, token: Token) -> None:
        """The reader's ISO date (XML `datum@isodatum`), exact where the text may be irregular."""
        try:
            self.date = datetime.date.fromisoformat(iso)
        except ValueError:
            self.diagnose("KS202", f"unparseable date {iso!r}", token.span, severity=Severity.ERROR)
            return
        label = _clean(token.text(self.text)).split(" ")[0]
        if label:
            self.fields.setdefault("date_label", label)

    # -- body -------------------------------------------------------------------------------
    def on_section_heading(self, token: Token) -> None:
        """A heading inside the body starts a new section."""
        self.flush_section()
        self.section_heading = (_clean(token.text(self.text)), token.span)

    def on_paragraph(self, token: Token) -> None:
        """A paragraph or list item of the current section."""
        paragraph = Paragraph(text=_clean(token.text(self.text)), span=token.span, list_item=token.kind is T.LIST_ITEM)
        self.paragraphs.append(paragraph)

    def flush_section(self) -> None:
        """Close the current section, if it holds anything."""
        if self.paragraphs or self.section_heading is not None:
            heading, span = self.section_heading if self.section_heading else (None, None)
            self.sections.append(Section(heading=heading, heading_span=span, paragraphs=self.paragraphs))
        self.paragraphs = []
        self.section_heading = None

    def on_signature(self, token: Token) -> None:
        """A line of a signature block; the block is read when it ends."""
        self.signature_block.append((token.text(self.text).strip(), token.start, token.end))
        self.explicit_signature = bool(token.attrs and token.attrs.get("explicit"))

    def flush_signature(self) -> None:
        """Read the signature block collected so far into signatories."""
        if self.signature_block:
            found, unused = signatories_from_lines(self.signature_block, keep_unnamed=self.explicit_signature)
            self.signatories.extend(found)
            for text, start, end in unused:
                self.unplaced(Token(T.PARAGRAPH, start, end), f"a signature line that names no signatory: {text!r}")
            self.signature_block = []

    def on_submitter(self, token: Token) -> None:
        """A line with the names of a motie's or amendement's submitters (role Lid)."""
        text = token.text(self.text)
        heading = self.fields.get("heading")
        if self.members is None or self.members[0] != heading:
            self.members = (heading, heading_members(heading))
        spans = names_by_heading(text, self.members[1]) or submitter_names(text)
        for start, end in spans:
            span = Span(start=token.start + start, end=token.start + end)
            name = clean_name(text[start:end])
            # A cleaned name holds no line break, so `_PARTY` (ending in ")$") needs a final ")".
            party = _PARTY.match(name) if name.endswith(")") else None
            # An explicit empty list: pydantic deep-copies a list default (2 µs) for every model.
            if party is not None:
                self.signatories.append(
                    Signatory(
                        role="Lid",
                        name=party.group("name"),
                        party=party.group("party").strip(),
                        span=span,
                        on_behalf_of=[],
                    )
                )
            else:
                self.signatories.append(Signatory(role="Lid", name=name, span=span, on_behalf_of=[]))

    # -- notes ------------------------------------------------------------------------------
    def on_notes_start(self, token: Token) -> None:
        """An "X Noot" label: the previous note ends; the label is page chrome."""
        self.flush_note()
        self.chrome.append(token.span)

    def on_note_number(self, token: Token) -> None:
        """The number line of a note."""
        self.flush_note()
        number = (token.attrs or {}).get("number") or _clean(token.text(self.text))
        self.note = (number, token.span)

    def on_note_text(self, token: Token) -> None:
        """A line of note text; without a number line before it, the note is numbered by position."""
        if self.note is None:
            number = str(len(self.notes) + 1)
            self.diagnose("KS304", f"a note without its number; numbered {number} by position", token.span)
            self.note = (number, Span(start=token.start, end=token.start))
        self.note_lines.append(token)

    def flush_note(self) -> None:
        """Close the current note."""
        if self.note is None:
            return
        number, number_span = self.note
        if self.note_lines:
            start, end = self.note_lines[0].start, self.note_lines[-1].end
        else:
            start = end = number_span.end
        text = _clean(self.text[start:end])
        self.notes.append(Note(number=number, text=text, span=Span(start=start, end=end), number_span=number_span))
        self.note = None
        self.note_lines = []

    def on_note_ref(self, token: Token) -> None:
        """A footnote marker in the text."""
        number = (token.attrs or {}).get("number") or token.text(self.text)
        self.note_refs.append(NoteRef(number=number, span=token.span))

    # -- the whole document -----------------------------------------------------------------
    def finish(self, metadata: Metadata | None) -> Document:
        """Derive what needs the whole document (identifier, kind, chamber, references) and build it."""
        heading = self.fields.get("heading")
        number = self.fields.get("number") or self.preamble.get("number")
        if not self.dossiers and "dossier" in self.preamble:
            parsed = split_dossier(self.preamble["dossier"])
            if parsed is not None:
                self.dossiers.append(Dossier(number=parsed[0], suffix=parsed[1]))
        identifier = f"kst-{self.dossiers[0].key}-{number}" if self.dossiers and number else None
        if metadata is not None and metadata.identifier:
            identifier = metadata.identifier
        if self.date is None and heading is not None:
            self.date_from_heading(heading)
        if self.date is None and metadata is not None and metadata.issued is not None:
            self.date = metadata.issued
            self.diagnostics.append(DATE_FROM_METADATA)
        kind = self.kind(heading)
        if not self.dossiers and not number and not heading:
            self.diagnose("KS101", "no dossier number, document number or heading found", severity=Severity.INFO)
            if not self.kamerstuk_signs(kind):
                self.diagnose(
                    "KS100",
                    "no sign of a Kamerstuk: no dossier, number, heading, addressee, dated line, "
                    "signature, notes, page title or standard wording",
                    severity=Severity.ERROR,
                )
        vergaderjaar = self.preamble.get("vergaderjaar") or (metadata.vergaderjaar if metadata else None)
        written = WrittenQuestions()
        if kind in _WRITTEN_QUESTIONS:
            written = written_questions(self.text, self.sections, kind is not DocumentKind.SCHRIFTELIJKE_VRAGEN)
            self.signatories.extend(written.signatories)
            self.field_spans.update(written.spans)
            if written.zaak is None and metadata is not None:
                numbers = [n for n in metadata.extra.get("OVERHEIDop.vraagnummer", []) if n.strip()]
                written.zaak = numbers[0].strip() if numbers else None
            if self.date is None:
                self.date = written.received or written.submitted
                dated = "received" if written.received else "submitted"
                if dated in written.spans:
                    self.field_spans["date"] = written.spans[dated]
        motion = self.motion(kind) if kind in (DocumentKind.MOTIE, DocumentKind.GEWIJZIGDE_MOTIE) else None
        amended = None
        if kind in (DocumentKind.AMENDEMENT, DocumentKind.GEWIJZIGD_AMENDEMENT):
            amended = amendment(self.text, self.sections)
        references = self.references()
        if identifier is None and kind in _WRITTEN_QUESTIONS:
            identifier = self.self_reference(references)
        return Document(
            identifier=identifier,
            dossiers=self.dossiers,
            number=number,
            heading=heading,
            kind=kind,
            chamber=self.chamber(number),
            vergaderjaar=_vergaderjaar(vergaderjaar),
            addressee=self.fields.get("addressee"),
            place=self.fields.get("place"),
            date=self.date,
            date_label=self.fields.get("date_label"),
            page_title=self.preamble.get("title"),
            signatories=self.signatories,
            sections=self.sections,
            questions=written.questions,
            questioners=written.questioners,
            addressed_to=written.addressed_to,
            submitted=written.submitted,
            received=written.received,
            zaak=written.zaak,
            motion=motion,
            amendment=amended,
            notes=self.notes,
            note_refs=self.note_refs,
            references=references,
            text=self.text,
            field_spans=self.field_spans,
            page_chrome=self.chrome,
            metadata=metadata,
            source_format=self.source_format,
            diagnostics=self.diagnostics,
            page_breaks=[],
            page_runs=[],
        )

    def self_reference(self, references: list[Reference]) -> str | None:
        """The ah- id of "Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028": the item
        names itself so. Its chamber is the Tweede Kamer's unless the reference names another."""
        for ref in references:
            before = self.text[max(0, ref.span.start - 12) : ref.span.start]
            if ref.kind is not ReferenceKind.AANHANGSEL or not _ZIE_OOK.search(before):
                continue
            if ref.identifiers:
                return ref.identifiers[0]
            if ref.year and ref.numbers:
                return f"ah-tk-{ref.year.replace('-', '')}-{ref.numbers[0]}"
        return None

    def motion(self, kind: DocumentKind) -> Motion:
        """Considerations and requests, the debate it was proposed in, and the motie it replaces."""
        considerations, requests = motion_clauses(self.text, self.sections)
        dated = self.field_spans.get("date_label")
        during = proposed_during(self.text[dated.start : dated.end]) if dated is not None else None
        replaces = None
        if kind is DocumentKind.GEWIJZIGDE_MOTIE:
            dossier = self.dossiers[0] if self.dossiers else None
            replaces = replaced_motion(self.text, self.field_spans.get("heading"), dossier)
        return Motion(considerations=considerations, requests=requests, proposed_during=during, replaces=replaces)

    def date_from_heading(self, heading: str) -> None:
        """A heading that ends with its date ("Korte aantekeningen vergadering ... van 13 april 2021")."""
        match = _TRAILING_DATE.search(heading)
        span = self.field_spans.get("heading")
        if match is None or span is None:
            return
        date = parse_date(match.group("date"))
        if date is not None:
            self.date = date
            offset = self.text.find(match.group("date"), span.start, span.end)
            if offset >= 0:
                self.field_spans["date"] = Span(start=offset, end=offset + len(match.group("date")))

    def kamerstuk_signs(self, kind: DocumentKind) -> bool:
        """True when anything in the text marks it as a Kamerstuk, even without its header."""
        found = self.fields.get("addressee") or self.date or self.signatories or self.notes
        return bool(found or "title" in self.preamble or kind is not DocumentKind.OTHER)

    def kind(self, heading: str | None) -> DocumentKind:
        """The kind from the heading, else the page title, else standard wording."""
        if heading:
            return kind_from_heading(heading)
        if "title" in self.preamble:
            kind = kind_from_page_title(self.preamble["title"])
            if kind is not DocumentKind.OTHER:
                return kind
        return kind_from_body(self.text)

    def chamber(self, number: str | None) -> Chamber | None:
        """The chamber from the site's metadata, the addressee or heading, or the kind of number."""
        named = self.preamble.get("chamber")
        if named:
            return _CHAMBERS.get(named.split()[0])
        word = chamber_from_header(self.fields.get("addressee"), self.fields.get("heading"), number)
        return _CHAMBERS[word] if word is not None else None

    def references(self) -> list[Reference]:
        """References in the document's own text and notes (page chrome is site text).

        A reader's linked citations (XML extref, HTML links) count where the text finder missed them.
        Lookups go through sorted interval lists, so long texts stay linear.
        """
        chrome = _Intervals([(span.start, span.end) for span in self.chrome])
        found = [r for r in find_references(self.text) if not chrome.holds(r.span.start)]
        if self.linked:
            taken = _Intervals([(r.span.start, r.span.end) for r in found])
            for token in self.linked:
                linked = None if taken.overlaps(token.start, token.end) else self.linked_reference(token)
                if linked is not None:
                    found.append(linked)
            found.sort(key=lambda r: r.span.start)
        notes = _Intervals([(n.span.start, n.span.end) for n in self.notes])
        return [self.in_note(ref, notes) for ref in found]

    def linked_reference(self, token: Token) -> Reference | None:
        """The Reference a reader's link token points at (an id or a dossier)."""
        attrs = token.attrs or {}
        text, span = token.text(self.text), token.span
        if "target" in attrs:
            return reference_from_identifier(attrs["target"], text, span)
        return reference_from_dossier(attrs.get("dossier", ""), text, span)

    def in_note(self, ref: Reference, notes: _Intervals) -> Reference:
        """The reference with the number of the note it stands in, if any."""
        index = notes.index(ref.span.start)
        return ref if index is None else ref.model_copy(update={"note": self.notes[index].number})


class _Intervals:
    """Sorted, non-overlapping [start, end) intervals with logarithmic lookups."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.order = sorted(range(len(intervals)), key=lambda i: intervals[i][0])
        self.starts = [intervals[i][0] for i in self.order]
        self.ends = [intervals[i][1] for i in self.order]

    def index(self, position: int) -> int | None:
        """The original index of the interval holding `position`, or None."""
        at = bisect_right(self.starts, position) - 1
        return self.order[at] if at >= 0 and position < self.ends[at] else None

    def holds(self, position: int) -> bool:
        return self.index(position) is not None

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_right(self.starts, end - 1) - 1
        return at >= 0 and self.ends[at] > start


@functools.lru_cache(maxsize=1024)
def _vergaderjaar(value: str | None) -> str | None:
    """Normalise "2024-2025", "2024–2025" or "2024/25" to "2024-2025" (cached: an archive holds few)."""
    if not value:
        return None
    match = _VERGADERJAAR.match(value.strip())
    if match is None:
        return None
    return session_years(int(match.group(1)), match.group(2))


def assemble(
    text: str,
    tokens: list[Token],
    *,
    source_format: str = "text",
    diagnostics: list[Diagnostic] | None = None,
    metadata: Metadata | None = None,
) -> Document:
    """Build the Document for `text` from its tokens."""
    return Assembler(text, tokens, source_format, diagnostics or []).build(metadata)
