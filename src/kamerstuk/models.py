"""The typed model every reader produces: one `Document` whatever the input format."""

from __future__ import annotations

import bisect
import datetime
import html
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field, model_validator

from . import render

#: The notebook view of a Document. The views sit above the model, so they install it
#: (`set_notebook_view`) when `kamerstuk` is imported, instead of the model importing them.
_NOTEBOOK_VIEW: list[Callable[[Document], str]] = []


def set_notebook_view(view: Callable[[Document], str]) -> None:
    """Make `view` the HTML that `Document._repr_html_` shows in notebooks."""
    _NOTEBOOK_VIEW[:] = [view]


def _plural(count: int, word: str) -> str:
    """The count with its noun: 1 note, 2 notes."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"

_FROZEN = ConfigDict(frozen=True, extra="ignore")

OB_URL = "https://zoek.officielebekendmakingen.nl/{}.html"
#: The Tweede Kamer's pages of a document number ("2024D40329") and of a zaak number ("2024Z12345").
TK_DOCUMENT_URL = "https://www.tweedekamer.nl/kamerstukken/detail?id={0}&did={0}"
TK_ZAAK_URL = "https://www.tweedekamer.nl/kamerstukken/detail?id={0}"


class Span(BaseModel):
    """Half-open character range [start, end) into `Document.text` (or the searched text)."""

    model_config = _FROZEN
    start: int
    end: int


class Chamber(StrEnum):
    """The chamber of the Staten-Generaal a document belongs to."""

    TWEEDE_KAMER = "Tweede Kamer"
    EERSTE_KAMER = "Eerste Kamer"
    VERENIGDE_VERGADERING = "Verenigde Vergadering"


class DocumentKind(StrEnum):
    """The kind of Kamerstuk, decided from its heading; unknown headings give `other`."""

    BRIEF = "brief"
    MOTIE = "motie"
    GEWIJZIGDE_MOTIE = "gewijzigde_motie"
    AMENDEMENT = "amendement"
    GEWIJZIGD_AMENDEMENT = "gewijzigd_amendement"
    VOORSTEL_VAN_WET = "voorstel_van_wet"
    GEWIJZIGD_VOORSTEL_VAN_WET = "gewijzigd_voorstel_van_wet"
    MEMORIE_VAN_TOELICHTING = "memorie_van_toelichting"
    ADVIES_RAAD_VAN_STATE = "advies_raad_van_state"
    NOTA_NAAR_AANLEIDING_VAN_VERSLAG = "nota_naar_aanleiding_van_verslag"
    NOTA_VAN_WIJZIGING = "nota_van_wijziging"
    VERSLAG = "verslag"
    VOORLOPIG_VERSLAG = "voorlopig_verslag"
    MEMORIE_VAN_ANTWOORD = "memorie_van_antwoord"
    NADERE_MEMORIE_VAN_ANTWOORD = "nadere_memorie_van_antwoord"
    EINDVERSLAG = "eindverslag"
    LIJST_VAN_VRAGEN_EN_ANTWOORDEN = "lijst_van_vragen_en_antwoorden"
    VERSLAG_SCHRIFTELIJK_OVERLEG = "verslag_schriftelijk_overleg"
    VERSLAG_COMMISSIEDEBAT = "verslag_commissiedebat"
    KONINKLIJKE_BOODSCHAP = "koninklijke_boodschap"
    BESLUITENLIJST = "besluitenlijst"
    SCHRIFTELIJKE_VRAGEN = "schriftelijke_vragen"
    ANTWOORD_SCHRIFTELIJKE_VRAGEN = "antwoord_schriftelijke_vragen"
    MEDEDELING = "mededeling"
    OTHER = "other"


class Severity(StrEnum):
    """How serious a diagnostic is; `strict` parsing refuses on `error`."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Diagnostic(BaseModel):
    """Something the parser or a validation rule could not place or was unsure of."""

    model_config = _FROZEN
    code: str
    message: str
    span: Span | None = None
    severity: Severity = Severity.WARNING
    line: int | None = None
    column: int | None = None


