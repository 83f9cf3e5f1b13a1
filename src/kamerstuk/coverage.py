"""Nothing lost: every character of a Document's text lands in exactly one place of the model."""

from __future__ import annotations

from .models import Diagnostic, Document, Severity, Span

_PREVIEW = 40
#: The letterhead fields of a Document; their spans are owned text too.
LETTERHEAD_FIELDS = ("addressee_address", "subject", "sender", "kenmerk", "uw_kenmerk", "attachments", "salutation")


def owned_spans(document: Document) -> list[tuple[Span, str]]:
    """Every (span, place) the model gives text to: header fields, headings, paragraphs, signatures, notes."""
    owned: list[tuple[Span, str]] = []
    owned += [(d.span, f"dossier {d}") for d in document.dossiers if d.span is not None]
    for field in ("page_title", "number", "heading", "addressee", "date_label", *LETTERHEAD_FIELDS):
        span = document.field_spans.get(field)
        if span is not None:
            owned.append((span, field))
    for index, section in enumerate(document.sections):
        if section.heading_span is not None:
            owned.append((section.heading_span, f"section {index + 1} heading"))
        owned += [(p.span, f"section {index + 1} paragraph") for p in section.paragraphs]
    blocks = [p.span for section in document.sections for p in section.paragraphs]
    blocks += [section.heading_span for section in document.sections if section.heading_span is not None]
    for signatory in document.signatories:
        span = signatory.span
        # A minister read out of a header sentence ("Antwoord van Minister X (...)") stays in the
        # paragraph or heading that sentence became.
        if span is not None and not any(b.start <= span.start and span.end <= b.end for b in blocks):
            owned.append((span, f"signatory {signatory.name or signatory.role}"))
    for note in document.notes:
        owned.append((note.span, f"note {note.number}"))
        if note.number_span is not None:
            owned.append((note.number_span, f"note {note.number} number"))
    return [(span, place) for span, place in owned if span.end > span.start]


def check_coverage(document: Document) -> list[Diagnostic]:
    """Problems with where the text went; empty when every character, page chrome aside, lands once.

    Whitespace between places is not text. A character in two places, or in none, is a KS902
    diagnostic naming the span and the places.
    """
    text = document.text
    problems: list[Diagnostic] = []
    spans = sorted(owned_spans(document), key=lambda item: (item[0].start, item[0].end))
    regions = sorted([(s.start, s.end) for s in document.page_chrome] + [(s.start, s.end) for s, _ in spans])
    previous: tuple[Span, str] | None = None
    for span, place in spans:
        if previous is not None and span.start < previous[0].end:
            problems.append(
                _problem(text, span.start, min(span.end, previous[0].end), f"in two places: {previous[1]} and {place}")
            )
        if previous is None or span.end > previous[0].end:
            previous = (span, place)
    position = 0
    for start, end in regions + [(len(text), len(text))]:
        if start > position and text[position:start].strip():
            gap_start = position + (len(text[position:start]) - len(text[position:start].lstrip()))
            gap_end = start - (len(text[position:start]) - len(text[position:start].rstrip()))
            problems.append(_problem(text, gap_start, gap_end, "in no place of the model"))
        position = max(position, end)
    return problems


def _problem(text: str, start: int, end: int, where: str) -> Diagnostic:
    preview = " ".join(text[start:end].split())[:_PREVIEW]
    return Diagnostic(
        code="KS902",
        message=f"text {start}-{end} ({preview!r}) is {where}",
        span=Span(start=start, end=end),
        severity=Severity.ERROR,
    )
