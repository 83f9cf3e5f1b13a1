"""Kinds, dates, chambers and headers in layouts nobody tuned for (issue 16).

Each hand-made text says so; real texts name their source.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import kamerstuk
from kamerstuk import Chamber, DocumentKind
from kamerstuk.extract.kinds import kind_from_body, kind_from_heading, kind_from_page_title

K = DocumentKind
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # Hand-made headings in the forms the corpus README lists and the Tweede Kamer prints.
        ("LIJST VAN VRAGEN EN ANTWOORDEN", K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN),
        ("VERSLAG HOUDENDE EEN LIJST VAN VRAGEN EN ANTWOORDEN", K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN),
        ("BRIEF VAN DE MINISTER VAN FINANCIËN; LIJST VAN VRAGEN EN ANTWOORDEN", K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN),
        ("VASTGESTELDE LIJST VAN FEITELIJKE VRAGEN EN ANTWOORDEN", K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN),
        ("ADVIES RAAD VAN STATE EN NADER RAPPORT", K.ADVIES_RAAD_VAN_STATE),
        ("ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT", K.ADVIES_RAAD_VAN_STATE),
        ("NADER RAPPORT", K.ADVIES_RAAD_VAN_STATE),
        ("Verslag van een algemeen overleg", K.VERSLAG_COMMISSIEDEBAT),
        ("VERSLAG VAN EEN COMMISSIEDEBAT", K.VERSLAG_COMMISSIEDEBAT),
        ("VERSLAG COMMISSIEDEBAT", K.VERSLAG_COMMISSIEDEBAT),
        ("VERSLAG VAN HET NOTA-OVERLEG", K.VERSLAG_COMMISSIEDEBAT),
        ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", K.VERSLAG_SCHRIFTELIJK_OVERLEG),
        ("VERSLAG SCHRIFTELIJK OVERLEG", K.VERSLAG_SCHRIFTELIJK_OVERLEG),
        ("VERSLAG VAN EEN NADER SCHRIFTELIJK OVERLEG", K.VERSLAG_SCHRIFTELIJK_OVERLEG),
        ("BRIEF VAN DE MINISTER PRESIDENT, MINISTER VAN ALGEMENE ZAKEN", K.BRIEF),
        ("GEWIJZIGDE MOTIE VAN HET LID OMTZIGT C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 2229", K.GEWIJZIGDE_MOTIE),
        ("Besluitenlijst procedurevergadering vaste commissie voor Financiën", K.BESLUITENLIJST),
        ("NADER VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR FINANCIËN", K.VOORLOPIG_VERSLAG),
        ("SUBAMENDEMENT VAN HET LID JANSEN TER VERVANGING VAN DAT GEDRUKT ONDER NR. 12", K.AMENDEMENT),
        ("GEWIJZIGD SUBAMENDEMENT VAN HET LID JANSEN", K.GEWIJZIGD_AMENDEMENT),
    ],
)
def test_heading_variants_name_their_kind(heading: str, kind: DocumentKind) -> None:
    assert kind_from_heading(heading) is kind


def test_page_titles_name_more_kinds() -> None:
    """Hand-made tweedekamer.nl page titles."""
    assert kind_from_page_title("Advies Raad van State : Wijziging van de Wet X") is K.ADVIES_RAAD_VAN_STATE
    assert kind_from_page_title("Verslag commissiedebat : Politie") is K.VERSLAG_COMMISSIEDEBAT
    assert kind_from_page_title("Besluitenlijst : procedurevergadering") is K.BESLUITENLIJST


def test_a_verslag_without_its_header_is_told_by_its_opening() -> None:
    """Hand-made openings of a commissiedebat report and a list of questions without a heading."""
    debate = (
        "De vaste commissie voor Volksgezondheid, Welzijn en Sport heeft op 28 juni 2007 overleg gevoerd "
        "met staatssecretaris Bussemaker over de brief."
    )
    assert kind_from_body(debate) is K.VERSLAG_COMMISSIEDEBAT
    questions = (
        "De vaste commissie voor Financiën heeft een aantal vragen voorgelegd aan de minister over de brief. "
        "De minister heeft deze vragen beantwoord."
    )
    assert kind_from_body(questions) is K.LIJST_VAN_VRAGEN_EN_ANTWOORDEN


def _motie_text(drop: slice | None = None, keep: slice | None = None) -> str:
    lines = (FIXTURES / "motie-texts" / "kst-36755-45.txt").read_text(encoding="utf-8").split("\n")
    if drop is not None:
        del lines[drop]
    return "\n".join(lines[keep] if keep is not None else lines)


@pytest.mark.parametrize(
    "text",
    [
        _motie_text(),
        _motie_text(drop=slice(2, 3)),  # no chamber number "2"
        _motie_text(drop=slice(3, 4)),  # no "Kamerstukken"
        _motie_text(keep=slice(2, None)),  # no vergaderjaar, no chamber line
        _motie_text(keep=slice(4, None)),  # the dossier number is the first line
    ],
    ids=["as-stored", "no-chamber-number", "no-kamerstukken", "from-chamber-number", "from-dossier"],
)
def test_a_gewijzigde_motie_text_keeps_its_kind_when_its_opening_varies(text: str) -> None:
    """The real text of kst-36755-45 (fixtures/motie-texts): with the opening nodes dropped, the text
    was read as plain text, its header was missed and the kind came from "De Kamer," alone (motie);
    the text-node layout is now recognised by any of its opening nodes, or by "Nr." alone under the dossier."""
    document = kamerstuk.parse(text)
    assert document.kind is K.GEWIJZIGDE_MOTIE
    assert document.identifier == "kst-36755-45"
    assert [s.name for s in document.signatories] == ["Holman", "Vedder"]
    assert kamerstuk.check_coverage(document) == []


def test_a_gewijzigde_motie_heading_in_the_body_names_the_kind() -> None:
    """Hand-made: no header the reader knows, but the heading line is there."""
    text = "GEWIJZIGDE MOTIE VAN HET LID JANSEN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3\n\nDe Kamer,\n\nx\n"
    assert kind_from_body(text) is K.GEWIJZIGDE_MOTIE


@pytest.mark.parametrize(
    "heading",
    [
        "Besluitenlijst procedurevergadering vaste commissie voor Financiën van woensdag 12 maart 2025",
        "BESLUITENLIJST procedurevergadering vaste commissie voor Financiën d.d. 12 maart 2025",
        "Besluitenlijst van de procedurevergadering op 12 maart 2025 van de vaste commissie voor Financiën",
    ],
)
def test_a_besluitenlijst_is_dated_in_its_heading(heading: str) -> None:
    """Hand-made besluitenlijst headings with the meeting date in several places."""
    document = kamerstuk.parse(
        heading + "\n\n1. Agendapunt: Brief van de minister\n\nBesluit: Voor kennisgeving aangenomen.\n"
    )
    assert document.kind is K.BESLUITENLIJST
    assert document.date is not None and document.date.isoformat() == "2025-03-12"
    assert document.date_label is None
    assert kamerstuk.check_coverage(document) == []


def test_a_lettered_tweede_kamer_document_takes_its_chamber_from_the_heading() -> None:
    """Hand-made, in the form of a 1996 Tweede Kamer advice numbered B; Eerste Kamer letters stay Eerste Kamer."""
    advice = kamerstuk.parse(
        "24 587 Justitiële inrichtingen\n\nB ADVIES RAAD VAN STATE EN NADER RAPPORT\n\n"
        "Hieronder zijn opgenomen het advies van de Raad van State en het nader rapport.\n"
    )
    assert (advice.identifier, advice.chamber) == ("kst-24587-B", Chamber.TWEEDE_KAMER)
    named = kamerstuk.parse(
        "24 587 Justitiële inrichtingen\n\n"
        "C BRIEF VAN DE VOORZITTER VAN DE TWEEDE KAMER DER STATEN-GENERAAL\n\nTekst.\n"
    )
    assert named.chamber is Chamber.TWEEDE_KAMER
    report = kamerstuk.parse("35 979 Wet X\n\nB VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR JUSTITIE\n\nTekst.\n")
    assert report.chamber is Chamber.EERSTE_KAMER


def test_a_compact_header_inside_site_text() -> None:
    """Hand-made in the layout of the rijksbegroting.nl page kst-30169-9 (fixtures/pages): site text,
    then "30169 9 Verslag van ...", the vergaderjaar, and the number repeated before the dated line."""
    text = (
        "Direct naar (in deze pagina): inhoud, zoekveld of menu.\n\nMantelzorg\n\n"
        "31200-XVI 12 Verslag van een schriftelijk overleg\n\nVergaderjaar 2007-2008\n\n"
        "Nr. 12 Vastgesteld 3 maart 2008\n\nDe vaste commissie voor VWS heeft vragen voorgelegd.\n"
    )
    document = kamerstuk.parse(text)
    assert document.identifier == "kst-31200-XVI-12"
    assert document.kind is K.VERSLAG_SCHRIFTELIJK_OVERLEG
    assert (document.date_label, document.date and document.date.isoformat()) == ("Vastgesteld", "2008-03-03")
    assert document.vergaderjaar == "2007-2008"
    assert kamerstuk.check_coverage(document) == []


@pytest.mark.parametrize(
    "row",
    [
        "| 2021-2022 | 35961 nr. C |",
        "| 12-10-2021 | Tweede Kamer der Staten-Generaal | 2021-2022 | 35961 nr. 12 | 11-10-2021 |",
        "12-10-2021Tweede Kamer der Staten-Generaal2021-202235961 nr. 1211-10-2021",
    ],
)
def test_a_header_only_in_the_metadata_table(row: str) -> None:
    """Hand-made rows in the forms of the officielebekendmakingen metadata table (with or without
    chamber, publication and receipt dates, glued or in pipes), with no header printed after them."""
    text = (
        "Kamerstuk\n" + row + "\nHet voorbereidend onderzoek van dit wetsvoorstel geeft de commissie aanleiding "
        "tot het maken van de volgende opmerkingen.\n"
    )
    document = kamerstuk.parse(text)
    assert document.identifier in ("kst-35961-C", "kst-35961-12")
    assert document.vergaderjaar == "2021-2022"
    assert kamerstuk.check_coverage(document) == []


def test_an_openkamer_answer_is_dated_by_its_answer() -> None:
    """The real openkamer page ah-tk-20152016-832 (fixtures/pages): "Ingediend" then "Beantwoord"."""
    document = kamerstuk.parse_file(FIXTURES / "pages" / "ah-tk-20152016-832.txt")
    assert (document.date_label, document.date and document.date.isoformat()) == ("Beantwoord", "2015-12-09")
    assert kamerstuk.check_coverage(document) == []


def test_a_suffix_joined_to_the_dossier_number_reads_as_its_own_nodes() -> None:
    """The real text of kst-36410-XVI-109 (fixtures/motie-texts) with the suffix nodes joined to the
    number, as some scrapers store them ("36 410-XVI", "36 410 VI")."""
    text = (FIXTURES / "motie-texts" / "kst-36410-XVI-109.txt").read_text(encoding="utf-8")
    joined = text.replace("36 410\nXVI\n-\n", "36 410-XVI\n", 1).replace("36 410\nVI\n", "36 410 VI\n", 1)
    document = kamerstuk.parse(joined)
    assert document.identifier == "kst-36410-XVI-109"
    assert [(d.number, d.suffix) for d in document.dossiers] == [("36410", "XVI"), ("36410", "VI")]
    assert kamerstuk.check_coverage(document) == []


def test_a_page_title_the_table_does_not_list_reads_as_a_heading() -> None:
    """Hand-made tweedekamer.nl page-title types."""
    assert kind_from_page_title("Verslag van een commissiedebat : Politie") is K.VERSLAG_COMMISSIEDEBAT
    assert kind_from_page_title("Nader gewijzigd amendement : Wijziging van de Wet X") is K.GEWIJZIGD_AMENDEMENT
    assert kind_from_page_title("Overig : Agenda") is K.OTHER


def test_a_hard_wrapped_dossier_title_keeps_the_header() -> None:
    """The real motie kst-36372-23 (fixtures/xml-kst) rendered as text and hard-wrapped at 85 characters
    with single line breaks, as tweedekamer.nl prints it: the dossier title goes on on a second line."""
    xml = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-36372-23.xml")
    paragraphs = xml.to_text().split("\n\n")
    text = "\n".join("\n".join(textwrap.wrap(p, 85)) if len(p) > 85 else p for p in paragraphs)
    assert text.split("\n")[1].startswith("maatregelen")
    document = kamerstuk.parse(text)
    assert (document.identifier, document.number, document.kind) == (xml.identifier, xml.number, xml.kind)
    assert [d.title for d in document.dossiers] == [d.title for d in xml.dossiers]
    assert [(s.role, s.name) for s in document.signatories] == [(s.role, s.name) for s in xml.signatories]
    assert kamerstuk.check_coverage(document) == []


@pytest.mark.parametrize("page_id", ["kst-32818-4", "kst-29665-385", "kst-36800-XVI-B"])
def test_an_indented_page_keeps_the_kind_its_opening_tells(page_id: str) -> None:
    """Real pages (fixtures/pages) indented by 12 spaces, as some renderings keep their HTML indentation."""
    text = (FIXTURES / "pages" / f"{page_id}.txt").read_text(encoding="utf-8")
    indented = "\n".join(" " * 12 + line if line.strip() else line for line in text.split("\n"))
    assert kamerstuk.parse(indented).kind is kamerstuk.parse(text).kind is not K.OTHER
