"""The record tables: one definition of columns, stable keys, values taken from the Document."""

from __future__ import annotations

import datetime

from conftest import FIXTURES, PAGES, SEED

import kamerstuk
from kamerstuk.archive.records import ERRORS, TABLES, arrow_schema, to_records
from kamerstuk.models import Document, Dossier, Reference, ReferenceKind, Span


def _all_documents() -> list[tuple[str, Document]]:
    return [(str(p), kamerstuk.parse_file(p)) for p in [SEED, *sorted(PAGES.glob("*.txt"))]]


def test_every_row_has_exactly_its_tables_columns_and_unique_keys() -> None:
    seen: dict[str, set[tuple[object, ...]]] = {name: set() for name in TABLES}
    for source, doc in _all_documents():
        for name, rows in to_records(doc, source).items():
            assert [list(row) for row in rows] == [TABLES[name].names] * len(rows)
            keys = {tuple(row[k] for k in TABLES[name].key) for row in rows}
            assert len(keys) == len(rows) and not keys & seen[name]
            seen[name] |= keys
            if name != "documents":
                assert [row["ordinal"] for row in rows] == list(range(len(rows)))


def test_seed_letter_rows() -> None:
    doc = kamerstuk.parse_file(SEED)
    records = to_records(doc, "seed.txt")
    (row,) = records["documents"]
    assert row["source"] == "seed.txt" and row["identifier"] == "kst-28676-467"
    assert (row["dossiers"], row["dossier_title"], row["number"], row["kind"]) == ("28676", "NAVO", "467", "brief")
    assert (row["date"], row["minister"], row["minister_portfolio"]) == (
        datetime.date(2024, 10, 3),
        "R.P. Brekelmans",
        "Defensie",
    )
    assert (row["section_count"], row["note_count"], row["reference_count"]) == (6, 2, 3)
    assert [r["target_identifier"] for r in records["references"]] == ["kst-36471-96", "kst-28676-464", "kst-31125-130"]
    assert {r["source_identifier"] for r in records["references"]} == {"kst-28676-467"}
    for note in records["notes"]:
        assert doc.text[note["span_start"] : note["span_end"]].endswith(note["text"][-20:])
    assert [s["name"] for s in records["signatories"]] == ["R.P. Brekelmans"]
    assert "\n\n".join(s["text"] for s in records["sections"] if s["text"]).count("NAVO") >= 3


def test_a_reference_to_two_numbers_gives_two_rows_of_one_reference() -> None:
    # Hand-made document: one citation of two numbers of a dossier.
    ref = Reference(
        kind=ReferenceKind.KAMERSTUK,
        dossier=Dossier(number="28676"),
        numbers=["464", "467"],
        text="Kamerstukken 28 676, nrs. 464 en 467",
        span=Span(start=4, end=40),
    )
    rows = to_records(Document(identifier="kst-1-1", references=[ref]), "x")["references"]
    assert [(r["ordinal"], r["reference"], r["target_identifier"]) for r in rows] == [
        (0, 0, "kst-28676-464"),
        (1, 0, "kst-28676-467"),
    ]
    assert rows[0]["numbers"] == "464;467"


def test_source_defaults_to_the_identifier() -> None:
    assert to_records(kamerstuk.parse_file(SEED))["documents"][0]["source"] == "kst-28676-467"


def test_dataframes_have_the_declared_columns_and_an_errors_table() -> None:
    results = list(kamerstuk.parse_many([SEED, PAGES / "absent.txt"]))
    frames = kamerstuk.to_dataframe(results)
    assert set(frames) == {*TABLES, ERRORS.name}
    for name, frame in frames.items():
        assert list(frame.columns) == ({**TABLES, ERRORS.name: ERRORS})[name].names
    assert frames["documents"]["identifier"].tolist() == ["kst-28676-467"]
    assert str(frames["documents"]["note_count"].dtype) == "Int64"
    assert frames["documents"]["date"].iloc[0].date() == datetime.date(2024, 10, 3)
    assert frames["errors"]["error_type"].tolist() == ["FileNotFoundError"]
    assert len(frames["references"]) == 3
    assert len(kamerstuk.to_dataframe([])["documents"]) == 0


def test_arrow_schema_follows_the_columns() -> None:
    schema = arrow_schema(TABLES["documents"])
    assert schema.names == TABLES["documents"].names
    assert str(schema.field("date").type) == "date32[day]" and str(schema.field("note_count").type) == "int64"


def test_question_motion_and_questioner_tables() -> None:
    answer = kamerstuk.parse_file(FIXTURES / "multi-format" / "ah-tk-20202021-3235.xml")
    records = to_records(answer, "ah.xml")
    assert [r["number"] for r in records["questions"]] == [str(n) for n in range(1, 10)]
    first = records["questions"][0]
    assert answer.text[first["question_span_start"] : first["question_span_end"]] == answer.questions[0].question
    assert first["answer"].startswith("Ja. Volledigheidshalve")
    assert [(r["name"], r["party"]) for r in records["questioners"]] == [
        ("Van Weyenberg", "D66"),
        ("Romke de Jong", "D66"),
        ("Kat", "D66"),
    ]
    motie = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-31839-999.xml")
    clauses = to_records(motie, "motie.xml")["motion_clauses"]
    assert [(r["ordinal"], r["part"], r["kind"]) for r in clauses] == [
        (0, "consideration", "constaterende"),
        (1, "consideration", "van mening"),
        (2, "request", "besluit"),
    ]
    frames = kamerstuk.to_dataframe([answer, motie])
    assert len(frames["questions"]) == 9 and len(frames["motion_clauses"]) == 3
    assert list(frames["questioners"]["party"]) == ["D66", "D66", "D66"]
