"""Tell XML, HTML and plain text apart from the content, never from a file name."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["xml", "html", "text"]

#: Markup opens with a declaration, a comment, a doctype or an element; anything else is text.
_MARKUP_START = re.compile(rb"^<(?:\?xml|!--|!DOCTYPE|!ENTITY|[A-Za-z_][\w.:-]*[\s/>])", re.IGNORECASE)
_HTML = re.compile(rb"<!DOCTYPE\s+html|<html[\s>]", re.IGNORECASE)


def detect_format(data: bytes) -> Format:
    """ "xml" for an XML document, "html" for an HTML page, else "text"; looks at the first bytes only."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:4096].decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n").encode("utf-8")
    if not _MARKUP_START.match(head):
        return "text"
    return "html" if _HTML.search(head) else "xml"
