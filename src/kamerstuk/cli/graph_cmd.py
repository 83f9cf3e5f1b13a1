"""`kamerstuk graph`: the citation graph of files, directories and archives, written as tables or GraphML,
or one dossier's documents listed with what each cites and what cites it."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..archive.batch import Failure
from ..extract.dossiers import split_dossier
from ..graph import DOSSIER_PREFIX, EDGE_COLUMNS, NODE_COLUMNS, citation_graph, graph_tables
from ..models import Document, Dossier
from ..optional import require
from .diagnosed import report_errors
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .inputs import add_glob, add_max_size, iter_documents, report_missing

if TYPE_CHECKING:
    import networkx

#: Output formats, chosen by --format or else by the suffix of OUT.
FORMATS = ("csv", "parquet", "graphml")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `graph` subcommand."""
    parser = subparsers.add_parser("graph", help="the citation graph of files (needs kamerstuk[graph])")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, .zip/.tar archives; - is stdin")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="graph.graphml, or graph.csv / graph.parquet (.nodes and .edges files)"
    )
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from the suffix of OUT)")
    parser.add_argument("--dossier", metavar="DOSSIER", help='print this dossier\'s documents ("28676", "21501-20")')
    parser.add_argument("--strict", action="store_true", help="refuse a document with an error diagnostic")
    add_max_size(parser)
    add_glob(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the graph of every input; write it to OUT and/or print one dossier. Exit 1 if a source failed
    or has an error diagnostic, or the dossier has no documents; 2 for usage errors and a missing extra."""
    if args.output is None and args.dossier is None:
        print("kamerstuk graph: give -o OUT, --dossier DOSSIER or both", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or (output_format(args.output) if args.output else None)
    if args.output is not None and fmt is None:
        message = "suffix must be .csv, .parquet or .graphml (or give --format)"
        print(f"kamerstuk graph: {args.output}: {message}", file=sys.stderr)
        return EXIT_USAGE
    if report_missing("graph", args.inputs):
        return EXIT_USAGE
    try:
        require("networkx", "graph")
        if fmt == "parquet":
            require("pyarrow.parquet", "parquet")
    except ImportError as exc:
        print(f"kamerstuk graph: {exc}", file=sys.stderr)
        return EXIT_USAGE
    documents, sources, failed = _read(args)
    graph = citation_graph(documents, sources)
    if args.output is not None and fmt is not None:
        written = write_graph(graph, Path(args.output), fmt)
        counts = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
        print(f"kamerstuk graph: {counts} written to {', '.join(map(str, written))}", file=sys.stderr)
    if args.dossier is not None and not print_dossier(graph, args.dossier):
        print(f"kamerstuk graph: dossier {args.dossier}: no documents in the inputs", file=sys.stderr)
        failed = True
    return EXIT_FAILED if failed else EXIT_OK


def _read(args: argparse.Namespace) -> tuple[list[Document], list[str], bool]:
    """The parsed documents with their sources, and whether any source failed (each named on stderr)."""
    documents: list[Document] = []
    sources: list[str] = []
    failed = False
    for source, document in iter_documents(args.inputs, args.max_size, args.glob, args.strict):
        if isinstance(document, Failure):
            print(f"kamerstuk graph: {source}: {document.message}", file=sys.stderr)
            failed = True
            continue
        failed = report_errors("graph", source, document) or failed
        documents.append(document)
        sources.append(source)
    return documents, sources, failed


def output_format(output: str) -> str | None:
    """The format the suffix of `output` names, or None."""
    suffix = Path(output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def write_graph(graph: networkx.DiGraph[str], output: Path, fmt: str) -> list[Path]:
    """Write `graph` as one GraphML file, or as `<stem>.nodes.<fmt>` and `<stem>.edges.<fmt>`; the paths written."""
    nodes, edges = graph_tables(graph)
    if fmt == "graphml":
        _write_graphml(nodes, edges, output)
        return [output]
    stem = output.with_suffix("") if output.suffix.lower() == f".{fmt}" else output
    paths = [stem.with_name(f"{stem.name}.{table}.{fmt}") for table in ("nodes", "edges")]
    for path, rows, columns in zip(paths, (nodes, edges), (NODE_COLUMNS, EDGE_COLUMNS), strict=True):
        (_write_csv if fmt == "csv" else _write_parquet)(rows, columns, path)
    return paths


def _write_csv(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> None:
    """One CSV table with a header row; None is written as an empty cell."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> None:
    """One Parquet table with the given columns (types inferred; an empty table has string columns)."""
    import pyarrow
    import pyarrow.parquet

    if rows:
        table = pyarrow.Table.from_pylist(rows)
    else:
        table = pyarrow.table({column: pyarrow.array([], pyarrow.string()) for column in columns})
    pyarrow.parquet.write_table(table, path)


def _write_graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], path: Path) -> None:
    """One GraphML file; GraphML has no null, so a missing value is left out of that node or edge."""
    import networkx

    flat: networkx.DiGraph[str] = networkx.DiGraph()
    for row in nodes:
        flat.add_node(row["id"], **{k: v for k, v in row.items() if k != "id" and v is not None})
    for row in edges:
        flat.add_edge(row["source"], row["target"], **{k: v for k, v in row.items() if k not in ("source", "target")})
    networkx.write_graphml(flat, path)


