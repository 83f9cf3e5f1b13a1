"""The citation graph of parsed documents: who cites whom, as a networkx DiGraph (the `graph` extra).

Built only from the public models (`Document`, `Reference`), so any reader's output can be graphed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .models import Document, Reference, ReferenceKind
from .optional import require

if TYPE_CHECKING:
    import networkx

#: The prefix of a dossier node's id: "dossier:28676", "dossier:36410-XVI".
DOSSIER_PREFIX = "dossier:"


def citation_graph(documents: Iterable[Document], sources: Iterable[str] | None = None) -> networkx.DiGraph[str]:
    """A node per identifier and an edge per citing pair, carrying the references that make it.

    Parsed documents are nodes with `kind`, `date`, `dossier` (the first), `dossiers`, `number`, `heading`
    and `source` (`cited_only` False); the same identifier parsed again (another format of it) only counts
    in `copies`, its first parse gives the edges. Documents that are only cited get `cited_only` True and
    what the citation says (`dossier`, `number`).
    A whole-dossier citation ("Kamerstuk 28 676") points at the dossier node "dossier:28676". Each edge
    has `references`: one dict per citation (kind, text, note, span, label). A document citing itself
    makes no edge. A document without an identifier is named by its entry of `sources` (or
    "unidentified-N"). Raises ImportError naming the extra when networkx is not installed.
    """
    require("networkx", "graph")
    import networkx

    graph: networkx.DiGraph[str] = networkx.DiGraph()
    names = iter(sources) if sources is not None else None
    parsed: dict[str, Document] = {}
    for index, document in enumerate(documents):
        source = next(names, None) if names is not None else None
        node = document.identifier or source or f"unidentified-{index + 1}"
        if node in parsed:
            graph.nodes[node]["copies"] += 1
            continue
        graph.add_node(node, **_document_attributes(document, source))
        parsed[node] = document
    for node, document in parsed.items():
        for reference in document.references:
            for target in _targets(reference):
                if target != node:
                    _add_citation(graph, node, target, reference)
    return graph


def _document_attributes(document: Document, source: str | None) -> dict[str, Any]:
    """The node attributes of a parsed document."""
    dossier = document.dossiers[0].key if document.dossiers else None
    return {
        "node_type": "document",
        "cited_only": False,
        "identifier": document.identifier,
        "kind": document.kind.value,
        "date": document.date.isoformat() if document.date else None,
        "dossier": dossier,
        "dossiers": [d.key for d in document.dossiers],
        "number": document.number,
        "heading": document.heading,
        "source": source,
        "copies": 1,
    }


def _targets(reference: Reference) -> list[str]:
    """The node ids a reference points at: its identifiers, or the dossier node of a whole-dossier citation."""
    if reference.identifiers:
        return list(dict.fromkeys(reference.identifiers))
    if reference.kind is ReferenceKind.KAMERSTUK and not reference.numbers:
        return [f"{DOSSIER_PREFIX}{dossier.key}" for dossier in reference.dossiers]
    return []


def _add_citation(graph: networkx.DiGraph[str], source: str, target: str, reference: Reference) -> None:
    """Add the cited node if new and append `reference` to the edge source -> target."""
    if target not in graph:
        graph.add_node(target, **_cited_attributes(target, reference))
    if not graph.has_edge(source, target):
        graph.add_edge(source, target, references=[])
    graph.edges[source, target]["references"].append(
        {
            "kind": reference.kind.value,
            "text": reference.text,
            "note": reference.note,
            "span": (reference.span.start, reference.span.end),
            "label": reference.label,
        }
    )


def _cited_attributes(target: str, reference: Reference) -> dict[str, Any]:
    """The node attributes of a document or dossier known only from a citation of it."""
    if target.startswith(DOSSIER_PREFIX):
        key = target.removeprefix(DOSSIER_PREFIX)
        return {"node_type": "dossier", "cited_only": True, "dossier": key, "dossiers": [key]}
    dossier = reference.dossier.key if reference.kind is ReferenceKind.KAMERSTUK and reference.dossier else None
    return {
        "node_type": "document",
        "cited_only": True,
        "identifier": target,
        "kind": None,
        "date": None,
        "dossier": dossier,
        "dossiers": [dossier] if dossier else [],
        "number": target.rsplit("-", 1)[1] if dossier else None,
        "heading": None,
        "source": None,
        "copies": 0,
    }


#: The columns of the node and edge tables `graph_tables` makes (and `kamerstuk graph` writes).
NODE_COLUMNS = (
    "id", "node_type", "cited_only", "identifier", "kind", "date", "dossier", "dossiers", "number", "heading",
    "source", "copies", "cites", "cited_by",
)  # fmt: skip
EDGE_COLUMNS = ("source", "target", "count", "kinds", "labels", "references")


def graph_tables(graph: networkx.DiGraph[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes and edges of a `citation_graph` as flat rows of strings, numbers and booleans.

    Lists become ";"-joined strings (`dossiers`, `kinds`, `labels`) and an edge's references a JSON array,
    so the same rows fit CSV, Parquet and GraphML.
    """
    import json

    nodes = []
    for node, data in graph.nodes(data=True):
        row: dict[str, Any] = {"id": node, **data, "cites": graph.out_degree(node), "cited_by": graph.in_degree(node)}
        row["dossiers"] = ";".join(data.get("dossiers", []))
        nodes.append({column: row.get(column) for column in NODE_COLUMNS})
    edges = []
    for source, target, data in graph.edges(data=True):
        references = data["references"]
        edges.append(
            {
                "source": source,
                "target": target,
                "count": len(references),
                "kinds": ";".join(dict.fromkeys(r["kind"] for r in references)),
                "labels": ";".join(dict.fromkeys(r["label"] for r in references if r["label"])),
                "references": json.dumps(references, ensure_ascii=False),
            }
        )
    return nodes, edges
