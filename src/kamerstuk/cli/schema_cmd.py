"""`kamerstuk schema`: the JSON Schema of Document, for validators in other languages."""

from __future__ import annotations

import argparse
import json
from typing import Literal

from ..models import Document
from .exit_codes import EXIT_OK


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


def document_schema(mode: Literal["serialization", "validation"] = "serialization") -> dict[str, object]:
    """The JSON Schema of `Document` as pydantic generates it."""
    return Document.model_json_schema(mode=mode)


def run(args: argparse.Namespace) -> int:
    """Print the schema as indented JSON."""
    print(json.dumps(document_schema(args.mode), indent=2, ensure_ascii=False))
    return EXIT_OK
