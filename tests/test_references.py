"""find_references: precision and recall on the hand-checked pages, spans, the issue's forms, hostile input."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import regex
from golden import in_page_schema
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerstuk import find_references, parse_file
from kamerstuk.extract import references
from kamerstuk.models import Chamber, Reference, ReferenceKind
from kamerstuk.normalize import normalise

_PAGES = Path(__file__).parent.parent / "fixtures" / "pages"

_Key = tuple[str, str | None, str | None, tuple[str, ...], str | None, str]


def _page_ids() -> list[str]:
    """Every page that has ground truth."""
    return sorted(path.stem for path in _PAGES.glob("*.json"))


def _expected(page: str) -> list[_Key]:
    """The page's hand-checked references as comparable keys (text normalised like the library's input)."""
    data = json.loads((_PAGES / f"{page}.json").read_text("utf-8"))
    return [
        (r["kind"], r["dossier"], r["suffix"], tuple(r["numbers"]), r["year"], normalise(r["text"]))
        for r in data["references"]
    ]


def _key(reference: Reference) -> _Key:
    """The fields the ground truth records for a reference."""
    dossier = reference.dossier
    return (
        reference.kind.value,
        dossier.number if dossier else None,
        dossier.suffix if dossier else None,
        tuple(reference.numbers),
        reference.year,
        reference.text,
    )


def _page_text(page: str) -> str:
    """The page text, normalised as the library normalises every input."""
    return normalise((_PAGES / f"{page}.txt").read_text("utf-8"))


def _score() -> tuple[int, int, int]:
    """True positives, false positives and false negatives over all pages (multiset match per page)."""
    true_pos = false_pos = false_neg = 0
    for page in _page_ids():
        expected = Counter(_expected(page))
        found = Counter(_key(r) for r in find_references(_page_text(page)) if in_page_schema(r))
        hits = sum((expected & found).values())
        true_pos += hits
        false_pos += sum(found.values()) - hits
        false_neg += sum(expected.values()) - hits
    return true_pos, false_pos, false_neg


def test_precision_and_recall_on_pages() -> None:
    """Precision >= 99% and recall >= 98% against the exhaustive expected references."""
    true_pos, false_pos, false_neg = _score()
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"references: tp={true_pos} fp={false_pos} fn={false_neg} P={precision:.3f} R={recall:.3f}")
    assert precision >= 0.99
    assert recall >= 0.98


@pytest.mark.parametrize("page", _page_ids())
def test_spans_and_order(page: str) -> None:
    """Every span cuts out exactly the reference text, and references come in reading order."""
    text = _page_text(page)
    found = find_references(text)
    for reference in found:
        assert text[reference.span.start : reference.span.end] == reference.text
        assert reference.note is None
    starts = [r.span.start for r in found]
    assert starts == sorted(starts)


# Hand-made: the forms listed in the issue, each with its expected identifiers.
_ISSUE_FORMS = [
    ("Kamerstuk 28 676, nr. 464", ["kst-28676-464"]),
    ("Kamerstuk 31 125 nr. 130", ["kst-31125-130"]),
    ("Kamerstukken II 1998–1999, 26 387, nr. 1", ["kst-26387-1"]),
    ("Kamerstukken II 2019/20, 35 300, nr. 3, p. 12", ["kst-35300-3"]),
    ("Kamerstukken I 2014/15, 33 802, C, p. 3", ["kst-33802-C"]),
    ("Kamerstuk 29 544, nrs. 1000 en 1001", ["kst-29544-1000", "kst-29544-1001"]),
    ("Kamerstuk 21 501-20, nr. 1234", ["kst-21501-20-1234"]),
    ("Kamerstuk 36 600 X, nr. 5", ["kst-36600-X-5"]),
    ("Kamerstukken II, 2008/09, 31700.VIII, 32", ["kst-31700-VIII-32"]),
    ("bijlage bij Kamerstuk 36 471, nr. 96", ["kst-36471-96"]),
    ("nr. 456 (36 800-XVI)", ["kst-36800-XVI-456"]),
    ("Handelingen II 2023/24, nr. 45, item 12", ["h-tk-20232024-45-12"]),
    ("Handelingen II 2007/08, nr. 108, p. 7909-7943", ["h-tk-20072008-108"]),
    ("Aanhangsel Handelingen II 2024/25, nr. 1028", ["ah-tk-20242025-1028"]),
    ("Stb. 2020, 123", ["stb-2020-123"]),
    ("Stcrt. 2021, 12345", ["stcrt-2021-12345"]),
    ("Trb. 2008, 175", ["trb-2008-175"]),
]


@pytest.mark.parametrize(("text", "identifiers"), _ISSUE_FORMS)
def test_issue_forms(text: str, identifiers: list[str]) -> None:
    """Each form of the issue is found whole (a "bijlage bij" before it is context, as in the seed
    letter's hand-checked values), with the identifiers the model derives."""
    (reference,) = find_references(text)
    assert reference.text == text.removeprefix("bijlage bij ")
    assert reference.identifiers == identifiers


def test_continuation_inherits_dossier() -> None:
    """Hand-made: "nr. 6, p. 15-16; nr. 7, p. 5-6" gives two references to the same dossier."""
    first, second = find_references("Kamerstukken II 1999/2000, 26 271, nr. 6, p. 15-16; nr. 7, p. 5-6.")
    assert (first.pages, second.pages) == ("15-16", "5-6")
    assert second.text == "nr. 7, p. 5-6"
    assert second.identifiers == ["kst-26271-7"]
    assert (second.year, second.chamber) == ("1999-2000", Chamber.TWEEDE_KAMER)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Kamerstukken II 2019/20, 35 300, nr. 3", "2019-2020"),
        ("Kamerstukken II '19/'20, 35 300, nr. 3", "2019-2020"),
        ("Kamerstukken II 1999/00, 26 387, nr. 1", "1999-2000"),
        ("Kamerstukken II 1993/94-1996/97, 23 761", None),
    ],
)
def test_vergaderjaar_normalised(text: str, year: str | None) -> None:
    """Hand-made: vergaderjaren are written "2019-2020"; a range of years gives no single one."""
    assert find_references(text)[0].year == year


