"""Written questions and their answers (Kamervragen, Aanhangsel): header facts and the Q&A pairs.

Works on the assembled sections (every reader's paragraphs and headings with their spans), so text,
HTML and XML give the same result. Labels ("Vraag 1", "Antwoord op vraag 2 en 3", "1.") start a
question or an answer; the blocks after a label up to the next label are its text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import regex

from ..models import Member, QuestionAnswer, Section, Signatory, Span
from .dates import DATE_PATTERN, parse_date

_NUMS = r"\d{1,3}[a-z]?(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,3}[a-z]?)*"
_BULLET = r"^[\s•·\-*]*"
_QUESTION_LABEL = regex.compile(_BULLET + r"Vra(?:ag|gen)\s+(?P<nums>" + _NUMS + r")\s*[.:]?\s*$", regex.IGNORECASE)
_ANSWER_LABEL = regex.compile(
    _BULLET + r"Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+(?P<nums>" + _NUMS + r"))?\s*[.:]?\s*$",
    regex.IGNORECASE,
)
_BARE_LABEL = regex.compile(r"^\s*(?P<nums>\d{1,3})\s*[.)]?\s*$")
_HEADER_LINE = regex.compile(r"^\s*(?:Vragen van|Antwoord van|Mededeling van)\b")
_SITE_FOOTER = regex.compile(r"^\s*(?:Kamervraag|Kamerantwoord) document nummer")
_QUESTIONS_LINE = regex.compile(
    r"Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)\s+aan\s+(?P<to>.+?)"
    r"(?:\s+over\b|\s*\((?i:ingezonden)|\s*$)",
    regex.DOTALL,
)
_ADDRESSEE_SPLIT = regex.compile(
    r"\s*,\s*(?=de\s)|\s+en\s+(?=de\s+(?:Minister|Staatssecretaris|minister|staatssecretaris))"
)
_SUBMITTED = regex.compile(r"\((?i:ingezonden)\s+" + DATE_PATTERN + r"\)|^\s*Ingediend\s+" + DATE_PATTERN, regex.M)
_RECEIVED = regex.compile(r"\((?i:ontvangen)\s+" + DATE_PATTERN + r"\)|^\s*Beantwoord\s+" + DATE_PATTERN, regex.M)
_REPLY_LINE = regex.compile(r"(?:Antwoord|Mededeling)\s+van\s+(?P<who>.+?)(?:\s*\((?i:ontvangen)\b|$)", regex.DOTALL)
_MINISTER = regex.compile(
    r"(?<![\p{L}-])(?P<role>(?i:minister-president|minister|staatssecretaris))\s+(?!van\s|voor\s)"
    r"(?P<name>[\p{Lu}][^(),]*?)\s*\((?P<portfolio>[^()]+)\)"
)
_ROLES = {"minister-president": "Minister-President", "minister": "Minister", "staatssecretaris": "Staatssecretaris"}
_ZAAK = regex.compile(r"\b(?:19|20)\d{2}Z\d{5}\b")
_PARTY_ALL = regex.compile(r"\s*\((?:allen|beiden|alle\s+drie|allebei)\s+(?P<party>[^()]+)\)\s*$", regex.IGNORECASE)
_CS = regex.compile(r"\s*c\.s\.?\s*$")
_MEMBER = regex.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<party>[^()]+)\))?$")


@dataclass
class WrittenQuestions:
    """What the header and body of written questions or their answers tell."""

    questions: list[QuestionAnswer] = field(default_factory=list)
    questioners: list[Member] = field(default_factory=list)
    addressed_to: list[str] = field(default_factory=list)
    submitted: datetime.date | None = None
    received: datetime.date | None = None
    zaak: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _numbers(printed: str) -> list[str]:
    """ "2, 3" -> ["2", "3"]; "2 tot en met 4" -> ["2", "3", "4"]."""
    parts = regex.split(r"\s*(,|\ben\b|t/m|tot\s+en\s+met|-|–)\s*", printed.strip())
    numbers: list[str] = []
    pending_range = False
    for part in parts:
        if not part:
            continue
        if part in (",", "en"):
            continue
        if part in ("t/m", "-", "–") or part.startswith("tot"):
            pending_range = True
            continue
        if pending_range and numbers and numbers[-1].isdigit() and part.isdigit():
            low, high = int(numbers[-1]), int(part)
            if 0 < high - low <= 50:
                numbers.extend(str(n) for n in range(low + 1, high + 1))
            else:
                numbers.append(part)
        else:
            numbers.append(part)
        pending_range = False
    return numbers


def members(printed: str) -> list[Member]:
    """Members from "Bouchallikh, Bromet en Kröger (allen GroenLinks)" or "Monasch (PvdA) en Van Helvert (CDA)"."""
    text = _CS.sub("", _clean(printed))
    common = None
    match = _PARTY_ALL.search(text)
    if match is not None:
        common = match.group("party").strip()
        text = text[: match.start()]
    items: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and char == ",":
            items.append(text[start:index])
            start = index + 1
    items.append(text[start:])
    found: list[Member] = []
    for item in items:
        for piece in regex.split(r"\s+en\s+(?![^()]*\))", item):
            piece = _CS.sub("", piece.strip())
            member = _MEMBER.match(piece)
            if not piece or member is None:
                continue
            party = member.group("party") or common
            found.append(Member(name=member.group("name").strip(), party=party.strip() if party else None))
    return found


def _blocks(sections: list[Section]) -> list[tuple[str, Span]]:
    """Section headings and paragraphs in text order."""
    blocks: list[tuple[str, Span]] = []
    for section in sections:
        if section.heading is not None and section.heading_span is not None:
            blocks.append((section.heading, section.heading_span))
        blocks.extend((p.text, p.span) for p in section.paragraphs)
    return blocks


def _date(pattern: regex.Pattern[str], text: str) -> tuple[datetime.date, Span] | None:
    for match in pattern.finditer(text):
        date = parse_date(_clean(match.group("date")))
        if date is not None:
            return date, Span(start=match.start("date"), end=match.end("date"))
    return None


class _Collector:
    """Builds the question list from labels and the blocks that follow them.

    A number asked twice keeps both questions (nothing is lost; validation reports it); an answer
    goes to the latest question of its number.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.entries: list[tuple[str, dict[str, object]]] = []
        self.questions: dict[str, dict[str, object]] = {}
        self.target: tuple[str, list[str]] | None = None
        self.parts: list[tuple[str, Span]] = []

    def flush(self) -> None:
        if self.target is not None and self.parts:
            what, numbers = self.target
            text = "\n\n".join(t for t, _ in self.parts)
            span = Span(start=self.parts[0][1].start, end=self.parts[-1][1].end)
            first = numbers[0]
            for number in numbers:
                entry = self.entry(number, fresh=what == "question")
                if what == "question":
                    entry["question"], entry["question_span"] = text, span
                elif number == first:
                    entry["answer"], entry["answer_span"] = text, span
                else:
                    entry["answered_with"] = first
        self.parts = []

    def entry(self, number: str, *, fresh: bool = False) -> dict[str, object]:
        """The latest entry of `number`; a new one when it has none, or for a question asked again."""
        entry = self.questions.get(number)
        if entry is None or (fresh and "question" in entry):
            entry = {}
            self.questions[number] = entry
            self.entries.append((number, entry))
        return entry

    def start(self, what: str, numbers: list[str]) -> None:
        self.flush()
        self.target = (what, numbers)

    def stop(self) -> None:
        self.flush()
        self.target = None

    def add(self, text: str, span: Span) -> None:
        if self.target is not None:
            self.parts.append((text, span))

    def result(self) -> list[QuestionAnswer]:
        self.flush()
        found = []
        for number, entry in self.entries:
            span = entry.get("question_span")
            if not isinstance(span, Span):
                continue
            answer_span = entry.get("answer_span")
            answer = entry.get("answer")
            answered_with = entry.get("answered_with")
            found.append(
                QuestionAnswer(
                    number=number,
                    question=str(entry["question"]),
                    question_span=span,
                    answer=answer if isinstance(answer, str) else None,
                    answer_span=answer_span if isinstance(answer_span, Span) else None,
                    answered_with=answered_with if isinstance(answered_with, str) else None,
                )
            )
        return found


