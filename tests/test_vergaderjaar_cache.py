"""The assembler's `_vergaderjaar` is cached: the cached answer is the plain function's, asked twice."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kamerstuk.assembler import _vergaderjaar

_YEARS = st.builds(
    lambda a, sep, b, pad: f"{pad}{a}{sep}{b}{pad}",
    st.integers(1800, 2100),
    st.sampled_from(["-", "–", "/", " - ", "x"]),
    st.one_of(st.integers(0, 99).map(lambda n: f"{n:02d}"), st.integers(1800, 2101).map(str)),
    st.sampled_from(["", " ", "\n"]),
)


@given(st.one_of(st.none(), st.text(max_size=12), _YEARS))
def test_the_cached_vergaderjaar_is_the_plain_one(value: str | None) -> None:
    assert _vergaderjaar(value) == _vergaderjaar.__wrapped__(value)
    assert _vergaderjaar(value) == _vergaderjaar.__wrapped__(value)
