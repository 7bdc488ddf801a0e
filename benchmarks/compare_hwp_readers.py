"""Compare gongmun's HWP/HWPX readers with a PyPI reader on the corpus: success, time, text recall.

Text recall: the share of the corpus `*.extracted.txt` lines (a plain per-paragraph dump made for
reading) whose soft text appears in the reader's output. Each reader runs in a subprocess with a time
limit, so a reader that hangs is recorded as such. The other reader is optional:

    python -m venv /tmp/hwpeval && /tmp/hwpeval/bin/pip install hwp-hwpx-parser
    python benchmarks/compare_hwp_readers.py ../shared/corpus --other /tmp/hwpeval/bin/python
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

OURS = "import sys; from extract.readers import read; print('\\n'.join(b.text for b in read(sys.argv[1]).blocks))"
OTHER = "import sys; from hwp_hwpx_parser import Reader; r = Reader(sys.argv[1]); print(r.text)"


def soft(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def run(python: str, code: str, path: Path, timeout: float) -> tuple[str, float, str]:
    t0 = time.perf_counter()
    try:
        out = subprocess.run([python, "-c", code, str(path)], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "", timeout, f"timeout {timeout:.0f}s"
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        return "", seconds, (out.stderr.strip().splitlines() or ["error"])[-1][:60]
    return out.stdout, seconds, "ok"


def recall(text: str, truth: Path) -> float | None:
    if not truth.exists():
        return None
    lines = [soft(x) for x in truth.read_text(encoding="utf-8").splitlines() if len(soft(x)) >= 4]
    have = soft(text)
    return sum(1 for x in lines if x in have) / len(lines) if lines else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--other", help="python of a venv with hwp-hwpx-parser installed")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    files = sorted(p for p in Path(args.corpus).iterdir() if p.suffix in {".hwp", ".hwpx"})
    readers = [("gongmun", sys.executable, OURS)] + ([("hwp-hwpx-parser", args.other, OTHER)] if args.other else [])
    print(f"{'file':<58}" + "".join(f"{name:>34}" for name, _, _ in readers))
    for path in files:
        truth = path.with_suffix(".extracted.txt")
        cells = []
        for _, python, code in readers:
            text, seconds, status = run(python, code, path, args.timeout)
            r = recall(text, truth)
            cells.append(
                f"{status[:14]:>14} {seconds:6.2f}s " + (f"recall {r:4.2f}" if r is not None else "    -      ")
            )
        print(f"{path.name:<58}" + "".join(f"{c:>34}" for c in cells))


if __name__ == "__main__":
    main()
