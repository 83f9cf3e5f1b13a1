"""Shared fixtures: the real documents in fixtures/ and their expected values."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGES = FIXTURES / "pages"
SEED = FIXTURES / "kst-28676-467.txt"


def page_ids() -> list[str]:
    """Every real page with a hand-checked expected JSON beside it."""
    return sorted(p.stem for p in PAGES.glob("*.json"))


def expected(page_id: str) -> dict[str, Any]:
    """The hand-checked expected values of a page."""
    data: dict[str, Any] = json.loads((PAGES / f"{page_id}.json").read_text(encoding="utf-8"))
    return data
