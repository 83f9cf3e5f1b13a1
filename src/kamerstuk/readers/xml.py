"""The official-XML reader: `<officiele-publicatie><kamerstuk>` rendered as page text plus tokens.

The reader writes the document in the plain-text layout of the officielebekendmakingen page and
emits a token for every structure it writes, so the assembler treats XML like any other input.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import regex
from lxml import etree

from ..errors import ParseError
from ..extract.addressing import match_addressee
from ..extract.dates import is_dateline
from ..extract.people import looks_like_submitter
from ..extract.whitespace import collapse
from ..metadata import metadata_from_pairs
from ..tokens import Token, TokenKind
from .rendered import Rendered, element_text

T = TokenKind
_PUBLICATIONS = {
    "handelingen": "Handelingen",
    "staatsblad": "a Staatsblad publication",
    "staatscourant": "a Staatscourant publication",
    "gemeenteblad": "a Gemeenteblad publication",
    "provinciaalblad": "a Provinciaal blad publication",
    "waterschapsblad": "a Waterschapsblad publication",
    "bladgemeenschappelijkeregeling": "a Blad gemeenschappelijke regeling publication",
    "tractatenblad": "a Tractatenblad publication",
    "aanhangsel": "an Aanhangsel van de Handelingen",
}
_BLOCKS_SKIPPED = frozenset({"kamerstukkop", "li.nr", "noot", "metadata"})
_MOTIE_END = regex.compile(r"ga(?:at|an)\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag", regex.IGNORECASE)
#: Inline elements that carry more than text: they need the piece-by-piece walk.
_MARKED = ("noot", "nootref", "extref", "dossierref")


_PARSERS = threading.local()


def make_parser() -> etree.XMLParser:
    """This thread's locked-down parser for untrusted archives: no DTD, no entities, no network,
    and libxml2's limits on depth and size kept (huge_tree off). Built once per thread: building
    one costs as much as parsing a small document, and parsers must not be shared between threads."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
        )
        _PARSERS.parser = parser
    return parser


