"""One answer per kind of input, whatever its format: a document without text is exit 5 in every format,
HWP 3.0 is exit 4 by its name, a PDF header after junk bytes is read as readers read it, and the batch
manifest records each failure's exit code."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.bulk import batch
from extract.cli import app
from extract.errors import ExitCode
from extract.pipeline import Options

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "samples" / "tools"))
from make_hwp import write_hwp
from make_hwpx import write_hwpx

runner = CliRunner()


def _blank_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["txt", "hwpx", "hwp", "pdf"])
def test_a_document_without_text_is_exit_5_in_every_format(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    if fmt == "txt":
        path.write_text("  \n\t\n", encoding="utf-8")
    elif fmt == "hwpx":
        write_hwpx("", path)
    elif fmt == "hwp":
        write_hwp("", path)
    else:
        path.write_bytes(_blank_pdf())  # a blank page: nothing to read, OCR finds nothing either
    r = runner.invoke(app, ["extract", "--timeout", "0", str(path)])
    assert r.exit_code == ExitCode.EMPTY, (fmt, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1


def test_hwp_3_is_unsupported_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "old.hwp"
    path.write_bytes(b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + bytes(200))
    r = runner.invoke(app, ["extract", str(path)])
    assert r.exit_code == ExitCode.UNSUPPORTED
    assert "HWP 3.0" in r.stderr


def test_a_pdf_header_after_junk_bytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(
        b"\x00" * 7 + b"junk from a mail gateway\r\n" * 9 + (SAMPLES / "meeting-result-pdf.pdf").read_bytes()
    )
    r = runner.invoke(app, ["extract", str(path)])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["source"]["format"] == "pdf"


@pytest.mark.slow
def test_the_manifest_records_each_failures_exit_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "council-minutes.txt", src / "good.txt")
    (src / "empty.txt").write_text("\n", encoding="utf-8")
    (src / "broken.hwpx").write_bytes(b"PK\x03\x04 not a zip")
    (src / "old.hwp").write_bytes(b"HWP Document File V3.00 \x1a" + bytes(100))
    out = tmp_path / "out"
    batch.run_batch([str(src)], out, Options(), jobs=1)
    codes = {
        Path(x["input"]).name: x["exit_code"]
        for x in map(json.loads, (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    }
    assert codes == {"good.txt": 0, "empty.txt": 5, "broken.hwpx": 10, "old.hwp": 4}
