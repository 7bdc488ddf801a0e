"""Bulk import: throughput with 1 and 2 workers, time to first result, the batch machinery's overhead
against calling extract_file in a loop, and the workers' memory over the run (flat or growing).

The corpus is the samples in text, HWPX, HWP and digital PDF (and, with --scans, the scanned PDFs)
repeated N times. Overhead is given two ways: for the whole run (worker start-up included: Kiwi's model
takes about 3.5 s to load in every new worker) and in steady state (from the first result on).

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

from extract import batch, extract_file
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


def run(src: Path, out: Path, jobs: int, engine: str) -> dict[str, Any]:
    first: list[float] = []
    t0 = time.perf_counter()

    def progress(_rec: dict[str, Any], _done: int, _total: int) -> None:
        if not first:
            first.append(time.perf_counter() - t0)

    watch = MemoryWatch()
    summary = batch.run_batch(
        [str(src)], out, Options(), jobs=jobs, db=out / "db.sqlite", jsonl=out / "all.jsonl", engine=engine,
        progress=progress,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "first": first[0], "counts": summary.counts, "memory": watch.close()}


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
        extract_file(files[0])  # load the models once, as a worker does before its first document
        t0 = time.perf_counter()
        for f in files:
            extract_file(f)
        loop = time.perf_counter() - t0
        print(f"{n} documents; extract_file loop (models loaded): {n / loop:.1f} docs/s, {loop:.1f}s")
        res = {}
        for jobs in (1, 2):
            r = res[jobs] = run(src, Path(tmp) / f"out{jobs}", jobs, args.engine)
            steady = (n - 1) / (r["seconds"] - r["first"])
            m = r["memory"]
            print(
                f"batch -j {jobs} ({args.engine}): {n / r['seconds']:.1f} docs/s overall, {steady:.1f} docs/s "
                f"steady; first result after {r['first']:.1f}s; {r['counts']}; worker RSS peak "
                f"{m.get('peak_mb', 0):.0f} MB, median {m.get('median_first_30pct_mb', 0):.0f} MB in the first 30% "
                f"of the run vs {m.get('median_last_30pct_mb', 0):.0f} MB in the last 30%"
            )
        r1 = res[1]
        steady_time = (r1["seconds"] - r1["first"]) * n / (n - 1)
        print(
            f"2 workers / 1 worker: {res[1]['seconds'] / res[2]['seconds']:.2f}x overall, "
            f"{(res[1]['seconds'] - res[1]['first']) / (res[2]['seconds'] - res[2]['first']):.2f}x steady"
        )
        print(
            f"batch -j 1 vs extract_file loop: {r1['seconds'] / loop - 1:+.1%} overall (worker start-up included), "
            f"{steady_time / loop - 1:+.1%} in steady state"
        )


if __name__ == "__main__":
    main()
