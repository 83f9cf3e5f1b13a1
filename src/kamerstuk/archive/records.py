"""Documents as flat tables, one row per entity: the one definition of columns for CSV, Parquet, pandas and Dask.

Every table is keyed by `source` (where the document was read) and, for child tables, an `ordinal`
(0, 1, 2, ... within the document); `identifier` is repeated on child rows for convenient joins.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..models import Document, Span
from ..optional import require

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from .batch import Result

ColumnKind = Literal["string", "int", "date"]
Row = dict[str, Any]
Records = dict[str, list[Row]]


@dataclass(frozen=True, slots=True)
class Table:
    """A table's name, its key columns and its columns with their kinds, in order."""

    name: str
    key: tuple[str, ...]
    columns: tuple[tuple[str, ColumnKind], ...]

    @property
    def names(self) -> list[str]:
        """The column names in order."""
        return [name for name, _ in self.columns]


def _columns(spec: str) -> tuple[tuple[str, ColumnKind], ...]:
    """Columns from `name name:int name:date`; a column without a kind is a string."""
    columns: list[tuple[str, ColumnKind]] = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        columns.append((name, "int" if kind == "int" else "date" if kind == "date" else "string"))
    return tuple(columns)


_SPAN = "span_start:int span_end:int"
_CHILD = "source ordinal:int identifier"
DOCUMENTS = Table(
    "documents",
    ("source",),
    _columns(
        "source identifier dossiers dossier_title number kind chamber vergaderjaar date:date place addressee"
        " heading page_title minister minister_portfolio source_format characters:int section_count:int"
        " paragraph_count:int note_count:int reference_count:int signatory_count:int diagnostic_count:int"
    ),
)
REFERENCES = Table(
    "references",
    ("source", "ordinal"),
    _columns(
        "source ordinal:int source_identifier reference:int target_identifier kind chamber year dossier numbers"
        f" item pages text {_SPAN} note"
    ),
)
NOTES = Table("notes", ("source", "ordinal"), _columns(f"{_CHILD} number text {_SPAN}"))
SIGNATORIES = Table("signatories", ("source", "ordinal"), _columns(f"{_CHILD} role portfolio name party {_SPAN}"))
SECTIONS = Table("sections", ("source", "ordinal"), _columns(f"{_CHILD} heading paragraph_count:int text {_SPAN}"))
QUESTIONS = Table(
    "questions",
    ("source", "ordinal"),
    _columns(
        f"{_CHILD} number question answer answered_with question_span_start:int question_span_end:int"
        " answer_span_start:int answer_span_end:int"
    ),
)
QUESTIONERS = Table("questioners", ("source", "ordinal"), _columns(f"{_CHILD} name party"))
MOTION_CLAUSES = Table("motion_clauses", ("source", "ordinal"), _columns(f"{_CHILD} part kind text {_SPAN}"))
DIAGNOSTICS = Table("diagnostics", ("source", "ordinal"), _columns(f"{_CHILD} code severity message {_SPAN}"))
#: Sources that gave no document; the errors file of `kamerstuk batch` has these columns.
ERRORS = Table("errors", ("source",), _columns("source error_type message"))

#: The tables of parsed documents, in the order they are written.
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS,
        REFERENCES,
        NOTES,
        SIGNATORIES,
        SECTIONS,
        DIAGNOSTICS,
        QUESTIONS,
        QUESTIONERS,
        MOTION_CLAUSES,
    )
}
_PANDAS_DTYPES = {"string": "string", "int": "Int64", "date": "datetime64[s]"}


def to_records(doc: Document, source: str | None = None) -> Records:
    """The document's rows of every table in `TABLES`, as plain dicts; `source` defaults to the identifier."""
    key = source if source is not None else doc.identifier or ""
    return {
        "documents": [_document_row(doc, key)],
        "references": list(_reference_rows(doc, key)),
        "notes": [
            {**_child(key, i, doc), "number": n.number, "text": n.text, **_span(n.span)}
            for i, n in enumerate(doc.notes)
        ],
        "signatories": [
            {
                **_child(key, i, doc),
                "role": s.role,
                "portfolio": s.portfolio,
                "name": s.name,
                "party": s.party,
                **_span(s.span),
            }
            for i, s in enumerate(doc.signatories)
        ],
        "sections": [_section_row(doc, key, i) for i in range(len(doc.sections))],
        "diagnostics": [
            {**_child(key, i, doc), "code": d.code, "severity": d.severity.value, "message": d.message, **_span(d.span)}
            for i, d in enumerate(doc.diagnostics)
        ],
        "questions": [_question_row(doc, key, i) for i in range(len(doc.questions))],
        "questioners": [
            {**_child(key, i, doc), "name": m.name, "party": m.party} for i, m in enumerate(doc.questioners)
        ],
        "motion_clauses": _clause_rows(doc, key),
    }


def _question_row(doc: Document, key: str, index: int) -> Row:
    """One written question with its answer."""
    q = doc.questions[index]
    return {
        **_child(key, index, doc),
        "number": q.number,
        "question": q.question,
        "answer": q.answer,
        "answered_with": q.answered_with,
        "question_span_start": q.question_span.start,
        "question_span_end": q.question_span.end,
        "answer_span_start": q.answer_span.start if q.answer_span else None,
        "answer_span_end": q.answer_span.end if q.answer_span else None,
    }


