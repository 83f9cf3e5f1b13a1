"""The views without a browser: repr, notebook HTML, the annotated page's markup, annotate_references, show."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import PAGES, SEED
from hypothesis import given, settings
from hypothesis import strategies as st

import kamerstuk
from kamerstuk.cli import main
from kamerstuk.views.annotate import KINDS

DOC = kamerstuk.parse_file(SEED)


def test_short_repr() -> None:
    assert repr(DOC) == "Document(kst-28676-467, brief, 2024-10-03, 6 sections, 2 notes, 3 references)"
    bare = kamerstuk.Document()
    assert repr(bare) == "Document(no identifier, other, no date, 0 sections, 0 notes, 0 references)"


def test_repr_html_is_summary_and_folded_text() -> None:
    page = DOC._repr_html_()
    assert "Document(kst-28676-467, brief" in page and "<details>" in page and "ks-reference" in page
    assert page.index("<details>") > page.index("BRIEF VAN DE MINISTER VAN DEFENSIE")


def test_annotated_page_is_self_contained() -> None:
    page = kamerstuk.annotate(DOC)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]+src=|@import|url\(", page)
    hrefs = re.findall(r'href="([^"]+)"', page)
    assert hrefs and all(h.startswith(("#", "https://zoek.officielebekendmakingen.nl/")) for h in hrefs)


def test_annotated_page_holds_every_value_and_the_whole_text() -> None:
    page = kamerstuk.annotate(DOC)
    text_part = page.split('<div class="ks-text">', 1)[1].split("<aside", 1)[0]
    assert html.unescape(re.sub(r"<[^>]+>", "", text_part)).removesuffix("</div>") == DOC.text
    for kind in set(KINDS) - {"ks-problem"}:
        assert f"{kind}" in text_part, kind
    assert 'href="#note-1"' in page and 'id="note-1"' in page and 'href="#marker-0"' in page


def test_diagnostics_and_coverage_problems_are_listed_with_targets() -> None:
    doc = kamerstuk.parse_file(PAGES / "kst-25314-1.txt")
    page = kamerstuk.annotate(doc)
    entries = re.findall(r'<li class="ks-diagnostic" data-kind="(\w+)">.*?data-go="(problem-\d+)"', page)
    assert [kind for kind, _ in entries] == ["diagnostic", "diagnostic"]
    for _, target in entries:
        assert re.search(rf'data-t="[^"]*\b{target}\b', page)
    # a hand-made overlap: the heading's span widened over the addressee is a coverage problem in the panel
    heading = DOC.field_spans["heading"]
    wide = DOC.field_spans["addressee"]
    broken = DOC.model_copy(
        update={"field_spans": {**DOC.field_spans, "heading": heading.model_copy(update={"end": wide.end})}}
    )
    assert 'data-kind="coverage"' in kamerstuk.annotate(broken)


def test_annotate_references_marks_up_any_text() -> None:
    text = "Zie Kamerstuk 36 471, nr. 96 & <script>"
    out = kamerstuk.annotate_references(text)
    assert out == (
        'Zie <a href="https://zoek.officielebekendmakingen.nl/kst-36471-96.html" class="ks-reference"'
        ' data-kind="kamerstuk" title="kst-36471-96">Kamerstuk 36 471, nr. 96</a> &amp; &lt;script&gt;'
    )
    assert kamerstuk.annotate_references("geen verwijzing") == "geen verwijzing"


def test_annotate_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.html"
    assert main(["annotate", str(SEED), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == kamerstuk.annotate(kamerstuk.parse_file(SEED))
    assert main(["annotate", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2


def test_show_plain_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), str(PAGES / "kst-25314-1.txt")]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    for expected in (
        "kst-28676-467",
        "28 676 (NAVO)",
        "BRIEF VAN DE MINISTER VAN DEFENSIE",
        "R.P. Brekelmans (Minister)",
        "Afschrikking en verdediging  (3 ¶)",
        "kst-36471-96  Kamerstuk 36 471, nr. 96",
        "KS902 line",
    ):
        assert expected in out, expected


def test_show_colour_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--color", "always", str(SEED)]) == 0
    assert "\x1b[" in capsys.readouterr().out
    assert main(["show", str(SEED) + ".missing"]) == 2


def _visible(page_part: str) -> str:
    """The text a browser shows of a piece of the page (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page_part))


TEXTS = st.text(st.sampled_from("Kamerstuk 36 471, nr. 96 Handelingen II 2023/24 Stb. 2024, 12 <>&\"'\n1 Noot Aan de"))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_annotate_references_keeps_any_text(text: str) -> None:
    out = kamerstuk.annotate_references(text)
    assert _visible(out) == text
    assert "<script" not in out


@settings(max_examples=80, deadline=None)
@given(TEXTS)
def test_annotate_any_parsed_text_shows_the_whole_text(text: str) -> None:
    try:
        doc = kamerstuk.parse(text)
    except kamerstuk.ParseError:
        return
    page = kamerstuk.annotate(doc)
    part = page.split('<div class="ks-text">', 1)[1].split("</div><aside", 1)[0]
    assert _visible(part) == doc.text
    assert repr(doc).startswith("Document(")


def test_every_clickable_panel_entry_has_a_target_in_the_text() -> None:
    for source in (SEED, PAGES / "kst-25314-1.txt", PAGES / "kst-21501-07-1656.txt"):
        page = kamerstuk.annotate(kamerstuk.parse_file(source))
        targets = set(re.findall(r'data-go="([^"]+)"', page))
        present = {t for value in re.findall(r'data-t="([^"]*)"', page) for t in value.split()}
        assert targets and targets <= present, targets - present
