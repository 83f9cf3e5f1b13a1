"""Written questions and answers: kinds, header facts and Q&A pairs from real Aanhangsel and kv documents.

Expected values were written by reading the documents; the XML test also compares every question and
answer with the document's own <vraag>/<antwoord> markup, an independent source.
"""

from __future__ import annotations

import datetime

from conftest import FIXTURES, PAGES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import kamerstuk
from kamerstuk import DocumentKind, Member
from kamerstuk.extract.questions import members

AH_XML = FIXTURES / "multi-format" / "ah-tk-20202021-3235.xml"


def _texts(element: etree._Element) -> str:
    return "\n\n".join(" ".join("".join(al.itertext()).split()) for al in element.iterfind("al"))


def test_aanhangsel_xml_header() -> None:
    doc = kamerstuk.parse_file(AH_XML)
    assert doc.identifier == "ah-tk-20202021-3235"
    assert doc.kind is DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN
    assert doc.questioners == [
        Member(name="Van Weyenberg", party="D66"),
        Member(name="Romke de Jong", party="D66"),
        Member(name="Kat", party="D66"),
    ]
    assert doc.addressed_to == ["de Minister van Sociale Zaken en Werkgelegenheid"]
    assert doc.submitted == datetime.date(2021, 6, 3)
    assert doc.received == datetime.date(2021, 6, 21)
    assert doc.date == datetime.date(2021, 6, 21)
    assert [(s.role, s.portfolio, s.name) for s in doc.signatories] == [
        ("Minister", "Sociale Zaken en Werkgelegenheid", "Koolmees")
    ]
    assert kamerstuk.check_coverage(doc) == []


def test_aanhangsel_xml_questions_match_markup() -> None:
    doc = kamerstuk.parse_file(AH_XML)
    root = etree.parse(str(AH_XML)).getroot()
    vragen = root.findall(".//vraag")
    antwoorden = root.findall(".//antwoord")
    assert [q.number for q in doc.questions] == [str(n) for n in range(1, 10)]
    for question, vraag, antwoord in zip(doc.questions, vragen, antwoorden, strict=True):
        assert question.question == _texts(vraag)
        assert question.answer == _texts(antwoord)
        assert question.answered_with is None
        assert doc.text[question.question_span.start : question.question_span.end].startswith(question.question[:30])
    assert (
        doc.questions[1].question
        == "Kunt u toelichten waarom het rentepercentage voor de TOZO-lening op 2% is gesteld?"
    )


def test_answer_page_text() -> None:
    doc = kamerstuk.parse_file(PAGES / "ah-tk-20242025-1028.txt")
    assert doc.kind is DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN
    assert doc.questioners == [Member(name="Erkens", party="VVD")]
    assert doc.addressed_to == ["de Minister van Binnenlandse Zaken en Koninkrijksrelaties"]
    assert doc.submitted == datetime.date(2024, 12, 20)
    assert doc.received == datetime.date(2025, 2, 4)
    assert [(s.role, s.portfolio, s.name) for s in doc.signatories] == [
        ("Minister", "Binnenlandse Zaken en Koninkrijksrelaties", "Uitermark")
    ]
    first = doc.questions[0]
    assert first.number == "1"
    assert first.question.startswith("Deelt u de mening dat de Rijksoverheid significant is gegroeid")
    assert first.answer is not None and first.answer.startswith("De Rijksoverheid is inderdaad significant gegroeid.")
    assert first.answer.endswith("structureel met circa 1 mld. worden verminderd.")
    assert first.answer.count("\n\n") == 1  # the answer runs over two paragraphs
    assert doc.questions[1].number == "2" and doc.questions[1].answer is None  # the excerpt ends in question 2


def test_questions_page_text() -> None:
    doc = kamerstuk.parse_file(PAGES / "kv-tk-2019Z04764.txt")
    assert doc.kind is DocumentKind.SCHRIFTELIJKE_VRAGEN
    assert doc.questioners == [Member(name="Van Raan", party="PvdD")]
    assert doc.addressed_to == ["de Minister van Infrastructuur en Waterstaat"]
    assert doc.submitted == datetime.date(2019, 3, 12)
    assert doc.received is None
    assert [q.number for q in doc.questions] == [str(n) for n in range(1, 9)]
    assert all(q.answer is None for q in doc.questions)
    assert doc.questions[3].question == "Erkent u dat er ook buiten dit gebied klachten bestaan over Schiphol?"


