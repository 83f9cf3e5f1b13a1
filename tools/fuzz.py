"""Long mutation-fuzzing run over the real fixtures: prints how many inputs were tried and what failed.

Every input must give a Document (with valid spans and full coverage) or a ParseError, within a
second; each runs under a time limit, so a hang is reported (its input saved) and the run goes on.
Run by hand: `python tools/fuzz.py --inputs 100000 --seed 1`, or `--structured --seconds 600` for
documents built from the line shapes of real pages.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import random
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutations import mutate  # noqa: E402
from shapes import build_document  # noqa: E402

import kamerstuk  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 1.0
#: An input still running after this long is reported as a hang and the run goes on.
LIMIT_SECONDS = 10.0


class Hang(BaseException):
    """An input ran past its time limit (a BaseException, so no `except Exception` in the parser hides it)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `Hang` inside the block once `seconds` have passed (SIGALRM: Unix, main thread)."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def corpus() -> list[bytes]:
    """The real fixtures every run starts from."""
    fixtures = ROOT / "fixtures"
    paths = [fixtures / "kst-28676-467.txt", *sorted((fixtures / "pages").glob("*.txt"))]
    paths += sorted((fixtures / "xml-kst").glob("*.xml"))[:60] + sorted((fixtures / "handmade").glob("*.*ml"))
    paths += sorted((fixtures / "html").glob("*.html")) + sorted((fixtures / "xml-other").glob("*.xml"))
    return [p.read_bytes() for p in paths]


def check(data: bytes, limit: float = LIMIT_SECONDS) -> tuple[str, str | None]:
    """("document" or "refused", None) when the input is handled as promised, else ("failed" or
    "hung", what went wrong); the parse and its checks run under a time limit of `limit` seconds."""
    try:
        with time_limit(limit):
            return _check(data)
    except Hang as exc:
        return "hung", str(exc)


def _check(data: bytes) -> tuple[str, str | None]:
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


def timed(data: bytes) -> float:
    """Seconds `check(data)` takes: a slow input is timed twice, since a busy machine makes any input slow once."""
    start = time.perf_counter()
    check(data)
    return time.perf_counter() - start


def save(data: bytes, directory: Path) -> Path:
    """Keep a failing input under its hash, to replay with `kamerstuk parse`."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{hashlib.sha1(data).hexdigest()[:16]}.bin"
    path.write_bytes(data)
    return path


Generator = Callable[[random.Random], tuple[bytes, list[str]]]


def mutated(base: list[bytes]) -> Generator:
    """Inputs made by mutating the real fixtures (tools/mutations.py)."""
    return lambda rng: mutate(rng.choice(base), rng)


def structured(rng: random.Random) -> tuple[bytes, list[str]]:
    """Inputs built from the line shapes of real pages (tools/shapes.py)."""
    text, ops = build_document(rng)
    return text.encode("utf-8"), ops


def run(
    inputs: int, seed: int, generate: Generator | None = None, saved: Path | None = None, seconds: float | None = None
) -> tuple[Counter[str], Counter[str], list[tuple[list[str], str]], float]:
    """Fuzz `inputs` documents (or for `seconds`); return (outcomes, operations used, failures, slowest seconds).
    Each failing input is saved in `saved` when given."""
    rng = random.Random(seed)
    generate = generate or mutated(corpus())
    used: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    failures: list[tuple[list[str], str]] = []
    slowest = 0.0
    deadline = time.monotonic() + seconds if seconds is not None else None
    tried = 0
    while tried < inputs if deadline is None else time.monotonic() < deadline:
        tried += 1
        data, names = generate(rng)
        used.update(names)
        start = time.perf_counter()
        outcome, problem = check(data)
        outcomes[outcome] += 1
        elapsed = time.perf_counter() - start
        slowest = max(slowest, elapsed)
        if elapsed > SLOW_SECONDS and (again := timed(data)) > SLOW_SECONDS:
            problem = (problem or "") + f" slow: {elapsed:.1f} s, then {again:.1f} s"
        if problem:
            if saved is not None:
                problem += f" (input saved as {save(data, saved)})"
            failures.append((names, problem))
    return outcomes, used, failures, slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, help="run for this long instead of a number of inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--structured", action="store_true", help="build inputs from real line shapes")
    parser.add_argument("--save", type=Path, default=Path("fuzz-findings"), help="where failing inputs go")
    args = parser.parse_args()
    start = time.perf_counter()
    generate = structured if args.structured else None
    outcomes, used, failures, slowest = run(args.inputs, args.seed, generate, args.save, args.seconds)
    print(f"inputs tried: {sum(outcomes.values()):,} in {time.perf_counter() - start:.0f} s (seed {args.seed})")
    print(f"parsed to a Document: {outcomes['document']:,}; refused with ParseError: {outcomes['refused']:,}")
    print("operations: " + ", ".join(f"{name} {count}" for name, count in sorted(used.items())))
    print(f"slowest input: {slowest * 1000:.0f} ms")
    print(f"failures: {len(failures)} (hangs: {outcomes['hung']})")
    for names, problem in failures[:20]:
        print(f"- after {'+'.join(names)}: {problem.strip().splitlines()[-1]}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
