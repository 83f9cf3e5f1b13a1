"""Benchmark find_references: MB/s over the concatenated fixtures, plus timings on hostile input.

Run by hand: `python benchmarks/references.py` (add `--smoke` for a quick CI run).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

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

    for name, unit in _HOSTILE.items():
        timings = ", ".join(f"{_ms_per_mb(unit, size, repeats):.0f} ms/MB at {size:,} chars" for size in sizes)
        print(f"hostile {name:>20}: {timings}")


def _ms_per_mb(unit: str, size: int, repeats: int) -> float:
    """Milliseconds per MB for `unit` repeated to `size` characters; equal values at two sizes mean linear."""
    hostile = unit * (size // len(unit))
    return _best_seconds(lambda: find_references(hostile), repeats) * 1000 / (len(hostile) / 1e6)


if __name__ == "__main__":
    main()
