"""Rewrite fixtures/golden/xml-kst/*.json from the current parser, for review with `git diff`.

Run by hand after a deliberate change: `python tools/update_golden_xml.py`. Every changed record
must be read and justified before it is committed; the tests compare against these files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from golden_xml import record  # noqa: E402

import kamerstuk  # noqa: E402


def main() -> None:
    target = ROOT / "fixtures" / "golden" / "xml-kst"
    target.mkdir(parents=True, exist_ok=True)
    changed = 0
    for path in sorted((ROOT / "fixtures" / "xml-kst").glob("*.xml")):
        text = json.dumps(record(kamerstuk.parse_file(path)), ensure_ascii=False, indent=1) + "\n"
        out = target / f"{path.stem}.json"
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            out.write_text(text, encoding="utf-8")
            changed += 1
    print(f"{changed} golden records written")


if __name__ == "__main__":
    main()
