"""Structure-aware fuzzing: Kamerstuk-shaped documents built from the line shapes of real pages
(tools/shapes.py), in random orders, truncated, repeated and glued; every input under a time limit."""

from __future__ import annotations

import random
import sys

from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "tools"))

from fuzz import LIMIT_SECONDS, check, structured  # noqa: E402
from shapes import OPERATIONS, ORDER, SHAPES, disturb  # noqa: E402

LINES = st.sampled_from(sorted(SHAPES)).flatmap(lambda part: st.sampled_from(SHAPES[part]))


@st.composite
def kamerstuk_documents(draw: st.DrawFn) -> str:
    """A page in the order real pages print their parts, then disturbed."""
    lines: list[str] = []
    for part in ORDER:
        lines += draw(st.lists(st.sampled_from(SHAPES[part]), max_size=3))
    rng = draw(st.randoms(use_true_random=False))
    for operation in draw(st.lists(st.sampled_from(OPERATIONS), max_size=3)):
        lines = disturb(lines, operation, rng)
    return draw(st.sampled_from(["\n", "\n\n", "\r\n"])).join(lines)


@st.composite
def glued_lines(draw: st.DrawFn) -> str:
    """Lines of any shape in any order, some glued to the next without a line break."""
    lines = draw(st.lists(LINES, max_size=40))
    return "".join(line + draw(st.sampled_from(["\n", "\n", "\n\n", " "])) for line in lines)


def _handled(text: str) -> None:
    outcome, problem = check(text.encode("utf-8"), limit=LIMIT_SECONDS)
    assert outcome in ("document", "refused"), problem


@settings(max_examples=150, deadline=None)
@given(kamerstuk_documents())
def test_kamerstuk_shaped_documents_parse_with_full_coverage(text: str) -> None:
    _handled(text)


@settings(max_examples=150, deadline=None)
@given(glued_lines())
def test_lines_of_any_shape_in_any_order_parse_with_full_coverage(text: str) -> None:
    _handled(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SHAPES["dossier_prose"] + SHAPES["dossier"]), min_size=1, max_size=5), LINES)
def test_a_dossier_shaped_line_above_any_line_parses(first: list[str], then: str) -> None:
    """The shape of the hang of issue 11: header-shaped prose above a number line or anything else."""
    _handled("\n".join([*first, then]) + "\n")


def test_bounded_structured_fuzz_run() -> None:
    """300 structured documents with a fixed seed (the long run is `tools/fuzz.py --structured`)."""
    rng = random.Random(20261201)
    failures = []
    for _ in range(300):
        data, operations = structured(rng)
        outcome, problem = check(data)
        if outcome not in ("document", "refused"):
            failures.append((operations, problem))
    assert failures == []


def test_every_shape_part_is_used_by_the_builder() -> None:
    assert sorted(ORDER) == sorted(SHAPES)
