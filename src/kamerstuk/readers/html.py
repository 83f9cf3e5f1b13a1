"""The HTML reader: officielebekendmakingen and tweedekamer.nl pages rendered as page text plus tokens.

The document body is written in the plain-text layout people get when they copy the page, then
tokenised by the text reader; what the markup knows better than text (footnote anchors, links to
other publications) replaces the text heuristics. Menus, tables of contents and "Naar boven" are
page chrome and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html

from ..errors import ParseError
from ..extract.dossiers import split_dossier
from ..extract.whitespace import collapse
from ..metadata import metadata_from_pairs
from ..models import Metadata
from ..normalize import normalise
from ..tokens import Token, TokenKind
from . import text as text_reader
from .rendered import Rendered, element_text

T = TokenKind
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol li table tr dl dt dd section article blockquote pre main body".split()
)
_SKIPPED = frozenset("script style noscript nav header footer form button select iframe svg head".split())
_SKIPPED_IDS = frozenset({"inhoudsopgave", "KorteInhoudsOpgave", "kopregel", "voetregel", "noten"})
_SKIPPED_CLASSES = frozenset({"toc", "naar-boven", "skiplinks", "breadcrumb", "element-hidden", "note-close"})
_PUBLICATION_NAMES = {
    "stb": "a Staatsblad publication",
    "stcrt": "a Staatscourant publication",
    "gmb": "a Gemeenteblad publication",
    "prb": "a Provinciaal blad publication",
    "wsb": "a Waterschapsblad publication",
    "trb": "a Tractatenblad publication",
    "h": "Handelingen",
}
_KST_HREF = re.compile(r"(?:^|/)(kst-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){1,3}?)(?:\.html|/|$|#)")
_CHROME_TEXT = frozenset({"Naar boven", "X"})


def read(data: bytes, source: str | None = None) -> Rendered:
    """Render an HTML page of a Kamerstuk into text and tokens."""
    try:
        root = html.fromstring(data, parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"malformed HTML: {exc}", source=source) from exc
    metadata = _head_metadata(root)
    identifier = metadata.identifier if metadata else None
    if identifier and not identifier.startswith(("kst-", "ah-", "kv-")):
        kind = _PUBLICATION_NAMES.get(identifier.split("-")[0], "another publication")
        raise ParseError(f"this page ({identifier}) is {kind}, not a Kamerstuk", source=source)
    containers = _containers(root)
    header = containers.header
    body = containers.broodtekst if containers.broodtekst is not None else containers.stuk
    if body is None and header is not None:
        return _tweedekamer_header(root, header, metadata)
    writer = _Writer()
    writer.block(body if body is not None else _page_body(root))
    writer.notes(containers.notes)
    text = writer.finish()
    if not text.strip():
        raise ParseError("the HTML page holds no text", source=source)
    tokens = text_reader.tokenize(text)
    if body is None and not any(t.kind in (T.DOSSIER, T.NUMBER, T.HEADING) for t in tokens):
        raise ParseError(
            "this HTML page holds no Kamerstuk: no document body, dossier, number or heading", source=source
        )
    if writer.markers:
        tokens = [t for t in tokens if t.kind is not T.NOTE_REF] + writer.markers
    tokens = sorted(tokens + writer.links, key=lambda token: token.start)
    return Rendered(text, tokens, metadata, [])


@dataclass
class _Containers:
    """The page's first div.paper-header, div#broodtekst and div.stuk, and every div.noot."""

    header: etree._Element | None = None
    broodtekst: etree._Element | None = None
    stuk: etree._Element | None = None
    notes: list[etree._Element] = field(default_factory=list)