def _pairs(blocks: list[tuple[str, Span]], text: str, answers_expected: bool) -> list[QuestionAnswer]:
    """The questions and answers of the body, by their labels (or one unnumbered question)."""
    collector = _Collector(text)
    named = any(_QUESTION_LABEL.match(t) for t, _ in blocks)
    labelled = named or any(_BARE_LABEL.match(t) for t, _ in blocks)
    answer_labels = any(_ANSWER_LABEL.match(t) for t, _ in blocks)
    if not labelled:
        after_header = [i for i, (t, _) in enumerate(blocks) if _HEADER_LINE.match(t)]
        if not after_header:
            return []
        collector.start("question", ["1"])
        for block_text, span in blocks[after_header[0] + 1 :]:
            if _HEADER_LINE.match(block_text) or _SITE_FOOTER.match(block_text):
                collector.stop()
            elif _ANSWER_LABEL.match(block_text):
                collector.start("answer", ["1"])
            else:
                collector.add(block_text, span)
        return collector.result()
    unlabelled_answers = answers_expected and not answer_labels
    current: list[str] = []
    for block_text, span in blocks:
        question = _QUESTION_LABEL.match(block_text)
        answer = _ANSWER_LABEL.match(block_text)
        bare = None if named else _BARE_LABEL.match(block_text)
        if question is not None:
            current = _numbers(question.group("nums"))
            collector.start("question", current)
        elif answer is not None:
            numbers = _numbers(answer.group("nums")) if answer.group("nums") else current
            collector.start("answer", numbers or ["1"])
        elif bare is not None:
            number = bare.group("nums")
            done = number in collector.questions or (
                collector.target is not None and collector.target[0] == "question" and number in collector.target[1]
            )
            collector.start("answer" if done else "question", [number])
            current = [number]
        elif _HEADER_LINE.match(block_text) or _SITE_FOOTER.match(block_text):
            collector.stop()
        elif (
            unlabelled_answers
            and collector.target is not None
            and collector.target[0] == "question"
            and collector.parts
        ):
            collector.start("answer", current)
            collector.add(block_text, span)
        else:
            collector.add(block_text, span)
    return collector.result()