@pytest.mark.parametrize(
    "text",
    [
        "€ 300 mln.",
        "artikel 3, lid 2",
        "zie nr. 5 van de lijst",
        "bij brief van 26 maart jl.",
        "in 2021 12 345 euro",
        "de Kamerstukken van vorig jaar",
        "Stb. 2020",
        "Handelingen II 2019/20",
        "een bedrag van € 25 000, nr. 3",
        "(f 20 000) en f 45 000, A",
    ],
)
def test_not_references(text: str) -> None:
    """Hand-made: dates, amounts, articles, a bare nr., a year without number are not references."""
    assert find_references(text) == []


def test_whole_dossier_has_no_numbers() -> None:
    """Hand-made: "Kamerstuk 21 501-20" and "(Kamerstukken 31945)" cite a whole dossier."""
    first, second = find_references("Kamerstuk 21 501-20 en (Kamerstukken 31945)")
    assert (first.dossier and first.dossier.key, first.numbers) == ("21501-20", [])
    assert (second.dossier and second.dossier.key, second.numbers) == ("31945", [])
    assert first.kind is ReferenceKind.KAMERSTUK


_HOSTILE_PIECES = st.sampled_from(
    [
        "nr. ",
        "nrs. ",
        "1",
        "12",
        "345",
        " ",
        "  ",
        ", ",
        "-",
        "–",
        "/",
        "en ",
        "Kamerstuk ",
        "Kamerstukken II ",
        "2019/20",
        "Handelingen ",
        "Aanhangsel ",
        "Stb. ",
        "(",
        ")",
        "X",
        "VIII",
        "p. ",
        "\n",
        "; ",
        "item ",
        "A",
        ".",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HOSTILE_PIECES, max_size=400).map("".join))
def test_hostile_token_soup(text: str) -> None:
    """Runs of digits, spaces and "nr." repeats never raise, and spans stay exact."""
    for reference in find_references(text):
        assert text[reference.span.start : reference.span.end] == reference.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    """Any string returns a list."""
    assert isinstance(find_references(text), list)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 50_000,
        " " * 50_000,
        "nr. " * 20_000,
        "12 345 " * 10_000,
        "Kamerstuk " * 10_000,
        "nr. 1 en " * 10_000,
        "Kamerstuk 12 345, nr. 1, " * 5_000,
        "Handelingen II 2019/20, " * 5_000,
    ],
)
def test_long_hostile_runs(text: str) -> None:
    """Long repetitive input returns (the benchmark times these; here they only must not raise)."""
    assert isinstance(find_references(text), list)


