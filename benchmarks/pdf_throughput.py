"""Text-layer PDFs: pages per second on one core, end to end (reading + NLP + fields), against
pdfplumber alone (open + extract_words + extract_text, which the reader needs) on the same pages.

Only PDFs whose every page has a sound text layer are used (pages sent to OCR would measure Tesseract).

    python benchmarks/pdf_throughput.py [--rounds 5] [FOLDER...]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from extract.pipeline import Options, extract_safe

ROOT = Path(__file__).resolve().parents[1]


def text_layer_pdfs(folders: list[Path]) -> list[Path]:
    out = []
    for folder in folders:
        for p in sorted(folder.glob("*.pdf")):
            res = extract_safe(str(p), Options(ocr="auto"))
            if res.report is not None and all(pg.method == "text" for pg in res.report.source.pages):
                out.append(p)
    return out


def main() -> None:
    import pdfplumber

    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", default=[str(ROOT / "samples"), str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    files = text_layer_pdfs([Path(f) for f in args.folders if Path(f).exists()])
    pages = 0
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_words(x_tolerance=1.5, y_tolerance=3)
                    page.extract_text()
                    pages += 1
    plumber = time.perf_counter() - t0
    # pages/s per round, by the wall clock and by this process's CPU time (the wall clock of this shared
    # machine moves by 10-40% between rounds; the CPU time shows what one core does when it is ours)
    rates, cpu_rates = [], []
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for f in files:
            extract_safe(str(f), Options(ocr="never"))
        rates.append(pages / args.rounds / (time.perf_counter() - t0))
        cpu_rates.append(pages / args.rounds / (time.process_time() - c0))
    rates.sort()
    print(
        f"{len(files)} text-layer PDFs, {pages // args.rounds} pages, {args.rounds} rounds: "
        + ", ".join(f.name for f in files)
    )
    print(
        f"pdfplumber alone: {pages / plumber:.1f} pages/s; gongmun end to end: median round "
        f"{statistics.median(rates):.1f} pages/s on one core (rounds {rates[0]:.1f}-{rates[-1]:.1f}); "
        f"per CPU second: median {statistics.median(cpu_rates):.1f} pages"
    )


if __name__ == "__main__":
    main()
