"""Time and peak memory of `gongmun extract` on inputs other projects' test suites are full of: a generated
report of 1.5 M characters (a year of council records in one file) and a generated 20-page English text
PDF (its text layer is sound, so no page may go to OCR).

python benchmarks/long_inputs.py [--chars 1500000] [--pages 20]

Each input runs in a `gongmun extract --timeout 0` process of its own (no forked child: the peak is the one
process's maximum resident set, read by GNU time).
Targets (issue 20): the long report under 1.5 GB, the English PDF under 2 s.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEM = "  ○ 도서관 야간 개방시간 연장 운영을 위한 세부 계획 마련 및 관계 부서 협의 추진하기로 함\n"
HEAD = "2026년 운영협의회 결과 보고\n1. 회의개요\n ○ 일 시 : 2026. 3. 5.(목) 14:00\n ○ 참석 : 위원 12명\n2. 논의 결과\n"
ENGLISH = "The committee met on Monday and agreed to publish the minutes of the meeting on the website."


def long_report(chars: int) -> str:
    return HEAD + ITEM * (chars // len(ITEM))


def english_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for i in range(pages):
        for k in range(40):
            c.drawString(72, 770 - 17 * k, f"{i + 1}.{k + 1} {ENGLISH}")
        c.showPage()
    c.save()
    return buf.getvalue()


def run(path: Path, timeout: str = "0") -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of one `gongmun extract` process (its own peak, read by GNU time)."""
    t0 = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "extract.cli", "extract", "--timeout", timeout, str(path)],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - t0
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024
    return seconds, peak, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=1_500_000)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "long.txt"
        report.write_text(long_report(args.chars), encoding="utf-8")
        pdf = Path(tmp) / "english.pdf"
        pdf.write_bytes(english_pdf(args.pages))
        start = Path(tmp) / "start.txt"
        start.write_text(HEAD, encoding="utf-8")
        base, base_peak, _ = run(start)
        print(f"start-up (a 5-line report)        {base:6.2f} s  peak {base_peak:6.0f} MB")
        warm, warm_peak, _ = run(start, "300")
        print(f"the same with the time budget     {warm:6.2f} s  peak {warm_peak:6.0f} MB  (a forked child)")
        for name, path in ((f"report of {args.chars:,} characters", report), (f"English PDF, {args.pages} pages", pdf)):
            seconds, peak, code = run(path)
            print(f"{name:<34}{seconds:6.2f} s  peak {peak:6.0f} MB  exit {code}")


if __name__ == "__main__":
    main()
