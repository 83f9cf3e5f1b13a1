"""Parsing throughput: documents/s and MB/s over the real fixtures, and for the 12 KB seed letter alone.

Run by hand: `python benchmarks/parse.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import kamerstuk

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def measure(texts: list[str], seconds: float) -> tuple[float, float]:
    """Parse `texts` round after round for about `seconds`; return (documents/s, MB/s)."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds = 0
    start = time.perf_counter()
    while True:
        for text in texts:
            kamerstuk.parse(text)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return rounds * len(texts) / elapsed, rounds * size / elapsed / 1e6


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


if __name__ == "__main__":
    main()
