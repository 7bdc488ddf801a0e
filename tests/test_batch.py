"""Bulk import: manifest, outputs, JSONL and SQLite agree; resume; archives; timeouts; SIGKILL at any time."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from extract.bulk import batch
from extract.pipeline import Options

from .conftest import SAMPLES

TEXTS = sorted(p for p in SAMPLES.glob("*.txt"))


def _corpus(tmp: Path) -> Path:
    src = tmp / "in"
    src.mkdir()
    for p in TEXTS:
        shutil.copy(p, src / p.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "broken.hwpx").write_bytes(b"PK\x03\x04 not really")
    (src / "notes.docx").write_text("무시", encoding="utf-8")  # not a report type: not discovered
    return src


def _invariants(out: Path, jsonl: Path, db: Path, expected: set[str]) -> list[dict]:
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    keys = [x["input"] for x in lines]
    assert sorted(keys) == sorted(expected)  # every input exactly once
    done = {x["input"] for x in lines if x["status"] in {"ok", "partial"}}
    got = [json.loads(x)["input"] for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert sorted(got) == sorted(done)
    with sqlite3.connect(db) as con:
        rows = [r[0] for r in con.execute("SELECT input FROM documents")]
    assert sorted(rows) == sorted(done)
    for x in lines:
        if x["output"]:
            json.loads((out / x["output"]).read_text(encoding="utf-8"))
    assert not list(out.glob(".*.tmp"))  # no partial files
    return lines


def test_batch_records_everything_once(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out, jsonl, db = tmp_path / "out", tmp_path / "all.jsonl", tmp_path / "db.sqlite"
    summary = batch.run_batch([str(src)], out, Options(), jobs=2, jsonl=jsonl, db=db)
    expected = {str(src / p.name) for p in TEXTS} | {str(src / "empty.txt"), str(src / "broken.hwpx")}
    lines = _invariants(out, jsonl, db, expected)
    status = {Path(x["input"]).name: (x["status"], x["reason"]) for x in lines}
    assert status["empty.txt"][0] == "failed" and "empty" in status["empty.txt"][1]
    assert status["broken.hwpx"][0] == "failed"
    assert summary.counts["failed"] == 2
    with sqlite3.connect(db) as con:
        hits = con.execute("SELECT kind, text FROM search WHERE search MATCH ?", ('"명부"',)).fetchall()
        assert hits and all(k in {"decision", "disagreement"} for k, _ in hits)
        parties = {r[0] for r in con.execute("SELECT party FROM positions")}
        assert {"구", "협의회"} <= parties
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_resume_skips_done_and_updates_changed(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out, jsonl, db = tmp_path / "out", tmp_path / "all.jsonl", tmp_path / "db.sqlite"
    batch.run_batch([str(src)], out, Options(), jsonl=jsonl, db=db)
    again = batch.run_batch([str(src)], out, Options(), jsonl=jsonl, db=db)
    assert again.counts.get("skipped") == len(TEXTS) + 2  # done and failed inputs alike
    retried = batch.run_batch([str(src)], out, Options(), jsonl=jsonl, db=db, retry_failed=True)
    assert retried.counts.get("failed") == 2 and retried.counts.get("skipped") == len(TEXTS)
    _invariants(out, jsonl, db, {str(p) for p in src.iterdir() if p.suffix in batch.SUFFIXES})
    target = src / TEXTS[0].name
    target.write_text(target.read_text(encoding="utf-8").replace("보고", "보고 ", 1), encoding="utf-8")
    third = batch.run_batch([str(src)], out, Options(), jsonl=jsonl, db=db)
    assert third.counts.get("ok", 0) + third.counts.get("partial", 0) == 1
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    latest = {}
    for x in lines:
        latest[x["input"]] = x
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(TEXTS)
        sha = con.execute("SELECT sha256 FROM documents WHERE input = ?", (str(target),)).fetchone()[0]
    assert sha == latest[str(target)]["sha256"]
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == len(TEXTS)


def test_archives_and_legacy_names(tmp_path: Path) -> None:
    archive = tmp_path / "old.zip"
    legacy = "회의결과.txt".encode("cp949")  # an old Korean zip: CP949 name bytes, no UTF-8 flag
    placeholder = b"X" * (len(legacy) - 4) + b".txt"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(placeholder.decode(), TEXTS[0].read_bytes())
        zf.writestr("../../escape.txt", TEXTS[1].read_bytes())  # traversal names are just keys
    archive.write_bytes(archive.read_bytes().replace(placeholder, legacy))
    tar = tmp_path / "more.tar.gz"
    with tarfile.open(tar, "w:gz") as tf:
        tf.add(TEXTS[2], arcname="sub/plan.txt")
    out = tmp_path / "out"
    batch.run_batch([str(archive), str(tar)], out, Options())
    keys = {json.loads(x)["input"] for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()}
    assert keys == {f"{archive}!회의결과.txt", f"{archive}!../../escape.txt", f"{tar}!sub/plan.txt"}
    assert not (tmp_path.parent / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()
    assert all(p.parent == out for p in out.iterdir())


def test_a_hanging_document_times_out_and_the_run_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "meeting-plan-scan.pdf", src / "slow.pdf")  # OCR takes seconds
    shutil.copy(TEXTS[0], src / "fast.txt")
    out = tmp_path / "out"
    batch.run_batch([str(src)], out, Options(), jobs=1, timeout=0.5)
    status = {
        Path(json.loads(x)["input"]).name: json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()
    }
    assert status["slow.pdf"]["status"] == "failed" and "timeout" in status["slow.pdf"]["reason"]
    assert status["fast.txt"]["status"] == "ok"


def test_a_worker_past_its_memory_limit_is_replaced_and_nothing_is_lost() -> None:
    from extract.bulk.workers import Pool

    items = [batch.Item(key=str(p), path=str(p)) for p in TEXTS[:3]]
    got: dict[int, dict] = {}
    pool = Pool(1, Options(), timeout=120, max_rss_mb=1.0)  # every worker is "too big" after one document
    try:
        pool.run(items, lambda i, rec: got.__setitem__(i, rec))
    finally:
        pool.close()
    assert sorted(got) == [0, 1, 2] and all(r["status"] == "ok" and r["rss_mb"] > 1.0 for r in got.values())
    assert pool.started == 3  # the first worker and one replacement after each of the first two documents


def test_symlink_loop_is_cut(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    shutil.copy(TEXTS[0], src / "a" / "r.txt")
    os.symlink(src, src / "a" / "loop")
    items = list(batch.discover([str(src)]))
    assert [Path(i.key).name for i in items].count("r.txt") <= 2  # visited once per real directory


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_any_moment_then_resume(tmp_path: Path, seed: int) -> None:
    src = _corpus(tmp_path)
    for k in range(3):  # more work, so that the kill lands mid-run
        for p in TEXTS:
            shutil.copy(p, src / f"copy{k}-{p.name}")
    out, jsonl, db = tmp_path / "out", tmp_path / "all.jsonl", tmp_path / "db.sqlite"
    cmd = [sys.executable, "-m", "extract.cli", "batch", str(src), "--out", str(out), "--jsonl", str(jsonl),
           "--db", str(db), "--quiet", "-j", "2"]  # fmt: skip
    proc = subprocess.Popen(cmd, start_new_session=True)
    deadline = time.time() + 60
    target = seed  # kill after `seed` documents are recorded
    while time.time() < deadline:
        if (out / "manifest.jsonl").exists() and len((out / "manifest.jsonl").read_bytes().splitlines()) >= target:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, check=False, timeout=300)
    expected = {str(p) for p in src.iterdir() if p.suffix in batch.SUFFIXES}
    _invariants(out, jsonl, db, expected)


def test_a_resumed_run_removes_the_temporary_files_of_a_killed_one(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    (out / "review").mkdir(parents=True)
    stale = [out / ".r-0123abcd.json.k2x9.tmp", out / "review" / ".r-0123abcd.html.a1b2.tmp"]
    for p in stale:  # what a SIGKILL between writing and renaming leaves
        p.write_text("{", encoding="utf-8")
    (out / "keep.tmp").write_text("not ours", encoding="utf-8")
    batch.run_batch([str(src)], out, Options(), jobs=1)
    assert not any(p.exists() for p in stale) and (out / "keep.tmp").exists()


def test_review_pages_and_index(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    batch.run_batch([str(src)], out, Options(), jobs=2, review=True)
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (out / "review").glob("*.html") if p.name != "index.html")
    assert len(pages) == len(TEXTS)
    for name in pages:
        assert f'href="{name}"' in index
    assert "empty.txt" in index and "broken.hwpx" in index  # failures with reasons


def test_positions_without_a_stated_stance(tmp_path: Path) -> None:
    from extract import extract_file
    from extract.out.sqlite_store import Store

    src = tmp_path / "r.txt"
    src.write_text("협의 결과\n○ 운영 시간\n - 야간 개방에 대해 구와 센터 간 이견이 있었음\n", encoding="utf-8")
    report = json.loads(extract_file(src).model_dump_json())
    assert [p["stance"] for p in report["disagreements"][0]["positions"]] == [None, None]
    new, old = tmp_path / "new.sqlite", tmp_path / "old.sqlite"
    with sqlite3.connect(old) as con:  # a database made when every stance was text
        con.execute(
            "CREATE TABLE positions (id INTEGER PRIMARY KEY, disagreement_id INTEGER NOT NULL, "
            "ord INTEGER NOT NULL, party TEXT NOT NULL, stance TEXT NOT NULL)"
        )
    for db, stored in ((new, None), (old, "")):
        store = Store(db)
        store.upsert_many([("r.txt", "0" * 64, report)])
        assert [r[0] for r in store.db.execute("SELECT stance FROM positions")] == [stored, stored]
        store.db.close()
