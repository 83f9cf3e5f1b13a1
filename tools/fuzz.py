"""Long mutation-fuzzing run over the real fixtures: prints how many inputs were tried and what failed.

Every mutated input must give a Document (with valid spans and full coverage) or a ParseError,
within a second. Run by hand: `python tools/fuzz.py --inputs 100000 --seed 1`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutations import mutate  # noqa: E402

import kamerstuk  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 1.0


def corpus() -> list[bytes]:
    """The real fixtures every run starts from."""
    fixtures = ROOT / "fixtures"
    paths = [fixtures / "kst-28676-467.txt", *sorted((fixtures / "pages").glob("*.txt"))]
    paths += sorted((fixtures / "xml-kst").glob("*.xml"))[:60] + sorted((fixtures / "handmade").glob("*.*ml"))
    paths += sorted((fixtures / "html").glob("*.html")) + sorted((fixtures / "xml-other").glob("*.xml"))
    return [p.read_bytes() for p in paths]


def check(data: bytes) -> tuple[str, str | None]:
    """("document" or "refused", None) when the input is handled as promised, else ("failed", what went wrong)."""
    try:
        document = kamerstuk.parse(data)
    except kamerstuk.ParseError:
        return "refused", None
    except Exception:  # noqa: BLE001 - any other exception is the finding
        return "failed", traceback.format_exc(limit=3)
    for ref in document.references:
        if document.text[ref.span.start : ref.span.end] != ref.text:
            return "failed", f"reference span does not match its text: {ref.text!r}"
    problems = kamerstuk.check_coverage(document)
    return ("failed", f"coverage: {problems[0].message}") if problems else ("document", None)


def run(inputs: int, seed: int) -> tuple[Counter[str], Counter[str], list[tuple[list[str], str]], float]:
    """Fuzz `inputs` mutated documents; return (outcomes, mutations used, failures, slowest seconds)."""
    rng = random.Random(seed)
    base = corpus()
    used: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    failures: list[tuple[list[str], str]] = []
    slowest = 0.0
    for _ in range(inputs):
        data, names = mutate(rng.choice(base), rng)
        used.update(names)
        start = time.perf_counter()
        outcome, problem = check(data)
        outcomes[outcome] += 1
        elapsed = time.perf_counter() - start
        slowest = max(slowest, elapsed)
        if elapsed > SLOW_SECONDS:
            problem = (problem or "") + f" slow: {elapsed:.1f} s"
        if problem:
            failures.append((names, problem))
    return outcomes, used, failures, slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    outcomes, used, failures, slowest = run(args.inputs, args.seed)
    print(f"inputs tried: {sum(outcomes.values()):,} in {time.perf_counter() - start:.0f} s (seed {args.seed})")
    print(f"parsed to a Document: {outcomes['document']:,}; refused with ParseError: {outcomes['refused']:,}")
    print("mutations: " + ", ".join(f"{name} {count}" for name, count in sorted(used.items())))
    print(f"slowest input: {slowest * 1000:.0f} ms")
    print(f"failures: {len(failures)}")
    for names, problem in failures[:20]:
        print(f"- after {'+'.join(names)}: {problem.strip().splitlines()[-1]}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
