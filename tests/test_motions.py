"""Moties as structured data: clauses, debate, replaced motie and submitters, over the 306 real motie XMLs.

The golden records (fixtures/golden/xml-kst) hold the clauses; they were spot-checked by hand against
the documents. The markup test below compares every document with its own XML structure, an
independent source: each <al> that opens with a clause word is one clause, and the <al>s after the
closing line (the last al-groep) are the submitters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import kamerstuk
from kamerstuk import DocumentKind

XML = sorted((FIXTURES / "xml-kst").glob("*.xml"))
#: First words of a clause in the markup (lower case, punctuation stripped); "van" only before "mening"/"oordeel".
_OPENERS = {
    "constaterende", "overwegende", "verzoekt", "spreekt", "roept", "draagt", "besluit", "concluderende",
    "benadrukkende", "verwijzende", "voorts", "tevens", "eveneens", "mede", "gezien", "gelet", "erkennende",
    "vaststellende", "wijzende", "betreurende", "meent", "verder", "onderschrijft", "daarnaast", "bovendien",
    "keurt", "erkent",
}  # fmt: skip


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _markup(path: Path) -> tuple[int, list[str]]:
    """(number of clause-opening <al>s, names after the closing line) read from the XML itself."""
    tekst = etree.parse(str(path)).getroot().find(".//tekst")
    assert tekst is not None
    lines = [_text(al) for al in tekst.iter("al") if al.getparent().tag in ("tekst", "al-groep")]
    clauses = 0
    for line in lines:
        words = [w.lower().strip(",:;") for w in line.split()]
        if words and (words[0] in _OPENERS or words[0] == "van" and words[1:2] in (["mening"], ["oordeel"])):
            clauses += 1
    closing = [i for i, line in enumerate(lines) if "orde van de dag" in line]
    names = [n.strip(" ,;._") for n in lines[closing[-1] + 1 :]] if closing else []
    return clauses, [n for n in names if n]


@pytest.mark.parametrize("path", XML, ids=[p.stem for p in XML])
def test_motion_matches_its_markup(path: Path) -> None:
    doc = kamerstuk.parse_file(path)
    assert doc.motion is not None
    clauses = doc.motion.considerations + doc.motion.requests
    count, names = _markup(path)
    assert len(clauses) == count
    if names:
        assert [s.name for s in doc.signatories if s.role == "Lid"] == names
    for clause in clauses:
        assert " ".join(doc.text[clause.span.start : clause.span.end].split()) == clause.text
        assert clause.text and clause.text[-1] not in ";,"


def test_real_motie_read_by_hand() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-31839-999.xml")
    assert doc.motion is not None
    assert [(c.kind, c.text) for c in doc.motion.considerations] == [
        ("constaterende", "ook de gesloten jeugdzorg aan internationale (verdrags)regels gebonden is"),
        ("van mening", "het systeem van de gesloten jeugdzorg aan deze regels getoetst moet worden"),
    ]
    assert [(c.kind, c.text) for c in doc.motion.requests] == [
        (
            "besluit",
            "het CPT in Straatsburg middels een brief van de Voorzitter te verzoeken een inspectie te houden "
            "in de gesloten jeugdzorg in Nederland",
        )
    ]
    assert [s.name for s in doc.signatories] == ["Bruyning", "Dobbe"]


def test_gewijzigde_motie_replaces() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-21501-02-3151.xml")
    assert doc.kind is DocumentKind.GEWIJZIGDE_MOTIE
    assert doc.motion is not None and doc.motion.replaces is not None
    assert doc.motion.replaces.identifiers == ["kst-21501-02-3139"]
    assert doc.motion.replaces.text == "TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3139"


def test_proposed_during() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-21501-20-2015.xml")
    assert doc.motion is not None and doc.motion.proposed_during == "Notaoverleg"


def test_spreekt_uit_with_words_between() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-35867-9.xml")
    assert doc.motion is not None
    kinds = [c.kind for c in doc.motion.requests]
    assert kinds == ["spreekt uit", "onderschrijft", "verzoekt de regering"]
    assert doc.motion.requests[0].text == "spreekt hiervoor de grootst mogelijke waardering uit"


HANDMADE = """MOTIE VAN HET LID JANSEN

Voorgesteld tijdens het Wetgevingsoverleg van 3 maart 2024

De Kamer,

