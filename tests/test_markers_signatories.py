"""Footnote markers and signatories in layouts nobody tuned for (issue 16).

Real text where the corpus has it (the seed letter, fixtures/kst-28676-467.txt); the other cases are
hand-made and say so.
"""

from __future__ import annotations

import pytest
from conftest import PAGES, SEED

import kamerstuk

HEADER = (
    "28 676 NAVO\n\nNr. 999 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 oktober 2024\n\n"
)


def _without_last_note(text: str) -> str:
    last = text.rindex("X Noot")
    return text[:last] + text[text.index("Naar boven", last) :]


def test_a_marker_whose_note_is_missing_is_still_a_marker() -> None:
    """The seed letter (real) without its last note: "technologiegebieden2" stays marker 2, and
    `validate` reports a marker without a note."""
    text = _without_last_note(SEED.read_text(encoding="utf-8"))
    document = kamerstuk.parse(text)
    assert [n.number for n in document.notes] == ["1"]
    assert [r.number for r in document.note_refs] == ["1", "2"]
    assert text[document.note_refs[1].span.start - 19 : document.note_refs[1].span.end] == "technologiegebieden2"
    assert "KS301" in {finding.code for finding in kamerstuk.validate(document)}
    assert "KS301" not in {finding.code for finding in kamerstuk.validate(kamerstuk.parse_file(SEED))}


def test_a_flattened_superscript_list_is_two_markers() -> None:
    """Hand-made: "»1, 2", "1,2" and "1 2" after a word are markers in a row."""
    for glue in (", ", ",", " "):
        body = f"Zie het rapport «Veilig verder»1{glue}2 en de brief daarover3.\n\n"
        notes = "".join(f"X Noot\n{n}\n\nNoot {n}.\n\n" for n in (1, 2, 3))
        document = kamerstuk.parse(HEADER + body + notes)
        assert [r.number for r in document.note_refs] == ["1", "2", "3"], glue
        assert kamerstuk.check_coverage(document) == []


def test_an_excerpt_counts_from_its_first_plausible_marker() -> None:
    """Hand-made: an excerpt that starts after note 3; numbers that are no markers stay numbers."""
    body = (
        "De regeling werkt terug tot het tijdstip4 waarop zij in 2023 2 keer is gewijzigd.\n\n"
        "Over de covid-195 maatregelen is eerder bericht in de Volkskrant (01-10-20166).\n\n"
    )
    document = kamerstuk.parse(HEADER + body)
    assert [r.number for r in document.note_refs] == ["4", "5", "6"]


def test_no_markers_in_a_text_without_them() -> None:
    """Hand-made: units, codes and numbers glued to nothing plausible are not an excerpt's markers."""
    body = "Het gaat om 100 m2 en 12 km2 aan CO2 en D66 en het A40-regime, in 2023 en in fase 2.\n\n"
    assert kamerstuk.parse(HEADER + body).note_refs == []


SIGNED = HEADER + "Hierbij bied ik u de brief aan.\n\n"


def test_mede_namens_keeps_the_portfolio_clean() -> None:
    """Hand-made: the others signed for go to `on_behalf_of`, on the role line or on a line of their own."""
    one_line = (
        "De Minister van Onderwijs, Cultuur en Wetenschappen, mede namens de Minister van Sociale Zaken en "
        "Werkgelegenheid en de Staatssecretaris van Financiën,\nR.H.A. Plasterk\n"
    )
    two_lines = (
        "De Minister van Onderwijs, Cultuur en Wetenschappen,\n"
        "mede namens de Minister van Sociale Zaken en Werkgelegenheid en de Staatssecretaris van Financiën,\n"
        "R.H.A. Plasterk\n"
    )
    for block in (one_line, two_lines):
        document = kamerstuk.parse(SIGNED + block)
        (signatory,) = document.signatories
        assert (signatory.role, signatory.portfolio, signatory.name) == (
            "Minister",
            "Onderwijs, Cultuur en Wetenschappen",
            "R.H.A. Plasterk",
        )
        assert signatory.on_behalf_of == [
            "Minister van Sociale Zaken en Werkgelegenheid",
            "Staatssecretaris van Financiën",
        ]
        assert signatory.span is not None and document.text[signatory.span.start :].startswith("De Minister")
        assert kamerstuk.check_coverage(document) == []


