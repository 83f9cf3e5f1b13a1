"""`kamerstuk schema`: the JSON Schema of Document, for validators in other languages."""

from __future__ import annotations

import argparse
import json
from typing import Any, Literal

from ..models import Document
from .exit_codes import EXIT_OK
from .schema_fields import FIELD_DESCRIPTIONS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `schema` subcommand."""
    parser = subparsers.add_parser("schema", help="print the JSON Schema of Document")
    parser.add_argument(
        "--mode",
        choices=("serialization", "validation"),
        default="serialization",
        help="serialization (default): what `kamerstuk parse` prints, computed fields included; "
        "validation: what Document.model_validate_json accepts",
    )
    parser.set_defaults(func=run)


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: `kamerstuk parse` and the JSONL of `kamerstuk batch` put the input's name first in each object.
SOURCE_DESCRIPTION = "the file, archive member or - (standard input) the document was read from (CLI output only)"


def document_schema(mode: Literal["serialization", "validation"] = "serialization") -> dict[str, Any]:
    """The JSON Schema of `Document`: pydantic's, with `$schema`, a title and a description for every field."""
    schema: dict[str, Any] = Document.model_json_schema(mode=mode)
    models: dict[str, Any] = {"Document": schema, **schema.get("$defs", {})}
    for name, model in models.items():
        for field, prop in model.get("properties", {}).items():
            description = FIELD_DESCRIPTIONS.get(name, {}).get(field)
            if description is not None:
                prop.setdefault("description", description)
    if mode == "serialization":
        source = {"type": "string", "title": "Source", "description": SOURCE_DESCRIPTION}
        schema["properties"] = {"source": source, **schema["properties"]}
    return {"$schema": SCHEMA_DIALECT, **schema}


def run(args: argparse.Namespace) -> int:
    """Print the schema as indented JSON."""
    print(json.dumps(document_schema(args.mode), indent=2, ensure_ascii=False))
    return EXIT_OK
