"""The assembler passes `[]` for list fields instead of using their defaults, which pydantic
deep-copies for every model: this holds only while those defaults are empty lists."""

from __future__ import annotations

from kamerstuk.models import Document, Signatory


def test_the_list_defaults_passed_explicitly_are_empty_lists() -> None:
    assert Signatory.model_fields["on_behalf_of"].default == []
    assert Document.model_fields["page_breaks"].default == []
    assert Document.model_fields["page_runs"].default == []