class Dossier(BaseModel):
    """A dossier (file of a bill or subject): number without spaces plus its printed suffix."""

    model_config = _FROZEN
    number: str
    suffix: str | None = None
    title: str | None = None
    span: Span | None = None

    def __str__(self) -> str:
        number = self.number
        if number.isdigit() and len(number) > 3:
            number = f"{number[:-3]} {number[-3:]}"
        if not self.suffix:
            return number
        separator = "-" if self.suffix[0].isdigit() else " "
        return f"{number}{separator}{self.suffix}"

    @property
    def key(self) -> str:
        """The dossier as it appears in identifiers: "21501-20", "36600-X"."""
        return f"{self.number}-{self.suffix}" if self.suffix else self.number


class Signatory(BaseModel):
    """One person signing or submitting the document."""

    model_config = _FROZEN
    role: str
    portfolio: str | None = None
    name: str | None = None
    span: Span | None = None
    party: str | None = None
    on_behalf_of: list[str] = []


class Member(BaseModel):
    """A member of parliament named in a header ("Vragen van het lid Erkens (VVD)")."""

    model_config = _FROZEN
    name: str
    party: str | None = None


class QuestionAnswer(BaseModel):
    """One written question and its answer; `answered_with` names the question whose answer covers it."""

    model_config = _FROZEN
    number: str
    question: str
    question_span: Span
    answer: str | None = None
    answer_span: Span | None = None
    answered_with: str | None = None


class Clause(BaseModel):
    """A clause of a motie or a change of an amendement: its opening words (`kind`) and its text."""

    model_config = _FROZEN
    kind: str
    text: str
    span: Span


class Paragraph(BaseModel):
    """A paragraph or list item of the body; `span` points at its text in `Document.text`."""

    model_config = _FROZEN
    text: str
    span: Span
    list_item: bool = False


class Section(BaseModel):
    """A run of paragraphs under one heading; text before the first heading has none."""

    model_config = _FROZEN
    heading: str | None = None
    heading_span: Span | None = None
    paragraphs: list[Paragraph] = []


class Note(BaseModel):
    """A footnote ("noot") with its number and text; `span` is the text, `number_span` the number."""

    model_config = _FROZEN
    number: str
    text: str
    span: Span
    number_span: Span | None = None


class NoteRef(BaseModel):
    """A footnote marker in the text, pointing at `Note.number`."""

    model_config = _FROZEN
    number: str
    span: Span


class ReferenceKind(StrEnum):
    """The kind of publication a reference points at."""

    KAMERSTUK = "kamerstuk"
    HANDELINGEN = "handelingen"
    AANHANGSEL = "aanhangsel"
    STAATSBLAD = "staatsblad"
    STAATSCOURANT = "staatscourant"
    TRACTATENBLAD = "tractatenblad"
    KAMERVRAGEN = "kamervragen"
    BIJLAGE = "bijlage"
    TK_DOCUMENT = "tk_document"
    TK_ZAAK = "tk_zaak"


_ID_PREFIX = {
    ReferenceKind.STAATSBLAD: "stb",
    ReferenceKind.STAATSCOURANT: "stcrt",
    ReferenceKind.TRACTATENBLAD: "trb",
}
_CHAMBER_CODE = {
    Chamber.TWEEDE_KAMER: "tk",
    Chamber.EERSTE_KAMER: "ek",
    Chamber.VERENIGDE_VERGADERING: "vv",
}


