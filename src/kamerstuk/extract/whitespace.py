"""Whitespace collapsing for the readers and extractors, without splitting text that needs none."""

from __future__ import annotations


def collapse(text: str) -> str:
    """`" ".join(text.split())`: each run of whitespace one space, none at the ends.

    Most text is already so, and is returned as is without splitting it into words: when
    `str.isprintable` holds, the only whitespace in it is " " (every other whitespace character is a
    separator or control character, which it refuses), so no double space and no space at an end
    means nothing to collapse."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
