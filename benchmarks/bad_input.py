"""The bad inputs of issue 11 at full size: seconds for each, which must stay within the batch
time limit (60 s); tests/test_bad_input.py runs smaller versions.

Run by hand: `python benchmarks/bad_input.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
import time

import kamerstuk


def cases(scale: int) -> dict[str, str]:
    """Hand-made bad inputs; `scale` 1 is the issue's size, larger divides it."""
    return {
        "almost-header repeated 5,000 times": "35 788 zie hierboven\nNr. 2 BRIEF\n" * (5000 // scale),
        "header-shaped prose repeated 20,000 times": "12 500 woningen zijn gebouwd\n" * (20_000 // scale),
        "one 10 MB line": "a" * (10_000_000 // scale),
        "10 million newlines": "\n" * (10_000_000 // scale) + "x",
        "3,000 list items nested ever deeper": "".join(f"{'  ' * i}{i % 9 + 1}. punt\n" for i in range(3000 // scale)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a quick run that only checks the benchmark works")
    args = parser.parse_args()
    for name, text in cases(100 if args.smoke else 1).items():
        start = time.perf_counter()
        try:
            document = kamerstuk.parse(text)
            outcome = "coverage problems" if kamerstuk.check_coverage(document) else "Document"
        except kamerstuk.ParseError:
            outcome = "ParseError"
        print(f"{name:42} {time.perf_counter() - start:7.2f} s  {outcome}")


if __name__ == "__main__":
    main()
