"""Never crash, never hang, never lose text: a bounded fuzz run and the damage archives show."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEED
from hypothesis import given, settings
from hypothesis import strategies as st

import kamerstuk
from kamerstuk import ParseError, Severity, check_coverage

sys.path.insert(0, str(ROOT / "tools"))

from fuzz import check, corpus  # noqa: E402
from mutations import MUTATIONS, mutate  # noqa: E402


def test_bounded_mutation_fuzz_run() -> None:
    """600 mutated real documents (the long run is tools/fuzz.py): each a Document or a ParseError,
    with valid reference spans and full coverage."""
    rng = random.Random(20261127)
    base = corpus()
    failures = []
    for _ in range(600):
        data, names = mutate(rng.choice(base), rng)
        outcome, problem = check(data)
        if outcome == "failed":
            failures.append((names, problem))
    assert failures == []


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_on_the_seed(name: str) -> None:
    rng = random.Random(name)
    for _ in range(20):
        assert check(MUTATIONS[name](SEED.read_bytes(), rng))[0] in ("document", "refused")


XML_ELEMENTS = st.sampled_from(
    ["al", "al-groep", "noot", "noot.nr", "noot.al", "titel", "stuk", "lijst", "li", "extref"]
)


@st.composite
def xml_documents(draw: st.DrawFn) -> bytes:
    """Random element trees inside a real envelope."""
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(XML_ELEMENTS)
        parts.append(f"<{tag}>{draw(st.text(max_size=20)).replace('<', '').replace('&', '')}</{tag}>")
        if draw(st.booleans()):
            parts.append(f"<{tag}>")
    body = "".join(parts)
    return f"<officiele-publicatie><kamerstuk><stuk>{body}</stuk></kamerstuk></officiele-publicatie>".encode()


@settings(max_examples=300, deadline=None)
@given(xml_documents())
def test_any_xml_gives_a_document_or_parse_error(data: bytes) -> None:
    assert check(data)[0] in ("document", "refused")


def test_nul_bytes_are_dropped() -> None:
    doc = kamerstuk.parse(SEED.read_bytes().replace(b"NAVO", b"NA\x00VO", 1))
    assert doc.dossier is not None and doc.dossier.title == "NAVO"


def test_invalid_utf8_falls_back_with_a_diagnostic() -> None:
    data = SEED.read_bytes().replace(b"Den Haag", b"Den Haag \xff", 1)
    doc = kamerstuk.parse(data)
    assert doc.identifier == "kst-28676-467" and [d.code for d in doc.diagnostics] == ["KS901"]


def test_utf16_with_bom_is_read() -> None:
    data = SEED.read_text(encoding="utf-8").encode("utf-16")
    assert kamerstuk.parse(data).identifier == "kst-28676-467"


def test_maximum_size_is_configurable_and_named(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="maximum of 1,000"):
        kamerstuk.parse_file(SEED, max_size=1_000)
    assert kamerstuk.parse_file(SEED, max_size=20_000).identifier == "kst-28676-467"


def test_strict_raises_on_an_error_diagnostic_and_lenient_reports_it() -> None:
    """A real page with one named change: its date becomes 31 februari."""
    text = (FIXTURES / "pages" / "kst-31568-166.txt").read_text(encoding="utf-8")
    broken = text.replace("7 september 2015", "31 februari 2015")
    lenient = kamerstuk.parse(broken)
    assert [d.code for d in lenient.diagnostics if d.severity is Severity.ERROR] == ["KS202"]
    with pytest.raises(ParseError, match="KS202"):
        kamerstuk.parse(broken, strict=True)
    assert kamerstuk.parse(text, strict=True).date is not None


def test_news_article_is_a_document_with_ks100_or_a_strict_error() -> None:
    # hand-made
    article = "Het kabinet stuurde gisteren een brief naar de Kamer over de NAVO.\nDe minister is tevreden.\n"
    assert "KS100" in [d.code for d in kamerstuk.parse(article).diagnostics]
    with pytest.raises(ParseError, match="KS100"):
        kamerstuk.parse(article, strict=True)


def test_fifty_megabytes_of_text_is_refused_or_parsed_without_hanging() -> None:
    data = b"Kamerstuk 28 676, nr. " * (50 * 1024 * 1024 // 22 + 1)
    with pytest.raises(ParseError, match="maximum"):
        kamerstuk.parse(data)


def test_a_large_real_archive_text_keeps_every_character() -> None:
    """Every real page concatenated into one 170 KB text: parsed whole, nothing lost."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "pages").glob("*.txt")))
    assert check_coverage(kamerstuk.parse(text)) == []