def test_older_layout_numbers_on_their_own_line() -> None:
    doc = kamerstuk.parse_file(PAGES / "pm-kamervragen-monasch-2016.txt")
    assert doc.kind is DocumentKind.SCHRIFTELIJKE_VRAGEN
    assert doc.questioners == [Member(name="Monasch", party="PvdA"), Member(name="Van Helvert", party="CDA")]
    assert doc.addressed_to == ["de Staatssecretaris van Infrastructuur en Milieu"]
    assert [q.number for q in doc.questions] == [str(n) for n in range(1, 8)]
    assert doc.questions[1].question == "Deelt u de stelling dat Schiphol eerder dreigt vol te lopen dan voorzien?"


def test_openkamer_page_zaak_and_dates() -> None:
    doc = kamerstuk.parse_file(PAGES / "ah-tk-20152016-832.txt")
    assert doc.kind is DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN
    assert doc.zaak == "2015Z21199"
    assert doc.submitted == datetime.date(2015, 11, 11)
    assert doc.received == datetime.date(2015, 12, 9)
    assert [q.number for q in doc.questions] == ["1", "2", "3", "4", "5"]
    assert doc.questions[0].answer == "Ja."
    assert doc.questions[2].answer is None  # answers 3-5 are not on the page


# Hand-made edge cases (not real documents): the layouts the issue names.
HANDMADE = """Vragen van de leden Bouchallikh, Bromet en Kröger (allen GroenLinks) aan de Minister van \
Sociale Zaken en Werkgelegenheid en de Staatssecretaris van Financiën over iets (ingezonden 1 maart 2021).

Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid), mede namens de Staatssecretaris van \
Financiën (ontvangen 22 maart 2021). Zaaknummer 2021Z09876.

Vraag 1

Eerste vraag?

Antwoord 1

Eerste antwoord.

Vraag 2

Tweede vraag?

Vraag 3

Derde vraag?

Antwoord op vraag 2 en 3

Eén antwoord voor twee vragen.

Tweede alinea van dat antwoord.
"""


def test_handmade_shared_answer_and_header() -> None:
    doc = kamerstuk.parse(HANDMADE)
    assert doc.kind is DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN
    assert doc.questioners == [
        Member(name="Bouchallikh", party="GroenLinks"),
        Member(name="Bromet", party="GroenLinks"),
        Member(name="Kröger", party="GroenLinks"),
    ]
    assert doc.addressed_to == [
        "de Minister van Sociale Zaken en Werkgelegenheid",
        "de Staatssecretaris van Financiën",
    ]
    assert doc.zaak == "2021Z09876"
    assert [(s.role, s.portfolio, s.name) for s in doc.signatories] == [
        ("Minister", "Sociale Zaken en Werkgelegenheid", "Koolmees")
    ]
    by_number = {q.number: q for q in doc.questions}
    assert by_number["1"].answer == "Eerste antwoord."
    assert by_number["2"].answer == "Eén antwoord voor twee vragen.\n\nTweede alinea van dat antwoord."
    assert by_number["3"].answer is None and by_number["3"].answered_with == "2"
    span = by_number["2"].answer_span
    assert span is not None and doc.text[span.start : span.end].endswith("Tweede alinea van dat antwoord.")


def test_handmade_single_unnumbered_question() -> None:
    doc = kamerstuk.parse(
        "Vragen van het lid Agema c.s. aan de Minister van Volksgezondheid, Welzijn en Sport over X "
        "(ingezonden 2 april 2020).\n\nIs de Minister bereid dit te doen?\n"
    )
    assert doc.kind is DocumentKind.SCHRIFTELIJKE_VRAGEN
    assert doc.questioners == [Member(name="Agema", party=None)]
    assert [(q.number, q.question) for q in doc.questions] == [("1", "Is de Minister bereid dit te doen?")]