class Reference(BaseModel):
    """A citation of a parliamentary or official publication, with its span in the text."""

    model_config = _FROZEN
    kind: ReferenceKind
    chamber: Chamber | None = None
    year: str | None = None
    dossier: Dossier | None = None
    #: Every dossier the citation names ("Kamerstukken 34 477 en 31 839, nr. 57"); `dossier` is the first.
    dossiers: list[Dossier] = []
    numbers: list[str] = []
    item: str | None = None
    pages: str | None = None
    text: str
    span: Span
    note: str | None = None
    #: The words naming the cited document just before its bracketed citation ("motie-Van Dijk c.s.").
    label: str | None = None
    label_span: Span | None = None

    @model_validator(mode="before")
    @classmethod
    def _first_dossier(cls, data: Any) -> Any:
        """Keep `dossier` and `dossiers` in step: either given alone fills the other."""
        if not isinstance(data, dict):
            return data
        dossier, dossiers = data.get("dossier"), data.get("dossiers")
        if dossier is not None and not dossiers:
            return {**data, "dossiers": [dossier]}
        if dossier is None and dossiers:
            return {**data, "dossier": dossiers[0]}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def identifiers(self) -> list[str]:
        """The officielebekendmakingen ids this reference points at, one per number (a TK number for tk_ kinds)."""
        if self.kind is ReferenceKind.KAMERSTUK:
            if self.dossier is None:
                return []
            return [f"kst-{self.dossier.key}-{n}" for n in self.numbers]
        if self.kind in (ReferenceKind.TK_DOCUMENT, ReferenceKind.TK_ZAAK, ReferenceKind.BIJLAGE):
            prefix = "blg-" if self.kind is ReferenceKind.BIJLAGE else ""
            return [f"{prefix}{n}" for n in self.numbers]
        if self.kind is ReferenceKind.KAMERVRAGEN:
            chamber_code = _CHAMBER_CODE[self.chamber] if self.chamber else "tk"
            return [f"kv-{chamber_code}-{n}" for n in self.numbers]
        if self.kind in _ID_PREFIX:
            if self.year is None:
                return []
            return [f"{_ID_PREFIX[self.kind]}-{self.year}-{n}" for n in self.numbers]
        if self.year is None or self.chamber is None:
            return []
        year = self.year.replace("-", "")
        chamber = _CHAMBER_CODE[self.chamber]
        if self.kind is ReferenceKind.AANHANGSEL:
            return [f"ah-{chamber}-{year}-{n}" for n in self.numbers]
        suffix = f"-{self.item}" if self.item else ""
        return [f"h-{chamber}-{year}-{n}{suffix}" for n in self.numbers]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def urls(self) -> list[str]:
        """The officielebekendmakingen page of every identifier; the tweedekamer.nl page of a TK number."""
        if self.kind is ReferenceKind.TK_DOCUMENT:
            return [TK_DOCUMENT_URL.format(i) for i in self.identifiers]
        if self.kind is ReferenceKind.TK_ZAAK:
            return [TK_ZAAK_URL.format(i) for i in self.identifiers]
        return [OB_URL.format(i) for i in self.identifiers]


class Motion(BaseModel):
    """The structure of a motie: considerations, requests, the debate it was proposed in, what it replaces."""

    model_config = _FROZEN
    considerations: list[Clause] = []
    requests: list[Clause] = []
    proposed_during: str | None = None
    replaces: Reference | None = None


class Amendment(BaseModel):
    """The changes of an amendement ("I", "Artikel 1 wordt ...") and its Toelichting."""

    model_config = _FROZEN
    changes: list[Clause] = []
    toelichting: Section | None = None


class Metadata(BaseModel):
    """The publication's metadata record (inline in the XML, or a separate metadata.xml)."""

    model_config = _FROZEN
    identifier: str | None = None
    dossiernummer: str | None = None
    ondernummer: str | None = None
    vergaderjaar: str | None = None
    indieners: list[str] = []
    documenttitel: str | None = None
    dossiertitel: str | None = None
    issued: datetime.date | None = None
    available: datetime.date | None = None
    creator: str | None = None
    types: list[str] = []
    publication_name: str | None = None
    extra: dict[str, list[str]] = {}


