"""The plain-text reader's cheap pre-tests never change what it reads: each is checked against the
full rule it stands in front of, on generated text and on every line of the real text fixtures,
and the reader's tokens are the same with every shortcut switched off."""

from __future__ import annotations

import pytest
import regex
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

from kamerstuk.extract import addressing, people
from kamerstuk.extract.dates import is_dateline
from kamerstuk.normalize import normalise
from kamerstuk.readers import text as text_reader

_WORDS = [
    "De", "de", "DE", "Het", "het", "mede namens", "namens", "Minister", "minister-president", "Staatssecretaris",
    "ſtaatssecretaris", "griffier", "Griffier van de commissie,", "Voorzitter", "van", "Defensie", "R.P. Brekelmans",
    "gaat", "over", "tot", "orde", "der", "dag", "DAG", "Dag", "X", "Noot", "Indiener(s):", "Onderwerpen", "Bron:",
    "Den Haag", "'s-Gravenhage", "3 oktober 2024", "Vastgesteld", "1.", "a)", "-", "•", "Naar boven",
    "Ondertekenaars", "Beatrix", "Willem-Alexander", "NAVO", "Kamer", "İn", "\u212a", "2024", "19", "Aan",
    "Ontvangen", "Voorgesteld", "EINDVERSLAG",
]  # fmt: skip
_GAPS = [" ", "  ", "\t", "\xa0", "\u2009", ".", ";", ",", ":", ", ", ". ", "–", "_", "", "\n", ")"]
_pieces = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=14).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)
_texts = st.one_of(_pieces, st.text(max_size=40), st.builds(lambda a, b: a + b, _pieces, st.text(max_size=5)))
#: Lines as the reader sees them: stripped, without line breaks, not empty.
_lines = _texts.map(lambda text: " ".join(text.split("\n")).strip()).filter(bool)


def _fixture_texts() -> list[str]:
    paths = [FIXTURES / "kst-28676-467.txt", *sorted(FIXTURES.rglob("*.txt"))]
    return [normalise(path.read_text(encoding="utf-8")) for path in dict.fromkeys(paths)]


def _fixture_lines() -> list[str]:
    return [line.text for text in _fixture_texts() for line in text_reader.split_lines(text)]


_GUARDED = [value for value in vars(text_reader).values() if isinstance(value, text_reader._Guarded)]


def _guards_hold(line: str) -> None:
    for guarded in _GUARDED:
        found, plain = guarded.match(line), guarded.pattern.match(line)
        assert (found and found.span()) == (plain and plain.span()), (guarded.pattern.pattern, line)


def _role_pre_test_holds(line: str, second: str = "Wetenschappen,") -> None:
    if people.ROLE_START.match(line):
        assert people._may_open_role(line), line
    if people.parse_role_line(line) is not None or people.parse_wrapped_role_line(line, second) is not None:
        assert people.may_be_role_line(line), line


def _closed_prose_holds(line: str) -> None:
    """A line `_is_closed_prose` takes is no list item and fails the first test of a section heading."""
    if text_reader._is_closed_prose(line):
        assert not text_reader._is_list_item(line), line
        first = line[0]
        assert len(line) > 110 or text_reader._ends_sentence(line) or not (first.isupper() or first.isdigit()), line


def _plain_line_holds(line: str) -> None:
    """A line `_is_plain_line` lets through is one every special rule of the body refuses."""
    if not text_reader._is_plain_line(line):
        return
    assert not text_reader._is_notes_start(line), line
    assert line not in ("Naar boven", "Ondertekenaars") and line not in people.MONARCHS, line
    assert not text_reader._is_site_label(line), line
    assert people.parse_role_line(line) is None, line
    assert people.parse_wrapped_role_line(line, "Wetenschappen,") is None, line
    assert not is_dateline(line), line
    assert not text_reader._PLACE.pattern.match(line), line


@given(_texts)
def test_a_guarded_pattern_matches_as_the_pattern_does(text: str) -> None:
    _guards_hold(text)
    _guards_hold(text.strip())


def test_the_guard_remembers_a_bounded_number_of_first_characters() -> None:
    guarded = text_reader._Guarded(r"^[12]$")
    for code in range(0x4E00, 0x4E00 + guarded._MEMORY + 50):
        assert guarded.match(chr(code)) is None
    assert len(guarded._starts) == guarded._MEMORY
    assert guarded.match("1") is not None and guarded.match("12") is None


@given(_lines, _lines)
def test_the_role_line_pre_test_never_skips_a_role_line(line: str, second: str) -> None:
    _role_pre_test_holds(line, second)