@pytest.mark.parametrize(
    "text",
    [
        "Kamerstukken \n     \n     \n       \n         36 410",
        "Tweede Kamer der Staten-Generaal\nKamerstukken\n36 410 XVI\nNr. 12",
    ],
)
def test_own_header_is_not_a_reference(text: str) -> None:
    """A document's own dossier line is no citation; the first string is the itertext of a real kamerstukkop
    (../shared/corpus/xml-kst/kst-36410-XVI-101.xml), the second is hand-made in the plain-text layout."""
    assert find_references(text) == []


def test_wrapped_citation_is_found() -> None:
    """A citation broken by one line wrap (fixtures/pages/kst-34919-89.txt) keeps the newline in its text."""
    (reference,) = find_references("(Kamerstuk\n34 919, nr. 85)")
    assert reference.text == "Kamerstuk\n34 919, nr. 85"


def test_several_dossiers_are_all_kept_and_the_first_is_dossier() -> None:
    """A citation of two dossiers (fixtures/pages/kst-31839-657.txt) keeps both; `dossier` is the first."""
    (reference,) = find_references("Kamerstukken 34 477 en 31 839, nr. 57")
    assert [d.key for d in reference.dossiers] == ["34477", "31839"]
    assert reference.dossier == reference.dossiers[0]
    assert reference.identifiers == ["kst-34477-57"]


def test_xml_dossierref_with_en_dash_gives_the_dossier() -> None:
    """`<dossierref dossier="21501-02">21 501–02</dossierref>` in kst-23432-607.xml is dossier 21501-02."""
    document = parse_file(Path(__file__).parent.parent / "fixtures" / "xml-kst" / "kst-23432-607.xml")
    found = [r for r in document.references if r.text == "21 501–02"]
    assert found
    assert all(r.dossier is not None and r.dossier.key == "21501-02" for r in found)
    assert all([d.key for d in r.dossiers] == ["21501-02"] for r in found)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("https://zoek.officielebekendmakingen.nl/kst-28676-464.html", 0),
        ("zie https://zoek.officielebekendmakingen.nl/kst-28676-464.html", 4),
        ("zie zoek.officielebekendmakingen.nl/kst-28676-464.html", 4),
        ("//zoek.officielebekendmakingen.nl/kst-28676-464.html", 2),
    ],
)
def test_a_written_url_starts_at_its_scheme_when_it_has_one(text: str, start: int) -> None:
    """Hand-made: the URL trigger is the bare host; the scheme before it belongs to the reference."""
    (ref,) = find_references(text)
    assert ref.span.start == start and ref.identifiers == ["kst-28676-464"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # hand-made, in the forms of the issue and of the real rows in tests/data/reference_table.json
        ("de motie-Van Dijk c.s. (Kamerstuk 36 200, nr. 12)", "motie-Van Dijk c.s."),
        ("de brief van 5 augustus 2024 (Kamerstuk 36 200, nr. 12)", "brief van 5 augustus 2024"),
        (
            "de antwoorden op de vragen van het lid Omtzigt (Aanhangsel Handelingen II 2020/21, nr. 3235)",
            "antwoorden op de vragen van het lid Omtzigt",
        ),
        ("het amendement-Grinwis/Bikker (Kamerstuk 36 200, nr. 12)", "amendement-Grinwis/Bikker"),
        (
            "de motie van de leden Kostić en Koekkoek (Kamerstuk 35 334, nr. 391)",
            "motie van de leden Kostić en Koekkoek",
        ),
        ("de motie-Van Dijk c.s. over iets anders (Kamerstuk 36 200, nr. 12)", None),
        ("de motie-Van Dijk c.s., Kamerstuk 36 200, nr. 12", None),
        ("de brief. (Kamerstuk 36 200, nr. 12)", None),
    ],
)
def test_label_names_the_cited_document(text: str, label: str | None) -> None:
    """The words right before a bracketed citation become its label, with a span that cuts them out."""
    (reference,) = find_references(text)
    assert reference.label == label
    if label is None:
        assert reference.label_span is None
    else:
        assert reference.label_span is not None
        assert text[reference.label_span.start : reference.label_span.end] == label
        assert reference.label_span.end <= reference.span.start


