"""Mutations of real documents for fuzzing: the damage a real archive shows, applied at random."""

from __future__ import annotations

import codecs
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import SHAPES  # noqa: E402

#: Lines shaped like the start of a header, inserted by `header_lines` (tools/shapes.py).
_HEADER_LINES = [line.encode() for part in ("dossier_prose", "dossier", "number", "letter") for line in SHAPES[part]]

Mutation = Callable[[bytes, random.Random], bytes]


def cut(data: bytes, rng: random.Random) -> bytes:
    """Truncate anywhere, also inside a multi-byte character."""
    return data[: rng.randrange(len(data) + 1)]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n") or [b""]


def delete_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16))) + data[at:]


_UNICODE = [
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\u0000",
    "\ud7ff",
    "é",
    "–",
    "’",
    "€",
    "𝔘",
    "\u202e",
    "\r",
]


def insert_unicode(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    text = "".join(rng.choice(_UNICODE) for _ in range(rng.randrange(1, 8)))
    return data[:at] + text.encode("utf-8", errors="surrogatepass") + data[at:]


def _reencode(data: bytes, codec: str) -> bytes:
    return data.decode("utf-8", errors="replace").encode(codec, errors="replace")


def as_cp1252(data: bytes, rng: random.Random) -> bytes:
    return _reencode(data, "cp1252")


def as_utf16(data: bytes, rng: random.Random) -> bytes:
    return _reencode(data, rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))


def toggle_bom(data: bytes, rng: random.Random) -> bytes:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :]
    return rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]) + data


def nest_deeply(data: bytes, rng: random.Random) -> bytes:
    """Wrap a piece of the document in thousands of nested elements (XML or not)."""
    depth = rng.choice([10, 300, 5_000, 50_000])
    at = data.find(b"<al>")
    at = at if at >= 0 else rng.randrange(len(data) + 1)
    return data[:at] + b"<al>" * depth + b"x" + b"</al>" * depth + data[at:]


def crlf(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r"]))


def header_lines(data: bytes, rng: random.Random) -> bytes:
    """Insert one to three header-shaped lines ("35 788 zie hierboven", "Nr. 2 BRIEF") anywhere."""
    lines = _lines(data)
    index = rng.randrange(len(lines) + 1)
    lines[index:index] = [rng.choice(_HEADER_LINES) for _ in range(rng.randint(1, 3))]
    return b"\n".join(lines)


MUTATIONS: dict[str, Mutation] = {
    "cut": cut,
    "delete_line": delete_line,
    "duplicate_line": duplicate_line,
    "swap_lines": swap_lines,
    "insert_bytes": insert_bytes,
    "insert_unicode": insert_unicode,
    "as_cp1252": as_cp1252,
    "as_utf16": as_utf16,
    "toggle_bom": toggle_bom,
    "nest_deeply": nest_deeply,
    "crlf": crlf,
    "header_lines": header_lines,
}


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """Apply one to three random mutations; return the result and their names."""
    names = [rng.choice(list(MUTATIONS)) for _ in range(rng.randrange(1, 4))]
    for name in names:
        data = MUTATIONS[name](data, rng)
    return data, names
