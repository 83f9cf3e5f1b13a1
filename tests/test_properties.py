"""Property tests: any text gives a Document or a ParseError, and every span is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kamerstuk
from kamerstuk import ParseError
from kamerstuk.normalize import normalise
from kamerstuk.tokens import INLINE_KINDS

LINES = st.sampled_from(
    [
        "28 676 NAVO",
        "Nr. 467 BRIEF VAN DE MINISTER VAN DEFENSIE",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 3 oktober 2024",
        "De Minister van Defensie,",
        "R.P. Brekelmans",
        "X Noot",
        "1",
        "Naar boven",
        "De Kamer,",
        "en gaat over tot de orde van de dag.",
        "Kamerstuk 28 676, nr. 464",
        "",
        "nr. nr. nr. 1 2 3",
        "9" * 40,
    ]
)
DOCUMENTS = st.one_of(
    st.text(max_size=2000), st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=60).map("\n".join)
)


def _check_spans(doc: kamerstuk.Document) -> None:
    size = len(doc.text)
    spans = [p.span for s in doc.sections for p in s.paragraphs] + [n.span for n in doc.notes]
    spans += [r.span for r in doc.note_refs] + [r.span for r in doc.references] + list(doc.field_spans.values())
    for span in spans:
        assert 0 <= span.start <= span.end <= size
    for ref in doc.references:
        assert doc.text[ref.span.start : ref.span.end] == ref.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DOCUMENTS)
def test_any_text_gives_a_document_or_parse_error(text: str) -> None:
    try:
        doc = kamerstuk.parse(text)
    except ParseError:
        return
    _check_spans(doc)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_parse_error(data: bytes) -> None:
    try:
        kamerstuk.parse(data)
    except ParseError:
        pass


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS)
def test_tokens_are_ordered_and_inside_the_text(text: str) -> None:
    normalised = normalise(text)
    previous_end = 0
    for token in kamerstuk.tokenize(normalised):
        assert 0 <= token.start <= token.end <= len(normalised)
        if token.kind in INLINE_KINDS:
            continue
        assert previous_end <= token.start
        previous_end = token.end


@given(
    st.lists(
        st.sampled_from(
            [
                "gaat",
                "gaan",
                " over tot de orde ",
                "van de",
                "der",
                " dag",
                "DAG",
                ".",
                ",",
                ":",
                ";",
                " ",
                "\n",
                "_",
                "—",
                "-",
                "–",
                "x",
                "orde",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_motie_end_pretest_agrees_with_the_pattern(text: str) -> None:
    """The cheap backwards test for a motie's closing line never disagrees with the full pattern."""
    from kamerstuk.readers.text import _MOTIE_END, _ends_motie

    assert _ends_motie(text) == (_MOTIE_END.search(text) is not None)


_FORMAT_STARTS = st.sampled_from(
    [
        "",
        "PK\x03\x04",
        "PK\x05\x06",
        "%PDF-1.7",
        "<?xml version='1.0'?><kamerstuk/>",
        "<html>",
        "<!DOCTYPE html>",
        "\ufeff",
        " \n",
        "II*\x00",
        "GIF89a",
        "ÿþ",
        "\ufeff<officiele-publicatie>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(start=_FORMAT_STARTS, filler=st.text(max_size=40), pad=st.integers(0, 5000), tail=_FORMAT_STARTS)
def test_plain_text_told_from_the_head_as_from_all_bytes(start: str, filler: str, pad: int, tail: str) -> None:
    """The shortcut that tells plain text from its first 4,096 characters agrees with the format tests
    run on the whole input encoded, also when a format's marker stands just past the head."""
    from kamerstuk.api import _plain_text
    from kamerstuk.detect import binary_format
    from kamerstuk.readers.registry import reader_for

    data = start + filler + "x" * pad + tail
    raw = data.encode("utf-8", errors="surrogatepass")
    assert _plain_text(data) == (reader_for(raw) is None and binary_format(raw) is None)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(),
            st.characters(categories=["Cs"]),
            st.sampled_from(list("\x00\x08\t\r\x0e\x1f \x7f\x85\ufffd\ufeff")),
        ),
        max_size=60,
    )
)
def test_binary_character_test_agrees_with_the_pattern(sample: str) -> None:
    """The byte-level test for control characters finds exactly what the `_BINARY` pattern finds."""
    from kamerstuk.api import _BINARY, _has_binary_character

    assert _has_binary_character(sample) == (_BINARY.search(sample) is not None)