def test_label_never_reaches_into_the_citation_before() -> None:
    """A label is read only after the previous citation, so two bracketed citations keep their own words."""
    text = "de motie-Marijnissen/Bikker (36 410, nr. 19) en motie-Dijk (36 410-XVI, nr. 75)"
    assert [r.label for r in find_references(text)] == ["motie-Marijnissen/Bikker", "motie-Dijk"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "motie-",
                "Van ",
                "Dijk",
                " c.s.",
                "/",
                "(",
                " ",
                "\n",
                "brief van ",
                "5 mei ",
                "Kamerstuk 36 200, nr. 12",
                ")",
                "verslag van het ",
            ]
        ),
        max_size=200,
    ).map("".join)
)
def test_label_spans_are_exact(text: str) -> None:
    """Every label is the text its span cuts out, and stands before its citation."""
    for reference in find_references(text):
        if reference.label_span is not None:
            assert text[reference.label_span.start : reference.label_span.end] == reference.label
            assert reference.label_span.end <= reference.span.start


#: The plain trigger patterns, one per form, as they read before the literal-first rewrite of
#: `reference_grammar.TRIGGERS` (which finds the same starts several times faster).
PLAIN_TRIGGERS: dict[str, regex.Pattern[str]] = {
    "kamerstuk": regex.compile(r"(?i)kamerstuk"),
    "aanhangsel": regex.compile(r"[Aa]anhangsel"),
    "handelingen": regex.compile(r"[Hh]andelingen"),
    "stb_stcrt": regex.compile(r"St(?:b|crt|aats)"),
    "trb": regex.compile(r"Tr(?:b|actatenblad)"),
    "vergaderjaar": regex.compile(r"[Vv]ergaderjaar"),
    "zitting": regex.compile(r"[Zz]itting(?=\s)"),
    "written_url": regex.compile(r"zoek\.officielebekendmakingen\.nl/"),
    "written_id": regex.compile(r"(?<![\w/-])(?:kst|stb|stcrt|trb|h|ah|kv|blg)-[\dtekv]"),
    "tk_document": regex.compile(r"(?:199|20[0-4])\dD\d{5}"),
    "tk_zaak": regex.compile(r"(?:199|20[0-4])\dZ\d{5}"),
    "chamber": regex.compile(r"(?:Tweede|Eerste) Kamer|\b(?:TK|EK)\b|\b[TE]\.K\."),
    "nr": regex.compile(r"[Nn]rs?\.?\s?\d{1,5}[a-z]?\s?\("),
    "bare": regex.compile(r"[1-4]\d[ .]?\d{3}(?!\d)(?=[^\n]{0,30}?(?:[,\u2013-]|[Nn]r))"),
}


def _plain_triggers(text: str) -> list[tuple[int, str]]:
    return sorted((m.start(), form) for form, pattern in PLAIN_TRIGGERS.items() for m in pattern.finditer(text))


def _check_triggers(text: str) -> None:
    """The fast triggers are the plain ones, less places where the form's grammar finds nothing."""
    fast = set(references._triggers(text))
    plain = set(_plain_triggers(text))
    assert fast <= plain
    for start, form in plain - fast:
        assert references._PARSERS[form](text, start) == [], (form, text[start : start + 40])


_TRIGGER_PIECES = st.sampled_from(
    [
        "Tweede Kamer", "Eerste Kamer", " TK", " EK ", "T.K.", "E.K.", "Kamer", "K", "nr. 12 (", "Nr.3(", "nrs 45a (",
        "(", "2024D40329", "2019Z12345", "1999", "D12345", "Zitting", "zitting ", "Vergaderjaar", "vergaderjaar ",
        "2019-2020", "'19/'20", ",", " ", "\n", "kst-", "ah-tk-", "h-", "x-", "/", "36 200", "27 295, nr. 95",
        "Kamerstuk", "Stb.", "Trb", "a", "-", "Staatsblad", "Staatscourant", "Staats", "Staatssecretaris", "Stcrt",
        "2024D", "2019Z", "٤٠٣٢٩", "1",
    ]
)  # fmt: skip

