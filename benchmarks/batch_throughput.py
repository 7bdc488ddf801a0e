"""Bulk import throughput: 1 vs 2 workers, peak RSS per worker, and the batch machinery's overhead against
calling extract_file in a loop, on the samples (text, HWPX, HWP, digital PDF) repeated N times.

    python benchmarks/batch_throughput.py --copies 20
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from extract import batch, extract_file
from extract.pipeline import Options

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, copies: int) -> list[Path]:
    files = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in {".txt", ".hwpx", ".hwp"}]
    files += [ROOT / "samples" / "meeting-result-pdf.pdf"]
    out = []
    for k in range(copies):
        for p in files:
            target = folder / f"{k:03d}-{p.name}"
            shutil.copy(p, target)
            out.append(target)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        files = corpus(src, args.copies)
        extract_file(files[0])  # load models once
        t0 = time.perf_counter()
        for f in files:
            extract_file(f)
        loop = time.perf_counter() - t0
        print(f"{len(files)} documents; extract_file loop: {len(files) / loop:.1f} docs/s")
        rates = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            t0 = time.perf_counter()
            summary = batch.run_batch([str(src)], out, Options(), jobs=jobs, db=out / "db.sqlite")
            seconds = time.perf_counter() - t0
            rates[jobs] = len(files) / seconds
            print(f"batch -j {jobs}: {rates[jobs]:.1f} docs/s ({summary.counts}), {seconds:.1f}s incl. worker start-up")
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS of a worker: {rss:.0f} MB")
        overhead = (len(files) / rates[1]) / loop - 1
        print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x; batch -j 1 time vs loop: {overhead:+.1%}")


if __name__ == "__main__":
    main()
