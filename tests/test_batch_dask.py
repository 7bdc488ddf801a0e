"""`batch --engine dask`: the same job on a dask.distributed LocalCluster with 2 workers gives the same
outputs as the local engine (JSON files, manifest, JSONL, database rows), records failures and timeouts the
same way, and a scheduler that cannot be reached is one clear error."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract.bulk import batch
from extract.pipeline import Options

from .conftest import SAMPLES

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install gongmun[dask])")

TABLES = {
    "documents": "input, sha256, format, kind, title, meeting_date, report",
    "attendees": "ord, name, title, organization, attendee_group, absent",
    "decisions": "*",
    "follow_ups": "*",
}


def _inputs(tmp: Path) -> Path:
    src = tmp / "in"
    src.mkdir()
    for p in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.hwpx")) + sorted(SAMPLES.glob("*.hwp")):
        shutil.copy(p, src / p.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "broken.hwpx").write_bytes(b"PK\x03\x04 not really")
    with zipfile.ZipFile(src / "bundle.zip", "w") as zf:
        zf.write(SAMPLES / "council-minutes.txt", "inner/minutes.txt")
    return src


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Database content by input, without the row ids (which follow completion order)."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with sqlite3.connect(db) as con:
        for table, cols in TABLES.items():
            if table == "documents":
                rows = con.execute(f"SELECT {cols} FROM documents ORDER BY input").fetchall()
            else:
                sql = f"SELECT d.input, t.* FROM {table} t JOIN documents d ON d.id = t.document_id ORDER BY d.input"
                rows = [(r[0], *[v for k, v in enumerate(r[1:]) if k > 1]) for r in con.execute(sql)]
            out[table] = sorted(rows, key=repr)
    return out


def _manifest(out: Path) -> list[dict[str, object]]:
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    for x in lines:
        x.pop("seconds")
    return lines


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.daemon": False}):
        c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
    yield c
    c.close()


def test_dask_engine_gives_the_same_outputs_as_the_local_engine(tmp_path: Path, cluster: Any) -> None:
    src = _inputs(tmp_path)
    runs = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        scheduler = cluster.scheduler_address if engine == "dask" else None
        summary = batch.run_batch(
            [str(src)], out, Options(), jobs=2, jsonl=out / "all.jsonl", db=out / "db.sqlite",
            engine=engine, scheduler=scheduler,
        )  # fmt: skip
        runs[engine] = (out, summary)
    (lo, ls), (do, ds) = runs["local"], runs["dask"]
    assert "gongmun" in cluster.scheduler.task_prefixes  # the documents did run on the cluster
    assert ls.counts == ds.counts and ls.counts["failed"] == 2 and ls.counts["ok"] >= 8
    assert _manifest(lo) == _manifest(do)
    assert (lo / "all.jsonl").read_bytes() == (do / "all.jsonl").read_bytes()
    names = sorted(p.name for p in lo.glob("*.json") if p.name != "summary.json")
    assert names == sorted(p.name for p in do.glob("*.json") if p.name != "summary.json")
    for name in names:
        assert (lo / name).read_bytes() == (do / name).read_bytes(), name
    assert _rows(lo / "db.sqlite") == _rows(do / "db.sqlite")
    keys = [x["input"] for x in _manifest(do)]
    assert any(k.endswith("bundle.zip!inner/minutes.txt") for k in keys)


def test_dask_engine_times_out_a_hanging_document(tmp_path: Path, cluster: Any) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "meeting-plan-scan.pdf", src / "slow.pdf")  # OCR takes seconds
    shutil.copy(SAMPLES / "council-minutes.txt", src / "fast.txt")
    out = tmp_path / "out"
    scheduler = cluster.scheduler_address
    batch.run_batch([str(src)], out, Options(), jobs=2, timeout=0.5, engine="dask", scheduler=scheduler)
    status = {Path(str(x["input"])).name: x for x in _manifest(out)}
    assert status["slow.pdf"]["status"] == "failed" and "timeout" in str(status["slow.pdf"]["reason"])
    assert status["fast.txt"]["status"] == "ok"


def test_cli_dask_with_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    cmd = [sys.executable, "-m", "extract.cli", "batch", str(SAMPLES / "council-minutes.txt"), "--out",
           str(tmp_path / "out"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "-q"]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 14, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Dask scheduler" in lines[0]
    bad = subprocess.run([*cmd[:-4], "--engine", "spark"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--engine" in bad.stderr


def _in_daemon(path: str, out: object) -> None:
    from extract.bulk.batch import Item
    from extract.bulk.dask_engine import run_one

    record = run_one(Item(key=path, path=path), Options(), 60.0, False)
    out.put((record["status"], record.get("format")))  # type: ignore[attr-defined]


def test_a_daemonic_dask_worker_runs_the_document_itself() -> None:
    """`dask worker` starts daemonic processes, which may not have children: the document then runs in
    the worker's own process instead of failing."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=_in_daemon, args=(str(SAMPLES / "council-minutes.txt"), out), daemon=True)
    proc.start()
    try:
        assert out.get(timeout=120) == ("ok", "txt")
    finally:
        proc.join(timeout=10)
