"""The footnote-marker count's cheap pre-tests never change what it finds: a digit run that does not
end in the expected number is no candidate, and no known code stands before digits that follow no
word. Checked on generated text and on every digit run of the real text fixtures."""

from __future__ import annotations

from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from kamerstuk.extract import markers
from kamerstuk.normalize import normalise

_PIECES = [
    "technologiegebieden", "(NDPP)", "»", "”", ")", ".", ",", " ", "\n", "-", "covid-", "CO", "D66", "IP", "G",
    "staatsrecht.", "Kamerstuk ", "oktober ", "01-10-", "2024", "2019", "1", "2", "3", "12", "19", "4", "0", "a",
    "111", "21", "2111", "nr", ", ",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _runs(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in markers._DIGITS.finditer(text)]


def _pre_tests_hold(text: str) -> None:
    for start, end in _runs(text):
        digits = text[start:end]
        assert markers._code_before(text, start, digits) == markers._code_in_word_before(text, start, digits), text
        for expected in range(1, 30):
            if text.endswith(str(expected), start, end):
                continue
            # the run cannot end the expected number: neither kind of candidate can be taken from it
            assert markers._candidate(text, start, end, expected) is None, (text, expected)
            for last_end in range(max(0, start - 3), start + 1):
                assert markers._listed(text, start, end, expected, last_end) is None, (text, expected)


@given(_texts)
def test_the_marker_pre_tests_never_skip_a_candidate(text: str) -> None:
    _pre_tests_hold(text)


def test_the_marker_pre_tests_hold_in_the_real_text_fixtures() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*.txt"))]
    assert len(texts) > 300
    for text in texts:
        _pre_tests_hold(normalise(text))


def test_every_known_code_opens_with_a_letter() -> None:
    """`_code_before` looks for a code only where a word stands before the digits."""
    assert all(code[0].isalpha() for code in markers._NOT_MARKERS)


def _both_counts_agree(text: str, limit: int | None, first: int) -> None:
    ranges = [(0, len(text))] if len(text) < 40 else [(0, len(text) // 2), (len(text) // 2 + 3, len(text))]
    walked = markers._count_markers(text, ranges, limit, (), first, mid_way=False)
    assert markers._count_by_search(text, ranges, limit, first) == walked, (text, limit, first)


@given(_texts, st.one_of(st.none(), st.integers(0, 5)), st.integers(1, 4))
def test_the_count_by_search_finds_what_the_walk_over_every_run_finds(text: str, limit: int | None, first: int) -> None:
    _both_counts_agree(text, limit, first)


def test_the_count_by_search_agrees_on_the_real_text_fixtures() -> None:
    for path in sorted(FIXTURES.rglob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8"))
        for limit, first in ((None, 1), (2, 1), (5, 3), (40, 1)):
            _both_counts_agree(text, limit, first)


def _plain_strip_trailing_marker(text: str) -> tuple[str, str | None]:
    match = markers._TRAILING.search(text)
    if match is None or markers._is_name(text, match.start(), match.group(1)):
        return text, None
    return text[: match.start()], match.group(1)


_TITLE_ENDS = st.sampled_from(["", "1", "12", "123", "\n", "1\n", "\n\n", "١", "²", "A", ")", " ", "x3\n"])


@given(st.text(max_size=30), _TITLE_ENDS)
def test_the_trailing_marker_pre_test_never_skips_a_marker(text: str, end: str) -> None:
    assert markers.strip_trailing_marker(text + end) == _plain_strip_trailing_marker(text + end)


def test_the_trailing_marker_pre_test_on_the_real_xml_titles() -> None:
    checked = 0
    for path in sorted((FIXTURES / "xml-kst").glob("*.xml")):
        for element in etree.parse(str(path)).iter("titel", "kop", "tussenkop"):
            text = "".join(element.itertext())
            for variant in (text, text.strip(), text.strip() + "1", text + "\n"):
                assert markers.strip_trailing_marker(variant) == _plain_strip_trailing_marker(variant)
            checked += 1
    assert checked > 300
