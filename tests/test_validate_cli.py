"""`kamerstuk validate` and `kamerstuk schema`: formats parsed back, exit codes, paths and configuration."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import PAGES, SEED
from lxml import etree

import kamerstuk
from kamerstuk.cli import main

SEED_TEXT = kamerstuk.parse_file(SEED).text
TEXT_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>KS\d{3}) (?P<message>.+)$")
GITHUB_LINE = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<code>KS\d{3})::(?P<message>.+)$"
)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the seed letter dated 2099 (KS204, error) and with marker 2 deleted (KS302, warning)."""
    path = tmp_path / "broken.txt"
    text = SEED_TEXT.replace("3 oktober 2024", "3 oktober 2099", 1).replace(
        "technologiegebieden2", "technologiegebieden"
    )
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A copy of the seed letter whose only problem is a warning (KS201: addressee deleted)."""
    path = tmp_path / "warned.txt"
    path.write_text(
        SEED_TEXT.replace("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "", 1), encoding="utf-8"
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command line."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(SEED))
    assert code == 0 and out.startswith("All checks passed")


def test_text_format_is_file_line_col_code_message(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    code, out, _ = run(capsys, "validate", str(broken))
    assert code == 1
    rows = [m.groupdict() for m in map(TEXT_LINE.match, out.splitlines()) if m]
    assert [(r["file"], r["code"]) for r in rows] == [(str(broken), "KS204"), (str(broken), "KS302")]
    line, column = int(rows[0]["line"]), int(rows[0]["col"])
    assert broken.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :].startswith("3 oktober 2099")
    assert out.splitlines()[-1].startswith("Found 2 problem(s) in 1 file(s) (1 error, 1 warning)")


def test_json_format_lists_every_diagnostic(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    code, out, _ = run(capsys, "validate", "--format", "json", str(broken), str(SEED))
    items = json.loads(out)
    assert code == 1
    assert [(i["file"], i["code"], i["severity"]) for i in items] == [
        (str(broken), "KS204", "error"),
        (str(broken), "KS302", "warning"),
    ]
    assert set(items[0]) == {"file", "code", "severity", "message", "line", "column", "span"}
    span = items[0]["span"]
    assert kamerstuk.parse_file(broken).text[span["start"] : span["end"]] == "3 oktober 2099"


def test_github_format_prints_workflow_annotations(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    _, out, _ = run(capsys, "validate", "--format", "github", str(broken))
    rows = [GITHUB_LINE.match(line) for line in out.splitlines()]
    assert all(rows) and len(rows) == 2
    assert [(m["level"], m["code"]) for m in rows if m] == [("error", "KS204"), ("warning", "KS302")]


def test_github_format_escapes_commas_and_colons_in_file_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a,b:c.txt"
    path.write_text(SEED_TEXT.replace("3 oktober 2024", "3 oktober 2099", 1), encoding="utf-8")
    _, out, _ = run(capsys, "validate", "--format", "github", str(path))
    assert "a%2Cb%3Ac.txt" in out and "a,b:c" not in out


def test_junit_format_has_a_testcase_per_file_and_a_failure_per_failing_diagnostic(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    code, out, _ = run(capsys, "validate", "--format", "junit", str(broken), str(SEED))
    root = etree.fromstring(out.encode("utf-8"))
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert code == 1
    assert [c.get("name") for c in cases] == [str(broken), str(SEED)]
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    assert [f.get("type") for f in cases[0].findall("failure")] == ["KS204"]
    assert "KS302" in (cases[0].findtext("system-out") or "")
    assert cases[1].findall("failure") == []


def test_junit_strict_makes_warnings_failures(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    _, out, _ = run(capsys, "validate", "--format", "junit", "--strict", str(broken))
    failures = etree.fromstring(out.encode("utf-8")).findall("testsuite/testcase/failure")
    assert [f.get("type") for f in failures] == ["KS204", "KS302"]


def test_warnings_fail_only_with_strict(capsys: pytest.CaptureFixture[str], warned: Path) -> None:
    assert run(capsys, "validate", str(warned))[0] == 0
    assert run(capsys, "validate", "--strict", str(warned))[0] == 1


def test_select_and_ignore_take_code_prefixes(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    assert run(capsys, "validate", "--select", "KS3", str(broken))[0] == 0
    code, out, _ = run(capsys, "validate", "--select", "KS2,KS3", "--ignore", "KS204", "--format", "json", str(broken))
    assert code == 0 and [i["code"] for i in json.loads(out)] == ["KS302"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "validate")[0] == 2
    assert run(capsys, "validate", "--format", "xml", str(SEED))[0] == 2
    code, _, err = run(capsys, "validate", "--select", "KS8", str(SEED))
    assert code == 2 and "KS8" in err
    assert run(capsys, "validate", "--ignore", "KS8", str(tmp_path))[0] == 2
    code, _, err = run(capsys, "validate", str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err


def test_directory_is_searched_and_unparseable_file_is_ks900(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "letter.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "empty.html").write_text("  \n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a Kamerstuk", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--format", "json", str(tmp_path))
    assert code == 1
    assert [(Path(i["file"]).name, i["code"], i["line"]) for i in json.loads(out)] == [("empty.html", "KS900", None)]
    assert "input is empty" in json.loads(out)[0]["message"]


def test_real_pages_directory_runs_without_crash(capsys: pytest.CaptureFixture[str]) -> None:
    # KS100 (an error) fires on the real pages whose copied text is mostly site text; see test_validate_rules
    code, out, _ = run(capsys, "validate", "--format", "json", "--select", "KS1", "--ignore", "KS100", str(PAGES))
    files = {Path(i["file"]).name for i in json.loads(out)}
    assert code == 0 and "ah-tk-20152016-832.txt" in files


def test_output_file(capsys: pytest.CaptureFixture[str], broken: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.xml"
    code, out, _ = run(capsys, "validate", "--format", "junit", "-o", str(report), str(broken))
    assert code == 1 and out == ""
    assert etree.parse(str(report)).getroot().tag == "testsuites"


def write_pyproject(directory: Path, table: str) -> Path:
    """A pyproject.toml with the given [tool.kamerstuk] table body."""
    path = directory / "pyproject.toml"
    path.write_text(f'[project]\nname = "x"\n\n[tool.kamerstuk]\n{table}\n', encoding="utf-8")
    return path


def test_config_is_found_upward_from_the_file(capsys: pytest.CaptureFixture[str], broken: Path, tmp_path: Path) -> None:
    write_pyproject(tmp_path, 'ignore = ["KS2"]\nseverities = { KS302 = "error" }')
    nested = tmp_path / "deep" / "er"
    nested.mkdir(parents=True)
    (nested / "pyproject.toml").write_text('[project]\nname = "no table here"\n', encoding="utf-8")
    moved = nested / broken.name
    broken.rename(moved)
    code, out, _ = run(capsys, "validate", "--format", "json", str(moved))
    assert code == 1 and [(i["code"], i["severity"]) for i in json.loads(out)] == [("KS302", "error")]


def test_command_line_select_replaces_configured_select(
    capsys: pytest.CaptureFixture[str], broken: Path, tmp_path: Path
) -> None:
    write_pyproject(tmp_path, 'select = ["KS3"]')
    assert [i["code"] for i in json.loads(run(capsys, "validate", "--format", "json", str(broken))[1])] == ["KS302"]
    out = run(capsys, "validate", "--format", "json", "--select", "KS2", str(broken))[1]
    assert [i["code"] for i in json.loads(out)] == ["KS204"]


def test_config_option_overrides_discovery(capsys: pytest.CaptureFixture[str], broken: Path, tmp_path: Path) -> None:
    write_pyproject(tmp_path, 'ignore = ["KS"]')
    other = tmp_path / "other"
    other.mkdir()
    config = write_pyproject(other, 'select = ["KS204"]')
    assert run(capsys, "validate", str(broken))[0] == 0
    code, out, _ = run(capsys, "validate", "--config", str(config), "--format", "json", str(broken))
    assert code == 1 and [i["code"] for i in json.loads(out)] == ["KS204"]


@pytest.mark.parametrize(
    "table",
    ['selekt = ["KS1"]', 'select = ["KS8"]', 'select = "KS1"', 'severities = { KS101 = "fatal" }', "select = ["],
)
def test_bad_config_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], broken: Path, tmp_path: Path, table: str
) -> None:
    write_pyproject(tmp_path, table)
    code, _, err = run(capsys, "validate", str(broken))
    assert code == 2 and "pyproject.toml" in err


def test_schema_describes_what_parse_prints(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Document"
    dumped = json.loads(kamerstuk.parse_file(SEED).model_dump_json())
    assert set(dumped) <= set(schema["properties"])
    assert set(dumped["references"][0]) <= set(schema["$defs"]["Reference"]["properties"])
    assert "identifiers" in schema["$defs"]["Reference"]["required"]


def test_schema_validation_mode_leaves_computed_fields_out(capsys: pytest.CaptureFixture[str]) -> None:
    schema = json.loads(run(capsys, "schema", "--mode", "validation")[1])
    assert "identifiers" not in schema["$defs"]["Reference"]["properties"]
