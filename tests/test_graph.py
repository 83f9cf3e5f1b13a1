"""citation_graph and `kamerstuk graph` over real fixtures: nodes, edges, dossier nodes, outputs, exit codes.

Expected citations were read in the documents: the seed letter kst-28676-467 cites Kamerstuk 28 676, nr. 464
in note 1 and 31 125, nr. 130 in note 2, and 36 471, nr. 96 in its body; the motie kst-35334-391 cites
"motie-Van Campen c.s. (28 286, nr. 1341)"; kst-33118-111 cites the whole dossier "(Kamerstuk 34 986)".
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
import tarfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import networkx
import pyarrow.parquet
import pytest

import kamerstuk
from kamerstuk import citation_graph, parse_file
from kamerstuk.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_FORMATS = [FIXTURES / "kst-28676-467.txt", FIXTURES / "handmade" / "kst-28676-467.xml"]
MOTIE_544 = FIXTURES / "xml-kst" / "kst-28676-544.xml"
MOTIE_391 = FIXTURES / "motie-texts" / "kst-35334-391.txt"
WHOLE_DOSSIER = FIXTURES / "pages" / "kst-33118-111.txt"
INPUTS = [*SEED_FORMATS, MOTIE_544, MOTIE_391, WHOLE_DOSSIER]


@pytest.fixture(scope="module")
def graph() -> networkx.DiGraph[str]:
    documents = [parse_file(path) for path in INPUTS]
    return citation_graph(documents, [str(path) for path in INPUTS])


def test_parsed_documents_are_nodes_with_kind_date_and_dossier(graph: networkx.DiGraph[str]) -> None:
    seed = graph.nodes["kst-28676-467"]
    assert (seed["kind"], seed["date"], seed["dossier"], seed["number"]) == ("brief", "2024-10-03", "28676", "467")
    assert seed["cited_only"] is False
    assert seed["copies"] == 2, "the text and XML of the seed letter are one node"
    motie = graph.nodes["kst-28676-544"]
    assert (motie["kind"], motie["date"], motie["dossier"]) == ("motie", "2025-06-17", "28676")


def test_edges_carry_their_references(graph: networkx.DiGraph[str]) -> None:
    assert {"kst-28676-464", "kst-31125-130", "kst-36471-96"} <= set(graph.successors("kst-28676-467"))
    (reference,) = graph.edges["kst-28676-467", "kst-28676-464"]["references"]
    assert reference["kind"] == "kamerstuk"
    assert reference["note"] == "1"
    assert reference["text"] == "Kamerstuk 28 676, nr. 464"
    start, end = reference["span"]
    assert parse_file(SEED_FORMATS[0]).text[start:end] == "Kamerstuk 28 676, nr. 464"
    assert graph.edges["kst-28676-467", "kst-31125-130"]["references"][0]["note"] == "2"


def test_only_cited_documents_are_marked(graph: networkx.DiGraph[str]) -> None:
    cited = graph.nodes["kst-28676-464"]
    assert cited["cited_only"] is True
    assert (cited["dossier"], cited["number"], cited["kind"]) == ("28676", "464", None)


def test_label_reaches_the_edge(graph: networkx.DiGraph[str]) -> None:
    (reference,) = graph.edges["kst-35334-391", "kst-28286-1341"]["references"]
    assert reference["label"] == "motie-Van Campen c.s."


def test_whole_dossier_citation_points_at_a_dossier_node(graph: networkx.DiGraph[str]) -> None:
    assert graph.has_edge("kst-33118-111", "dossier:34986")
    assert graph.nodes["dossier:34986"]["node_type"] == "dossier"


def test_no_self_loops(graph: networkx.DiGraph[str]) -> None:
    assert not any(source == target for source, target in graph.edges)


def test_without_networkx_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match=r"kamerstuk\[graph\]"):
        kamerstuk.citation_graph([])


def test_cli_without_networkx_exits_2_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    assert main(["graph", str(MOTIE_391), "-o", str(tmp_path / "g.graphml")]) == 2
    assert "kamerstuk[graph]" in capsys.readouterr().err


def test_cli_writes_csv_tables(tmp_path: Path) -> None:
    assert main(["graph", *map(str, INPUTS), "-o", str(tmp_path / "g.csv")]) == 0
    with (tmp_path / "g.nodes.csv").open(encoding="utf-8") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    with (tmp_path / "g.edges.csv").open(encoding="utf-8") as handle:
        edges = {(row["source"], row["target"]): row for row in csv.DictReader(handle)}
    assert nodes["kst-28676-467"]["kind"] == "brief"
    assert nodes["kst-28676-464"]["cited_only"] == "True"
    references = json.loads(edges["kst-28676-467", "kst-28676-464"]["references"])
    assert references[0]["note"] == "1"
    assert edges["kst-35334-391", "kst-28286-1341"]["labels"] == "motie-Van Campen c.s."


def test_cli_writes_parquet_tables(tmp_path: Path) -> None:
    assert main(["graph", *map(str, INPUTS), "-o", str(tmp_path / "g.parquet")]) == 0
    nodes = pyarrow.parquet.read_table(tmp_path / "g.nodes.parquet").to_pylist()
    edges = pyarrow.parquet.read_table(tmp_path / "g.edges.parquet").to_pylist()
    assert {row["id"] for row in nodes} >= {"kst-28676-467", "kst-28676-464", "dossier:34986"}
    assert any(row["source"] == "kst-33118-111" and row["target"] == "dossier:34986" for row in edges)


def test_cli_writes_graphml_and_format_overrides_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "graph.out"
    assert main(["graph", *map(str, INPUTS), "-o", str(out), "--format", "graphml"]) == 0
    read = networkx.read_graphml(out)
    assert read.nodes["kst-28676-467"]["kind"] == "brief"
    assert read.has_edge("kst-28676-467", "kst-28676-464")
    assert read.edges["kst-28676-467", "kst-28676-464"]["count"] == 1


def test_cli_reads_archives(tmp_path: Path) -> None:
    """A zip and a tar of fixtures give the same graph as the files."""
    zipped, tarred = tmp_path / "f.zip", tmp_path / "f.tar.gz"
    with zipfile.ZipFile(zipped, "w") as archive:
        for path in INPUTS[:3]:
            archive.write(path, path.name)
    with tarfile.open(tarred, "w:gz") as archive:
        for path in INPUTS[3:]:
            archive.add(path, path.name)
    assert main(["graph", str(zipped), str(tarred), "-o", str(tmp_path / "g.graphml")]) == 0
    read = networkx.read_graphml(tmp_path / "g.graphml")
    assert read.has_edge("kst-28676-467", "kst-28676-464")
    assert read.has_edge("kst-33118-111", "dossier:34986")


def test_cli_prints_one_dossier_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--dossier", "28676", *map(str, INPUTS)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines[0] == "dossier 28676: 2 documents parsed, 1 only cited"
    assert [line.split()[0] for line in lines[1:]] == ["kst-28676-464", "kst-28676-467", "kst-28676-544"]
    assert '  cited by  kst-28676-467  "Kamerstuk 28 676, nr. 464" [note 1]' in out
    assert '  cites     kst-28676-464  "Kamerstuk 28 676, nr. 464" [note 1]' in out


@pytest.mark.parametrize("written", ["28 676", "28676"])
def test_cli_dossier_as_printed_or_as_key(written: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--dossier", written, *map(str, INPUTS)]) == 0
    assert capsys.readouterr().out.startswith("dossier 28676: 2 documents parsed")


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["graph", str(MOTIE_391)], 2),  # neither -o nor --dossier
        (["graph", str(MOTIE_391), "-o", "out.txt"], 2),  # unknown suffix
        (["graph", "no/such/file.txt", "--dossier", "28676"], 2),
        (["graph", str(MOTIE_391), "--dossier", "99999"], 1),  # no document of that dossier
        (["graph", str(FIXTURES / "xml-other" / "stb-2018-84.xml"), str(MOTIE_544), "--dossier", "28676"], 1),
    ],
)
def test_cli_exit_codes(argv: list[str], code: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == code
    assert capsys.readouterr().err.startswith("kamerstuk graph")


def test_the_picture_in_the_docs_is_what_the_tool_makes_from_the_fixtures() -> None:
    """docs/images/citation-graph-33529.svg is remade by tools/graph_picture.py: a well-formed SVG with every
    document and citation of the committed picture (fixtures added later may add more)."""
    spec = importlib.util.spec_from_file_location("graph_picture", FIXTURES.parent / "tools" / "graph_picture.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    graph, members, neighbours = tool.dossier_graph([FIXTURES], "33529")
    assert {"kst-33529-355", "kst-33529-521", "kst-33529-466"} <= set(members)
    made = ElementTree.fromstring(tool.svg(graph, members, neighbours, "33529"))
    committed = ElementTree.fromstring(tool.DEFAULT_OUTPUT.read_text(encoding="utf-8"))
    titles = {element.text for element in committed.iter("{http://www.w3.org/2000/svg}title")}
    assert len(titles) == 11
    assert titles <= {element.text for element in made.iter("{http://www.w3.org/2000/svg}title")}
    paths = [element for element in committed.iter("{http://www.w3.org/2000/svg}path") if element.get("marker-end")]
    # one arrow per citing pair: 355->123, 355->143, 467->466, 468->466, 521->498, 521->502, 36566-18->1227
    assert len(paths) == 7
    assert len(paths) <= sum(1 for e in made.iter("{http://www.w3.org/2000/svg}path") if e.get("marker-end"))


def test_cli_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_FORMATS[0].read_bytes())))
    assert main(["graph", "-", "--dossier", "28676"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dossier 28676: 1 document parsed, 1 only cited")
    assert '  cites     kst-28676-464  "Kamerstuk 28 676, nr. 464" [note 1]' in out