class Document(BaseModel):
    """A parsed Kamerstuk: header, body, signature, notes and references, all with spans."""

    model_config = _FROZEN
    identifier: str | None = None
    dossiers: list[Dossier] = []
    number: str | None = None
    heading: str | None = None
    kind: DocumentKind = DocumentKind.OTHER
    chamber: Chamber | None = None
    vergaderjaar: str | None = None
    addressee: str | None = None
    #: Letterhead letters: the addressee's postal address, kept apart from `addressee`.
    addressee_address: str | None = None
    #: Letterhead letters: "Betreft" (older "Onderwerp"), the sending organisation, "Kenmerk" /
    #: "Ons kenmerk" / "Onze referentie", "Uw kenmerk", the "Bijlage(n)" count and the salutation.
    subject: str | None = None
    sender: str | None = None
    kenmerk: str | None = None
    uw_kenmerk: str | None = None
    attachments: int | None = None
    salutation: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    date_label: str | None = None
    signatories: list[Signatory] = []
    sections: list[Section] = []
    notes: list[Note] = []
    note_refs: list[NoteRef] = []
    references: list[Reference] = []
    page_title: str | None = None
    questions: list[QuestionAnswer] = []
    questioners: list[Member] = []
    addressed_to: list[str] = []
    submitted: datetime.date | None = None
    received: datetime.date | None = None
    zaak: str | None = None
    motion: Motion | None = None
    amendment: Amendment | None = None
    text: str = ""
    field_spans: dict[str, Span] = {}
    page_chrome: list[Span] = []
    metadata: Metadata | None = None
    source_format: str = "text"
    diagnostics: list[Diagnostic] = []
    page_breaks: list[int] = []
    #: Paged formats: (offset, 1-based page) wherever the page changes in `text`, the notes and page
    #: chrome after the body included, so `page_of` is exact for every span.
    page_runs: list[tuple[int, int]] = []

    def page_of(self, offset: int) -> int:
        """The page (1-based) that holds the character at `offset`; 1 for unpaged formats."""
        if self.page_runs:
            index = bisect.bisect_right(self.page_runs, offset, key=lambda run: run[0])
            return self.page_runs[index - 1][1] if index else 1
        return bisect.bisect_right(self.page_breaks, offset) + 1

    @property
    def dossier(self) -> Dossier | None:
        """The first dossier of the header, or None."""
        return self.dossiers[0] if self.dossiers else None

    def __repr__(self) -> str:
        """`Document(kst-28676-467, brief, 2024-10-03, 6 sections, 2 notes, 3 references)`; the fields: `model_dump`."""
        identifier = self.identifier or "no identifier"
        date = self.date.isoformat() if self.date else "no date"
        counts = ", ".join(
            _plural(len(items), word)
            for items, word in ((self.sections, "section"), (self.notes, "note"), (self.references, "reference"))
        )
        return f"Document({identifier}, {self.kind.value}, {date}, {counts})"

    def _repr_html_(self) -> str:
        """The notebook view: the summary, and the highlighted text folded under it (see `set_notebook_view`)."""
        if _NOTEBOOK_VIEW:
            return _NOTEBOOK_VIEW[0](self)
        return f"<code>{html.escape(repr(self))}</code>"

    def to_text(self) -> str:
        """The document in the plain-text layout of its officielebekendmakingen page."""
        blocks = [f"{dossier} {dossier.title}" if dossier.title else str(dossier) for dossier in self.dossiers]
        header = render.number_line(self.number, self._source_text("heading", self.heading or ""))
        if header:
            blocks.append(header)
        if self.addressee:
            blocks.append(self.addressee)
        dateline = self._source_text("date_label", render.dateline(self.date, self.place, self.date_label))
        if dateline:
            blocks.append(dateline)
        for section in self.sections:
            if section.heading:
                blocks.append(section.heading)
            blocks.extend(paragraph.text for paragraph in section.paragraphs)
        blocks.extend(render.signature_lines(s.role, s.portfolio, s.name) for s in self.signatories)
        blocks.extend(render.note_block(note.number, note.text) for note in self.notes)
        return "\n\n".join(blocks) + "\n"

    def _source_text(self, field: str, default: str) -> str:
        """The field as the source wrote it (whitespace folded), or `default` where it has no span."""
        span = self.field_spans.get(field)
        if span is None or not self.text:
            return default
        return " ".join(self.text[span.start : span.end].split())

    @property
    def minister(self) -> Signatory | None:
        """The first signatory whose role is a minister (Minister, Minister-President), or None."""
        for signatory in self.signatories:
            if signatory.role.lower().startswith("minister"):
                return signatory
        return None