def _containers(root: etree._Element) -> _Containers:
    """The containers found in one pass over the document's divs, in document order, as the XPath
    searches `//div[contains(concat(' ', @class, ' '), ' stuk ')]`, `//div[@id='broodtekst']` and
    so on find them; each search walks the whole tree, so the four cost several times this pass."""
    found = _Containers()
    for div in root.getroottree().getroot().iter("div"):
        padded = f" {div.get('class') or ''} "
        if found.header is None and " paper-header " in padded:
            found.header = div
        if found.broodtekst is None and div.get("id") == "broodtekst":
            found.broodtekst = div
        if found.stuk is None and " stuk " in padded:
            found.stuk = div
        if " noot " in padded:
            found.notes.append(div)
    return found


def _page_body(root: etree._Element) -> etree._Element:
    """The main content of a page without a known document container."""
    for path in ("//main", "//body"):
        found = _first(root, path)
        if found is not None:
            return found
    return root


def _elements(root: etree._Element, path: str) -> list[etree._Element]:
    """The elements an XPath selects (text results are left out)."""
    found = root.xpath(path)
    return [item for item in found if isinstance(item, etree._Element)] if isinstance(found, list) else []


def _first(root: etree._Element, path: str) -> etree._Element | None:
    found = _elements(root, path)
    return found[0] if found else None


def _head_metadata(root: etree._Element) -> Metadata | None:
    """The OWMS record some pages carry as <meta name="DC.identifier" ...> in the head."""
    pairs = []
    for meta in root.iter("meta"):
        name = meta.get("name") or ""
        if name.startswith(("DC.", "DCTERMS.", "OVERHEID")):
            pairs.append((name, meta.get("content") or ""))
    return metadata_from_pairs(pairs) if pairs else None