def test_members_forms() -> None:
    assert members("Jansen (VVD) en De Vries (beiden CDA)") == [
        Member(name="Jansen", party="VVD"),
        Member(name="De Vries", party="CDA"),
    ]
    assert members("Omtzigt (CDA), Leijten (SP) c.s.") == [
        Member(name="Omtzigt", party="CDA"),
        Member(name="Leijten", party="SP"),
    ]


@given(st.text(max_size=300))
def test_members_never_crashes(text: str) -> None:
    for member in members(text):
        assert member.name


_PIECES = ["Vraag 1", "Vraag 2, 3", "Antwoord 1", "Antwoord op vraag 2 en 3", "1.", "x?", "Vragen van het lid A aan B"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_question_layouts_never_crash(pieces: list[str]) -> None:
    doc = kamerstuk.parse("Vragen van het lid A (X) aan de Minister van Y.\n\n" + "\n\n".join(pieces))
    for question in doc.questions:
        assert doc.text[question.question_span.start : question.question_span.end]


def test_handmade_shared_question_label_range_and_mededeling() -> None:
    """Hand-made (not a real document): "Vraag 2, 3", "Antwoord op vraag 2 tot en met 4", a Mededeling."""
    doc = kamerstuk.parse(
        "Vragen van het lid Jansen (SP) aan de Minister van Financiën (ingezonden 1 mei 2023).\n\n"
        "Vraag 1\n\nEen?\n\nVraag 2, 3\n\nTwee en drie?\n\nVraag 4\n\nVier?\n\n"
        "Antwoord op vraag 2 tot en met 4\n\nSamen.\n"
    )
    assert [(q.number, q.question, q.answer, q.answered_with) for q in doc.questions] == [
        ("1", "Een?", None, None),
        ("2", "Twee en drie?", "Samen.", None),
        ("3", "Twee en drie?", None, "2"),
        ("4", "Vier?", None, "2"),
    ]
    notice = kamerstuk.parse(
        "Vragen van het lid Jansen (SP) aan de Minister van Financiën (ingezonden 1 mei 2023).\n\n"
        "Mededeling van Staatssecretaris Van Rij (Financiën) (ontvangen 22 mei 2023).\n\n"
        "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.\n"
    )
    assert notice.kind is DocumentKind.MEDEDELING
    assert notice.received == datetime.date(2023, 5, 22)
    assert [(s.role, s.portfolio, s.name) for s in notice.signatories] == [("Staatssecretaris", "Financiën", "Van Rij")]


def test_handmade_lower_case_role_and_two_answering_ministers() -> None:
    """Hand-made (not a real document): "Antwoord van minister X (...) en staatssecretaris Y (...)"."""
    doc = kamerstuk.parse(
        "Vragen van het lid Jansen (SP) aan de Minister van Financiën (ingezonden 1 mei 2023).\n\n"
        "Antwoord van minister Hoekstra (Financiën) en staatssecretaris Van Rij (Financiën) "
        "(ontvangen 22 mei 2023).\n\nVraag 1\n\nWaarom?\n\nAntwoord 1\n\nDaarom.\n"
    )
    assert [(s.role, s.portfolio, s.name) for s in doc.signatories] == [
        ("Minister", "Financiën", "Hoekstra"),
        ("Staatssecretaris", "Financiën", "Van Rij"),
    ]
    assert [(q.number, q.answer) for q in doc.questions] == [("1", "Daarom.")]
    assert kamerstuk.check_coverage(doc) == []


def test_handmade_letter_quoting_questions_late_stays_a_letter() -> None:
    """Hand-made (not a real document): a headerless letter that quotes a "Vragen van" line far down."""
    filler = "\n\n".join(["Dit is een alinea van de brief over het beleid en de uitvoering ervan."] * 50)
    doc = kamerstuk.parse(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        f"{filler}\n\nVragen van het lid Jansen (SP) aan de Minister van Financiën.\n"
    )
    assert doc.kind is DocumentKind.BRIEF
    assert doc.questions == []


def test_zie_ook_self_reference_names_the_item() -> None:
    """The real answer page parsed from its text alone (no file name): its "Zie ook" line names it."""
    doc = kamerstuk.parse((PAGES / "ah-tk-20242025-1028.txt").read_text(encoding="utf-8"))
    assert doc.identifier == "ah-tk-20242025-1028"
    assert [r.text for r in doc.references] == ["Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028"]