def parse_tree(data: bytes, source: str | None) -> etree._Element:
    """Parse XML bytes safely; a DTD, an entity declaration or malformed XML is a ParseError."""
    refused = "XML with a DTD or entity declarations is refused (official publications have none)"
    head = data[:4096]
    # Both declarations hold a "!", which one byte search (memchr) rules out in most documents.
    if b"!" in head and (b"<!DOCTYPE" in head or b"<!ENTITY" in head):
        raise ParseError(refused, source=source)
    try:
        root = etree.fromstring(data, make_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else "?"
        raise ParseError(f"malformed XML at line {line}: {exc.msg}", source=source) from exc
    if root is None:
        raise ParseError("XML document has no root element", source=source)
    if getattr(root.getroottree().docinfo, "doctype", ""):
        raise ParseError(refused, source=source)
    return root


def read(data: bytes, source: str | None = None) -> Rendered:
    """Render an `officiele-publicatie` holding a `kamerstuk` into text and tokens."""
    root = parse_tree(data, source)
    if root.tag != "officiele-publicatie":
        raise ParseError(_not_a_publication(root), source=source)
    metadata_element = _child(root, "metadata")
    metadata = None
    if metadata_element is not None:
        pairs = [(meta.get("name", ""), meta.get("content", "")) for meta in metadata_element.iter("meta")]
        metadata = metadata_from_pairs(pairs)
    body = next((child for child in root if isinstance(child.tag, str) and child.tag not in ("metadata", "kop")), None)
    if body is None or body.tag not in ("kamerstuk", "kamervragen"):
        found = "empty" if body is None else _PUBLICATIONS.get(str(body.tag), f"<{body.tag}>")
        named = f" ({metadata.identifier})" if metadata is not None and metadata.identifier else ""
        raise ParseError(f"this official publication{named} is {found}, not a Kamerstuk", source=source)
    writer = _Writer(root)
    if body.tag == "kamervragen":
        writer.kamervragen(body)
    else:
        writer.kamerstuk(body)
    return Rendered(writer.finish(), writer.tokens, metadata, writer.warnings)


def _not_a_publication(root: etree._Element) -> str:
    """Why an XML document with another root is refused, naming what it is."""
    if root.tag in ("metadata_gegevens", "owms-metadata") or str(root.tag).endswith("}owms-metadata"):
        return "this is a metadata record, not a document: read it with kamerstuk.parse_metadata"
    if root.tag in ("record", "searchRetrieveResponse") or str(root.tag).endswith("}searchRetrieveResponse"):
        return "this is an SRU search record, not a document"
    return f"XML root is <{root.tag}>, not <officiele-publicatie>"


class _Writer:
    """Appends blocks of page text and records a token for each."""

    def __init__(self, root: etree._Element) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tokens: list[Token] = []
        self.warnings: list[str] = []
        self.notes: list[tuple[str, etree._Element]] = []
        self.note_numbers = {n.get("id"): _note_number(n) for n in root.iter("noot")}
        self.submitters = False
        self.named: list[etree._Element] = []
        self.is_motie = False
        self.body_started = False
        self.texts: dict[etree._Element, str] = {}
        self.closings: dict[str, bool] = {}

    def text_of(self, element: etree._Element) -> str:
        """`element_text`, once per element: a paragraph's text is asked for up to three times (the
        motie's closing-line scan, the header tests, the block itself)."""
        text = self.texts.get(element)
        if text is None:
            text = self.texts[element] = element_text(element)
        return text

    def closes(self, text: str) -> bool:
        """Whether `text` holds a motie's closing line, searched once per text: the trailing-names
        test and the body walk both ask of each paragraph before it."""
        found = self.closings.get(text)
        if found is None:
            found = self.closings[text] = _MOTIE_END.search(text) is not None
        return found

    # -- low level --------------------------------------------------------------------------
    def write(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def block_break(self) -> None:
        if self.length:
            self.write("\n\n")

    def emit(self, kind: TokenKind, start: int, end: int, **attrs: str) -> None:
        self.tokens.append(Token(kind, start, end, attrs or None))

    def inline(self, element: etree._Element) -> None:
        """Write mixed content: text, inline elements, note markers and references, whitespace collapsed."""
        if element.text:
            self.words(element.text)
        for child in element:
            if isinstance(child.tag, str):
                self.inline_child(child)
            if child.tail:
                self.words(child.tail)

    def words(self, text: str) -> None:
        collapsed = collapse(text)
        if not collapsed:
            if text and self.parts and not self.parts[-1].endswith((" ", "\n")):
                self.write(" ")
            return
        if text[:1].isspace() and self.parts and not self.parts[-1].endswith((" ", "\n")):
            collapsed = " " + collapsed
        if text[-1:].isspace():
            collapsed += " "
        self.write(collapsed)

    def inline_child(self, child: etree._Element) -> None:
        tag = child.tag
        if tag == "noot":
            number = _note_number(child) or str(len(self.notes) + 1)
            self.trim_space()
            start, end = self.write(number)
            self.emit(T.NOTE_REF, start, end, number=number)
            self.notes.append((number, child))
        elif tag == "nootref":
            number = self.note_numbers.get(child.get("refid"), "")
            if number:
                self.trim_space()
                start, end = self.write(number)
                self.emit(T.NOTE_REF, start, end, number=number)
        elif tag in ("extref", "dossierref"):
            mark = self.mark()
            self.inline(child)
            written = self.since(mark)
            if tag == "extref" and child.get("soort") != "document" or not written.strip():
                return
            attrs = {"target": child.get("doc", "")} if tag == "extref" else {"dossier": child.get("dossier", "")}
            start = mark[0] + len(written) - len(written.lstrip())
            self.emit(T.REFERENCE, start, mark[0] + len(written.rstrip()), **attrs)
        else:
            self.inline(child)

    def mark(self) -> tuple[int, int]:
        """The current (offset, part index), to read back what is written after it."""
        return self.length, len(self.parts)

    def since(self, mark: tuple[int, int]) -> str:
        """The text written since `mark`, without joining the whole text."""
        return "".join(self.parts[mark[1] :])

    def trim_space(self) -> None:
        """A note marker is glued to the word before it."""
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1

    def line(self, kind: TokenKind, element: etree._Element, **attrs: str) -> str:
        """Write one block from an element's mixed content, emit its token, and return its text.

        Most blocks hold no note, note reference or link: their text is taken in one go, which is
        much cheaper than walking their mixed content piece by piece (and is written here without the
        calls of `block_break`, `write` and `emit`, as this runs for every paragraph)."""
        if (not len(element) and element.tag not in _MARKED) or next(element.iter(*_MARKED), None) is None:
            text = self.text_of(element)
            start = self.length + 2 if self.length else 0
            if start:
                self.parts.append("\n\n")
            self.parts.append(text)
            self.length = end = start + len(text)
            self.tokens.append(Token(kind, start, end, attrs or None))
            return text
        self.block_break()
        mark = self.mark()
        self.inline(element)
        self.trim_space()
        self.emit(kind, mark[0], self.length, **attrs)
        return self.since(mark)

    def finish(self) -> str:
        self.write_notes()
        return "".join(self.parts)

    # -- structure --------------------------------------------------------------------------
    def kamerstuk(self, element: etree._Element) -> None:
        kops = element.iterchildren("kamerstukkop")
        for tekstregel in (regel for kop in kops for regel in kop.iterchildren("tekstregel")):
            role = tekstregel.get("inhoud")
            if role not in ("kameraanduiding", "vergaderjaar"):
                continue
            value = self.text_of(tekstregel)
            if role == "kameraanduiding" and value:
                self.block_break()
                start, end = self.write(value)
                self.emit(T.PREAMBLE, start, end, chamber=value)
            elif role == "vergaderjaar" and value:
                self.block_break()
                start, end = self.write(value)
                self.emit(T.PREAMBLE, start, end, vergaderjaar=value.split()[-1])
        for dossier in element.iterchildren("dossier"):
            self.dossier(dossier)
        for stuk in element.iterchildren("stuk"):
            self.stuk(stuk)

    def kamervragen(self, element: etree._Element) -> None:
        """Written questions (Aanhangsel): the kop, the Vragen/Antwoord lines, then vraag/antwoord blocks."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == "kamervraagkop":
                for tekstregel in child.iterchildren("tekstregel"):
                    self.kop_line(tekstregel)
            elif tag == "kamervraagnummer":
                self.line(T.PREAMBLE, child, number=self.text_of(child))
            elif tag == "kamervraagomschrijving":
                self.line(T.PARAGRAPH, child)
            elif tag in ("vraag", "antwoord", "mededeling"):
                for part in child:
                    if part.tag == "nr":
                        self.line(T.PARAGRAPH, part)
                    else:
                        self.block(part)
            else:
                self.block(child)
        self.body_started = True

    def kop_line(self, tekstregel: etree._Element) -> None:
        """A line of the kamervraagkop: chamber and vergaderjaar are header facts, the rest page text."""
        value = self.text_of(tekstregel)
        if not value:
            return
        role = tekstregel.get("inhoud")
        if role == "kameraanduiding":
            self.line(T.PREAMBLE, tekstregel, chamber=value)
        elif role == "vergaderjaar":
            self.line(T.PREAMBLE, tekstregel, vergaderjaar=value.split()[-1])
        else:
            self.line(T.PREAMBLE, tekstregel)

    def dossier(self, element: etree._Element) -> None:
        nummer = _child(element, "dossiernummer")
        number_element = _child(nummer, "dossiernr") if nummer is not None else None
        if nummer is None or number_element is None:
            self.warnings.append("a <dossier> without <dossiernummer>/<dossiernr>")
            return
        self.block_break()
        start = self.length
        number = self.text_of(number_element)
        suffix_element = _child(nummer, "begrotingshoofdstuk")
        if suffix_element is None:
            suffix_element = _child(nummer, "raadnr")
        printed = _dossier_printed(nummer)
        self.write(printed)
        attrs = {"number": number.replace(" ", "").replace("\u00a0", "")}
        if suffix_element is not None and self.text_of(suffix_element):
            attrs["suffix"] = self.text_of(suffix_element)
        title = _child(element, "titel")
        if title is not None and self.text_of(title):
            self.write(" ")
            mark = self.mark()
            self.inline(title)
            self.trim_space()
            attrs["title"] = self._without_markers(mark)
        self.emit(T.DOSSIER, start, self.length, **attrs)

    def _without_markers(self, mark: tuple[int, int]) -> str:
        """The text written since `mark` less the note markers inside it (a title's own text)."""
        start, text = mark[0], self.since(mark)
        for token in reversed(self.tokens):
            if token.start < start:
                break
            if token.kind is T.NOTE_REF:
                text = text[: token.start - start] + text[token.end - start :]
        return text.strip()

    def stuk(self, element: etree._Element) -> None:
        stuknr = _child(element, "stuknr")
        titel = _child(element, "titel")
        self.is_motie = titel is not None and "motie" in self.text_of(titel).lower()
        if stuknr is not None or titel is not None:
            self.block_break()
        if stuknr is not None:
            start = self.length
            self.inline(stuknr)
            self.trim_space()
            ondernummer = _child(stuknr, "ondernummer")
            number = (
                self.text_of(ondernummer)
                if ondernummer is not None
                else self.text_of(stuknr).removeprefix("Nr.").strip()
            )
            self.emit(T.NUMBER, start, self.length, number=number)
        if titel is not None:
            if stuknr is not None:
                self.write(" ")
            mark = self.mark()
            self.inline(titel)
            self.trim_space()
            self.emit(T.HEADING, mark[0], self.length, heading=self._without_markers(mark))
        datumtekst = _child(element, "datumtekst")
        if datumtekst is not None:
            datum = _child(datumtekst, "datum")
            iso = datum.get("isodatum", "") if datum is not None else ""
            self.line(T.DATELINE, datumtekst, **({"isodate": iso} if iso else {}))
        for child in element:
            if child.tag not in ("stuknr", "titel", "datumtekst"):
                self.block(child)

    def block(self, element: etree._Element) -> None:
        """Write a body element; unknown elements are kept as paragraphs of their text."""
        tag = element.tag
        if not isinstance(tag, str) or tag in _BLOCKS_SKIPPED:
            return
        if tag == "al":
            self.paragraph(element)
        elif tag == "tussenkop":
            self.line(T.SECTION_HEADING, element)
        elif tag == "kop":
            self.heading(element)
        elif tag == "tekst":
            self.body(element)
        elif tag == "lijst":
            for item in element.iterchildren("li"):
                self.list_item(item)
        elif tag == "ondertekening":
            self.signature(element)
        elif tag == "table":
            self.table(element)
        elif tag == "divisie":
            for child in element:
                self.block(child)
        elif len(element) and all(
            isinstance(c.tag, str) and c.tag not in ("nadruk", "inf", "sup", "extref") for c in element
        ):
            for child in element:
                self.block(child)
        elif self.text_of(element):
            self.line(T.PARAGRAPH, element)

    def paragraph(self, element: etree._Element) -> str:
        """An <al>, returning its text; in the letter header it can be the addressee or the dated line."""
        if self.body_started:
            return self.line(T.PARAGRAPH, element)
        text = self.text_of(element)
        if match_addressee(text) == (len(text), None):
            return self.line(T.ADDRESSEE, element)
        if is_dateline(text):
            return self.line(T.DATELINE, element)
        self.body_started = True
        return self.line(T.PARAGRAPH, element)

    def heading(self, kop: etree._Element) -> None:
        """A <kop> of a divisie or bijlage: label, number and title joined by spaces."""
        self.block_break()
        start = self.length
        for index, part in enumerate(c for c in kop if c.tag in ("label", "nr", "titel")):
            if index:
                self.write(" ")
            self.inline(part)
            self.trim_space()
        self.emit(T.SECTION_HEADING, start, self.length)

    def body(self, element: etree._Element) -> None:
        """The text of a stuk; a motie's submitters follow "en gaat over tot de orde van de dag", or
        without that line are the last al-groep when it holds only names."""
        self.submitters = False
        self.named = _trailing_names(element, self.text_of, self.closes) if self.is_motie else []
        self.body_children(element)

    def body_children(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == "al-groep":
                self.body_children(child)
            elif tag == "al" and (self.submitters or child in self.named):
                self.line(T.SUBMITTER, child)
            elif tag == "al":
                self.submitters = self.closes(self.paragraph(child))
            else:
                self.block(child)

    def list_item(self, item: etree._Element) -> None:
        self.block_break()
        start = self.length
        label = _child(item, "li.nr")
        if label is not None and self.text_of(label):
            self.write(self.text_of(label) + " ")
        first = True
        for child in item:
            if child.tag == "li.nr" or not isinstance(child.tag, str):
                continue
            if child.tag == "al" and first:
                self.inline(child)
                self.trim_space()
                first = False
            elif child.tag == "al":
                self.write(" ")
                self.inline(child)
                self.trim_space()
            else:
                self.emit(T.LIST_ITEM, start, self.length)
                self.block(child)
                start = self.length
        if self.length > start:
            self.emit(T.LIST_ITEM, start, self.length)

    def signature(self, element: etree._Element) -> None:
        """<ondertekening>: the functie line, then the name (voornaam and achternaam joined)."""
        for child in element:
            if child.tag == "functie" and self.text_of(child):
                self.line(T.SIGNATURE, child, explicit="ondertekening")
            elif child.tag == "naam" and self.text_of(child):
                self.block_break()
                parts = [self.text_of(part) for part in child if isinstance(part.tag, str)] or [self.text_of(child)]
                start, end = self.write(" ".join(p for p in parts if p))
                self.emit(T.SIGNATURE, start, end, explicit="ondertekening")

    def table(self, element: etree._Element) -> None:
        """Tables are kept as rows of text, cells separated by " | "."""
        for row in element.iter("row"):
            self.block_break()
            start = self.length
            for index, entry in enumerate(row.iterchildren("entry")):
                if index:
                    self.write(" | ")
                self.inline(entry)
                self.trim_space()
            self.emit(T.PARAGRAPH, start, self.length)

    def write_notes(self) -> None:
        """The notes block at the end, in the page layout: "X Noot", the number, the text."""
        for number, note in self.notes:
            self.block_break()
            start, end = self.write("X Noot")
            self.emit(T.NOTES_START, start, end)
            self.write("\n")
            start, end = self.write(number)
            self.emit(T.NOTE_NUMBER, start, end, number=number)
            for paragraph in note.iterchildren("noot.al"):
                self.line(T.NOTE_TEXT, paragraph)


def _trailing_names(
    tekst: etree._Element, text_of: Callable[[etree._Element], str], closes: Callable[[str], bool]
) -> list[etree._Element]:
    """The <al>s of a motie's last al-groep when the text has no closing line and they are all names."""
    paragraphs = list(tekst.iter("al"))
    if not paragraphs or any(closes(text_of(al)) for al in paragraphs):
        return []
    groups = [child for child in tekst if isinstance(child.tag, str)]
    last = groups[-1] if groups else None
    if last is None or last.tag != "al-groep" or len(groups) < 2:
        return []
    names = [al for al in last.iterchildren("al")]
    if names and all(looks_like_submitter(text_of(al)) for al in names):
        return names
    return []


def _child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child named `tag`, as `element.find(tag)` gives it: without ElementPath's cost, and
    looping here is cheaper than `iterchildren(tag)`'s tag matcher, as the child sought comes first."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _note_number(note: etree._Element) -> str:
    """The printed number of a <noot>, or "" when it has none."""
    label = _child(note, "noot.nr")
    return element_text(label) if label is not None else ""


def _dossier_printed(nummer: etree._Element) -> str:
    """The dossier number as printed: "21 501-20", "36 410 VII", "36 027 (R2160)"."""
    pieces: list[str] = [(nummer.text or "").strip()]
    for child in nummer:
        value = element_text(child)
        if child.tag == "begrotingshoofdstuk" and pieces[-1] and not pieces[-1].endswith(("-", " ")):
            pieces.append(" ")
        pieces.append(value)
        if child.tail:
            pieces.append(" ".join(child.tail.split()) if child.tail.strip() else "")
    return " ".join("".join(pieces).split())
