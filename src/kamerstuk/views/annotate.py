"""The annotated page: the document text with every value of the model highlighted where it came from.

The text is cut at every span boundary into segments; each segment carries the classes of every span
that covers it, so overlapping values (a reference inside a paragraph, a diagnostic across two
fields) all show. One self-contained HTML file: inline CSS and script, no network.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

from ..coverage import check_coverage
from ..extract.references import find_references
from ..models import OB_URL, Diagnostic, Document, Span
from .summary import header_fields, outline, short_repr, signatory_label

#: Every kind of highlight: CSS class and what it marks, as the legend lists them.
KINDS: dict[str, str] = {
    "ks-field": "header field (number, heading, addressee, dateline, page title)",
    "ks-dossier": "dossier",
    "ks-heading": "section heading",
    "ks-paragraph": "paragraph",
    "ks-signatory": "signatory",
    "ks-marker": "note marker (links to its note)",
    "ks-note": "note (its number links back to the marker)",
    "ks-reference": "reference (links to officielebekendmakingen.nl)",
    "ks-chrome": "page chrome (website text, not the document)",
    "ks-problem": "diagnostic or coverage problem",
}

#: The header fields highlighted as a whole (place and date sit inside the dateline, `date_label`).
MARKED_FIELDS = ("page_title", "number", "heading", "addressee", "date_label")
#: The panel row whose value scrolls to a highlighted span: row label -> target.
_ROW_TARGETS = {"number": "field-number", "heading": "field-heading", "addressee": "field-addressee"}

_CSS = """
.ks-annotated{font:15px/1.5 system-ui,sans-serif;color:#111;display:flex;gap:1.5em;align-items:flex-start}
.ks-annotated .ks-text{flex:1 1 60%;white-space:pre-wrap;font-family:Georgia,serif;min-width:0}
.ks-annotated .ks-panel{flex:0 0 34%;position:sticky;top:0;max-height:100vh;overflow:auto;font-size:13px;
 border-left:1px solid #ccc;padding-left:1em}
.ks-annotated h2{font-size:15px;margin:1em 0 .3em}
.ks-annotated table{border-collapse:collapse}.ks-annotated td{vertical-align:top;padding:1px 6px}
.ks-annotated td:first-child{color:#555;white-space:nowrap}
.ks-annotated ul{padding-left:1.2em;margin:.2em 0}
.ks-field{background:#fde68a}.ks-dossier{background:#fdba74}.ks-heading{background:#bfdbfe;font-weight:bold}
.ks-paragraph{background:#f1f5f9}.ks-signatory{background:#bbf7d0}.ks-note{background:#e9d5ff}
.ks-marker{background:#f9a8d4;font-weight:bold;vertical-align:super;font-size:80%}
.ks-reference{background:#a5f3fc;color:#0c4a6e}.ks-chrome{color:#9ca3af;background:none}
.ks-problem{text-decoration:underline wavy #dc2626}
.ks-annotated a{color:inherit}.ks-annotated [id]{scroll-margin-block:30vh}
.ks-annotated :target{outline:2px solid #dc2626}
.ks-go{cursor:pointer;color:#1d4ed8}.ks-go:hover{text-decoration:underline}
.ks-sev-error{color:#b91c1c;font-weight:bold}.ks-sev-warning{color:#b45309}.ks-sev-info{color:#475569}
.ks-swatch{display:inline-block;width:1.2em;padding:0 2px;margin-right:4px}
@keyframes ks-flash{0%,60%{outline:3px solid #dc2626;background:#fecaca}100%{outline:0}}
.ks-flash{animation:ks-flash 1.6s ease-out}
@media print{.ks-annotated{display:block;font-size:11pt}.ks-annotated .ks-panel{position:static;max-height:none;
 border:0;padding:0;margin-top:1em;break-before:page}.ks-annotated *{-webkit-print-color-adjust:exact;
 print-color-adjust:exact}.ks-go{color:#111}.ks-reference::after{content:""}}
"""

_SCRIPT = """
(function(){
  function go(target){
    var hits=document.querySelectorAll('[data-t~="'+target+'"]');
    if(!hits.length){return;}
    hits[0].scrollIntoView({block:'center'});
    hits.forEach(function(el){el.classList.remove('ks-flash');void el.offsetWidth;el.classList.add('ks-flash');});
  }
  document.addEventListener('click',function(ev){
    var el=ev.target.closest('[data-go]');
    if(el){ev.preventDefault();go(el.getAttribute('data-go'));}
  });
  window.ksGo=go;
})();
"""


@dataclass
class _Mark:
    """One highlighted span: its classes, the targets a panel entry can scroll to, and its link, if any."""

    span: Span
    classes: str
    target: str = ""
    href: str | None = None
    anchor: str | None = None
    title: str | None = None


@dataclass
class _Page:
    """What is gathered from the document before rendering: marks and the panel's entries."""

    marks: list[_Mark] = field(default_factory=list)
    problems: list[tuple[str, Diagnostic]] = field(default_factory=list)


def _marks(document: Document) -> _Page:
    """Every span of the model as a mark, and the diagnostics and coverage problems with their targets."""
    page = _Page()
    add = page.marks.append
    for name, span in document.field_spans.items():
        if name in MARKED_FIELDS:
            add(_Mark(span, f"ks-field ks-field-{name}", f"field-{name}", title=name))
    for index, dossier in enumerate(document.dossiers):
        if dossier.span is not None:
            add(_Mark(dossier.span, "ks-dossier", f"dossier-{index}", title=f"dossier {dossier}"))
    for s_index, section in enumerate(document.sections):
        if section.heading_span is not None:
            add(_Mark(section.heading_span, "ks-heading", f"section-{s_index}", title="section heading"))
        for p_index, paragraph in enumerate(section.paragraphs):
            target = f"section-{s_index}" if p_index == 0 and section.heading_span is None else ""
            add(_Mark(paragraph.span, "ks-paragraph", target))
    for index, signatory in enumerate(document.signatories):
        if signatory.span is not None:
            add(_Mark(signatory.span, "ks-signatory", f"signatory-{index}", title="signatory"))
    first_marker: dict[str, int] = {}
    numbers = {note.number for note in document.notes}
    for index, ref in enumerate(document.note_refs):
        first_marker.setdefault(ref.number, index)
        href = f"#note-{ref.number}" if ref.number in numbers else None
        add(_Mark(ref.span, "ks-marker", f"marker-{index}", href, f"marker-{index}", f"note {ref.number}"))
    for note in document.notes:
        add(_Mark(note.span, "ks-note", f"note-{note.number}", anchor=f"note-{note.number}", title="note"))
        if note.number_span is not None:
            back = first_marker.get(note.number)
            href = f"#marker-{back}" if back is not None else None
            add(_Mark(note.number_span, "ks-note ks-note-number", f"note-{note.number}", href, title="note number"))
    for index, reference in enumerate(document.references):
        url = reference.urls[0] if reference.urls else None
        title = ", ".join(reference.identifiers) or reference.kind.value
        add(_Mark(reference.span, "ks-reference", f"reference-{index}", url, title=title))
    for span in document.page_chrome:
        add(_Mark(span, "ks-chrome", title="page chrome"))
    problems = [("diagnostic", d) for d in document.diagnostics]
    problems += [("coverage", d) for d in check_coverage(document)]
    for index, (_, diagnostic) in enumerate(problems):
        if diagnostic.span is not None:
            add(
                _Mark(
                    diagnostic.span, "ks-problem", f"problem-{index}", title=f"{diagnostic.code} {diagnostic.message}"
                )
            )
    page.problems = problems
    return page


def _segments(text: str, marks: list[_Mark]) -> str:
    """The text as HTML: cut at every mark boundary, each piece in the elements of the marks covering it."""
    marks = [m for m in marks if 0 <= m.span.start < m.span.end <= len(text)]
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for index, mark in enumerate(marks):
        starts[mark.span.start].append(index)
        ends[mark.span.end].append(index)
    cuts = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    opened: set[int] = set()
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        piece = html.escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        covering = [marks[i] for i in sorted(active)]
        out.append(_segment(piece, covering, [i for i in sorted(active) if i not in opened], marks))
        opened.update(active)
    return "".join(out)


def _segment(piece: str, covering: list[_Mark], first: list[int], marks: list[_Mark]) -> str:
    """One piece of text with the classes, targets and link of the marks that cover it."""
    classes = " ".join(dict.fromkeys(c for m in covering for c in m.classes.split()))
    targets = " ".join(dict.fromkeys(m.target for m in covering if m.target))
    ids = [anchor for i in first if (anchor := marks[i].anchor)]
    titles = [title for m in covering if (title := m.title)]
    attributes = f' class="{classes}" data-t="{html.escape(targets)}"'
    if ids:
        attributes += f' id="{html.escape(ids[-1])}"'
    if titles:
        attributes += f' title="{html.escape(" · ".join(titles))}"'
    link = next((m.href for m in reversed(covering) if m.href), None)
    if link is not None:
        return f'<a href="{html.escape(link)}"{attributes}>{piece}</a>'
    return f"<span{attributes}>{piece}</span>"


def _go(target: str, label: str) -> str:
    """A panel entry that scrolls to and flashes `target` when clicked."""
    return f'<span class="ks-go" data-go="{html.escape(target)}">{html.escape(label)}</span>'


def _panel(document: Document, page: _Page) -> str:
    """The side panel: fields, outline, signatories, notes, references, problems, legend."""
    targets = {label: target for label, target in _ROW_TARGETS.items() if label in document.field_spans}
    if "date_label" in document.field_spans:
        targets.update(date="field-date_label", place="field-date_label")
    if document.dossiers and document.dossiers[0].span is not None:
        targets["dossiers"] = "dossier-0"
    rows = []
    for label, value in header_fields(document):
        target = targets.get(label)
        cell = _go(target, value) if target else html.escape(value)
        rows.append(f"<tr><td>{html.escape(label)}</td><td>{cell}</td></tr>")
    parts = [f"<h2>{html.escape(short_repr(document))}</h2>", f"<table>{''.join(rows)}</table>"]
    sections = [
        f"<li>{_go(f'section-{i}', heading)} ({count} ¶)</li>" for i, (heading, count) in enumerate(outline(document))
    ]
    parts.append(_listing("Sections", sections))
    signatories = [
        f"<li>{_go(f'signatory-{i}', signatory_label(s.role, s.name))}</li>" for i, s in enumerate(document.signatories)
    ]
    parts.append(_listing("Signatories", signatories))
    notes = [f"<li>{_go(f'note-{n.number}', f'{n.number}: {n.text[:80]}')}</li>" for n in document.notes]
    parts.append(_listing("Notes", notes))
    references = [
        f"<li>{_go(f'reference-{i}', ', '.join(r.identifiers) or r.text)} "
        + "".join(f'<a href="{html.escape(u)}">↗</a>' for u in r.urls)
        + "</li>"
        for i, r in enumerate(document.references)
    ]
    parts.append(_listing("References", references))
    problems = []
    for index, (where, d) in enumerate(page.problems):
        label = f"{d.code} {d.message}"
        entry = _go(f"problem-{index}", label) if d.span is not None else html.escape(label)
        problems.append(
            f'<li class="ks-diagnostic" data-kind="{where}"><span class="ks-sev-{d.severity.value}">'
            f"{d.severity.value}</span> {entry}</li>"
        )
    parts.append(_listing("Diagnostics and coverage problems", problems, "none"))
    legend = [
        f'<li><span class="ks-swatch {name}">&nbsp;</span>{html.escape(what)}</li>' for name, what in KINDS.items()
    ]
    parts.append(_listing("Legend", legend))
    return "".join(parts)


def _listing(title: str, items: list[str], empty: str = "") -> str:
    """A panel section with its title; left out when it has no items and no `empty` word."""
    if not items and not empty:
        return ""
    body = f"<ul>{''.join(items)}</ul>" if items else f"<p>{empty}</p>"
    return f"<h2>{html.escape(title)}</h2>{body}"


def _body(document: Document) -> str:
    """The annotated text and the panel, in their container."""
    page = _marks(document)
    text = _segments(document.text, page.marks)
    return (
        f'<div class="ks-annotated"><div class="ks-text">{text}</div>'
        f'<aside class="ks-panel">{_panel(document, page)}</aside></div>'
    )


def annotate(document: Document) -> str:
    """A self-contained HTML page of the document with every value highlighted where it came from."""
    title = html.escape(document.identifier or document.heading or "Kamerstuk")
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} · kamerstuk annotate</title><style>body{{margin:1em}}{_CSS}</style></head>"
        f"<body>{_body(document)}<script>{_SCRIPT}</script></body></html>\n"
    )


def notebook_html(document: Document) -> str:
    """`Document._repr_html_`: the summary, and the highlighted text folded under it."""
    rows = "".join(
        f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
        for label, value in header_fields(document)
    )
    return (
        f"<div><style>{_CSS}</style><strong>{html.escape(short_repr(document))}</strong>"
        f'<table class="ks-summary">{rows}</table>'
        f"<details><summary>Highlighted text</summary>{_body(document)}</details>"
        f"<script>{_SCRIPT}</script></div>"
    )


def annotate_references(text: str) -> str:
    """`text` as HTML with every reference linked to its officielebekendmakingen page, as eyecite's
    `annotate_citations` does; the rest of the text is escaped, never interpreted."""
    out: list[str] = []
    position = 0
    for reference in find_references(text):
        start, end = reference.span.start, reference.span.end
        if start < position:
            continue
        out.append(html.escape(text[position:start]))
        identifier = ", ".join(reference.identifiers)
        href = OB_URL.format(reference.identifiers[0]) if reference.identifiers else None
        piece = html.escape(text[start:end])
        attributes = f' class="ks-reference" data-kind="{reference.kind.value}"'
        if identifier:
            attributes += f' title="{html.escape(identifier)}"'
        out.append(
            f'<a href="{html.escape(href)}"{attributes}>{piece}</a>' if href else f"<span{attributes}>{piece}</span>"
        )
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)
