"""Turn the groups of a citation match into model values: vergaderjaar, chamber, dossier, numbers."""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..models import Chamber, Dossier

_CHAMBERS = {
    "II": Chamber.TWEEDE_KAMER,
    "2": Chamber.TWEEDE_KAMER,
    "11": Chamber.TWEEDE_KAMER,
    "TK": Chamber.TWEEDE_KAMER,
    "T.K.": Chamber.TWEEDE_KAMER,
    "Tweede Kamer": Chamber.TWEEDE_KAMER,
    "I": Chamber.EERSTE_KAMER,
    "1": Chamber.EERSTE_KAMER,
    "EK": Chamber.EERSTE_KAMER,
    "E.K.": Chamber.EERSTE_KAMER,
    "Eerste Kamer": Chamber.EERSTE_KAMER,
    "VV": Chamber.VERENIGDE_VERGADERING,
    "I-II": Chamber.VERENIGDE_VERGADERING,
    "I/II": Chamber.VERENIGDE_VERGADERING,
    "Verenigde Vergadering": Chamber.VERENIGDE_VERGADERING,
}

#: The only dossier whose printed suffix is a number ("21 501-20"); elsewhere "36100-3" is dossier plus nr.
NUMERIC_SUFFIX_DOSSIERS = frozenset({"21501"})

#: Larger "t/m" ranges are kept as their two ends rather than expanded.
_MAX_RANGE = 50
_DASH_RANGE = regex.compile(r"\d\s*[-\u2013]\s*\d")


def chamber(match: regex.Match[str]) -> Chamber | None:
    """The chamber named in the match, or None when the citation names none."""
    ix = group_numbers(match.re)
    written = match.group(ix["chamber"])
    if written is None:
        return None
    return _CHAMBERS[" ".join(written.split())]


def vergaderjaar(match: regex.Match[str]) -> str | None:
    """The vergaderjaar as "2019-2020"; None when absent or a range of several years."""
    ix = group_numbers(match.re)
    if match.group(ix["a1"]) is not None:
        return session_years(_century(match.group(ix["a1"])), match.group(ix["a2"]))
    if match.group(ix["y1"]) is None or match.group(ix["yrange"]) is not None:
        return None
    return session_years(int(match.group(ix["y1"])), match.group(ix["y2"]))


def _century(two_digits: str) -> int:
    """Expand "'19" to 2019 and "'95" to 1995."""
    year = int(two_digits)
    return 2000 + year if year < 50 else 1900 + year


def session_years(first: int, second: str) -> str:
    """Join a first year and a written second year ("20", "2020") into "2019-2020"."""
    if len(second) == 2:
        last = (first // 100) * 100 + int(second)
        if last < first:
            last += 100
    else:
        last = int(second)
    return f"{first}-{last}"


@cache
def group_numbers(pattern: regex.Pattern[str]) -> dict[str, int]:
    """Group name to number, read once per pattern: `Pattern.groupindex` builds a new dict on every read,
    and `match.group(number)` is about three times faster than `match.group(name)`."""
    return dict(pattern.groupindex)


def dossier(match: regex.Match[str]) -> Dossier:
    """The first dossier of the match: digits only, suffix as printed."""
    ix = group_numbers(match.re)
    return shared_dossier(_digits(match.group(ix["dnum"])), match.group(ix["dsuf"]))


@lru_cache(maxsize=4096)
def shared_dossier(number: str, suffix: str | None = None) -> Dossier:
    """One Dossier per number and suffix, shared: it is frozen, and the same dossiers recur in a text and an archive."""
    return Dossier(number=number, suffix=suffix)


def _digits(printed: str) -> str:
    """The digits of a printed dossier number ("36 410" -> "36410"), as a `\\D` substitution would give them.

    Faster than a substitution and the same: every dossier-number group of the grammar is four or five
    digits with at most one separator, which stands after the first two (`[1-4]\\d[\\s.-]?\\d{3}`).
    """
    return printed if len(printed) < 6 else printed[:2] + printed[3:]


def dossiers(match: regex.Match[str], first: Dossier) -> list[Dossier]:
    """`first` plus every further dossier of a `DOSSIERS` match ("34 477 en 31 839", "24 802/24 807")."""
    found = [first]
    ix = group_numbers(match.re)
    if "xnum" not in ix or match.start(ix["xnum"]) < 0:
        return found
    suffixes = match.spans("xsuf")
    for number, (start, end) in zip(match.captures("xnum"), match.spans("xnum"), strict=True):
        following = [s for s in suffixes if s[0] >= end]
        limit = next((s for s, _ in match.spans("xnum") if s > start), match.end())
        suffix = next((match.string[a:b] for a, b in following if a < limit), None)
        found.append(shared_dossier(_digits(number), suffix))
    return found


def numbers(match: regex.Match[str]) -> list[str]:
    """The ondernummers of a `NUMBERS` group, with "t/m" and dash ranges expanded when small."""
    ix = group_numbers(match.re)
    found = match.captures(ix["num"])
    if len(found) == 2 and found[0].isdigit() and found[1].isdigit() and _is_range(match.group(ix["numlist"])):
        low, high = int(found[0]), int(found[1])
        if 0 < high - low <= _MAX_RANGE:
            return [str(n) for n in range(low, high + 1)]
    return found


def _is_range(text: str) -> bool:
    """Whether the numbers in `text` are joined as a range rather than a list."""
    return "t/m" in text or "tot en met" in text or _DASH_RANGE.search(text) is not None