#: The aanhangsel form, whose start is looked for only before "Handelingen" (no scan of its own), in
#: random spellings and spacings, with noise around it.
_SPACE = st.sampled_from(["", " ", "  ", "\n", " \n ", "\n\n", "\t", "\u00a0", "x"])
_AANHANGSEL_FORM = st.tuples(
    st.sampled_from(["", "x", " ", "de ", "Aanhangsel ", "aanhangsel van de\n\n", "(", "-"]),
    st.sampled_from(["Aanhangsel", "aanhangsel", "AANHANGSEL", "Aanhangse", "anhangsel"]),
    _SPACE,
    st.sampled_from(["", "van", "bij", "van de", "vande", "de", "bij  de", "van\nde", "van\n\nde"]),
    _SPACE,
    st.sampled_from(["Handelingen", "handelingen", "Handeling", "Aanhangsel Handelingen"]),
    st.sampled_from([" II 2019/20, nr. 12", " 2019/20, p. 3", " II 2019/20", ", vergaderjaar 2021–2022, nr. 3173", ""]),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRIGGER_PIECES, max_size=60).map("".join))
def test_fast_triggers_are_the_plain_ones(text: str) -> None:
    _check_triggers(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_AANHANGSEL_FORM, min_size=1, max_size=3).map("".join))
def test_aanhangsel_starts_found_before_handelingen_are_the_plain_ones(text: str) -> None:
    """The aanhangsel starts looked for before each "Handelingen" are the `[Aa]anhangsel` scan's, less
    places where the grammar finds nothing."""
    _check_triggers(text)


def test_fast_triggers_are_the_plain_ones_on_the_fixtures() -> None:
    roots = [_PAGES, _PAGES.parent / "motie-texts", _PAGES.parent / "xml-kst"]
    for path in [_PAGES.parent / "kst-28676-467.txt", *(p for root in roots for p in sorted(root.iterdir()))]:
        _check_triggers(normalise(path.read_text("utf-8")))


def test_old_dossier_with_a_line_break_before_the_dossier_does_not_crash() -> None:
    """Regression: a pre-1960 citation spanning lines raised IndexError (the header check asked the
    old-dossier match for a group it does not have). Hand-made, in the form of the real row
    "Zitting 1955-1956 - 4100, Nr. 5"."""
    (reference,) = find_references("Zitting 1955-1956 -\n4100, Nr. 5")
    assert reference.identifiers == ["kst-4100-5"]


def test_the_garbage_collector_is_left_as_it_was() -> None:
    """find_references pauses the cyclic collector while it runs and restores it, also after an error."""
    import gc

    assert gc.isenabled()
    find_references("Kamerstuk 28 676, nr. 464")
    assert gc.isenabled()
    gc.disable()
    try:
        find_references("Kamerstuk 28 676, nr. 464")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        find_references(None)  # type: ignore[arg-type]
    assert gc.isenabled()


_PRECHECK_PIECES = st.sampled_from(
    [" ", "\n", ";", ",", "en ", "nr. ", "Nrs.", "nummer ", "No.", "12", " en ", "p. 3", "Zitting ", "ZITTING ",
     "vergaderjaar ", "Kamerstukken II ", "1955-1956", " - ", "4100", ", Nr. 5", "a"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PRECHECK_PIECES, max_size=30).map("".join))
def test_prechecks_are_necessary_conditions(text: str) -> None:
    """Wherever a continuation or an old dossier matches, its cheap pre-check does too (so none is lost)."""
    from kamerstuk.extract import reference_grammar as grammar

    for position in range(len(text)):
        if grammar.CONTINUATION.match(text, position, position + 400):
            assert grammar.CONTINUATION_START.match(text, position)
        if grammar.OLD_DOSSIER.match(text, position, position + 400):
            assert any(word.search(text, position, position + 400) for word in grammar.OLD_DOSSIER_WORDS)
