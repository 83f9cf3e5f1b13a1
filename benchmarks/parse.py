"""Parsing throughput: documents/s and MB/s over the real fixtures, and for the 12 KB seed letter alone.

Also the ratio of a full parse of the seed letter to one compiled regex split of the same text,
measured in the same run, so the figure holds on any machine (target: within 60x), and where the
seed letter's parse goes: each stage timed alone, as a share of the full parse.

Run by hand: `python benchmarks/parse.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from timing import seconds_per_item

import kamerstuk
from kamerstuk import api
from kamerstuk.assembler import assemble
from kamerstuk.extract.references import find_references
from kamerstuk.normalize import normalise

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def measure(texts: list[str], seconds: float) -> tuple[float, float]:
    """Parse `texts` round after round for about `seconds`; return (documents/s, MB/s)."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    per_text = seconds_per_item(texts, kamerstuk.parse, seconds)
    return 1 / per_text, size / len(texts) / per_text / 1e6


def rate(work: Callable[[], object], seconds: float) -> float:
    """Calls of `work` per second over about `seconds`."""
    return 1 / seconds_per_item((None,), lambda _: work(), seconds)


def split_ratio(text: str, seconds: float) -> float:
    """How many times slower a full parse is than one compiled `re` split on "\\n", interleaved in rounds."""
    lines = re.compile("\n")
    parse_time = split_time = 0.0
    for _ in range(5):
        split_time += 1 / rate(lambda: lines.split(text), seconds / 10)
        parse_time += 1 / rate(lambda: kamerstuk.parse(text), seconds / 10)
    return parse_time / split_time


def stages(text: str, seconds: float) -> dict[str, float]:
    """Microseconds per call of each stage of the seed letter's parse, each run alone on its own input."""
    normalised = normalise(text)
    tokens, diagnostics = api._read_text(normalised)
    work: dict[str, Callable[[], object]] = {
        "full parse": lambda: kamerstuk.parse(text),
        "input checks and normalising": lambda: api._check_text(normalise(text), None),
        "tokenizing (text reader)": lambda: api._read_text(normalised),
        "assembling (with references)": lambda: assemble(normalised, tokens, diagnostics=list(diagnostics)),
        "find_references alone": lambda: find_references(normalised),
    }
    best = {name: 0.0 for name in work}
    for _ in range(3):
        for name, call in work.items():
            best[name] = max(best[name], rate(call, seconds / 15))
    return {name: 1e6 / calls for name, calls in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a quick run that only checks the benchmark works")
    args = parser.parse_args()
    seconds = 0.2 if args.smoke else 5.0
    seed = (FIXTURES / "kst-28676-467.txt").read_text(encoding="utf-8")
    pages = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "pages").glob("*.txt"))]
    for name, texts in (("seed letter (12 KB)", [seed]), (f"all {len(pages) + 1} text fixtures", [seed, *pages])):
        docs, mb = measure(texts, seconds)
        print(f"{name:28} {docs:8.0f} documents/s {mb:7.2f} MB/s")
    print(f"seed letter: full parse / one regex split of its lines: {split_ratio(seed, seconds):.0f}x (target 60x)")
    timed = stages(seed, seconds)
    for name, micros in timed.items():
        print(f"  {name:30} {micros:7.0f} us  {micros / timed['full parse']:6.1%}")


if __name__ == "__main__":
    main()
