"""The plain-text reader on layouts that real pages show; hand-made inputs say so."""

from __future__ import annotations

import pytest
from conftest import PAGES, SEED

import kamerstuk
from kamerstuk import DocumentKind, ParseError, TokenKind


def test_bytes_with_bom_and_crlf_give_the_same_document() -> None:
    raw = SEED.read_bytes()
    plain = kamerstuk.parse(raw)
    variant = kamerstuk.parse(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert variant.text == plain.text and variant.notes == plain.notes


def test_cp1252_bytes_decode_with_a_diagnostic() -> None:
    raw = SEED.read_text(encoding="utf-8").encode("cp1252", errors="replace")
    doc = kamerstuk.parse(raw)
    assert doc.identifier == "kst-28676-467"
    assert [d.code for d in doc.diagnostics] == ["KS901"]


def test_soft_hyphens_and_no_break_spaces_are_normalised() -> None:
    # hand-made: the seed's header with a soft hyphen inserted and NBSPs kept
    doc = kamerstuk.parse("28\u00a0676 NAVO\n\nNr. 467 BRIEF VAN DE MINIS\u00adTER VAN DEFENSIE\n")
    assert doc.heading == "BRIEF VAN DE MINISTER VAN DEFENSIE" and doc.dossier is not None


def test_only_the_beginning_of_a_document_parses_without_error() -> None:
    text = SEED.read_text(encoding="utf-8")[:300]
    doc = kamerstuk.parse(text)
    assert doc.identifier == "kst-28676-467" and doc.date is not None


def test_motie_submitters_are_members() -> None:
    doc = kamerstuk.parse_file(PAGES / "kst-21501-02-2235.txt")
    assert doc.kind is DocumentKind.GEWIJZIGDE_MOTIE
    assert [(s.role, s.name) for s in doc.signatories] == [("Lid", "Omtzigt"), ("Lid", "Koopmans"), ("Lid", "Van Ojik")]


def test_two_informateurs_sign_on_two_lines() -> None:
    doc = kamerstuk.parse_file(PAGES / "kst-35788-69.txt")
    assert [(s.role, s.name) for s in doc.signatories] == [
        ("Informateur", "J.W. Remkes"),
        ("Informateur", "W. Koolmees"),
    ]
    assert doc.heading == "BRIEF VAN DE INFORMATEURS" and doc.page_title is not None


def test_minister_president_with_second_portfolio() -> None:
    # hand-made signature block in the two-line form of real letters
    text = (
        "Tekst.\n\nDe Minister-President, Minister van Algemene Zaken,\nM. Rutte\n\n"
        "De Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst,\nM.L.A. van Rij\n"
    )
    doc = kamerstuk.parse(text)
    assert [(s.role, s.portfolio, s.name) for s in doc.signatories] == [
        ("Minister-President", "Algemene Zaken", "M. Rutte"),
        ("Staatssecretaris", "Financiën – Fiscaliteit en Belastingdienst", "M.L.A. van Rij"),
    ]
    assert doc.minister is not None and doc.minister.role == "Minister-President"


def test_wrapped_tweedekamer_text_joins_paragraph_lines() -> None:
    doc = kamerstuk.parse_file(PAGES / "kst-35788-69.txt")
    first = doc.sections[0].paragraphs[0]
    assert first.text.startswith("Van 27 tot en met 29 oktober") and "van de opdracht van de Kamer" in first.text


def test_unknown_heading_gives_other() -> None:
    # hand-made
    doc = kamerstuk.parse("12 345 Iets\n\nNr. 3 OVERZICHT VAN IETS ONBEKENDS\n\nTekst.\n")
    assert doc.kind is DocumentKind.OTHER and doc.number == "3"


def test_tokens_cover_the_header_in_order() -> None:
    kinds = [t.kind for t in kamerstuk.tokenize(SEED.read_text(encoding="utf-8"))[:5]]
    assert kinds == [TokenKind.DOSSIER, TokenKind.NUMBER, TokenKind.HEADING, TokenKind.ADDRESSEE, TokenKind.DATELINE]


def test_a_news_article_gives_a_document_with_a_diagnostic() -> None:
    # hand-made
    doc = kamerstuk.parse("Het kabinet stuurde gisteren een brief naar de Kamer over de NAVO.\n")
    assert doc.identifier is None and doc.diagnostics and doc.sections


@pytest.mark.parametrize("data", [b"", "   \n", b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 20])
def test_empty_and_binary_input_raise_parse_error(data: bytes | str) -> None:
    with pytest.raises(ParseError):
        kamerstuk.parse(data)


def test_oversized_input_is_refused_before_work() -> None:
    with pytest.raises(ParseError, match="maximum"):
        kamerstuk.parse("x" * 101, max_size=100)


def test_unreadable_file_names_the_file(tmp_path: object) -> None:
    with pytest.raises(ParseError, match="no-such-file"):
        kamerstuk.parse_file("no-such-file.txt")


def test_publication_kop_below_site_text_is_preamble() -> None:
    """kst-36537-8 as berthub.eu/tkconv shows it (real page): the site's menus and metadata, then the
    publication PDF's own "Tweede Kamer der Staten-Generaal 2" / "Vergaderjaar 2024-2025" lines."""
    path = PAGES / "kst-36537-8.txt"
    doc = kamerstuk.parse_file(path)
    assert doc.vergaderjaar == "2024-2025"
    assert doc.chamber == "Tweede Kamer"
    chamber_line = doc.text.index("Tweede Kamer der Staten-Generaal 2")
    assert all(not (s.heading_span and s.heading_span.start == chamber_line) for s in doc.sections)
    assert any(span.start == chamber_line for span in doc.page_chrome)


def test_chamber_line_with_logo_digit_at_the_top() -> None:
    """Hand-made: the first lines of a publication PDF copied as text, the chamber's logo digit kept."""
    text = (
        "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2024–2025\n\n36 537 Voorstel van wet\n\n"
        "Nr. 8 MOTIE VAN HET LID VAN NISPEN\n\nVoorgesteld 30 januari 2025\n\nDe Kamer,\n"
    )
    doc = kamerstuk.parse(text)
    assert (doc.chamber, doc.vergaderjaar, doc.identifier) == ("Tweede Kamer", "2024-2025", "kst-36537-8")


def test_late_header_with_dossier_title_and_heading_on_lines_of_their_own() -> None:
    """Hand-made, in the layout of parlementairemonitor.nl pages: site metadata first, then the
    publication with the dossier number, its title, "Nr. 2" and the heading each on a line of its own."""
    text = (
        "Brief regering; Kabinetsreactie op een rapport\n\nKerngegevens\n\nDocumentdatum 17-03-2014\n"
        "Kenmerk 33820, nr. 2\n\nTekst\n\nTweede Kamer der Staten-Generaal\n\nVergaderjaar 2013–2014\n\n"
        "33 820\n\nEvaluatie Wet op de Inlichtingen- en Veiligheidsdiensten 2002\n\nNr. 2\n\n"
        "BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 11 maart 2014\n\nInleiding\n"
    )
    doc = kamerstuk.parse(text)
    assert (doc.identifier, doc.kind, doc.vergaderjaar) == ("kst-33820-2", DocumentKind.BRIEF, "2013-2014")
    assert doc.dossier is not None
    assert doc.dossier.title == "Evaluatie Wet op de Inlichtingen- en Veiligheidsdiensten 2002"
    assert doc.heading == "BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES"
    assert not kamerstuk.check_coverage(doc)
