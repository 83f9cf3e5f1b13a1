"""Every rule of the catalogue on real documents: one that passes it, one (real or changed on purpose) that fails it."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from conftest import FIXTURES, PAGES, SEED

import kamerstuk
from kamerstuk import Diagnostic, Document, Metadata, Severity, validate
from kamerstuk.merge import merge_metadata
from kamerstuk.models import ReferenceKind

SEED_DOC = kamerstuk.parse_file(SEED)
SEED_TEXT = SEED_DOC.text


def page(page_id: str) -> Document:
    """A real page from fixtures/pages, parsed."""
    return kamerstuk.parse_file(PAGES / f"{page_id}.txt")


def site_text(page_id: str) -> Document:
    """The site text that opens a real page in fixtures/pages, up to the line where its document starts."""
    text = (PAGES / f"{page_id}.txt").read_text(encoding="utf-8")
    return kamerstuk.parse(text[: text.index(page_id.split("-")[1])])


def changed(old: str, new: str, text: str = SEED_TEXT) -> Document:
    """The seed letter (or `text`) with one deliberate change, parsed."""
    assert old in text, f"{old!r} is not in the text"
    return kamerstuk.parse(text.replace(old, new, 1))


def found(doc: Document, code: str) -> list[Diagnostic]:
    """The diagnostics of rule `code` alone."""
    return validate(doc, select=[code])


def with_metadata(**fields: object) -> Document:
    """The seed letter with a metadata record attached, as the XML reader merges it."""
    return SEED_DOC.model_copy(update={"metadata": Metadata.model_validate(fields)})


def with_parser_diagnostic(code: str, message: str) -> Document:
    """The seed letter as if the parser had emitted `code` at its first line."""
    diagnostic = Diagnostic(code=code, message=message, span=kamerstuk.Span(start=0, end=11))
    return SEED_DOC.model_copy(update={"diagnostics": [diagnostic]})


def nameless_signatory() -> Document:
    """The seed letter with the signatory's name taken away (the text parser drops such a role line)."""
    signatory = SEED_DOC.signatories[0].model_copy(update={"name": None})
    return SEED_DOC.model_copy(update={"signatories": [signatory]})


AH_XML = (FIXTURES / "multi-format" / "ah-tk-20202021-3235.xml").read_bytes()
MOTIE_XML = (FIXTURES / "xml-kst" / "kst-31839-999.xml").read_bytes()


def changed_xml(data: bytes, old: bytes, new: bytes) -> Document:
    """A real XML document with one deliberate change, parsed."""
    assert old in data, f"{old!r} is not in the XML"
    return kamerstuk.parse(data.replace(old, new, 1))


def without_answer_3() -> Document:
    """The real Aanhangsel XML with the <antwoord> of question 3 taken out."""
    start = AH_XML.index(b"<antwoord>", AH_XML.index(b"Vraag 3"))
    end = AH_XML.index(b"</antwoord>", start) + len(b"</antwoord>")
    return kamerstuk.parse(AH_XML[:start] + AH_XML[end:])


