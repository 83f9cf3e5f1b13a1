"""The motie clauses' cheap pre-tests never skip what the full patterns match: a unit whose first
three characters are ruled out cannot open a request or consideration, and a piece `_may_close` refuses
cannot end with the closing line. Checked on every unit of the real moties and on generated text."""

from __future__ import annotations

import regex
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

import kamerstuk
from kamerstuk.extract import motions

_WORDS = [
    "en", "voorts", "Verzoekt", "de regering", "constaterende", "Overwegende", "dat", "spreekt", "uit", "keurt",
    "af", "gaat", "over", "tot", "orde", "van", "de", "DAG", "dag", "İn", "aanmerking", "nemende", "ſpreekt",
    "\u212aeurt", "Zich", "ervan", "bewust", "gehoord", "beraadslaging", "De Kamer,", "–", "•",
]  # fmt: skip
_GAPS = [" ", "\n", "\t", "\xa0", "\u2009", "\u3000", ".", ";", ",", ":", " \n", ".\n", "\x1c", "", "-"]
_pieces = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=12).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)
_texts = st.one_of(_pieces, st.text(max_size=30), st.builds(lambda a, b: a + b, _pieces, st.text(max_size=5)))


def _agrees(body: str) -> None:
    may_request, may_consider = motions._may_open(body[:3])
    if motions._REQUEST.match(body):
        assert may_request, body
    if motions._CONSIDERATION.match(body):
        assert may_consider, body
    if motions._CLOSING.search(body):
        assert motions._may_close(body), body


@given(_texts)
def test_the_pre_tests_never_skip_a_match_on_generated_text(body: str) -> None:
    _agrees(body)


def test_the_pre_tests_never_skip_a_match_in_the_real_moties() -> None:
    checked = 0
    for path in sorted((FIXTURES / "xml-kst").glob("*.xml")):
        document = kamerstuk.parse_file(path)
        for start, end in motions._units(document.text, document.sections):
            _agrees(document.text[start:end].lstrip())
            checked += 1
    assert checked > 2000


def test_what_may_follow_the_closing_line_is_what_the_pattern_allows() -> None:
    """`_may_close` strips `_AFTER_CLOSING` and looks for "dag": the pattern must still end so, and
    `_AFTER_CLOSING` must hold every character regex's `\\s` takes (all of Unicode checked)."""
    assert motions._CLOSING.pattern.endswith(r"dag\b[\s.;,]*$")
    space = regex.compile(r"\s")
    spaces = {chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and space.match(chr(c))}
    assert set(motions._AFTER_CLOSING) == spaces | set(".;,")
    folds = regex.compile("[dag]", regex.IGNORECASE)
    assert {chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and folds.match(chr(c))} == set("dagDAG")
    lowered = {chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c).lower() in ("d", "a", "g")}
    assert lowered == set("dagDAG")
