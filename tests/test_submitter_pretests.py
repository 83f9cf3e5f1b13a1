"""The submitters' name pre-tests never change a result: `clean_name` skips the trailing-"en" pattern
only on names that cannot end so, and the assembler asks the party pattern only of names ending in
")". Checked on generated text and on every submitter line of the real XML fixtures."""

from __future__ import annotations

from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

import kamerstuk
from kamerstuk import assembler
from kamerstuk.extract import people

_PIECES = ["Van", "der", "Plas", " en", "en", "(VVD)", "( GL-PvdA )", ")", "(", ",", ".", "_", ";", " ", "\n", "\t"]
_PIECES += ["\xa0", "\u2009", "\x1c", "Koen", "c.s."]
_texts = st.one_of(st.text(max_size=20), st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))


def _plain_clean_name(text: str) -> str:
    return people._TRAILING_EN.sub("", " ".join(text.split()).strip(" ,;._")).strip(" ,;._")


def _agrees(text: str) -> None:
    name = people.clean_name(text)
    assert name == _plain_clean_name(text), text
    if assembler._PARTY.match(name):
        assert name.endswith(")"), text


@given(_texts)
def test_the_name_pre_tests_agree_on_generated_text(text: str) -> None:
    _agrees(text)


def test_the_name_pre_tests_agree_on_the_real_submitters() -> None:
    checked = 0
    for path in sorted((FIXTURES / "xml-kst").glob("*.xml")):
        document = kamerstuk.parse_file(path)
        for signatory in document.signatories:
            if signatory.span is not None:
                text = document.text[signatory.span.start : signatory.span.end]
                _agrees(text)
                _agrees(text + " en")
                checked += 1
    assert checked > 500
