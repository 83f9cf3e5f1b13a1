"""Coverage-guided fuzzing of `kamerstuk.parse` with atheris (install the `fuzz` extra).

Starts from the real fixtures and the structured documents of tools/shapes.py; every input runs
under a time limit, so a hang is saved and counted instead of stopping the run. Failing inputs are
saved in --save; the figures are printed at the end:
`python tools/atheris_fuzz.py --seconds 1800 --save fuzz-findings`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["kamerstuk"]):
    import kamerstuk  # noqa: F401

from fuzz import SLOW_SECONDS, check, corpus, save, timed  # noqa: E402
from shapes import build_document  # noqa: E402

OUTCOMES: Counter[str] = Counter()
SLOWEST = [0.0]
FINDINGS: list[str] = []


def one_input(data: bytes, saved: Path, started: float, seconds: float) -> None:
    """Parse one input under the time limit; record its outcome and save it when it failed. Past
    the run's time, print the figures and end (libFuzzer's own exit skips Python's cleanup)."""
    if time.perf_counter() - started > seconds:
        report(time.perf_counter() - started)
        os._exit(1 if FINDINGS else 0)
    start = time.perf_counter()
    outcome, problem = check(data)
    elapsed = time.perf_counter() - start
    OUTCOMES[outcome] += 1
    SLOWEST[0] = max(SLOWEST[0], elapsed)
    if elapsed > SLOW_SECONDS and (again := timed(data)) > SLOW_SECONDS:
        problem = (problem or "") + f" slow: {elapsed:.1f} s, then {again:.1f} s"
    if problem:
        FINDINGS.append(f"{problem.strip().splitlines()[-1]} (input saved as {save(data, saved)})")


def seeds(directory: Path) -> None:
    """The starting corpus: the real fixtures and 200 structured documents."""
    rng = random.Random(11)
    for index, data in enumerate(corpus()):
        (directory / f"fixture-{index}").write_bytes(data[:20_000])
    for index in range(200):
        (directory / f"shaped-{index}").write_bytes(build_document(rng)[0].encode("utf-8")[:20_000])


def report(seconds: float) -> None:
    print(f"atheris: {sum(OUTCOMES.values()):,} inputs in {seconds:.0f} s", file=sys.stderr)
    print(f"parsed to a Document: {OUTCOMES['document']:,}; refused: {OUTCOMES['refused']:,}", file=sys.stderr)
    print(f"slowest input: {SLOWEST[0] * 1000:.0f} ms; hangs: {OUTCOMES['hung']}", file=sys.stderr)
    print(f"failures: {len(FINDINGS)}", file=sys.stderr)
    for finding in FINDINGS[:20]:
        print(f"- {finding}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--save", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        seeds(Path(directory))
        libfuzzer = [sys.argv[0], "-max_len=20000", "-rss_limit_mb=4096", directory]
        atheris.Setup(libfuzzer, lambda data: one_input(data, args.save, start, args.seconds))
        atheris.Fuzz()


if __name__ == "__main__":
    main()