def test_the_voorzitter_of_the_chamber_has_the_chamber_as_portfolio() -> None:
    """Hand-made: "De Voorzitter van de Tweede Kamer der Staten-Generaal, <name>"."""
    document = kamerstuk.parse(SIGNED + "De Voorzitter van de Tweede Kamer der Staten-Generaal,\nM. van Dijk\n")
    assert [(s.role, s.portfolio, s.name) for s in document.signatories] == [
        ("Voorzitter", "Tweede Kamer der Staten-Generaal", "M. van Dijk")
    ]
    committee = kamerstuk.parse(SIGNED + "De voorzitter van de commissie,\nM. van Dijk\n")
    assert [(s.role, s.portfolio) for s in committee.signatories] == [("Voorzitter", None)]


def test_a_role_line_in_capitals_reads_as_the_mixed_case_one() -> None:
    """Hand-made, as PDFs print it: "DE MINISTER VAN BUITENLANDSE ZAKEN,"."""
    for role_line in ("DE MINISTER VAN BUITENLANDSE ZAKEN,", "De Minister van Buitenlandse Zaken,"):
        document = kamerstuk.parse(SIGNED + role_line + "\nS.A. Blok\n")
        assert [(s.role, s.portfolio, s.name) for s in document.signatories] == [
            ("Minister", "Buitenlandse Zaken", "S.A. Blok")
        ]
        assert kamerstuk.check_coverage(document) == []


MOTIE = (
    "36 537 Voorstel van het lid Bontenbal tot wijziging van het Reglement van Orde\n\n"
    "Nr. 8 MOTIE VAN DE LEDEN JANSEN EN DE VRIES\n\nVoorgesteld 30 januari 2025\n\nDe Kamer,\n\n"
    "gehoord de beraadslaging,\n\nverzoekt het Presidium de regels te herzien,\n\n"
)


def test_site_metadata_lines_are_chrome_not_submitters() -> None:
    """Hand-made, in the layout of the third-party page kst-34974-12: labelled site lines after the motie."""
    tail = (
        "en gaat over tot de orde van de dag.\n\nJansen, De Vries\n\n"
        "Indiener(s): Jansen (PVV), De Vries (VVD)\nOnderwerpen: parlement\nGepubliceerd: 30 januari 2025\n"
    )
    document = kamerstuk.parse(MOTIE + tail)
    assert [(s.role, s.name) for s in document.signatories] == [("Lid", "Jansen"), ("Lid", "De Vries")]
    chrome = [document.text[s.start : s.end] for s in document.page_chrome]
    assert any(line.startswith("Indiener(s):") for line in chrome)
    assert kamerstuk.check_coverage(document) == []


def test_submitters_are_found_when_the_closing_line_varies() -> None:
    """Hand-made: "orde der dag" without a full stop, or no closing line at all."""
    for closing in ("En gaat over tot de orde der dag\n\n", "en gaat over tot de orde van de dag;\n\n", ""):
        document = kamerstuk.parse(MOTIE + closing + "Jansen, De Vries\n")
        assert [(s.role, s.name) for s in document.signatories] == [("Lid", "Jansen"), ("Lid", "De Vries")], closing
        assert kamerstuk.check_coverage(document) == []


def test_a_role_line_wrapped_over_two_lines() -> None:
    """Hand-made, as a narrow signature column wraps it (mixed case, capitals, with "mede namens")."""
    blocks = {
        "De Minister van Onderwijs, Cultuur en\nWetenschappen,\nR.H.A. Plasterk\n": [],
        "DE MINISTER VAN ONDERWIJS, CULTUUR EN\nWETENSCHAPPEN,\nR.H.A. Plasterk\n": [],
        "De Minister van Onderwijs, Cultuur en Wetenschappen, mede namens de Minister van\n"
        "Sociale Zaken en Werkgelegenheid,\nR.H.A. Plasterk\n": ["Minister van Sociale Zaken en Werkgelegenheid"],
    }
    for block, others in blocks.items():
        document = kamerstuk.parse(SIGNED + block)
        assert [(s.role, s.portfolio, s.name, s.on_behalf_of) for s in document.signatories] == [
            ("Minister", "Onderwijs, Cultuur en Wetenschappen", "R.H.A. Plasterk", others)
        ], block
        assert kamerstuk.check_coverage(document) == []


