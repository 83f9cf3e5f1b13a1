"""The markup readers' shortcuts give what the plain code they stand in for gives: `collapse` is
`" ".join(text.split())`, `element_text` of a childless node is lxml's text serialisation, `_child`
is `find`, the "!" pre-test refuses what the declaration search refuses, and the HTML reader's one
pass over the divs finds what its XPath searches find. Checked on generated text, trees and pages,
on every element of the real XML and on the real HTML pages."""

from __future__ import annotations

import sys

from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, html

from kamerstuk import ParseError
from kamerstuk.extract.whitespace import collapse
from kamerstuk.readers import html as html_reader
from kamerstuk.readers import xml as xml_reader
from kamerstuk.readers.rendered import element_text

_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
_texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(["a", "é", " ", "\xad", "\u200b", *_SPACES]), max_size=20),
    st.lists(st.sampled_from(["De", "Kamer,", "gehoord", "ë", "—"]), max_size=8).map(" ".join),
    st.lists(st.sampled_from(["De", "ë", " ", "  ", "\n", "\xa0", "\u2009", "a b"]), max_size=10).map("".join),
)


def _plain_collapse(text: str) -> str:
    return " ".join(text.split())


def _plain_element_text(element: etree._Element) -> str:
    return _plain_collapse(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def test_the_only_printable_whitespace_is_the_space() -> None:
    """What `collapse` relies on, checked over all of Unicode."""
    assert [c for c in _SPACES if c.isprintable()] == [" "]


@given(_texts)
def test_collapse_is_split_and_join(text: str) -> None:
    assert collapse(text) == _plain_collapse(text)


_XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff\r"), max_size=30
).filter(lambda t: all(c in "\t\n" or ord(c) >= 0x20 for c in t))


@given(_XML_TEXT, st.sampled_from(["", "<b>x</b>", "<?pi data?>", "<![CDATA[ c  d ]]>"]))
def test_element_text_is_the_text_serialisation(text: str, child: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    root = etree.fromstring(f"<a>{escaped}{child}</a>".encode(), xml_reader.make_parser())
    for element in root.iter():
        assert element_text(element) == _plain_element_text(element)


def test_shortcuts_agree_on_every_element_of_the_real_xml() -> None:
    checked = 0
    for path in sorted((FIXTURES / "xml-kst").glob("*.xml")):
        root = xml_reader.parse_tree(path.read_bytes(), path.name)
        for element in root.iter():
            assert element_text(element) == _plain_element_text(element)
            for tag in {child.tag for child in element if isinstance(child.tag, str)} | {"titel"}:
                assert xml_reader._child(element, tag) is element.find(tag)
            checked += 1
    assert checked > 10_000


_CLASSES = st.lists(st.sampled_from(["stuk", "noot", "paper-header", "voet", "stukken", "Stuk", "x"]), max_size=3)
_DIV = st.tuples(
    st.sampled_from(["div", "p", "section"]),
    _CLASSES.map(lambda names: " ".join(names) if names else None),
    st.sampled_from([None, "broodtekst", "noten", "BROODTEKST"]),
    st.sampled_from(["", " text ", "\t"]),
)


def _page(divs: list[tuple[str, str | None, str | None, str]], nested: bool, whole: bool) -> bytes:
    """A page of the given elements, one after the other or each inside the one before; without
    <html> and <body> when not `whole` (lxml then returns a fragment's element, not the document's)."""
    parts = []
    for tag, classes, ident, text in divs:
        attrs = (f' class="{classes}"' if classes is not None else "") + (f' id="{ident}"' if ident else "")
        parts.append(f"<{tag}{attrs}>{text}" + ("" if nested else f"</{tag}>"))
    if nested:
        parts.extend(f"</{tag}>" for tag, _, _, _ in reversed(divs))
    return (f"<html><body>{''.join(parts)}</body></html>" if whole else "".join(parts) or "<p></p>").encode()


def _plain_containers(root: etree._Element) -> tuple[object, ...]:
    def first(path: str) -> etree._Element | None:
        found = root.xpath(path)
        return found[0] if found else None

    return (
        first("//div[contains(concat(' ', @class, ' '), ' paper-header ')]"),
        first("//div[@id='broodtekst']"),
        first("//div[contains(concat(' ', @class, ' '), ' stuk ')]"),
        root.xpath("//div[contains(concat(' ', @class, ' '), ' noot ')]"),
    )


def _containers(root: etree._Element) -> tuple[object, ...]:
    found = html_reader._containers(root)
    return (found.header, found.broodtekst, found.stuk, found.notes)


@given(st.lists(_DIV, max_size=8), st.booleans(), st.booleans())
def test_html_containers_are_the_xpath_searches(
    divs: list[tuple[str, str | None, str | None, str]], nested: bool, whole: bool
) -> None:
    root = html.fromstring(_page(divs, nested, whole))
    assert _containers(root) == _plain_containers(root)


def test_html_containers_on_the_real_pages() -> None:
    pages = sorted(FIXTURES.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        root = html.fromstring(path.read_bytes(), parser=html.HTMLParser(no_network=True, remove_comments=True))
        assert _containers(root) == _plain_containers(root), path.name


_HEAD_PIECES = st.lists(
    st.sampled_from(
        ["<a>", "</a>", "x", "!", "<!--c-->", "<!DOCTYPE a>", "<!ENTITY e 'v'>", "<!doctype a>", "<![CDATA[!]]>"]
    ),
    max_size=8,
)


@given(_HEAD_PIECES)
def test_the_declaration_refusal_is_the_plain_substring_test(pieces: list[str]) -> None:
    """The "!" pre-test in `parse_tree` refuses exactly what the two substring tests refuse."""
    data = f"<r>{''.join(pieces)}</r>".encode()
    refused = b"<!DOCTYPE" in data or b"<!ENTITY" in data
    try:
        xml_reader.parse_tree(data, None)
        message = ""
    except ParseError as exc:
        message = str(exc)
    assert message.startswith("XML with a DTD") == refused
