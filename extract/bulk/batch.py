"""Bulk import: inputs from files, folders, globs and archives; a pool of worker processes with a
per-document time limit; atomic outputs; a manifest that makes a killed run resumable.

Commit order for each document: its JSON file (atomic rename) -> the SQLite rows (one transaction for a
group of documents) -> the manifest lines of that group (flushed). The manifest is the record of what is
done: on resume, inputs already in it with the same hash are skipped, a torn last line is dropped, and the
JSON Lines file is rebuilt from the manifest, so every input ends up exactly once in the manifest, the JSONL and the DB.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..out import writers
from ..pipeline import Options
from .inputs import SUFFIXES, Item, discover
from .workers import Pool

__all__ = ["SUFFIXES", "Item", "discover", "run_batch"]


def output_name(item: Item, sha256: str) -> str:
    """A stable, file-system-safe name from the input path and its hash."""
    stem = Path(item.key.split("!")[-1]).stem
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)[:60].strip("._") or "document"
    return f"{safe}-{sha256[:12]}.json"


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    formats: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)
    slowest: list[tuple[str, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts, "formats": self.formats, "pages": self.pages,
            "seconds": round(self.seconds, 2),
            "pages_per_second": round(self.pages / self.seconds, 2) if self.seconds else None,
            "failed": [{"input": k, "reason": r} for k, r in self.failed],
            "slowest": [{"input": k, "seconds": round(s, 2)} for k, s in self.slowest],
        }  # fmt: skip


class Manifest:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: dict[str, dict[str, Any]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line torn by a kill: the input will be done again
                self.records[rec["input"]] = rec  # a retried input: its last record counts
            self.compact()
        self.fh = path.open("a", encoding="utf-8")

    def compact(self) -> None:
        """Rewrite the manifest with one line per input (atomic), as after a retry or a torn line."""
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records.values())
        writers.write_atomic(self.path, lines)

    def append(self, record: dict[str, Any]) -> None:
        """Flushed to the OS at once (a killed process loses nothing); fsynced at close, like the
        database in WAL mode with synchronous=NORMAL (a power cut may lose the last lines, never tear
        the files: those documents are simply done again)."""
        self.records[record["input"]] = record
        self.fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.fh.flush()

    def close(self, order: list[str] | None = None) -> None:
        """Close and compact; with `order` (the inputs as discovered), lines follow the input order, so
        the manifest and the JSONL do not depend on which worker or engine finished first."""
        os.fsync(self.fh.fileno())
        self.fh.close()
        if order is not None:
            rank = {key: k for k, key in enumerate(order)}
            ranked = sorted(self.records.items(), key=lambda kv: rank.get(kv[0], len(rank)))
            self.records = dict(ranked)
        self.compact()


class Committer:
    """Writes each document's JSON at once and commits the database rows and manifest lines in groups:
    one transaction for the group's rows, then the group's manifest lines. A kill before the manifest lines
    are written means those documents are done again on resume (their JSON files are simply rewritten),
    so every input still ends up exactly once everywhere; one transaction per group instead of per
    document keeps the parent process light while the workers run."""

    def __init__(self, out: Path, manifest: Manifest, store: Any, size: int = 64, seconds: float = 1.0) -> None:
        self.out, self.manifest, self.store, self.size, self.seconds = out, manifest, store, size, seconds
        self.rows: list[tuple[str, str, dict[str, Any]]] = []
        self.lines: list[dict[str, Any]] = []
        self.last = time.monotonic()

    def add(self, item: Item, result: dict[str, Any]) -> dict[str, Any]:
        reason = " ".join(str(result["reason"]).split()) if result.get("reason") else None  # one line
        rec: dict[str, Any] = {
            "input": item.key, "status": result["status"], "reason": reason, "exit_code": result.get("exit_code"),
            "sha256": result.get("sha256"), "pages": result.get("pages"),
            "seconds": round(result.get("seconds") or 0.0, 3), "output": None,
        }  # fmt: skip
        report_json = result.get("report")  # pretty JSON, as written
        if report_json is not None:
            name = output_name(item, result["sha256"])
            writers.write_atomic(self.out / name, report_json)
            rec["output"] = name
            if self.store is not None:
                self.rows.append((item.key, result["sha256"], json.loads(report_json)))
            if result.get("review"):
                writers.write_atomic(self.out / "review" / name.replace(".json", ".html"), result["review"])
        self.lines.append(rec)
        if len(self.lines) >= self.size or time.monotonic() - self.last >= self.seconds:
            self.flush()
        return rec

    def flush(self) -> None:
        if self.store is not None and self.rows:
            self.store.upsert_many(self.rows)
        for rec in self.lines:
            self.manifest.append(rec)
        self.rows, self.lines, self.last = [], [], time.monotonic()


def run_batch(
    inputs: list[str],
    out: Path,
    options: Options,
    jobs: int = 1,
    jsonl: Path | None = None,
    db: Path | None = None,
    timeout: float = 300.0,
    fail_fast: bool = False,
    retry_failed: bool = False,
    review: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[dict[str, Any], int, int], None] | None = None,
) -> Summary:
    from ..out import sqlite_store

    out.mkdir(parents=True, exist_ok=True)
    for folder in (out, out / "review"):  # a run killed while writing leaves its temporary files
        for partial in folder.glob(".*.tmp"):
            partial.unlink(missing_ok=True)
    manifest = Manifest(out / "manifest.jsonl")
    store = sqlite_store.Store(db) if db is not None else None
    items = list(discover(inputs))
    todo: list[Item] = []
    summary = Summary()
    t_start = time.perf_counter()
    for item in items:
        prev = manifest.records.get(item.key)
        if prev is not None and (prev["status"] != "failed" or not retry_failed):
            if not prev.get("sha256") or not (item.path and Path(item.path).exists()):
                continue  # recorded before; archive members and unreadable inputs are not re-hashed
            if _sha(item) == prev["sha256"]:
                continue  # done, with the same content
        todo.append(item)
    done_count = len(items) - len(todo)

    completed = [done_count]

    commits = Committer(out, manifest, store)

    def record(index: int, result: dict[str, Any]) -> None:
        item = todo[index]
        completed[0] += 1
        rec = commits.add(item, result)
        summary.counts[rec["status"]] = summary.counts.get(rec["status"], 0) + 1
        if result.get("format"):
            summary.formats[result["format"]] = summary.formats.get(result["format"], 0) + 1
        summary.pages += rec["pages"] or 0
        if rec["status"] == "failed":
            summary.failed.append((item.key, rec["reason"] or ""))
        summary.slowest = sorted([*summary.slowest, (item.key, rec["seconds"])], key=lambda kv: -kv[1])[:5]
        if progress is not None:
            progress(rec, completed[0], len(items))
        if fail_fast and rec["status"] == "failed":
            raise BatchStopped(rec["reason"] or "failed")

    pool = _engine(engine, scheduler, max(1, jobs), options, timeout, review) if todo else None
    try:
        if pool is not None:
            pool.run(todo, record)
    finally:
        if pool is not None:
            pool.close()
        commits.flush()
        manifest.close([item.key for item in items])
        if store is not None:
            store.close()
        if jsonl is not None:
            rebuild_jsonl(out, manifest, jsonl)
        if review:
            from ..out.review import batch_index

            writers.write_atomic(out / "review" / "index.html", batch_index(out, list(manifest.records.values())))
        summary.seconds = time.perf_counter() - t_start
        skipped = len(items) - len(todo)
        if skipped:
            summary.counts["skipped"] = summary.counts.get("skipped", 0) + skipped
        writers.write_atomic(out / "summary.json", json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
    return summary


def _engine(engine: str, scheduler: str | None, jobs: int, options: Options, timeout: float, review: bool) -> Any:
    if engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(scheduler, jobs, options, timeout, review=review)
    return Pool(jobs, options, timeout, review=review)


class BatchStopped(Exception):
    """--fail-fast: the first failure stops the run (everything done so far stays recorded)."""


def _sha(item: Item) -> str:
    h = hashlib.sha256()
    with open(item.path or "", "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def rebuild_jsonl(out: Path, manifest: Manifest, target: Path) -> None:
    """One line per extracted document in the manifest, in manifest order (atomic rewrite)."""
    lines: list[str] = []
    for rec in manifest.records.values():
        if rec.get("output") and (out / rec["output"]).exists():
            report = json.loads((out / rec["output"]).read_text(encoding="utf-8"))
            lines.append(json.dumps({"input": rec["input"], **report}, ensure_ascii=False))
    writers.write_atomic(target, "".join(line + "\n" for line in lines))