def test_a_fungerend_voorzitter_signs() -> None:
    """Hand-made: "De fungerend voorzitter van de commissie," under a verslag."""
    document = kamerstuk.parse(SIGNED + "De fungerend voorzitter van de commissie,\nM. van Dijk\n")
    assert [(s.role, s.name) for s in document.signatories] == [("Voorzitter", "M. van Dijk")]


def test_site_metadata_after_the_notes_is_no_note_text() -> None:
    """The real whole page kst-33529-467 (fixtures/pages) with site metadata lines added after its notes
    (the added lines are hand-made): the notes keep their text, the lines are page chrome."""
    text = (PAGES / "kst-33529-467.txt").read_text(encoding="utf-8")
    document = kamerstuk.parse(text)
    added = kamerstuk.parse(text.rstrip() + "\n\nIndiener(s): X (Y)\nOnderwerpen: energie\n")
    assert [(n.number, n.text) for n in added.notes] == [(n.number, n.text) for n in document.notes]
    assert kamerstuk.check_coverage(added) == []


def test_submitters_on_one_line_split_by_the_members_the_heading_names() -> None:
    """Hand-made, in the layout of openkamer.org amendement pages: the co-submitters' surnames on one
    line without separators; the heading says where one name ends."""
    text = (
        "35 538 Wijziging van de Wet publieke gezondheid\n\n"
        "Nr. 8 AMENDEMENT VAN DE LEDEN VAN DER GRAAF EN VERHOEVEN\n\nOntvangen 1 september 2020\n\n"
        "De ondergetekenden stellen het volgende amendement voor:\n\nArtikel II vervalt.\n\nToelichting\n\n"
        "Dit amendement regelt iets.\n\nVan der Graaf Verhoeven\n"
    )
    doc = kamerstuk.parse(text)
    assert [(s.role, s.name) for s in doc.signatories] == [("Lid", "Van der Graaf"), ("Lid", "Verhoeven")]
    assert [doc.text[s.span.start : s.span.end].strip() for s in doc.signatories] == ["Van der Graaf", "Verhoeven"]
    assert not kamerstuk.check_coverage(doc)


@pytest.mark.parametrize(
    ("heading", "members"),
    [
        ("AMENDEMENT VAN DE LEDEN VAN DER GRAAF EN VERHOEVEN", ["VAN DER GRAAF", "VERHOEVEN"]),
        ("MOTIE VAN DE LEDEN GESTHUIZEN, VOORTMAN EN KLAVER", ["GESTHUIZEN", "VOORTMAN", "KLAVER"]),
        ("GEWIJZIGDE MOTIE VAN HET LID VAN DIJK C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 12", ["VAN DIJK"]),
        ("BRIEF VAN DE MINISTER VAN DEFENSIE", []),
    ],
)
def test_heading_members(heading: str, members: list[str]) -> None:
    from kamerstuk.extract.people import heading_members

    assert heading_members(heading) == members


def test_names_by_heading_refuses_a_line_that_is_not_those_names() -> None:
    from kamerstuk.extract.people import names_by_heading

    assert names_by_heading("Van der Graaf Verhoeven", ["VAN DER GRAAF", "VERHOEVEN"]) == [(0, 14), (14, 23)]
    assert names_by_heading("Verhoeven Van der Graaf", ["VAN DER GRAAF", "VERHOEVEN"]) is None
    assert names_by_heading("Van der Graaf", ["VAN DER GRAAF"]) is None


def test_committee_officers_without_article_and_the_heading_after_them() -> None:
    """kst-21501-31-207 (real page, 2010): "De voorzitter van de commissie," / "Smeets" /
    "Adjunct-griffier van de commissie," / "Sjerp", then the heading of the questions: the griffier
    printed without "De" signs too, and the heading after the one name is a heading, not a signature."""
    doc = kamerstuk.parse_file(PAGES / "kst-21501-31-207.txt")
    assert [(s.role, s.name) for s in doc.signatories] == [("Voorzitter", "Smeets"), ("Griffier", "Sjerp")]
    assert "VRAGEN EN OPMERKINGEN VANUIT DE FRACTIES" in [section.heading for section in doc.sections]
    assert not [d for d in doc.diagnostics if d.code == "KS902"]