@given(_lines)
def test_a_plain_line_is_refused_by_every_special_body_rule(line: str) -> None:
    _plain_line_holds(line)
    _closed_prose_holds(line)


@given(_texts, st.integers(0, 8), st.integers(0, 8))
def test_the_motie_end_pre_test_agrees_with_the_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert text_reader._ends_motie_at(text, start, end) == text_reader._ends_motie(text[start:end]), text


def test_the_pre_tests_hold_on_every_line_of_the_real_text_fixtures() -> None:
    lines = _fixture_lines()
    assert len(lines) > 3000 and len(_GUARDED) > 20
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        _role_pre_test_holds(line, following)
        _guards_hold(line)
        _plain_line_holds(line)
        _closed_prose_holds(line)
        assert text_reader._ends_motie_at(line, 0, len(line)) == text_reader._ends_motie(line), line


def test_a_letter_that_ends_the_motie_closing_is_only_g() -> None:
    """`_ends_motie_at` rules out a paragraph whose last letter is not "g" or "G": no other character
    lowers to a string that ends "dag", and no letter is one of the characters `_MOTIE_TAIL` takes."""
    tail = regex.compile(r"[\s\p{Pd}_.,;:]")
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if char not in "gG":
            assert not "dag".endswith(char.lower()), hex(code)
        if char.isalpha():
            assert tail.match(char) is None, hex(code)


def _tokens_without_shortcuts(monkeypatch: pytest.MonkeyPatch, text: str) -> list[text_reader.Token]:
    with monkeypatch.context() as patched:
        patched.setattr(text_reader, "_is_plain_line", lambda line: False)
        plain_end = text_reader._ends_motie
        patched.setattr(text_reader, "_ends_motie_at", lambda text, start, end: plain_end(text[start:end]))
        patched.setattr(text_reader, "may_be_role_line", lambda line: True)
        patched.setattr(text_reader, "_may_open_late_header", lambda line: True)
        patched.setattr(text_reader, "_is_closed_prose", lambda line: False)
        patched.setattr(text_reader._Guarded, "match", lambda self, line: self.pattern.match(line))
        return text_reader.tokenize(text)


def test_the_reader_reads_every_text_fixture_the_same_without_its_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _fixture_texts()
    assert len(texts) > 90
    for text in texts:
        assert text_reader.tokenize(text) == _tokens_without_shortcuts(monkeypatch, text)


_DOCUMENT_LINES = [
    "28 676 NAVO", "Nr. 467 BRIEF VAN DE MINISTER VAN DEFENSIE",
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 3 oktober 2024", "Vergaderjaar 2024-2025", "Tweede Kamer der Staten-Generaal", "36 600 X", "Nr. 12",
    "MOTIE VAN HET LID DE VRIES", "De Kamer,", "gehoord de beraadslaging,", "en gaat over tot de orde van de dag.",
    "De Vries", "Van Ojik", "De Minister van Defensie,", "R.P. Brekelmans", "De Minister van Onderwijs, Cultuur en",
    "Wetenschappen,", "X Noot", "1", "Zie Kamerstuk 28 676, nr. 464.", "Naar boven", "Ondertekenaars",
    "Indiener(s): J. de Vries", "'s-Gravenhage", "18 april 1997", "Beatrix", "- een punt", "a) een ander punt",
    "Missies en operaties",
    "De NAVO heeft aangekondigd drie werksessies bijeen te roepen, zoals eerder gemeld aan uw Kamer.",
    "Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de NAVO-Ministers van Defensie1.",
    "30169 9 Verslag van een algemeen overleg", "Vastgesteld 26 juli 2007", "Kamerstuk", "EINDVERSLAG",
]  # fmt: skip
_documents = st.lists(
    st.tuples(st.sampled_from(_DOCUMENT_LINES), st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=24
).map(lambda pairs: "".join(line + gap for line, gap in pairs))


@given(_documents)
def test_the_reader_reads_generated_documents_the_same_without_its_shortcuts(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert text_reader.tokenize(text) == _tokens_without_shortcuts(monkeypatch, text)


@given(_texts)
def test_a_run_on_dated_line_holds_the_words_its_pre_test_looks_for(text: str) -> None:
    assert "(?:Vastgesteld|Voorgesteld|Ontvangen)" in text_reader._RUN_ON_DATELINE.pattern
    if text_reader._RUN_ON_DATELINE.search(text):
        assert "gesteld" in text or "Ontvangen" in text, text


@given(_texts)
def test_an_addressee_opens_with_the_word_its_pre_test_looks_for(text: str) -> None:
    assert addressing._ADDRESSEE.pattern.startswith(r"^Aan\s+")
    if addressing._ADDRESSEE.match(text):
        assert addressing.match_addressee(text) is not None, text
