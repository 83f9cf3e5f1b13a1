"""Every public name imports from the place README.md and docs/ give for it, whatever the package layout."""

from __future__ import annotations

import importlib

import pytest

import kamerstuk

#: (module, name) as users write `from module import name`.
DOCUMENTED = [
    ("kamerstuk", name)
    for name in (
        "parse", "parse_file", "parse_many", "parse_metadata", "read_tokens", "tokenize", "find_references",
        "validate", "check_coverage", "citation_graph", "to_records", "to_dataframe", "ParseError", "Result", "Failure",
        "RULES", "Rule", "Token", "TokenKind",
        "Document", "Dossier", "DocumentKind", "Chamber", "Diagnostic", "Severity", "Metadata", "Note",
        "NoteRef", "Paragraph", "Reference", "ReferenceKind", "Section", "Signatory", "Span",
    )
] + [
    ("kamerstuk.dask", name)
    for name in ("read_documents", "read_results", "to_dataframes", "to_parquet", "FILES_PER_PARTITION")
]


@pytest.mark.parametrize(("module", "name"), DOCUMENTED)
def test_public_name_imports_from_its_documented_place(module: str, name: str) -> None:
    value = getattr(importlib.import_module(module), name)
    assert value is not None
    if module == "kamerstuk":
        assert name in kamerstuk.__all__


def test_all_names_exactly_the_exported_ones() -> None:
    missing = [name for name in kamerstuk.__all__ if not hasattr(kamerstuk, name)]
    assert missing == []


def test_models_are_the_same_objects_everywhere() -> None:
    from kamerstuk.models import Document, Reference

    assert kamerstuk.Document is Document
    assert kamerstuk.Reference is Reference
    assert kamerstuk.parse("28 676 NAVO\n\nNr. 467 BRIEF VAN DE MINISTER VAN DEFENSIE\n").__class__ is Document
