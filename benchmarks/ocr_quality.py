"""OCR character error rate and speed: gongmun's OCR against raw `tesseract -l kor`, page by page.

Samples are rendered to deterministic scans at 300/200/150 dpi (samples/tools/render.py); corpus scans
(../shared/corpus/scans) use the HWPX text of the same document as truth (order-insensitive CER on the
page's lines is approximated by comparing whitespace-free text of the whole document).

    python benchmarks/ocr_quality.py [--corpus ../shared/corpus] [--pages 2]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples" / "tools"))
os.environ["OMP_THREAD_LIMIT"] = "1"


def cer(truth: str, got: str) -> float:
    a, b = re.sub(r"\s", "", truth), re.sub(r"\s", "", got)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return 1 - sum(m.size for m in sm.get_matching_blocks()) / max(len(a), 1)


def raw_tesseract(image, dpi: int) -> tuple[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".png") as fh:
        image.save(fh.name, dpi=(dpi, dpi))
        t0 = time.perf_counter()
        out = subprocess.run(["tesseract", fh.name, "-", "-l", "kor"], capture_output=True, text=True)
        return out.stdout, time.perf_counter() - t0


def ours(image) -> tuple[str, float]:
    """gongmun's OCR path for one page: preprocessing, Tesseract, lines, bullets, junk filter."""
    from extract.readers import ocr

    t0 = time.perf_counter()
    page = ocr.read_page(image)
    return "\n".join(page.texts), time.perf_counter() - t0


def main() -> None:
    from render import render_images

    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--pages", type=int, default=2)
    ap.add_argument("--text-px", type=int, default=None, help="try another target glyph height (0: no scaling)")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    if args.text_px is not None:
        from extract.readers import preprocess

        preprocess.TEXT_PX = args.text_px
    print(f"{'input':<44}{'dpi':>5}{'CER ours':>10}{'CER raw':>9}{'s ours':>8}{'s raw':>7}")
    for name in ("meeting-result-two-sittings.txt", "meeting-plan-gongmun.txt", "approval-purchase.txt"):
        text = (ROOT / "samples" / name).read_text(encoding="utf-8")
        for dpi in (300, 200, 150):
            images = render_images(text, dpi=dpi)[: args.pages]
            got, raw, t_ours, t_raw = [], [], 0.0, 0.0
            for im in images:
                g, t = ours(im)
                r, tr = raw_tesseract(im, dpi)
                got.append(g), raw.append(r)
                t_ours += t
                t_raw += tr
            from render import LINES_PER_PAGE, physical_lines

            truth = "\n".join(physical_lines(text)[: LINES_PER_PAGE * len(images)])  # the lines as printed
            print(
                f"{name:<44}{dpi:>5}{cer(truth, ''.join(got)):>10.4f}{cer(truth, ''.join(raw)):>9.4f}"
                f"{t_ours / len(images):>8.2f}{t_raw / len(images):>7.2f}"
            )
    corpus = Path(args.corpus)
    if (corpus / "scans").exists() and not args.no_corpus:
        import pypdfium2 as pdfium

        from extract.readers import read

        for scan in sorted((corpus / "scans").glob("*.pdf")):
            twin = corpus / scan.name.replace(".scan.pdf", ".hwpx")
            if not twin.exists():
                continue
            truth = "\n".join(b.text for b in read(str(twin)).blocks)
            pdf = pdfium.PdfDocument(scan.read_bytes())
            got, raw, t_ours, t_raw = [], [], 0.0, 0.0
            for i in range(len(pdf)):
                im = pdf[i].render(scale=300 / 72).to_pil()
                g, t = ours(im)
                r, tr = raw_tesseract(im, 300)
                got.append(g), raw.append(r)
                t_ours += t
                t_raw += tr
            n = len(pdf)
            print(
                f"{scan.name[:43]:<44}{300:>5}{cer(truth, ''.join(got)):>10.4f}{cer(truth, ''.join(raw)):>9.4f}"
                f"{t_ours / n:>8.2f}{t_raw / n:>7.2f}"
            )


if __name__ == "__main__":
    main()
