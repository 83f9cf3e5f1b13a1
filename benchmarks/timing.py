"""The timing loop the benchmarks share: whole rounds over the inputs until enough time has passed.

Not a benchmark itself (running it does nothing); the others import it from this folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any


def seconds_per_item(items: Sequence[Any], work: Callable[[Any], object], seconds: float) -> float:
    """Mean wall-clock seconds of `work` per item, over whole rounds of `items`, for at least `seconds`."""
    rounds = 0
    start = time.perf_counter()
    while True:
        for item in items:
            work(item)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / (rounds * len(items))