def print_dossier(graph: networkx.DiGraph[str], dossier: str) -> bool:
    """Print the dossier's documents by ondernummer, each with what it cites and what cites it; False if none.
    The dossier may be written as printed ("28 676", "21 501-20", "36 410 XVI") or as its key ("28676")."""
    printed = split_dossier(dossier)
    dossier = Dossier(number=printed[0], suffix=printed[1]).key if printed is not None else dossier
    members = [node for node, data in graph.nodes(data=True) if data["node_type"] == "document" and _in(data, dossier)]
    if not members:
        return False
    parsed = sum(1 for node in members if not graph.nodes[node]["cited_only"])
    noun = "document" if parsed == 1 else "documents"
    print(f"dossier {dossier}: {parsed} {noun} parsed, {len(members) - parsed} only cited")
    dossier_nodes = [n for n in graph if n.startswith(DOSSIER_PREFIX) and _in(graph.nodes[n], dossier)]
    for node in sorted(members, key=lambda n: _order(graph.nodes[n].get("number"), n)):
        print(_describe(graph, node))
        for target in graph.successors(node):
            print(f"  cites     {target}  {_citations(graph.edges[node, target]['references'])}")
        for source in graph.predecessors(node):
            print(f"  cited by  {source}  {_citations(graph.edges[source, node]['references'])}")
    for node in dossier_nodes:
        print(f"{node} (the whole dossier)")
        for source in graph.predecessors(node):
            print(f"  cited by  {source}  {_citations(graph.edges[source, node]['references'])}")
    return True


def _in(data: dict[str, Any], dossier: str) -> bool:
    """Whether a node belongs to `dossier`: its key ("21501-20") or, given without suffix, its number."""
    return any(key == dossier or key.split("-", 1)[0] == dossier for key in data.get("dossiers", []))


def _order(number: str | None, node: str) -> tuple[int, int, str, str]:
    """Sort key: numeric ondernummers first in numeric order, then letters, then by id."""
    if number is not None and number.isdigit():
        return (0, int(number), "", node)
    return (1, 0, number or "", node)


def _describe(graph: networkx.DiGraph[str], node: str) -> str:
    """One line for a document: id, kind, date, heading; or that it is only cited."""
    data = graph.nodes[node]
    if data["cited_only"]:
        return f"{node}  (only cited)"
    parts = [node, data["kind"], data["date"] or "-", (data["heading"] or "").replace("\n", " ")]
    return "  ".join(part for part in parts if part)


def _citations(references: list[dict[str, Any]]) -> str:
    """The citations of one edge as printed: "Kamerstuk 28 676, nr. 464 (motie-X)", joined by "; "."""
    texts = []
    for reference in references:
        text = " ".join(reference["text"].split())
        label = f" ({' '.join(reference['label'].split())})" if reference["label"] else ""
        note = f" [note {reference['note']}]" if reference["note"] else ""
        texts.append(f'"{text}"{label}{note}')
    return "; ".join(dict.fromkeys(texts))
