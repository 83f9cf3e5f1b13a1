"""`parse_dateline` is cached: the cached answer is the plain function's, on generated lines and on
every short paragraph of the real XML fixtures, also when the same line is asked twice."""

from __future__ import annotations

from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

import kamerstuk
from kamerstuk.extract.dates import parse_dateline

_PLAIN = parse_dateline.__wrapped__
_LINES = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda label, day, month, year: f"{label}{day} {month} {year}",
        st.sampled_from(["", "Voorgesteld ", "Den Haag, ", "Vastgesteld\n", "Amsterdam "]),
        st.integers(0, 40),
        st.sampled_from(["januari", "maart", "Mei", "foo"]),
        st.integers(1799, 2101),
    ),
)


@given(_LINES)
def test_the_cached_dateline_is_the_plain_one(line: str) -> None:
    assert parse_dateline(line) == _PLAIN(line)
    assert parse_dateline(line) == _PLAIN(line)


def test_the_cached_dateline_on_the_real_xml() -> None:
    checked = 0
    for path in sorted((FIXTURES / "xml-kst").glob("*.xml")):
        document = kamerstuk.parse_file(path)
        spans = [p.span for s in document.sections for p in s.paragraphs] + list(document.field_spans.values())
        for span in spans:
            text = document.text[span.start : span.end]
            assert parse_dateline(text) == _PLAIN(text)
            checked += 1
    assert checked > 2000