class _Writer:
    """Writes blocks of page text, separated by blank lines, and records markers and links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = False
        self.markers: list[Token] = []
        self.links: list[Token] = []

    def write(self, text: str) -> tuple[int, int]:
        """Append `text`, normalised here so that every offset recorded is an offset into the result."""
        text = normalise(text)
        if self.pending and self.length:
            self.parts.append("\n\n")
            self.length += 2
        self.pending = False
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def words(self, text: str | None) -> None:
        if not text:
            return
        collapsed = collapse(text)
        if not collapsed:
            if not self.pending and self.parts and not self.parts[-1].endswith((" ", "\n")):
                self.write(" ")
            return
        if text[:1].isspace() and not self.pending and self.parts and not self.parts[-1].endswith((" ", "\n")):
            collapsed = " " + collapsed
        if text[-1:].isspace():
            collapsed += " "
        self.write(collapsed)

    def skipped(self, element: etree._Element, tag: str, classes: list[str]) -> bool:
        """Page chrome: skipped tags, ids and classes, and "Naar boven" links."""
        return (
            tag in _SKIPPED
            or element.get("id") in _SKIPPED_IDS
            or not _SKIPPED_CLASSES.isdisjoint(classes)
            or (tag == "a" and element_text(element) in _CHROME_TEXT)
        )

    def block(self, element: etree._Element) -> None:
        """Write an element and its children; block elements start on a new paragraph."""
        tag = element.tag
        if not isinstance(tag, str):
            return
        classes = (element.get("class") or "").split()
        if self.skipped(element, tag, classes):
            return
        is_block = tag in _BLOCKS
        if is_block:
            self.pending = True
        if tag == "br":
            self.write("\n")
            return
        if "ondertekening" in classes:
            self.signature(element)
            return
        if tag == "a" and "nootnum" in classes:
            self.marker(element)
            return
        start = (self.length, len(self.parts))
        self.words(element.text)
        for child in element:
            self.block(child)
            self.words(child.tail)
        if tag == "a":
            self.link(element, start)
        if tag in ("td", "th") and element.getnext() is not None:
            self.write(" | ")
        if is_block:
            self.pending = True

    def marker(self, element: etree._Element) -> None:
        number = element_text(element)
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
        start, end = self.write(number)
        self.markers.append(Token(T.NOTE_REF, start, end, {"number": number}))

    def link(self, element: etree._Element, mark: tuple[int, int]) -> None:
        """A link to a kst- page, as a citation token over the link text written since `mark`."""
        match = _KST_HREF.search(element.get("href") or "")
        written = "".join(self.parts[mark[1] :])
        if match is not None and written.strip():
            start = mark[0] + len(written) - len(written.lstrip())
            self.links.append(Token(T.REFERENCE, start, mark[0] + len(written.rstrip()), {"target": match.group(1)}))

    def signature(self, element: etree._Element) -> None:
        """p.ondertekening: the functie on one line, the name on the next."""
        for part in element.iter():
            classes = (part.get("class") or "").split()
            if "functie" in classes or "naam" in classes:
                self.pending = True
                self.write(element_text(part))
        self.pending = True

    def notes(self, notes: list[etree._Element]) -> None:
        """The notes block (div#noten, div.voet.noot) in the page layout "X Noot", number, text."""
        for note in notes:
            number = " ".join(element_text(n) for n in _elements(note, ".//*[contains(@class,'nootnum')]"))
            self.pending = True
            self.write("X Noot")
            self.parts.append("\n")
            self.length += 1
            self.write(number)
            for paragraph in note.iter("p"):
                text = element_text(paragraph)
                if text:
                    self.pending = True
                    start, _ = self.write(text)
                    self._note_links(paragraph, self.parts[-1], start)

    def _note_links(self, paragraph: etree._Element, written: str, start: int) -> None:
        """Links to kst- pages inside one note paragraph, found in the text just written for it."""
        for anchor in paragraph.iter("a"):
            match = _KST_HREF.search(anchor.get("href") or "")
            label = normalise(element_text(anchor))
            position = written.find(label) if match is not None and label else -1
            if match is not None and position >= 0:
                at = start + position
                self.links.append(Token(T.REFERENCE, at, at + len(label), {"target": match.group(1)}))

    def finish(self) -> str:
        return "".join(self.parts)


def _tweedekamer_header(root: etree._Element, header: etree._Element, metadata: Metadata | None) -> Rendered:
    """A tweedekamer.nl page whose text is only in a PDF: its header facts as a short document."""
    facts = {element_text(dt): element_text(dd) for dt, dd in zip(header.iter("dt"), header.iter("dd"), strict=False)}
    heading = _first(header, ".//h1")
    kind = element_text(heading if heading is not None else header) or "Kamerstuk"
    title_element = _first(root, "//p[contains(@class,'use-as-title')]")
    title = element_text(title_element) if title_element is not None else ""
    parts: list[str] = []
    tokens: list[Token] = []

    def line(text: str, kind: TokenKind, **attrs: str) -> None:
        text = normalise(text)
        start = sum(len(p) for p in parts)
        parts.append(text + "\n\n")
        tokens.append(Token(kind, start, start + len(text), attrs or None))

    line(f"{kind} : {title}".strip(), T.PREAMBLE, title=f"{kind} : {title}")
    number = facts.get("Nummer", "")
    if "-" in number:
        dossier, ondernummer = number.rsplit("-", 1)
        title_element = _first(root, "//span[contains(@class,'original-title')]")
        dossier_title = element_text(title_element) if title_element is not None else ""
        number_part, suffix = split_dossier(dossier) or (dossier, None)
        attrs = {"number": number_part} | ({"suffix": suffix} if suffix else {})
        attrs |= {"title": dossier_title} if dossier_title else {}
        line(f"{dossier} {dossier_title}".strip(), T.DOSSIER, **attrs)
        line(f"Nr. {ondernummer}", T.NUMBER, number=ondernummer)
    if facts.get("Publicatiedatum"):
        line(f"Publicatiedatum {facts['Publicatiedatum']}", T.DATELINE)
    for name in facts.get("Indiener", "").split(","):
        if name.strip() and not name.strip().startswith("Kamerlid"):
            line(name.strip(), T.SUBMITTER)
    warning = "the page holds only the document's header; its text is in the linked PDF"
    return Rendered("".join(parts), tokens, metadata, [warning])
