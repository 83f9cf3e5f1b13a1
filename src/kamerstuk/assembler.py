"""Turn a token stream (from any reader) into a `Document`, using the shared extractors."""

from __future__ import annotations

import regex

from .dates import parse_dateline
from .dossiers import split_dossier
from .identifiers import reference_from_dossier, reference_from_identifier
from .kinds import kind_from_body, kind_from_heading, kind_from_page_title
from .markers import strip_trailing_marker
from .models import (
    Chamber,
    Diagnostic,
    Document,
    DocumentKind,
    Dossier,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Reference,
    Section,
    Severity,
    Signatory,
    Span,
)
from .people import clean_name, signatories_from_lines
from .references import find_references
from .tokens import INLINE_KINDS, Token, TokenKind

T = TokenKind
_CHAMBERS = {"Tweede": Chamber.TWEEDE_KAMER, "Eerste": Chamber.EERSTE_KAMER}


def _clean(text: str) -> str:
    """Collapse runs of whitespace (line breaks of wrapped text) into single spaces."""
    return " ".join(text.split())


class Assembler:
    """Collects header fields, body, signatures and notes from tokens, then builds the Document."""

    def __init__(self, text: str, tokens: list[Token], source_format: str, diagnostics: list[Diagnostic]) -> None:
        self.text = text
        self.tokens = tokens
        self.source_format = source_format
        self.diagnostics = list(diagnostics)
        self.fields: dict[str, object] = {}
        self.field_spans: dict[str, Span] = {}
        self.dossiers: list[Dossier] = []
        self.sections: list[Section] = []
        self.signatories: list[Signatory] = []
        self.notes: list[Note] = []
        self.preamble: dict[str, str] = {}
        self.note_refs: list[NoteRef] = []
        self.linked: list[Token] = []

    def diagnose(
        self,
        code: str,
        message: str,
        start: int | None = None,
        end: int | None = None,
        *,
        severity: Severity = Severity.WARNING,
    ) -> None:
        span = Span(start=start, end=end) if start is not None and end is not None else None
        self.diagnostics.append(Diagnostic(code=code, message=message, span=span, severity=severity))

    def build(self, metadata: Metadata | None = None) -> Document:
        """Run every token through its handler and return the finished, frozen Document."""
        section_heading: tuple[str, Span] | None = None
        paragraphs: list[Paragraph] = []
        signature_block: list[tuple[str, int, int]] = []
        explicit_signature = False
        note_number: str | None = None
        note_lines: list[Token] = []

        def flush_section() -> None:
            if paragraphs or section_heading is not None:
                heading, span = section_heading if section_heading else (None, None)
                self.sections.append(Section(heading=heading, heading_span=span, paragraphs=list(paragraphs)))
            paragraphs.clear()

        def flush_signature() -> None:
            if signature_block:
                self.signatories.extend(signatories_from_lines(signature_block, keep_unnamed=explicit_signature))
                signature_block.clear()

        def flush_note() -> None:
            if note_number is not None and note_lines:
                start, end = note_lines[0].start, note_lines[-1].end
                self.notes.append(
                    Note(number=note_number, text=_clean(self.text[start:end]), span=Span(start=start, end=end))
                )
            note_lines.clear()

        for token in self.tokens:
            kind = token.kind
            if kind is not T.SIGNATURE and kind not in INLINE_KINDS:
                flush_signature()
            if kind is T.PREAMBLE:
                self.preamble.update(token.attrs or {})
            elif kind is T.DOSSIER:
                self.dossier(token)
            elif kind is T.NUMBER:
                self.set_field("number", (token.attrs or {}).get("number"), token)
            elif kind is T.HEADING:
                self.heading(token)
            elif kind is T.ADDRESSEE:
                if "addressee" not in self.fields:
                    self.set_field("addressee", _clean(token.text(self.text)), token)
                else:
                    paragraphs.append(self.paragraph(token))
            elif kind is T.DATELINE:
                if not self.dateline(token):
                    paragraphs.append(self.paragraph(token))
            elif kind is T.SECTION_HEADING:
                flush_section()
                section_heading = (_clean(token.text(self.text)), token.span)
            elif kind in (T.PARAGRAPH, T.LIST_ITEM):
                paragraphs.append(self.paragraph(token))
            elif kind is T.SIGNATURE:
                signature_block.append((_clean(token.text(self.text)), token.start, token.end))
                explicit_signature = bool(token.attrs and token.attrs.get("explicit"))
            elif kind is T.SUBMITTER:
                name = clean_name(token.text(self.text))
                self.signatories.append(Signatory(role="Lid", name=name, span=token.span))
            elif kind is T.NOTES_START:
                flush_note()
                note_number = None
            elif kind is T.NOTE_NUMBER:
                note_number = (token.attrs or {}).get("number") or _clean(token.text(self.text))
            elif kind is T.NOTE_TEXT:
                note_lines.append(token)
            elif kind is T.NOTE_REF:
                number = (token.attrs or {}).get("number") or token.text(self.text)
                self.note_refs.append(NoteRef(number=number, span=token.span))
            elif kind is T.REFERENCE:
                self.linked.append(token)
        flush_signature()
        flush_section()
        flush_note()
        return self.finish(metadata)

    def set_field(self, name: str, value: object, token: Token) -> None:
        if value is None or name in self.fields:
            return
        self.fields[name] = value
        self.field_spans[name] = token.span

    def dossier(self, token: Token) -> None:
        attrs = token.attrs or {}
        if "number" in attrs:
            number, suffix = attrs["number"], attrs.get("suffix") or None
        else:
            printed = self.text[int(attrs["number_start"]) : int(attrs["printed_end"])]
            parsed = split_dossier(printed)
            if parsed is None:
                self.diagnose("KS102", f"malformed dossier number {printed!r}", token.start, token.end)
                return
            number, suffix = parsed
        title = attrs.get("title")
        if title is None and "title_start" in attrs:
            title = _clean(self.text[int(attrs["title_start"]) : int(attrs["title_end"])])
        if title is not None:
            title, _ = strip_trailing_marker(title)
            title = title.strip() or None
        self.dossiers.append(Dossier(number=number, suffix=suffix, title=title, span=token.span))

    def heading(self, token: Token) -> None:
        heading = (token.attrs or {}).get("heading")
        if heading is None:
            heading, _ = strip_trailing_marker(_clean(token.text(self.text)))
        self.set_field("heading", heading, token)

    def dateline(self, token: Token) -> bool:
        """Take the first dated line of the document; later ones stay paragraphs."""
        if "date_label" in self.fields:
            return False
        line = token.text(self.text)
        parsed = parse_dateline(line)
        iso = (token.attrs or {}).get("isodate")
        if parsed is None and iso is None:
            return False
        if parsed is not None:
            label = parsed.place if parsed.place is not None else parsed.label
            self.fields["date_label"] = label
            self.field_spans["date_label"] = token.span
            if parsed.place is not None:
                self.fields["place"] = _clean(parsed.place)
                if parsed.place_start is not None and parsed.place_end is not None:
                    self.field_spans["place"] = Span(
                        start=token.start + parsed.place_start, end=token.start + parsed.place_end
                    )
            date_span = Span(start=token.start + parsed.date_start, end=token.start + parsed.date_end)
            if parsed.date is None:
                self.diagnose(
                    "KS202",
                    f"unparseable date {line[parsed.date_start : parsed.date_end]!r}",
                    date_span.start,
                    date_span.end,
                )
            else:
                self.fields["date"] = parsed.date
                self.field_spans["date"] = date_span
        return True

    def paragraph(self, token: Token) -> Paragraph:
        return Paragraph(text=_clean(token.text(self.text)), span=token.span, list_item=token.kind is T.LIST_ITEM)

    def finish(self, metadata: Metadata | None) -> Document:
        heading = self.fields.get("heading")
        number = self.fields.get("number") or self.preamble.get("number")
        if not self.dossiers and "dossier" in self.preamble:
            parsed = split_dossier(self.preamble["dossier"])
            if parsed is not None:
                self.dossiers.append(Dossier(number=parsed[0], suffix=parsed[1]))
        kind = self.kind(heading if isinstance(heading, str) else None)
        references = self.references()
        identifier = None
        if self.dossiers and isinstance(number, str):
            identifier = f"kst-{self.dossiers[0].key}-{number}"
        if metadata is not None and metadata.identifier:
            identifier = metadata.identifier
        if "date" not in self.fields and metadata is not None and metadata.issued is not None:
            self.fields["date"] = metadata.issued
            self.diagnose(
                "KS203", "no date in the text; the date is the metadata's DCTERMS.issued", severity=Severity.INFO
            )
        if not self.dossiers and not number and not heading:
            self.diagnose("KS101", "no dossier number, document number or heading found", severity=Severity.INFO)
        return Document(
            identifier=identifier,
            dossiers=self.dossiers,
            number=number if isinstance(number, str) else None,
            heading=heading if isinstance(heading, str) else None,
            kind=kind,
            chamber=self.chamber(number if isinstance(number, str) else None),
            vergaderjaar=_vergaderjaar(
                self.preamble.get("vergaderjaar") or (metadata.vergaderjaar if metadata else None)
            ),
            addressee=self.fields.get("addressee"),  # type: ignore[arg-type]
            place=self.fields.get("place"),  # type: ignore[arg-type]
            date=self.fields.get("date"),  # type: ignore[arg-type]
            date_label=self.fields.get("date_label"),  # type: ignore[arg-type]
            page_title=self.preamble.get("title"),
            signatories=self.signatories,
            sections=self.sections,
            notes=self.notes,
            note_refs=self.note_refs,
            references=references,
            text=self.text,
            field_spans=self.field_spans,
            metadata=metadata,
            source_format=self.source_format,
            diagnostics=self.diagnostics,
        )

    def kind(self, heading: str | None) -> DocumentKind:
        if heading:
            return kind_from_heading(heading)
        if "title" in self.preamble:
            kind = kind_from_page_title(self.preamble["title"])
            if kind is not DocumentKind.OTHER:
                return kind
        return kind_from_body(self.text)

    def chamber(self, number: str | None) -> Chamber | None:
        named = self.preamble.get("chamber")
        if named:
            return _CHAMBERS.get(named.split()[0])
        addressee = self.fields.get("addressee")
        if isinstance(addressee, str):
            for word, chamber in _CHAMBERS.items():
                if f"{word} Kamer" in addressee:
                    return chamber
        if number is not None and self.dossiers:
            return Chamber.EERSTE_KAMER if number[:1].isalpha() else Chamber.TWEEDE_KAMER
        return None

    def references(self) -> list[Reference]:
        """References in the document's own text and notes (preamble and chrome are site text).

        A reader's linked citations (XML extref, HTML links) count where the text finder missed them.
        """
        excluded = [
            (t.start, t.end)
            for t in self.tokens
            if t.kind is T.CHROME or (t.kind is T.PREAMBLE and "title" not in (t.attrs or {}))
        ]
        found = [r for r in find_references(self.text) if not any(s <= r.span.start < e for s, e in excluded)]
        for token in self.linked:
            if any(r.span.start < token.end and token.start < r.span.end for r in found):
                continue
            linked = self.linked_reference(token)
            if linked is not None:
                found.append(linked)
        found.sort(key=lambda r: r.span.start)
        return [self.in_note(ref) for ref in found]

    def linked_reference(self, token: Token) -> Reference | None:
        attrs = token.attrs or {}
        text, span = token.text(self.text), token.span
        if "target" in attrs:
            return reference_from_identifier(attrs["target"], text, span)
        return reference_from_dossier(attrs.get("dossier", ""), text, span)

    def in_note(self, ref: Reference) -> Reference:
        note = next((n.number for n in self.notes if n.span.start <= ref.span.start < n.span.end), None)
        return ref.model_copy(update={"note": note}) if note else ref


def _vergaderjaar(value: str | None) -> str | None:
    """Normalise "2024-2025", "2024–2025" or "2024/25" to "2024-2025"."""
    if not value:
        return None
    match = regex.match(r"(\d{4})\s*[-–/]\s*(\d{2,4})$", value.strip())
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}-{second}"


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
