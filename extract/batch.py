"""Bulk import: inputs from files, folders, globs and archives; a pool of worker processes with a
per-document time limit; atomic outputs; a manifest that makes a killed run resumable.

Commit order for each document: its JSON file (atomic rename) -> the SQLite rows (one transaction for a
group of documents) -> the manifest lines of that group (flushed). The manifest is the record of what is
done: on resume, inputs already in it with the same hash are skipped, a torn last line is dropped, and the
JSON Lines file is rebuilt from the manifest, so every input ends up exactly once in the manifest, the JSONL and the DB.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import writers
from .pipeline import Options
from .workers import Pool

SUFFIXES = {".txt", ".md", ".hwpx", ".hwp", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
MAX_MEMBER = 512 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """One input: a file, or an archive member (`archive.zip!member`) with its bytes read lazily."""

    key: str
    path: str | None = None  # a file on disk
    archive: str | None = None
    member: str | None = None
    error: str | None = None  # an archive that could not be listed

    def data(self) -> bytes:
        if self.error is not None:
            raise ValueError(self.error)
        if self.path is not None:
            return Path(self.path).read_bytes()
        assert self.archive is not None and self.member is not None
        if zipfile.is_zipfile(self.archive):
            with zipfile.ZipFile(self.archive) as zf:
                info = zf.getinfo(self.member)
                if info.file_size > MAX_MEMBER:
                    raise ValueError(f"member is {info.file_size} bytes (limit {MAX_MEMBER})")
                with zf.open(info) as fh:
                    return fh.read(MAX_MEMBER + 1)
        with tarfile.open(self.archive) as tf:
            extracted = tf.extractfile(tf.getmember(self.member))
            if extracted is None:
                raise ValueError("not a regular file")
            return extracted.read(MAX_MEMBER + 1)


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Legacy Korean zips store CP949 names without the UTF-8 flag; Python decodes them as CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp949")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _archive_items(path: Path) -> Iterator[Item]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.is_dir() or (info.external_attr >> 16) & 0o170000 == 0o120000:  # dirs, symlinks
                    continue
                shown = _zip_name(info)
                if Path(shown).suffix.lower() in SUFFIXES:
                    yield Item(key=f"{path}!{shown}", archive=str(path), member=info.filename)
    else:
        with tarfile.open(path) as tf:
            for m in tf.getmembers():
                if m.isfile() and Path(m.name).suffix.lower() in SUFFIXES:
                    yield Item(key=f"{path}!{m.name}", archive=str(path), member=m.name)


def _is_archive(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz"))


def discover(inputs: list[str]) -> Iterator[Item]:
    """Files, folders (recursive, symlink loops cut), globs and archives -> items, in a stable order."""
    seen: set[str] = set()
    for raw in inputs:
        matches = sorted(glob.glob(raw, recursive=True)) if any(c in raw for c in "*?[") else [raw]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                visited: set[tuple[int, int]] = set()
                for root, dirs, files in os.walk(p, followlinks=True):
                    st = os.stat(root)
                    if (st.st_dev, st.st_ino) in visited:
                        dirs[:] = []
                        continue
                    visited.add((st.st_dev, st.st_ino))
                    dirs.sort()
                    for f in sorted(files):
                        fp = Path(root) / f
                        yield from _file_items(fp, seen)
            else:
                yield from _file_items(p, seen)


def _file_items(p: Path, seen: set[str]) -> Iterator[Item]:
    key = str(p)
    if key in seen:
        return
    seen.add(key)
    if p.is_file() and _is_archive(p):
        try:
            yield from _archive_items(p)
            return
        except (zipfile.BadZipFile, tarfile.TarError, OSError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            yield Item(key=key, error=f"unreadable archive: {first}")
            return
    if p.suffix.lower() in SUFFIXES or not p.exists():
        yield Item(key=key, path=str(p))


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
            "input": item.key, "status": result["status"], "reason": reason,
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
    from . import sqlite_store

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
            from .review import batch_index

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
