"""The command line, driven through typer's runner: exact exit codes, stdout only JSON, stderr one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import __version__
from extract.cli import app
from extract.errors import ExitCode

from .conftest import SAMPLES

runner = CliRunner()
SAMPLE = str(SAMPLES / "meeting-result-two-sittings.txt")
OTHER = str(SAMPLES / "approval-purchase.txt")


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout == f"gongmun {__version__}\n"


def test_one_input_prints_one_json_document() -> None:
    r = runner.invoke(app, ["extract", SAMPLE])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["schema_version"] == "1" and doc["kind"] == "meeting_result"


def test_several_inputs_print_json_lines() -> None:
    r = runner.invoke(app, ["extract", SAMPLE, OTHER])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert [json.loads(x)["kind"] for x in lines] == ["meeting_result", "other"]


def test_output_file_and_folder(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    assert runner.invoke(app, ["extract", SAMPLE, "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["kind"] == "meeting_result"
    folder = tmp_path / "out"
    folder.mkdir()
    r = runner.invoke(app, ["extract", SAMPLE, OTHER, "-o", str(folder)])
    assert r.exit_code == 0 and r.stdout == ""
    assert sorted(p.name for p in folder.iterdir()) == ["approval-purchase.json", "meeting-result-two-sittings.json"]


def test_stdin() -> None:
    r = runner.invoke(app, ["extract", "-"], input=Path(SAMPLE).read_bytes())
    assert r.exit_code == 0
    assert json.loads(r.stdout)["source"]["path"] == "-"


def test_schema_command() -> None:
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["title"].startswith("gongmun Report")


ERRORS = [
    ("missing", 3, "no such file"),
    ("dir", 3, "is a directory"),
    ("empty.txt", 5, "the file is empty"),
    ("binary.txt", 6, "binary content"),
    ("undecodable.txt", 6, "neither UTF-8"),
    ("notes.docx", 4, "unsupported file type"),
]


@pytest.mark.parametrize(("name", "code", "message"), ERRORS)
def test_bad_input_gives_one_line_and_an_exit_code(tmp_path: Path, name: str, code: int, message: str) -> None:
    path = tmp_path / name
    if name == "dir":
        path.mkdir()
    elif name == "empty.txt":
        path.write_bytes(b"")
    elif name == "binary.txt":
        path.write_bytes(b"\x00\x01\x02garbage\x00" * 20)
    elif name == "undecodable.txt":
        path.write_bytes(b"\xff\xfa\xfb\x81\x20" * 30)
    elif name == "notes.docx":
        path.write_text("보고", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(path)])
    assert r.exit_code == code
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and message in r.stderr and r.stderr.startswith("gongmun: error: ")


def test_a_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    r = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), SAMPLE])
    assert r.exit_code == 3
    assert json.loads(r.stdout)["kind"] == "meeting_result"


def test_models_override(tmp_path: Path) -> None:
    import shutil

    from .conftest import ROOT

    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    titles = models / "lexicons" / "titles.tsv"
    text = titles.read_text(encoding="utf-8")
    titles.write_text(text.replace("title\t관장\n", "").replace("suffix\t관장\n", ""), encoding="utf-8")
    names = lambda out: {p["name"] for p in json.loads(out)["meeting"]["attendees"]}  # noqa: E731
    assert "윤채린" in names(runner.invoke(app, ["extract", SAMPLE]).stdout)
    r = runner.invoke(app, ["extract", SAMPLE, "--models", str(models)])
    assert r.exit_code == 0
    assert "윤채린" not in names(r.stdout)  # 관장 is no longer a title, so `윤채린 관장` is not a person


def test_invalid_models_name_file_and_line(tmp_path: Path) -> None:
    import shutil

    from .conftest import ROOT

    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    labels = models / "lexicons" / "labels.tsv"
    labels.write_text(labels.read_text(encoding="utf-8") + "no_such_field\t라벨\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", SAMPLE, "--models", str(models)])
    assert r.exit_code == 8
    assert "labels.tsv:" in r.stderr and "unknown key 'no_such_field'" in r.stderr


@pytest.mark.parametrize("command", [["extract", SAMPLE], ["review", SAMPLE], ["batch", SAMPLE, "--out", "unused"]])
def test_a_misspelt_ocr_mode_is_a_usage_error_on_every_command(command: list[str]) -> None:
    r = runner.invoke(app, [*command, "--ocr", "nevr"])
    assert r.exit_code == ExitCode.USAGE, r.stdout
    assert "nevr" in r.stderr and not Path("unused").exists()


def test_exit_codes_are_one_enum() -> None:
    from extract import errors

    codes = {cls.exit_code for cls in vars(errors).values() if isinstance(cls, type) and hasattr(cls, "exit_code")}
    assert codes <= set(ExitCode) and all(isinstance(c, ExitCode) for c in codes)
    assert len({c.value for c in ExitCode}) == len(ExitCode)


def test_a_bug_is_one_line_and_the_other_inputs_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract import pipeline

    real = pipeline.run

    def broken(raw, options=pipeline.DEFAULT):  # type: ignore[no-untyped-def]
        if "two-sittings" in raw.source.path:
            raise ZeroDivisionError("boom")
        return real(raw, options)

    monkeypatch.setattr(pipeline, "run", broken)
    r = runner.invoke(app, ["extract", SAMPLE, OTHER])
    assert r.exit_code == ExitCode.INTERNAL
    assert r.stderr.strip().splitlines() == [f"gongmun: error: {SAMPLE}: internal error: ZeroDivisionError: boom"]
    assert [json.loads(x)["kind"] for x in r.stdout.splitlines()] == ["other"]
    r = runner.invoke(app, ["extract", "-v", SAMPLE])
    assert "Traceback" in r.stderr and "ZeroDivisionError" in r.stderr


def test_eval_by_rule_and_scoped_floors(tmp_path: Path) -> None:
    gold = {
        "id": "two-sittings", "inputs": [str(Path(SAMPLE).resolve())], "kind": "meeting_result",
        "decisions": [{"text": "10월부터 시범 운영하고 이용 실적을 분석하여 연장 여부를 확정하기로 함"}],
    }  # fmt: skip
    (tmp_path / "two-sittings.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    r = runner.invoke(app, ["eval", str(tmp_path), "--by-rule"])
    assert r.exit_code == 0, r.stderr
    rows = {line.split()[0]: line.split()[1:] for line in r.stdout.splitlines() if line.startswith("decision/")}
    assert rows["decision/outcome-cue"][:1] == ["1"]  # the gold decision, found by that rule
    assert any(line.startswith("meeting_result ") for line in r.stdout.splitlines())
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"scopes": {"results": {"kinds": ["meeting_result"], "floors": {"decisions": 1.0}}}}))
    r = runner.invoke(app, ["eval", str(tmp_path), "--floors", str(floors)])
    assert r.exit_code == ExitCode.BELOW_FLOOR  # the other decisions of the sample are false positives here
    assert "results: decisions:" in r.stderr


def test_eval_coverage_of_an_archive_without_gold(tmp_path: Path) -> None:
    import shutil

    for name in ("meeting-result-two-sittings.txt", "council-minutes.txt", "approval-purchase.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    (tmp_path / "broken.hwpx").write_bytes(b"PK\x03\x04 not really a zip")
    r = runner.invoke(app, ["eval", "--coverage", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["documents"] == 4 and summary["kinds"] == {"meeting_result": 1, "minutes": 1, "other": 1}
    assert [(f["input"].endswith("broken.hwpx"), f["exit_code"]) for f in summary["failed"]] == [(True, 10)]
    result = summary["by_kind"]["meeting_result"]
    assert (result["documents"], result["date"], result["attendees"], result["decisions"]) == (1, 1.0, 1.0, 1.0)
    assert summary["by_kind"]["other"]["date"] == 0.0
    assert summary["meeting_share"] == round(2 / 3, 4)
    r = runner.invoke(app, ["eval", "--coverage", str(tmp_path)])
    assert r.exit_code == 0
    rows = {line.split()[0]: line for line in r.stdout.splitlines()}
    assert rows["minutes"].split()[1] == "1" and "failed 1" in r.stdout


def test_eval_needs_gold_or_coverage() -> None:
    r = runner.invoke(app, ["eval"])
    assert r.exit_code == ExitCode.USAGE and "--coverage" in r.stderr


def test_review_writes_one_page_that_names_each_items_rule(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    r = runner.invoke(app, ["review", SAMPLE, "-o", str(target)])
    assert r.exit_code == 0, r.stderr
    page = target.read_text(encoding="utf-8")
    assert 'data-item="decision-0"' in page and '<code class="rule">decision/outcome-cue</code>' in page
    r = runner.invoke(app, ["review", str(tmp_path / "missing.txt")])
    assert r.exit_code == ExitCode.NOT_FOUND and r.stderr.count("\n") == 1


def test_verbose_says_what_each_stage_did() -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "extract.cli", "extract", "-v", SAMPLE], capture_output=True, text=True)
    assert r.returncode == 0
    said = r.stderr.splitlines()  # the document ran in a forked child: its lines reach the same stderr
    assert any("read as txt, 1 pages (text)" in line for line in said)
    assert any("analysed and extracted in" in line and "meeting_result" in line for line in said)
    assert not any("warm-up" in line for line in said)
    assert json.loads(r.stdout)["kind"] == "meeting_result"  # stdout stays JSON only
