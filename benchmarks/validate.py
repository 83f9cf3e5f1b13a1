"""Validation speed: documents/s for `kamerstuk.validate` with every rule over the real fixtures, and
the time to validate one long text with tens of thousands of diagnostics (locating each must stay
cheap: line numbers come from a bisection over the line starts).

Run by hand: `python benchmarks/validate.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import kamerstuk

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a quick run that only checks the benchmark works")
    args = parser.parse_args()
    documents = [
        kamerstuk.parse_file(p) for p in [FIXTURES / "kst-28676-467.txt", *sorted((FIXTURES / "pages").glob("*.txt"))]
    ]
    rounds = 1 if args.smoke else 20
    start = time.perf_counter()
    for _ in range(rounds):
        for document in documents:
            kamerstuk.validate(document)
    elapsed = time.perf_counter() - start
    print(f"validate, all rules: {rounds * len(documents) / elapsed:8.0f} documents/s over {len(documents)} real texts")
    lines = 2_000 if args.smoke else 40_000
    filler = "".join(f"Zie Kamerstuk nr. {i} en de toelichting daarbij in de bijlage.\n" for i in range(lines))
    long_document = kamerstuk.parse(filler)
    start = time.perf_counter()
    found = kamerstuk.validate(long_document)
    elapsed = time.perf_counter() - start
    size = len(long_document.text) / 1e6
    print(f"one {size:.1f} MB text with {len(found):,} diagnostics: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