#: code -> (name of the failing case, the failing document, a phrase of the expected message).
FAILING: dict[str, tuple[str, Callable[[], Document], str]] = {
    "KS100": ("real site text of a page, report cut", lambda: site_text("kst-30169-9"), "no sign of a Kamerstuk"),
    "KS101": ("real Aanhangsel page without header", lambda: page("ah-tk-20152016-832"), "no dossier number"),
    "KS102": ("dossier suffix XIIII", lambda: changed("28 676 NAVO", "28 676-XIIII NAVO"), "'XIIII'"),
    "KS103": ("real amendement page without dossier line", lambda: page("kst-25051-8"), "no dossier number"),
    "KS104": ("Nr. 467 replaced by a docnumber", lambda: changed("Nr. 467 BRIEF", "2024D37000 BRIEF"), "28 676"),
    "KS105": ("heading OVERZICHT", lambda: changed("467 BRIEF", "467 OVERZICHT"), "OVERZICHT VAN DE MINISTER"),
    "KS106": ("real amendement page without dossier line", lambda: page("kst-25051-8"), "from the file name"),
    "KS201": ("addressee line deleted", lambda: changed("Aan de Voorzitter van de Tweede Kamer", ""), "addressee"),
    "KS202": ("date 31 februari", lambda: changed("3 oktober 2024", "31 februari 2024"), "31 februari 2024"),
    "KS203": ("dateline deleted", lambda: changed("Den Haag, 3 oktober 2024", ""), "no date"),
    "KS204": ("date in 2099", lambda: changed("3 oktober 2024", "3 oktober 2099"), "2099-10-03 is in the future"),
    "KS205": ("month misspelt", lambda: changed("3 oktober 2024", "3 oktbr 2024"), "Den Haag, 3 oktbr 2024"),
    "KS206": (
        "real motie XML without datumtekst",
        lambda: kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-23432-574.xml"),
        "DCTERMS.issued",
    ),
    "KS301": ("real letter whose note text is missing", lambda: page("kst-21501-07-1656"), "marker 1 has no note"),
    "KS302": ("marker 2 deleted", lambda: changed("technologiegebieden2", "technologiegebieden"), "note 2"),
    "KS303": ("note 2 renumbered 3", lambda: changed("X Noot\n2\n", "X Noot\n3\n"), "note 3 follows a gap"),
    "KS304": ("number of note 1 deleted", lambda: changed("X Noot\n1\n", "X Noot\n"), "numbered 1 by position"),
    "KS401": ("signature deleted", lambda: changed("De Minister van Defensie, R.P. Brekelmans", ""), "signatory"),
    "KS402": ("signatory's name taken away", nameless_signatory, "Minister van Defensie has no name"),
    "KS501": ("dossier taken out", lambda: changed("Kamerstuk 36 471, nr. 96", "Kamerstuk nr. 96"), "nr. 96"),
    "KS502": (
        "Handelingen II 2016/18",
        lambda: changed("2016/17", "2016/18", page("kst-34700-6").text),
        "Handelingen II 2016/18",
    ),
    "KS601": ("metadata says nr. 468", lambda: with_metadata(dossiernummer="28676", ondernummer="468"), "'468'"),
    "KS701": ("real Aanhangsel XML with answer 3 taken out", without_answer_3, "question 3 has no answer"),
    "KS702": (
        "real Aanhangsel XML with Vraag 3 renumbered 4",
        lambda: changed_xml(AH_XML, b">Vraag 3<", b">Vraag 4<"),
        "question 3 is missing before question 4",
    ),
    "KS703": (
        "real motie XML with its 'besluit' taken out",
        lambda: changed_xml(MOTIE_XML, b"<al>besluit het CPT", b"<al>het CPT"),
        "motie without a request clause",
    ),
    "KS901": ("seed saved as cp1252", lambda: kamerstuk.parse(SEED_TEXT.encode("cp1252")), "cp1252"),
    "KS903": (
        "real tweedekamer.nl page that holds only a header",
        lambda: kamerstuk.parse_file(FIXTURES / "html" / "2015D04817.html"),
        "linked PDF",
    ),
    "KS902": ("parser left text unplaced", lambda: with_parser_diagnostic("KS902", "text left unplaced"), "unplaced"),
    "KS904": (
        "parser made no progress",
        lambda: with_parser_diagnostic("KS904", "the reader made no progress at line 1"),
        "no progress",
    ),
}
#: Real documents that pass a rule besides the seed letter (which passes them all).
PASSING: dict[str, list[str]] = {
    "KS102": ["kst-29800-VIII-209", "kst-21501-20-1308", "kst-cxxiv-g", "kst-36800-XVI-B"],
    "KS203": ["kst-31501-4"],
    "KS301": ["kst-19637-2478"],
    "KS401": ["kst-28606-19", "kst-34700-19"],
    "KS402": ["kst-35788-72"],
    "KS502": ["kst-34700-6"],
    "KS701": ["ah-tk-20242025-1028", "ah-tk-20152016-832"],
    "KS702": ["kv-tk-2019Z04764", "pm-kamervragen-monasch-2016"],
    "KS703": ["kst-21501-02-2235", "kst-21501-20-2151"],
}


def test_real_aanhangsel_and_motie_xml_pass_the_question_and_motie_rules() -> None:
    assert validate(kamerstuk.parse(AH_XML), select=["KS701", "KS702", "KS703"]) == []
    assert validate(kamerstuk.parse(MOTIE_XML), select=["KS701", "KS702", "KS703"]) == []


def test_a_question_asked_twice_is_kept_and_reported() -> None:
    doc = changed_xml(AH_XML, b">Vraag 3<", b">Vraag 2<")
    assert [q.number for q in doc.questions][:4] == ["1", "2", "2", "4"]
    assert any("question 2 appears twice" in d.message for d in found(doc, "KS702"))


def test_the_seed_letter_passes_every_rule() -> None:
    assert validate(SEED_DOC) == []


@pytest.mark.parametrize("code", sorted(FAILING))
def test_rule_fails_a_real_document_with_the_problem(code: str) -> None:
    _, make, phrase = FAILING[code]
    diagnostics = found(make(), code)
    assert diagnostics, f"{code} did not fire on: {FAILING[code][0]}"
    assert all(d.code == code for d in diagnostics)
    assert any(phrase in d.message for d in diagnostics), [d.message for d in diagnostics]


