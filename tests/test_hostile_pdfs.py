"""What other projects' test suites feed a PDF reader, made here: a page tree with a page PDFium cannot load,
a page too large to render, a fuzzed file, an English text PDF, a report of more than a million characters,
and a document that runs past its time budget."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import extract_file
from extract.cli import app
from extract.errors import CorruptInput, ExitCode
from extract.readers import pdf

from .conftest import SAMPLES

runner = CliRunner()
ENGLISH = "The committee met on Monday and agreed to publish the minutes of the meeting on the website."


def _english_pdf(pages: int, page_size: tuple[float, float] = (595.0, 842.0), text: str = ENGLISH) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_size, invariant=1)
    for i in range(pages):
        for k in range(20):
            c.drawString(72, page_size[1] - 72 - 14 * k, f"{i + 1}.{k + 1} {text}" if text else "")
        c.showPage()
    c.save()
    return buf.getvalue()


def _break_page(data: bytes, which: int) -> bytes:
    """The page object `which` made unloadable: its /Type no longer says Page."""
    starts = [m.start() for m in re.finditer(rb"/Type /Page\b", data)]
    at = starts[which]
    return data[:at] + b"/Type /Pxge" + data[at + len(b"/Type /Page") :]


def test_a_page_pdfium_cannot_load_is_recorded_and_the_others_are_read(tmp_path: Path) -> None:
    path = tmp_path / "tree.pdf"
    path.write_bytes(_break_page(_english_pdf(3), 1))
    r = extract_file(path)
    assert [p.method for p in r.source.pages] == ["text", "failed", "text"]
    assert "PDFium cannot load the page" in (r.source.pages[1].reason or "")
    assert any(w.startswith("page 2: not read") for w in r.warnings)  # so the result is partial


def test_a_pdf_none_of_whose_pages_load_is_refused(tmp_path: Path) -> None:
    data = _english_pdf(1)
    path = tmp_path / "none.pdf"
    path.write_bytes(_break_page(data, 0))
    with pytest.raises(CorruptInput, match="no page of the PDF could be read"):
        extract_file(path)


@pytest.mark.parametrize(
    ("size", "dpi", "expected"),
    [
        ((595.0, 842.0), 300, 300 / 72),  # A4 at the asked resolution
        ((2384.0, 3370.0), 300, (40_000_000 / (2384.0 * 3370.0)) ** 0.5),  # A0: lowered under the pixel cap
    ],
)
def test_render_scale_keeps_pages_under_the_pixel_cap(size: tuple[float, float], dpi: int, expected: float) -> None:
    scale = pdf.render_scale(size[0], size[1], dpi)
    assert scale == pytest.approx(expected)
    assert size[0] * size[1] * scale * scale <= pdf.MAX_RENDER_PIXELS * 1.0001


def test_a_page_too_large_to_render_is_refused_not_rendered(tmp_path: Path) -> None:
    with pytest.raises(pdf.PageFailed, match="too large to render"):
        pdf.render_scale(14400.0, 14400.0, 300)  # a 200-inch page
    path = tmp_path / "huge.pdf"
    path.write_bytes(_english_pdf(1, page_size=(14400.0, 14400.0), text=""))  # no text: it would go to OCR
    with pytest.raises(CorruptInput, match="too large to render"):
        extract_file(path)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + bytes(range(256)) * 2,
        b"%PDF-1.7\n" + b"\x00\xff" * 150 + b"\n%%EOF",
    ],
)
def test_a_fuzzed_pdf_is_one_line_and_exit_10(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzzed.pdf"
    path.write_bytes(data)
    r = runner.invoke(app, ["extract", str(path)])
    assert r.exit_code == ExitCode.CORRUPT, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_an_english_text_pdf_keeps_its_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "english.pdf"
    path.write_bytes(_english_pdf(20))
    r = extract_file(path)
    assert [p.method for p in r.source.pages] == ["text"] * 20
    assert all("another script" in (p.reason or "") for p in r.source.pages)
    assert r.kind == "other" and r.meeting is None


@pytest.mark.slow
def test_a_report_of_more_than_a_million_characters_is_read_whole(tmp_path: Path) -> None:
    item = "  ○ 도서관 야간 개방시간 연장 운영을 위한 세부 계획 마련 및 관계 부서 협의 추진\n"
    text = "2026년 제1차 운영협의회 결과 보고\n1. 회의개요\n ○ 일 시 : 2026. 3. 5.(목) 14:00\n2. 논의 결과\n"
    text += item * (1_100_000 // len(item))
    path = tmp_path / "long.txt"
    path.write_text(text + "  ○ 차기 회의는 4월 중 개최하기로 함\n", encoding="utf-8")
    r = extract_file(path)
    assert r.meeting is not None and r.meeting.date == "2026-03-05"
    last = r.decisions[-1]
    assert last.text == "차기 회의는 4월 중 개최하기로 함"
    assert last.evidence is not None and last.evidence.char_start > 1_000_000  # offsets right at the far end


@pytest.mark.slow
def test_extract_gives_up_a_document_past_its_time_budget(tmp_path: Path) -> None:
    """A forked child per document: killed with the Tesseract it started; the next input is still read."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    slow = tmp_path / "slow.pdf"
    shutil.copy(SAMPLES / "meeting-plan-scan.pdf", slow)
    cmd = [
        sys.executable,
        "-m",
        "extract.cli",
        "extract",
        "--timeout",
        "1",
        str(slow),
        str(SAMPLES / "council-minutes.txt"),
    ]
    t0 = time.monotonic()
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert run.returncode == ExitCode.TIMEOUT
    assert run.stderr.strip() == f"gongmun: error: {slow}: timed out after 1s (--timeout)"
    assert '"kind":"minutes"' in run.stdout.replace(" ", "")  # the other input's report
    assert time.monotonic() - t0 < 60
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", str(slow.name)], capture_output=True, text=True).stdout
    assert not left.strip(), "a Tesseract of the killed document is still running"


def test_the_page_count_line_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from extract.cli import _page_progress

    for number in (1, 2, 3):
        _page_progress(number, 3, "ocr")
    _page_progress(1, 2, "text")  # two pages: not worth a line
    err = capsys.readouterr().err
    assert err == "\rgongmun: page 1/3 (ocr)\rgongmun: page 2/3 (ocr)\rgongmun: page 3/3 (ocr)\r\x1b[K"