def written_questions(text: str, sections: list[Section], answers_expected: bool) -> WrittenQuestions:
    """Questioners, addressees, dates, answering ministers, zaak number and the Q&A pairs."""
    found = WrittenQuestions()
    blocks = _blocks(sections)
    for _, span in blocks:
        source = text[span.start : span.end]
        if not found.questioners:
            match = _QUESTIONS_LINE.search(source)
            if match is not None:
                found.questioners = members(match.group("names"))
                found.spans["questioners"] = Span(
                    start=span.start + match.start("names"), end=span.start + match.end("names")
                )
                addressed = _clean(match.group("to"))
                found.addressed_to = [a for a in _ADDRESSEE_SPLIT.split(addressed) if a]
                found.spans["addressed_to"] = Span(
                    start=span.start + match.start("to"), end=span.start + match.end("to")
                )
        reply = _REPLY_LINE.match(source.lstrip())
        if reply is not None and _HEADER_LINE.match(source) and not found.signatories:
            offset = span.start + (len(source) - len(source.lstrip())) + reply.start("who")
            for minister in _MINISTER.finditer(reply.group("who")):
                found.signatories.append(
                    Signatory(
                        role=_ROLES[minister.group("role").lower()],
                        portfolio=_clean(minister.group("portfolio")),
                        name=_clean(minister.group("name")),
                        span=Span(start=offset + minister.start(), end=offset + minister.end()),
                    )
                )
        for name, pattern in (("submitted", _SUBMITTED), ("received", _RECEIVED)):
            if name in found.spans:
                continue
            dated = _date(pattern, source)
            if dated is not None:
                setattr(found, name, dated[0])
                found.spans[name] = Span(start=span.start + dated[1].start, end=span.start + dated[1].end)
    for name, pattern in (("submitted", _SUBMITTED), ("received", _RECEIVED)):
        dated = None if name in found.spans else _date(pattern, text)
        if dated is not None:
            setattr(found, name, dated[0])
            found.spans[name] = dated[1]
    zaak = _ZAAK.search(text)
    if zaak is not None:
        found.zaak = zaak.group()
        found.spans["zaak"] = Span(start=zaak.start(), end=zaak.end())
    found.questions = _pairs(blocks, text, answers_expected)
    return found