gehoord de beraadslaging,

constaterende dat iets gebeurt;
overwegende dat dit anders kan;
verzoekt de regering:
- eerst dit te doen;
- dan dat te doen,
en gaat over tot de orde van de dag.

Jansen (VVD)
"""


def test_handmade_plain_text_motie() -> None:
    """Hand-made (not a real document): one clause a line, a request with a list, a party after the name."""
    doc = kamerstuk.parse(HANDMADE)
    assert doc.motion is not None
    assert [(c.kind, c.text) for c in doc.motion.considerations] == [
        ("constaterende", "iets gebeurt"),
        ("overwegende", "dit anders kan"),
    ]
    assert [c.kind for c in doc.motion.requests] == ["verzoekt de regering"]
    assert doc.motion.requests[0].text == "- eerst dit te doen; - dan dat te doen"
    assert doc.motion.proposed_during == "Wetgevingsoverleg"
    assert [(s.name, s.party) for s in doc.signatories] == [("Jansen", "VVD")]


@given(
    st.lists(
        st.sampled_from(["constaterende dat x;", "verzoekt de regering y,", "- z;", "De Kamer,", "q"]), max_size=20
    )
)
def test_motion_clauses_never_crash(lines: list[str]) -> None:
    doc = kamerstuk.parse(
        "MOTIE VAN HET LID A\n\nDe Kamer,\n\n" + "\n".join(lines) + "\nen gaat over tot de orde van de dag.\n\nA\n"
    )
    assert doc.motion is not None
    for clause in doc.motion.considerations + doc.motion.requests:
        assert clause.span.end > clause.span.start


def test_amendment_with_numbered_changes() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "pages" / "kst-25051-8.txt")
    assert doc.amendment is not None
    changes = doc.amendment.changes
    assert [c.kind for c in changes] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    assert changes[7].text == "Artikel II, onderdeel G.4, vervalt"
    toelichting = doc.amendment.toelichting
    assert toelichting is not None and toelichting.heading == "Toelichting"
    assert toelichting.paragraphs[0].text.startswith("Met dit amendement wordt de hoogte van het reiskos")


def test_amendment_with_one_unlabelled_change() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "pages" / "kst-35153-12.txt")
    assert doc.amendment is not None
    [change] = doc.amendment.changes
    assert change.kind == ""
    assert change.text.startswith("In artikel I, onderdeel A, wordt na artikel 14a.14 een artikel ingevoegd, luidende:")
    assert change.text.endswith(
        "de wens te kennen wordt gegeven het onderwerp van de algemene maatregel van bestuur bij wet te regelen"
    )
    assert doc.amendment.toelichting is not None


@pytest.mark.parametrize(
    ("closing", "names", "expected"),
    [
        ("en gaat over tot de orde van de dag.", "Jansen, De Vries", ["Jansen", "De Vries"]),
        ("en gaan over tot de orde van de dag", "Pieters en Bakker.", ["Pieters", "Bakker"]),
        ("en gaat over tot de orde van de dag;", "Inge van Dijk", ["Inge van Dijk"]),
        ("", "Van der Burg\n\nCeder", ["Van der Burg", "Ceder"]),
    ],
)
def test_handmade_submitter_blocks(closing: str, names: str, expected: list[str]) -> None:
    """Hand-made (not real documents): closing lines that vary, and names joined on one line."""
    header = "35 000 Titel\n\nNr. 5 MOTIE VAN HET LID X\n\nDe Kamer,\n\n"
    text = f"{header}verzoekt de regering iets te doen,\n\n{closing}\n\n{names}\n"
    doc = kamerstuk.parse(text)
    assert [s.name for s in doc.signatories if s.role == "Lid"] == expected
    assert kamerstuk.check_coverage(doc) == []


def test_xml_motie_without_closing_line_keeps_its_submitters() -> None:
    """A real motie XML with its closing line taken out: the last al-groep of names are the submitters."""
    data = (FIXTURES / "xml-kst" / "kst-21501-02-2798.xml").read_bytes()
    closing = b"<al>en gaat over tot de orde van de dag.</al>"
    assert closing in data
    doc = kamerstuk.parse(data.replace(closing, b""))
    assert [s.name for s in doc.signatories] == ["Tuinman", "D. van Dijk", "Brekelmans"]
    assert kamerstuk.check_coverage(doc) == []
