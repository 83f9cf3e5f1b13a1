"""Benchmark find_references: MB/s over the concatenated fixtures, each trigger's scan, the seed letter, hostile input.

Run by hand: `python benchmarks/references.py` (add `--smoke` for a quick CI run). On hostile input the
time per MB at two sizes is printed with their ratio: about 1.0 means linear time.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

import regex

from kamerstuk.extract.reference_grammar import TRIGGERS
from kamerstuk.extract.references import find_references
from kamerstuk.normalize import normalise

_FIXTURES = Path(__file__).parent.parent / "fixtures"

#: Repetitive strings that would expose catastrophic backtracking as a non-linear slowdown.
_HOSTILE = {
    "digits": "1",
    "spaces": " ",
    "nr. repeats": "nr. ",
    "dossier-like groups": "12 345 ",
    "nr. list": "nr. 1 en ",
    "citations": "Kamerstuk 12 345, nr. 1, ",
    "handelingen": "Handelingen II 2019/20, ",
    "labelled citations": "de motie-Van Dijk c.s. (Kamerstuk 36 200, nr. 12) en ",
    "chamber, no year": "Tweede Kamer " + " " * 20,
    "motie form": "nr. 456 (36 800-XVI) ",
}


def _corpus() -> str:
    """Every fixture text, normalised and joined."""
    paths = sorted(_FIXTURES.glob("*.txt")) + sorted((_FIXTURES / "pages").glob("*.txt"))
    return "\n\n".join(normalise(path.read_text("utf-8")) for path in paths)


def _best_seconds(run: Callable[[], object], repeats: int) -> float:
    """The fastest of `repeats` runs, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print throughput over the fixtures and the time per MB on each hostile pattern at two sizes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="one short run, for CI")
    args = parser.parse_args()
    copies, repeats, sizes = (1, 1, (10_000, 20_000)) if args.smoke else (20, 5, (100_000, 1_000_000))

    text = _corpus() * copies
    megabytes = len(text.encode("utf-8")) / 1e6
    seconds = _best_seconds(lambda: find_references(text), repeats)
    count = len(find_references(text))
    print(f"fixtures: {megabytes:.2f} MB, {count} references, {seconds * 1000:.1f} ms, {megabytes / seconds:.1f} MB/s")
    scans = {form: _scan_seconds(pattern, text, repeats) for form, pattern in TRIGGERS.items()}
    print(f"triggers: {len(scans)} scans, {megabytes / sum(scans.values()):.0f} MB/s together; each:")
    print("  " + ", ".join(f"{form} {megabytes / seconds:.0f}" for form, seconds in scans.items()) + " (MB/s)")
    alternation = _scan_seconds(_one_alternation(), text, 1)
    print(f"  the same triggers as one alternation (one pass): {megabytes / alternation:.0f} MB/s")
    _seed(repeats)

    for name, unit in _HOSTILE.items():
        small, large = (_ms_per_mb(unit, size, repeats) for size in sizes)
        sizes_text = f"{small:.0f} ms/MB at {sizes[0]:,} chars, {large:.0f} ms/MB at {sizes[1]:,} chars"
        print(f"hostile {name:>20}: {sizes_text}, ratio {large / small:.2f}")


def _one_alternation() -> regex.Pattern[str]:
    """Every trigger in one `regex` alternation: one pass over the text instead of one scan per form."""
    bodies = (pattern.pattern for pattern in TRIGGERS.values())
    return regex.compile("|".join(f"(?i:{b[4:]})" if b.startswith("(?i)") else f"(?:{b})" for b in bodies))


def _seed(repeats: int) -> None:
    """Print the time of find_references on the seed letter, and of its trigger scans alone."""
    seed = normalise((_FIXTURES / "kst-28676-467.txt").read_text("utf-8"))
    rounds = 200 if repeats > 1 else 5
    total = _best_seconds(lambda: [find_references(seed) for _ in range(rounds)], repeats) / rounds
    scans = _best_seconds(lambda: [_scan_all(seed) for _ in range(rounds)], repeats) / rounds
    count = len(find_references(seed))
    print(f"seed letter: {len(seed):,} characters, {count} references, {total * 1e6:.0f} µs per call", end="")
    print(f", of which the trigger scans {scans * 1e6:.0f} µs")


def _scan_all(text: str) -> int:
    """Run every trigger scan over `text`."""
    return sum(1 for pattern in TRIGGERS.values() for _ in pattern.finditer(text))


def _scan_seconds(pattern: regex.Pattern[str] | re.Pattern[str], text: str, repeats: int) -> float:
    """The fastest scan of `text` for every match of one trigger."""
    return _best_seconds(lambda: sum(1 for _ in pattern.finditer(text)), repeats)


def _ms_per_mb(unit: str, size: int, repeats: int) -> float:
    """Milliseconds per MB for `unit` repeated to `size` characters; equal values at two sizes mean linear."""
    hostile = unit * (size // len(unit))
    return _best_seconds(lambda: find_references(hostile), repeats) * 1000 / (len(hostile) / 1e6)


if __name__ == "__main__":
    main()
