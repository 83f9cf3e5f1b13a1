"""Hash the JSON of `parse()` over every fixture and corpus document, to prove a speed change leaves output alone.

    PYTHONPATH=src python tools/parse_hash.py --save /tmp/before.json
    PYTHONPATH=src python tools/parse_hash.py --compare /tmp/before.json

Text, HTML and XML files under fixtures/ and /work/shared/corpus/ (if present) are parsed; a
`ParseError` is hashed by its message, so a change in what is refused shows up too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from kamerstuk import ParseError, parse

ROOTS = [Path(__file__).resolve().parent.parent / "fixtures", Path("/work/shared/corpus")]
SUFFIXES = {".txt", ".html", ".htm", ".xml"}


def documents() -> list[Path]:
    """Every text, HTML and XML file under the roots that exist, in a stable order."""
    found: list[Path] = []
    for root in ROOTS:
        if root.is_dir():
            found.extend(sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
    return found


def key(path: Path) -> str:
    """The document's name relative to its root ("fixtures/pages/x.txt", "corpus/..."), so that hashes
    saved in one checkout compare with another's."""
    for root in ROOTS:
        if path.is_relative_to(root):
            return f"{root.name}/{path.relative_to(root)}"
    return str(path)


def digest(path: Path) -> str:
    """The SHA-256 of the document's JSON, or of the error that refused it."""
    try:
        out = parse(path.read_bytes(), source=path.name).model_dump_json()
    except ParseError as exc:
        out = f"ParseError: {exc}"
    return hashlib.sha256(out.encode("utf-8", "surrogatepass")).hexdigest()


def main() -> int:
    """Save or compare the per-document hashes; exit 1 when any differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    hashes = {key(p): digest(p) for p in documents()}
    total = hashlib.sha256("".join(hashes.values()).encode()).hexdigest()
    if args.save:
        args.save.write_text(json.dumps(hashes, indent=0))
        print(f"{len(hashes)} documents, total {total[:16]}")
        return 0
    before = json.loads(args.compare.read_text())
    changed = sorted(k for k in before.keys() | hashes.keys() if before.get(k) != hashes.get(k))
    for name in changed:
        print("changed:", name)
    print(f"{len(hashes)} documents, total {total[:16]}, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
