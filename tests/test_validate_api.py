"""`kamerstuk.validate`: selection by code prefix like ruff, per-code severities, locations, and the catalogue."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kamerstuk
from kamerstuk import RULES, Severity, validate
from kamerstuk.validation import RULES_BY_CODE

SEED_TEXT = kamerstuk.parse_file(SEED).text
#: The seed letter with three problems: KS204 (date 2099), KS302 (marker 2 deleted), KS501 (dossier taken out).
BROKEN = kamerstuk.parse(
    SEED_TEXT.replace("3 oktober 2024", "3 oktober 2099", 1)
    .replace("technologiegebieden2", "technologiegebieden", 1)
    .replace("Kamerstuk 36 471, nr. 96", "Kamerstuk nr. 96", 1)
)
RULES_MD = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def codes(**options: object) -> list[str]:
    return [d.code for d in validate(BROKEN, **options)]  # type: ignore[arg-type]


def test_all_rules_run_by_default_in_text_order() -> None:
    assert codes() == ["KS204", "KS501", "KS302"]


def test_select_takes_prefixes_and_comma_separated_strings() -> None:
    assert codes(select=["KS3"]) == ["KS302"]
    assert codes(select="KS2, ks5") == ["KS204", "KS501"]


def test_ignore_wins_a_tie_and_the_more_specific_prefix_wins_otherwise() -> None:
    assert codes(ignore=["KS2"]) == ["KS501", "KS302"]
    assert codes(select=["KS3"], ignore=["KS3"]) == []
    assert codes(select=["KS302"], ignore=["KS3"]) == ["KS302"]
    assert codes(select=["KS"], ignore=["KS30"]) == ["KS204", "KS501"]


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(ValueError, match="KS8"):
        validate(BROKEN, select=["KS8"])
    with pytest.raises(ValueError, match="X"):
        validate(BROKEN, ignore="X")
    with pytest.raises(ValueError, match="severity"):
        validate(BROKEN, severities={"KS302": "fatal"})


def test_severities_override_by_code_or_prefix() -> None:
    found = validate(BROKEN, severities={"KS": "info", "KS302": Severity.ERROR})
    assert {d.code: d.severity for d in found} == {"KS204": "info", "KS501": "info", "KS302": "error"}


def test_line_and_column_point_at_the_span_start() -> None:
    for diagnostic in validate(BROKEN):
        assert diagnostic.span is not None and diagnostic.line is not None and diagnostic.column is not None
        line = BROKEN.text.split("\n")[diagnostic.line - 1]
        assert line[diagnostic.column - 1 :].startswith(BROKEN.text[diagnostic.span.start : diagnostic.span.end][:20])


def test_catalogue_codes_are_unique_stable_and_in_their_ranges() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(set(codes)) and all(re.fullmatch(r"KS[1-79]\d\d", c) for c in codes)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for code in ("KS101", "KS102", "KS202", "KS601", "KS901", "KS902"):
        assert code in RULES_BY_CODE


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_section_in_docs_rules_md(rule: kamerstuk.Rule) -> None:
    heading = f"### {rule.code} {rule.name}"
    assert heading in RULES_MD
    section = RULES_MD.split(heading, 1)[1].split("\n### ", 1)[0]
    assert f"Default severity: {rule.severity.value}." in section
    for part in ("**Checks:**", "**Why:**", "**Applies:**", "**Example:**"):
        assert part in section, f"{rule.code} lacks {part}"


def test_docs_rules_md_documents_no_rule_that_does_not_exist() -> None:
    documented = re.findall(r"^### (KS\d{3}) ", RULES_MD, flags=re.MULTILINE)
    assert documented == [rule.code for rule in RULES]


def test_docs_rules_md_table_matches_the_catalogue() -> None:
    rows = re.findall(r"^\| \[(KS\d{3})\]\(#[^)]+\) \| `([a-z-]+)` \| (\w+) \| (.+) \|$", RULES_MD, flags=re.MULTILINE)
    assert rows == [(r.code, r.name, r.severity.value, r.summary) for r in RULES]


def test_pre_commit_hook_runs_kamerstuk_validate() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: kamerstuk-validate" in hooks and "entry: kamerstuk validate" in hooks


SEED_LINES = SEED_TEXT.split("\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=len(SEED_LINES) - 1), max_size=12, unique=True))
def test_any_seed_with_lines_deleted_validates_with_valid_locations(deleted: list[int]) -> None:
    text = "\n".join(line for i, line in enumerate(SEED_LINES) if i not in set(deleted))
    if not text.strip():
        return
    doc = kamerstuk.parse(text)
    for diagnostic in validate(doc):
        assert diagnostic.code in RULES_BY_CODE
        if diagnostic.span is not None:
            assert 0 <= diagnostic.span.start <= diagnostic.span.end <= len(doc.text)
            assert diagnostic.line == doc.text.count("\n", 0, diagnostic.span.start) + 1


def test_many_diagnostics_in_a_long_text_get_the_right_lines() -> None:
    """Each diagnostic's line is found by bisection over the line starts (it was a count over the text
    before it: quadratic; the speed is measured in benchmarks/validate.py)."""
    filler = "".join(
        f"Zie Kamerstuk nr. {i} en de toelichting daarbij in de bijlage van deze brief.\n" for i in range(20_000)
    )
    doc = kamerstuk.parse(SEED_TEXT + "\n" + filler + filler[:400_000])
    found = validate(doc, select=["KS501"])
    assert len(found) > 20_000 and found[-1].line == doc.text.count("\n", 0, found[-1].span.start) + 1  # type: ignore[union-attr]
