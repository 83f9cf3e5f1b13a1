"""Kamerstuk-shaped documents for structure-aware fuzzing, built from the line shapes of real pages.

Every line below is copied from a real page in fixtures/pages/ (sometimes shortened), except the
"dossier_prose" lines, hand-made in the shape of the hang of issue 11. The builder puts the lines
in the order of a page, then shuffles, truncates, repeats and glues stretches of them.
"""

from __future__ import annotations

import random

#: Line shapes of real pages, by what they are.
SHAPES: dict[str, list[str]] = {
    "dossier": [
        "28 676 NAVO",
        "21 501-20 Europese Raad",
        "21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken",
        "23 432 De situatie in het Midden-Oosten",
        "21 501-19",
        "20 223",
        "23 9821",
        "19 637 Vreemdelingenbeleid",
    ],
    # Hand-made: prose lines that start like a dossier number (amounts, lists), as in issue 11.
    "dossier_prose": [
        "35 788 zie hierboven",
        "12 500 woningen zijn gebouwd",
        "21 501-20 en verder",
        "10 000 euro per jaar",
    ],
    "number": [
        "Nr. 467 BRIEF VAN DE MINISTER VAN DEFENSIE",
        "Nr. 12 AMENDEMENT VAN HET LID WEVERLING C.S.",
        "Nr. 10 TWEEDE NOTA VAN WIJZIGING",
        "Nr. 1093",
        "Nr. 1",
        "nr. 4",
        "2023D06019 INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
    ],
    "letter": [
        "B HERDRUK1 VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR VEILIGHEID EN JUSTITIE2",
        "AB VERSLAG VAN EEN NADER SCHRIFTELIJK OVERLEG",
        "F NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "B",
    ],
    "heading": ["BRIEF VAN DE MINISTER VAN DEFENSIE", "MOTIE VAN HET LID DE VRIES", "VERSLAG", "HERDRUK1"],
    "addressee": [
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Aan de Minister van Volksgezondheid, Welzijn en Sport",
    ],
    "dated": [
        "Den Haag, 3 oktober 2024",
        "'s-Gravenhage, 26 februari 1997",
        "'s-Gravenhage",
        "18 april 1997",
        "Vastgesteld 26 november 1987",
        "EINDVERSLAG Vastgesteld 26 november 1987 De commissie heeft vergaderd.",
    ],
    "section": ["1. Algemeen", "Inleiding"],
    "paragraph": [
        "Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de NAVO-Ministers van Defensie.",
        "De Minister heeft op 14 mei 2019 gereageerd.",
        "Uw Kamer is hierover geïnformeerd (zie Kamerstuk 31 125, nr. 130) en in Kamerstuk 28 676, nr. 464.",
        "De Kamer, gehoord de beraadslaging, verzoekt de regering, en gaat over tot de orde van de dag.",
        "Vragen van het lid Bikker (ingezonden 12 maart 2019).",
    ],
    "list_item": [
        "1. Het derde subonderdeel wordt als volgt gewijzigd:",
        "• Doel van het wetsvoorstel3",
        "- de toezeggingen T03120, T03122 en T03221 als voldaan aan te merken;",
    ],
    "signature": [
        "De Minister van Defensie,",
        "R.P. Brekelmans",
        "De minister van Financiën, J.R.V.A. Dijsselbloem",
        "De minister van Defensie,",
        "Beatrix",
    ],
    "notes": ["X Noot", "1", "2", "Uw Kamer is over dit proces eerder geïnformeerd per brief op 5 augustus 2024."],
    "chrome": [
        "Naar boven",
        "U bent hier:",
        "Ondertekenaars",
        "Eerste ondertekenaar",
        "-",
        "Thom van Campen, Tweede Kamerlid",
    ],
    "preamble": [
        "Kamerstuk",
        "Kamerstuk 33 529, nr. 498",
        "Vergaderjaar 2024-2025",
        "Vergaderjaar 1 9 8 7 - 1 9 8 8",
        "Tweede Kamer der Staten-Generaal",
        "Eerste Kamer der Staten-Generaal",
        "2",
        "Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |",
        "Tweede Kamer der Staten-Generaal | 2019-2020 | 29665 nr. 385 |",
    ],
}
#: The order of a real page; the builder follows it, then disturbs it.
ORDER = [
    "preamble",
    "dossier",
    "number",
    "letter",
    "heading",
    "addressee",
    "dated",
    "paragraph",
    "section",
    "list_item",
    "dossier_prose",
    "signature",
    "notes",
    "chrome",
]
OPERATIONS = ("shuffle", "truncate", "excerpt", "repeat", "glue", "header_pair", "blank_lines", "none")


def build_lines(rng: random.Random) -> list[str]:
    """The lines of one page in the order of a real page, with a random number of lines per part."""
    lines: list[str] = []
    for part in ORDER:
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            lines.append(rng.choice(SHAPES[part]))
    return lines


def disturb(lines: list[str], operation: str, rng: random.Random) -> list[str]:
    """One operation on the lines: shuffle a stretch, cut the page's end or its start (an excerpt),
    repeat a stretch, glue lines, put a dossier-shaped line and a number line anywhere."""
    if not lines or operation == "none":
        return lines
    start = rng.randrange(len(lines))
    end = rng.randrange(start, len(lines)) + 1
    if operation == "shuffle":
        stretch = lines[start:end]
        rng.shuffle(stretch)
        return lines[:start] + stretch + lines[end:]
    if operation == "truncate":
        return lines[:start]
    if operation == "excerpt":
        return lines[start:]
    if operation == "header_pair":
        pair = [rng.choice(SHAPES["dossier_prose"] + SHAPES["dossier"]), rng.choice(SHAPES["number"])]
        return lines[:start] + pair + lines[start:]
    if operation == "repeat":
        return lines[:end] + lines[start:end] * rng.choice((2, 10, 50)) + lines[end:]
    if operation == "glue":
        return lines[:start] + [" ".join(lines[start:end])] + lines[end:]
    return [line + "\n" * rng.choice((0, 0, 1)) for line in lines]


def build_document(rng: random.Random) -> tuple[str, list[str]]:
    """A Kamerstuk-shaped text and the operations applied to it."""
    lines = build_lines(rng)
    operations = [rng.choice(OPERATIONS) for _ in range(rng.randint(1, 3))]
    for operation in operations:
        lines = disturb(lines, operation, rng)
    return "\n".join(lines) + rng.choice(("", "\n")), operations
