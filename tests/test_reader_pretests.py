"""The markup readers' shortcuts give what the plain code they stand in for gives: `collapse` is
`" ".join(text.split())`, `element_text` of a childless node is lxml's text serialisation, and
`_child` is `find`. Checked on generated text and trees and on every element of the real XML."""

from __future__ import annotations

import sys

from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from kamerstuk.readers import xml as xml_reader
from kamerstuk.readers.rendered import collapse, element_text

_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
_texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(["a", "é", " ", "\xad", "\u200b", *_SPACES]), max_size=20),
    st.lists(st.sampled_from(["De", "Kamer,", "gehoord", "ë", "—"]), max_size=8).map(" ".join),
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
