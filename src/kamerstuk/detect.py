"""Tell XML, HTML and plain text apart from the content, never from a file name."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["xml", "html", "text"]

_HTML = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_XML = re.compile(
    rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<(?:[A-Za-z_][\w.-]*|!DOCTYPE|!ENTITY)", re.DOTALL
)


def detect_format(data: bytes) -> Format:
    """ "xml" for an XML document, "html" for an HTML page, else "text"; looks at the first bytes only."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:4096].decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n").encode("utf-8")
    if _HTML.match(head):
        return "html"
    if _XML.match(head):
        return "xml"
    return "text"