def _clause_rows(doc: Document, key: str) -> list[Row]:
    """The motie's considerations then requests, `part` telling which."""
    if doc.motion is None:
        return []
    clauses = [("consideration", c) for c in doc.motion.considerations] + [("request", c) for c in doc.motion.requests]
    return [
        {**_child(key, i, doc), "part": part, "kind": c.kind, "text": c.text, **_span(c.span)}
        for i, (part, c) in enumerate(clauses)
    ]


def error_row(source: str, error_type: str, message: str) -> Row:
    """One row of the errors table."""
    return {"source": source, "error_type": error_type, "message": message}


def to_dataframe(docs: Iterable[Document | Result]) -> dict[str, pandas.DataFrame]:
    """Documents (or `parse_many` Results) as one pandas DataFrame per table, plus `errors` for failed Results."""
    from .batch import Result

    records: Records = {name: [] for name in [*TABLES, ERRORS.name]}
    for item in docs:
        if not isinstance(item, Result):
            _extend(records, to_records(item))
        elif item.document is not None:
            _extend(records, to_records(item.document, item.source))
        elif item.error is not None:
            records["errors"].append(error_row(item.source, item.error.type, item.error.message))
    tables = {**TABLES, ERRORS.name: ERRORS}
    return {name: frame(tables[name], rows) for name, rows in records.items()}


def frame(table: Table, rows: list[Row]) -> pandas.DataFrame:
    """Rows of a table as a DataFrame with the table's columns and dtypes, also when there are no rows."""
    require("pandas", "pandas")
    import pandas

    data = pandas.DataFrame.from_records(rows, columns=table.names)
    return data.astype({name: _PANDAS_DTYPES[kind] for name, kind in table.columns})


def arrow_schema(table: Table) -> pyarrow.Schema:
    """The table's columns as a pyarrow schema."""
    require("pyarrow", "parquet")
    import pyarrow

    types: dict[ColumnKind, pyarrow.DataType] = {
        "string": pyarrow.string(),
        "int": pyarrow.int64(),
        "date": pyarrow.date32(),
    }
    return pyarrow.schema([pyarrow.field(name, types[kind]) for name, kind in table.columns])


def csv_value(value: Any) -> str:
    """A cell as CSV text: None as empty, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _extend(records: Records, more: Records) -> None:
    """Append one document's rows to the rows collected so far."""
    for name, rows in more.items():
        records[name].extend(rows)


def _document_row(doc: Document, source: str) -> Row:
    """The document's one row: header fields, the first minister, and counts of its parts."""
    minister = doc.minister
    return {
        "source": source,
        "identifier": doc.identifier,
        "dossiers": ";".join(d.key for d in doc.dossiers) or None,
        "dossier_title": doc.dossier.title if doc.dossier else None,
        "number": doc.number,
        "kind": doc.kind.value,
        "chamber": doc.chamber.value if doc.chamber else None,
        "vergaderjaar": doc.vergaderjaar,
        "date": doc.date,
        "place": doc.place,
        "addressee": doc.addressee,
        "heading": doc.heading,
        "page_title": doc.page_title,
        "minister": minister.name if minister else None,
        "minister_portfolio": minister.portfolio if minister else None,
        "source_format": doc.source_format,
        "characters": len(doc.text),
        "section_count": len(doc.sections),
        "paragraph_count": sum(len(s.paragraphs) for s in doc.sections),
        "note_count": len(doc.notes),
        "reference_count": len(doc.references),
        "signatory_count": len(doc.signatories),
        "diagnostic_count": len(doc.diagnostics),
    }


def _reference_rows(doc: Document, source: str) -> Iterator[Row]:
    """One row per reference and target: a citation of two numbers gives two rows with the same `reference`."""
    ordinal = 0
    for index, ref in enumerate(doc.references):
        targets: list[str | None] = list(ref.identifiers) or [None]
        for target in targets:
            yield {
                "source": source,
                "ordinal": ordinal,
                "source_identifier": doc.identifier,
                "reference": index,
                "target_identifier": target,
                "kind": ref.kind.value,
                "chamber": ref.chamber.value if ref.chamber else None,
                "year": ref.year,
                "dossier": ref.dossier.key if ref.dossier else None,
                "numbers": ";".join(ref.numbers) or None,
                "item": ref.item,
                "pages": ref.pages,
                "text": ref.text,
                **_span(ref.span),
                "note": ref.note,
            }
            ordinal += 1


def _section_row(doc: Document, source: str, index: int) -> Row:
    """A section with its paragraphs' text, spanning from its heading to its last paragraph."""
    section = doc.sections[index]
    spans = [s for s in (section.heading_span, *(p.span for p in section.paragraphs)) if s is not None]
    whole = Span(start=min(s.start for s in spans), end=max(s.end for s in spans)) if spans else None
    return {
        **_child(source, index, doc),
        "heading": section.heading,
        "paragraph_count": len(section.paragraphs),
        "text": "\n\n".join(p.text for p in section.paragraphs),
        **_span(whole),
    }


def _child(source: str, ordinal: int, doc: Document) -> Row:
    """The key columns every child row starts with."""
    return {"source": source, "ordinal": ordinal, "identifier": doc.identifier}


def _span(span: Span | None) -> Row:
    """A span as two integer columns."""
    return {"span_start": span.start if span else None, "span_end": span.end if span else None}