@pytest.mark.parametrize(("code", "page_id"), [(code, p) for code, pages in PASSING.items() for p in pages])
def test_rule_passes_real_documents_without_the_problem(code: str, page_id: str) -> None:
    assert found(page(page_id), code) == []


def test_every_document_rule_has_a_failing_case() -> None:
    document_rules = {rule.code for rule in kamerstuk.RULES if rule.check is not None}
    assert document_rules == set(FAILING)


def test_date_before_1815_is_implausible() -> None:
    [diagnostic] = found(changed("3 oktober 2024", "3 oktober 1814"), "KS204")
    assert "before 1815" in diagnostic.message


def test_date_today_is_plausible() -> None:
    today = datetime.date.today()
    assert found(SEED_DOC.model_copy(update={"date": today}), "KS204") == []


def test_unreadable_dateline_is_not_also_reported_as_missing() -> None:
    doc = changed("3 oktober 2024", "3-10-2024")
    assert [d.code for d in validate(doc, select=["KS2"])] == ["KS205"]


def test_duplicate_and_out_of_order_note_numbers() -> None:
    duplicate = found(changed("X Noot\n2\n", "X Noot\n1\n"), "KS303")
    assert [d.message for d in duplicate] == ["note number 1 is used twice"]
    notes = SEED_DOC.notes
    swapped = SEED_DOC.model_copy(update={"notes": [notes[1], notes[0]]})
    assert {d.message for d in found(swapped, "KS303")} == {
        "note 2 follows a gap: expected note 1",
        "note 1 is out of order: expected note 3",
    }


def test_excerpt_without_end_is_spared_the_whole_document_rules() -> None:
    excerpt = kamerstuk.parse(SEED_TEXT[: SEED_TEXT.index("De Minister van Defensie,")])
    assert excerpt.signatories == [] and excerpt.notes == []
    assert validate(excerpt) == []


def test_metadata_that_agrees_passes_and_parser_ks601_is_surfaced() -> None:
    agreeing = with_metadata(dossiernummer="28676", ondernummer="467", issued="2024-10-03")
    assert found(agreeing, "KS601") == []
    [diagnostic] = found(with_parser_diagnostic("KS601", "number: 467 in the text, 468 in metadata"), "KS601")
    assert diagnostic.message == "number: 467 in the text, 468 in metadata"
    assert (diagnostic.line, diagnostic.column) == (1, 1)


def test_metadata_date_mismatch_names_both_dates() -> None:
    [diagnostic] = found(with_metadata(issued="2024-10-04"), "KS601")
    assert "'2024-10-03'" in diagnostic.message and "'2024-10-04'" in diagnostic.message


def test_metadata_is_compared_as_merging_compares_it() -> None:
    """The identifier is compared too, and spaces and case are ignored, as `merge_metadata` does."""
    record = {"identifier": "kst-28676-468", "dossiernummer": "28 676", "ondernummer": "467"}
    [diagnostic] = found(with_metadata(**record), "KS601")
    assert diagnostic.message == (
        "document and metadata disagree on identifier: document says 'kst-28676-467', metadata says 'kst-28676-468'"
    )
    [merged] = [d for d in merge_metadata(SEED_DOC, Metadata.model_validate(record)).diagnostics if d.code == "KS601"]
    assert merged.message.startswith("identifier:")
    assert found(with_metadata(identifier="KST-28676-467", dossiernummer="28 676"), "KS601") == []


def test_vergaderjaar_of_a_parsed_reference_is_checked() -> None:
    reference = SEED_DOC.references[0].model_copy(update={"year": "2019-2021"})
    [diagnostic] = found(SEED_DOC.model_copy(update={"references": [reference]}), "KS502")
    assert "'2019-2021'" in diagnostic.message


def test_utf16_input_keeps_the_parsers_info_severity() -> None:
    doc = kamerstuk.parse(SEED_TEXT.encode("utf-16"))
    [diagnostic] = found(doc, "KS901")
    assert diagnostic.severity is Severity.INFO


def test_every_parsed_kamerstuk_reference_has_its_dossier() -> None:
    """Why KS501 looks only at the text: a dossierless citation never becomes a Kamerstuk reference."""
    documents = [SEED_DOC, *(kamerstuk.parse_file(path) for path in sorted(PAGES.glob("*.txt")))]
    references = [ref for doc in documents for ref in doc.references if ref.kind is ReferenceKind.KAMERSTUK]
    assert references and all(ref.dossier is not None for ref in references)
