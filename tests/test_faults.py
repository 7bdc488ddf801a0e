"""Hostile and broken inputs: a clear error or a result with warnings, never a traceback, a hang or a lost
record; the batch accounts for every input exactly once and writes nothing outside --out."""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extract import GongmunError, extract_file
from extract.bulk import batch
from extract.cli import app
from extract.pipeline import Options

from .conftest import SAMPLES
from .faults import generate

EXIT_CODES = {0, 3, 4, 5, 6, 7, 10, 11, 12}


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("faults"))


class _Alarm:
    def __init__(self, seconds: int) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        def hang(*_: object) -> None:
            raise TimeoutError(f"no answer within {self.seconds}s")

        signal.signal(signal.SIGALRM, hang)
        signal.alarm(self.seconds)

    def __exit__(self, *_: object) -> None:
        signal.alarm(0)


def test_at_least_forty_faults(faults: list[Path]) -> None:
    assert len(faults) >= 40


def test_extract_each_fault_cleanly(faults: list[Path]) -> None:
    runner = CliRunner()
    outcomes = {}
    for path in faults:
        with _Alarm(120):
            r = runner.invoke(app, ["extract", str(path)])
        assert r.exit_code in EXIT_CODES, (path.name, r.exit_code, r.stderr, r.exception)
        assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, path.name
        if r.exit_code == 0:
            json.loads(r.stdout)
        else:
            assert r.stdout == "" and r.stderr.count("\n") == 1, (path.name, r.stderr)
        outcomes[path.name] = r.exit_code
    expected = {
        "zero.pdf": 5, "truncated-head.pdf": 10, "truncated.hwp": 10, "encrypted.pdf": 11, "thousands-of-pages.pdf": 7,
        "bomb.png": 7, "bomb.tif": 7, "random.pdf": 10, "random.hwpx": 10, "random.hwp": 10, "random.png": 10,
        "zip-bomb.hwpx": 7, "billion-laughs.hwpx": 10, "external-entity.hwpx": 10, "not-owpml.hwpx": 10,
        "nul-bytes.txt": 6, "one-50mb-line.txt": 7, "binary-named.txt": 6,
        "password.hwp": 11, "utf16-no-bom.txt": 0, "mixed-encodings.txt": 0, "deep-nesting.txt": 0,
        "english.txt": 0, "all-redacted.txt": 0, "dotdot-member.hwpx": 0, "garbage-layer.pdf": 0,
    }  # fmt: skip
    assert {k: outcomes[k] for k in expected} == expected


def test_redacted_report_invents_nobody(faults: list[Path]) -> None:
    report = extract_file(next(p for p in faults if p.name == "all-redacted.txt"))
    people = report.meeting.attendees if report.meeting else []
    assert all(p.name is None or "*" not in p.name for p in people)
    assert not report.decisions and not report.disagreements


def test_batch_over_faults_and_good_documents(faults: list[Path], tmp_path: Path) -> None:
    folder = faults[0].parent
    out = tmp_path / "run" / "out"
    before = set((tmp_path).rglob("*"))
    good = sorted(SAMPLES.glob("*.txt"))
    summary = batch.run_batch(
        [str(folder), *map(str, good)], out, Options(), jobs=2, jsonl=out / "all.jsonl", db=out / "db.sqlite",
        timeout=120,
    )  # fmt: skip
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    keys = [x["input"] for x in lines]
    assert len(keys) == len(set(keys))  # exactly once
    for g in good:
        assert next(x for x in lines if x["input"] == str(g))["status"] in {"ok", "partial"}
    assert all(x["reason"] for x in lines if x["status"] == "failed")
    assert summary.counts.get("failed", 0) >= 20
    created = set((tmp_path).rglob("*")) - before
    assert all(out in p.parents or p == out or p == out.parent for p in created)  # nothing outside --out
    with sqlite3.connect(out / "db.sqlite") as con:
        rows = {r[0] for r in con.execute("SELECT input FROM documents")}
    assert rows == {x["input"] for x in lines if x["status"] in {"ok", "partial"}}


def test_two_runs_are_identical(tmp_path: Path) -> None:
    inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        batch.run_batch(inputs, out, Options(), jobs=2, db=out / "db.sqlite")
        with sqlite3.connect(out / "db.sqlite") as con:
            rows = sorted(con.execute("SELECT input, sha256, kind, title, report FROM documents"))
            decisions = sorted(
                con.execute("SELECT d.input, x.ord, x.text FROM decisions x JOIN documents d ON d.id = x.document_id")
            )
        files = {p.name: p.read_bytes() for p in out.glob("*.json") if p.name != "summary.json"}
        outs.append((rows, decisions, files))
    assert outs[0] == outs[1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_arbitrary_text_gives_a_report_or_a_clean_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass") if False else path.write_bytes(
        text.encode("utf-8", errors="replace")
    )
    try:
        report = extract_file(path)
    except GongmunError:
        return
    assert report.schema_version == "1"
    json.loads(report.model_dump_json())


MEMORY_BOUND_MB = 1500  # stated in the README


def test_memory_stays_bounded_on_the_worst_inputs(faults: list[Path]) -> None:
    """Each of the worst inputs in a CLI run of its own: the run answers with a documented exit code and one
    error line at most (a run that dies on its first input must not pass for a bounded one), and no run's
    peak memory passes the bound the README states."""
    import resource
    import subprocess
    import sys

    worst = [p for p in faults if p.name in {"one-50mb-line.txt", "bomb.png", "bomb.tif", "zip-bomb.hwpx",
                                             "billion-laughs.hwpx", "thousands-of-pages.pdf", "deep-nesting.txt"}]  # fmt: skip
    assert len(worst) == 7
    for path in worst:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        run = subprocess.run(
            [sys.executable, "-m", "extract.cli", "extract", str(path)], capture_output=True, timeout=600, text=True
        )
        assert run.returncode in EXIT_CODES, (path.name, run.returncode, run.stderr[-500:])
        assert len(run.stderr.strip().splitlines()) <= 1, (path.name, run.stderr[-500:])
        if run.returncode == 0:
            json.loads(run.stdout)
        peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        assert peak_mb < MEMORY_BOUND_MB, path.name
