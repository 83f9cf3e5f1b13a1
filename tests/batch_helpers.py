"""Archives and trees built in tmp_path from the real fixtures, for the batch tests."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

from conftest import PAGES, SEED

import kamerstuk


def real_texts() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every real text fixture the parser recognises as a Kamerstuk."""
    texts = [(SEED.name, SEED.read_bytes())] + [(p.name, p.read_bytes()) for p in sorted(PAGES.glob("*.txt"))]
    recognised = []
    for name, data in texts:
        if not any(d.code == "KS100" for d in kamerstuk.parse(data).diagnostics):
            recognised.append((name, data))
    return recognised


def unrecognised_pages() -> int:
    """How many real page texts the parser finds no sign of a Kamerstuk in (KS100)."""
    pages = sorted(PAGES.glob("*.txt"))
    return sum(1 for p in pages if any(d.code == "KS100" for d in kamerstuk.parse_file(p).diagnostics))


def write_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    """A zip archive holding `members` in the given order."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def write_tar(path: Path, members: list[tuple[str, bytes]]) -> Path:
    """A gzipped tar archive holding `members` in the given order."""
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path
