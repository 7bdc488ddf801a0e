"""Bulk import: throughput with 1 and 2 workers, time to first result, the batch machinery's overhead
against calling extract_file in a loop, and the workers' memory over the run (flat or growing).

The corpus is the samples in text, HWPX, HWP and digital PDF (and, with --scans, the scanned PDFs)
repeated N times. Overhead is given two ways: for the whole run (worker start-up included: spaCy and the
rules take about 1 s to load in every new worker) and in steady state (from the first result on).

    python benchmarks/batch_throughput.py --copies 40 [--scans] [--engine dask]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from extract import extract_file
from extract.bulk import batch
from extract.out import writers
from extract.pipeline import Options

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, copies: int, scans: bool) -> list[Path]:
    files = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in {".txt", ".hwpx", ".hwp"}]
    files += [p for p in sorted((ROOT / "samples").glob("*-pdf.pdf"))]
    if scans:
        files += [p for p in sorted((ROOT / "samples").glob("*-scan*.pdf"))]
    out = []
    for k in range(copies):
        for p in files:
            target = folder / f"{k:03d}-{p.name}"
            shutil.copy(p, target)
            out.append(target)
    return out


class MemoryWatch:
    """Samples the RSS of every child process (the workers) twice a second."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, int, float]] = []  # (time, pid, MB)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.t0 = time.perf_counter()
        self.thread.start()

    def _run(self) -> None:
        me = psutil.Process()
        while not self.stop.wait(0.5):
            for child in me.children(recursive=True):
                try:
                    self.samples.append((time.perf_counter() - self.t0, child.pid, child.memory_info().rss / 2**20))
                except psutil.Error:
                    continue

    def close(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        if not self.samples:
            return {}
        end = max(t for t, _, _ in self.samples)
        busy = [(t, mb) for t, _, mb in self.samples if mb > 150]  # workers with their models loaded
        first = [mb for t, mb in busy if t < end * 0.3]
        last = [mb for t, mb in busy if t > end * 0.7]
        return {
            "peak_mb": max(mb for _, _, mb in self.samples),
            "median_first_30pct_mb": statistics.median(first) if first else 0.0,
            "median_last_30pct_mb": statistics.median(last) if last else 0.0,
        }


def run(src: Path, out: Path, jobs: int, engine: str, stores: bool = True) -> dict[str, Any]:
    first: list[float] = []
    last = [0.0]
    t0 = time.perf_counter()

    def progress(_rec: dict[str, Any], _done: int, _total: int) -> None:
        if not first:
            first.append(time.perf_counter() - t0)
        last[0] = time.perf_counter() - t0

    watch = MemoryWatch()
    summary = batch.run_batch(
        [str(src)], out, Options(), jobs=jobs, db=out / "db.sqlite" if stores else None,
        jsonl=out / "all.jsonl" if stores else None, engine=engine, progress=progress,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds, "first": first[0], "last": last[0], "counts": summary.counts, "memory": watch.close(),
        "steady": (sum(summary.counts.values()) - 1) / (last[0] - first[0]),  # documents/s between 1st and last
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--scans", action="store_true", help="include the scanned samples (OCR: slow)")
    ap.add_argument("--engine", default="local", choices=["local", "dask"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        files = corpus(src, args.copies, args.scans)
        n = len(files)
        t0 = time.perf_counter()
        extract_file(files[0])  # the models load on the first call, as in a worker before its first document
        cold = time.perf_counter() - t0
        loop_out = Path(tmp) / "loop"
        loop_out.mkdir()
        t0 = time.perf_counter()
        for f in files:  # what a user would write: extract each file, write its JSON
            writers.write_atomic(loop_out / (f.name + ".json"), writers.to_json(extract_file(f)))
        loop = time.perf_counter() - t0
        print(f"{n} documents; extract_file + JSON loop: {n / loop:.1f} docs/s, {loop:.1f}s (+{cold:.1f}s model load)")
        res: dict[tuple[int, bool], dict[str, Any]] = {}
        for stores in (False, True):
            for jobs in (1, 2):
                r = res[jobs, stores] = run(src, Path(tmp) / f"out{jobs}{stores}", jobs, args.engine, stores)
                m = r["memory"]
                what = "JSON + JSONL + SQLite" if stores else "JSON files only"
                print(
                    f"batch -j {jobs} ({args.engine}, {what}): {n / r['seconds']:.1f} docs/s overall, "
                    f"{r['steady']:.1f} docs/s steady; first result after {r['first']:.1f}s, finishing "
                    f"{r['seconds'] - r['last']:.1f}s; {r['counts']}; worker RSS peak {m.get('peak_mb', 0):.0f} MB, "
                    f"median {m.get('median_first_30pct_mb', 0):.0f} MB in the first 30% of the run vs "
                    f"{m.get('median_last_30pct_mb', 0):.0f} MB in the last 30%"
                )
            one, two = res[1, stores], res[2, stores]
            print(f"  2 workers / 1 worker: {one['seconds'] / two['seconds']:.2f}x overall, "
                  f"{two['steady'] / one['steady']:.2f}x steady")  # fmt: skip
        plain = res[1, False]
        print(
            f"batch -j 1 (JSON files) vs the loop: {plain['seconds'] / (loop + cold) - 1:+.1%} overall (both with "
            f"their model load), {n / plain['steady'] / loop - 1:+.1%} in steady state"
        )


if __name__ == "__main__":
    main()
