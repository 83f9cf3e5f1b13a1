"""Draw the citation graph of one dossier as an SVG, from the fixtures, with nothing but kamerstuk and networkx.

The dossier's documents stand on a line in ondernummer order (filled: parsed; dashed: only cited), the
documents of other dossiers that cite them or that they cite on a line below; an arrow runs from the
citing to the cited document. The output is deterministic, so the picture in docs/ can be remade and
checked: `python tools/graph_picture.py` (defaults: dossier 33529, fixtures/, docs/images/citation-graph-33529.svg).
"""

from __future__ import annotations

import argparse
from html import escape
from pathlib import Path

import networkx

import kamerstuk

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOSSIER = "33529"
DEFAULT_OUTPUT = ROOT / "docs" / "images" / f"citation-graph-{DEFAULT_DOSSIER}.svg"

_STEP, _BOX_W, _BOX_H, _MARGIN = 112, 96, 40, 40
_ROW, _OTHER_ROW = 190, 310
_INK, _PAPER, _GREY = "#1e3a8a", "#ffffff", "#6b7280"


def dossier_graph(inputs: list[Path], dossier: str) -> tuple[networkx.DiGraph[str], list[str], list[str]]:
    """The citation graph of `inputs`, the dossier's documents in ondernummer order, and their neighbours."""
    results = [r for r in kamerstuk.parse_many([str(p) for p in inputs]) if r.document is not None]
    graph = kamerstuk.citation_graph([r.document for r in results if r.document], [r.source for r in results])
    members = sorted(
        (n for n, data in graph.nodes(data=True) if data["node_type"] == "document" and dossier in data["dossiers"]),
        key=lambda n: _order(graph.nodes[n]["number"], n),
    )
    inside = set(members)
    neighbours = sorted(
        {m for n in members for m in (*graph.successors(n), *graph.predecessors(n)) if m not in inside},
        key=lambda n: (graph.nodes[n].get("date") or "", n),
    )
    return graph, members, neighbours


def _order(number: str | None, node: str) -> tuple[int, int, str]:
    """Numeric ondernummers first, in numeric order."""
    return (0, int(number), node) if number and number.isdigit() else (1, 0, node)


def svg(graph: networkx.DiGraph[str], members: list[str], neighbours: list[str], dossier: str) -> str:
    """The SVG text of the picture."""
    width = _MARGIN * 2 + _STEP * max(len(members), len(neighbours)) - (_STEP - _BOX_W)
    height = _OTHER_ROW + _BOX_H + 10
    positions = {n: (_MARGIN + i * _STEP + _BOX_W / 2, _ROW) for i, n in enumerate(members)}
    offset = (width - (_STEP * len(neighbours) - (_STEP - _BOX_W))) / 2
    positions.update({n: (offset + i * _STEP + _BOX_W / 2, _OTHER_ROW) for i, n in enumerate(neighbours)})
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
        f'viewBox="0 0 {width:.0f} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<rect width="100%" height="100%" fill="{_PAPER}"/>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{_INK}"/></marker></defs>',
        f'<text x="{_MARGIN}" y="26" font-size="15" font-weight="bold">Dossier {escape(dossier)}: who cites whom '
        "in fixtures/</text>",
        f'<text x="{_MARGIN}" y="44" fill="{_GREY}">filled: parsed document; dashed: only cited; lower row: other '
        "dossiers; arrow: citing → cited. Made by tools/graph_picture.py</text>",
    ]
    for source, target in sorted(graph.edges):
        if source in positions and target in positions and (source in members or target in members):
            parts.append(_edge(positions[source], positions[target]))
            labels = sorted({r["label"] for r in graph.edges[source, target]["references"] if r["label"]})
            if labels:
                parts.append(_edge_label(positions[source], positions[target], "; ".join(labels)))
    for node in members + neighbours:
        parts.append(_node(graph, node, positions[node], dossier))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edge(start: tuple[float, float], end: tuple[float, float]) -> str:
    """An arc above the row between two documents of the dossier, or a line between the rows."""
    (x1, y1), (x2, y2) = start, end
    if y1 == y2:
        top = y1 - _BOX_H / 2
        lift = 30 + 0.3 * abs(x2 - x1)
        path = f"M{x1:.0f},{top:.0f} C{x1:.0f},{top - lift:.0f} {x2:.0f},{top - lift:.0f} {x2:.0f},{top:.0f}"
    else:
        down = y2 > y1
        ya = y1 + (_BOX_H / 2 if down else -_BOX_H / 2)
        yb = y2 + (-_BOX_H / 2 if down else _BOX_H / 2)
        path = f"M{x1:.0f},{ya:.0f} L{x2:.0f},{yb:.0f}"
    return f'<path d="{path}" fill="none" stroke="{_INK}" stroke-width="1.4" marker-end="url(#arrow)"/>'


def _edge_label(start: tuple[float, float], end: tuple[float, float], label: str) -> str:
    """The label of the citations of an edge ("motie-Van Campen c.s."), beside its middle."""
    x, y = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 18
    if start[1] == end[1]:
        y = start[1] - _BOX_H / 2 - 30 - 0.3 * abs(end[0] - start[0]) * 0.75 - 4
    return f'<text x="{x:.0f}" y="{y:.0f}" dx="6" fill="{_GREY}" font-style="italic">{escape(label)}</text>'


def _node(graph: networkx.DiGraph[str], node: str, position: tuple[float, float], dossier: str) -> str:
    """A box with the ondernummer (or id) and the date, or "only cited"."""
    data = graph.nodes[node]
    x, y = position[0] - _BOX_W / 2, position[1] - _BOX_H / 2
    cited_only = data["cited_only"]
    fill, ink = (_PAPER, _INK) if cited_only else (_INK, _PAPER)
    dash = ' stroke-dasharray="4 3"' if cited_only else ""
    title = f"nr. {data['number']}" if dossier in data["dossiers"] and data["number"] else node.removeprefix("kst-")
    second = "only cited" if cited_only else (data["date"] or data["kind"])
    return (
        f'<g><title>{escape(node)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{_BOX_W}" height="{_BOX_H}" rx="6" '
        f'fill="{fill}" stroke="{_INK}" stroke-width="1.4"{dash}/>'
        f'<text x="{position[0]:.0f}" y="{y + 17:.0f}" text-anchor="middle" fill="{ink}" font-weight="bold">'
        f"{escape(title)}</text>"
        f'<text x="{position[0]:.0f}" y="{y + 32:.0f}" text-anchor="middle" fill="{ink}">{escape(second)}</text></g>'
    )


def main() -> None:
    """Write the SVG of one dossier's citation graph."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[ROOT / "fixtures"], help="default: fixtures/")
    parser.add_argument("--dossier", default=DEFAULT_DOSSIER)
    parser.add_argument("-o", "--output", type=Path, default=None, help=f"default: {DEFAULT_OUTPUT.relative_to(ROOT)}")
    args = parser.parse_args()
    output = args.output or ROOT / "docs" / "images" / f"citation-graph-{args.dossier}.svg"
    graph, members, neighbours = dossier_graph(args.inputs, args.dossier)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(svg(graph, members, neighbours, args.dossier), encoding="utf-8")
    print(f"{output}: {len(members)} documents of dossier {args.dossier}, {len(neighbours)} of other dossiers")


if __name__ == "__main__":
    main()
