"""Untrusted XML: no DTD, no entities, no network, no pathological nesting. Payloads are hand-made."""

from __future__ import annotations

import pytest

import kamerstuk
from kamerstuk import ParseError

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<officiele-publicatie><kamerstuk><stuk><titel>&lol4;</titel></stuk></kamerstuk></officiele-publicatie>"""
QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]><officiele-publicatie>'
    + b"&a;" * 50_000
    + b"</officiele-publicatie>"
)
XXE = b"""<?xml version="1.0"?><!DOCTYPE k [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<officiele-publicatie><kamerstuk><stuk><titel>&xxe;</titel></stuk></kamerstuk></officiele-publicatie>"""
XXE_NETWORK = b"""<?xml version="1.0"?><!DOCTYPE k SYSTEM "http://127.0.0.1:9/evil.dtd">
<officiele-publicatie/>"""


@pytest.mark.parametrize(
    "payload", [BILLION_LAUGHS, QUADRATIC, XXE, XXE_NETWORK], ids=["laughs", "quadratic", "xxe", "dtd"]
)
def test_entity_and_dtd_payloads_are_refused(payload: bytes) -> None:
    with pytest.raises(ParseError, match="DTD or entity"):
        kamerstuk.parse(payload)


def test_doctype_after_a_long_comment_is_still_refused() -> None:
    payload = b"<?xml version='1.0'?><!--" + b"x" * 10_000 + b"-->" + XXE.split(b"?>", 1)[1]
    with pytest.raises(ParseError):
        kamerstuk.parse(payload)


def test_pathological_nesting_is_refused() -> None:
    deep = (
        b"<officiele-publicatie><kamerstuk>"
        + b"<al>" * 100_000
        + b"</al>" * 100_000
        + b"</kamerstuk></officiele-publicatie>"
    )
    with pytest.raises(ParseError):
        kamerstuk.parse(deep)


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(ParseError, match="line 2"):
        kamerstuk.parse(b"<officiele-publicatie>\n<kamerstuk></officiele-publicatie>")
