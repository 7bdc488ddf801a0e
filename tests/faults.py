"""A generated corpus of damaged, odd and hostile inputs (nothing binary is committed).

python -m tests.faults DIR      # writes the files into DIR
"""

from __future__ import annotations

import io
import os
import random
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples" / "tools"))

REPORT = (ROOT / "samples" / "meeting-result-two-sittings.txt").read_text(encoding="utf-8")
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    '<hs:sec xmlns:hs="s">&d;&d;&d;&d;&d;&d;&d;&d;</hs:sec>'
)
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><hs:sec xmlns:hs="s">&e;</hs:sec>'


def _hwpx(extra: dict[str, bytes], section: str | None = None) -> bytes:
    from make_hwpx import section_xml

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/hwp+zip")
        zf.writestr("Contents/section0.xml", section or section_xml(REPORT))
        for name, data in extra.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def generate(target: Path) -> list[Path]:
    from make_hwp import write_hwp
    from PIL import Image
    from render import render_pdf

    target.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)
    files: dict[str, bytes] = {}
    for ext in ("txt", "md", "pdf", "hwp", "hwpx", "png", "jpg", "tif"):
        files[f"zero.{ext}"] = b""
    good_pdf = target / "_good.pdf"
    render_pdf(REPORT, good_pdf)
    pdf = good_pdf.read_bytes()
    good_pdf.unlink()
    files["truncated-half.pdf"] = pdf[: len(pdf) // 2]
    files["truncated-head.pdf"] = pdf[:400]
    files["corrupt-xref.pdf"] = pdf.replace(b"xref", b"xzef").replace(b"startxref", b"startxzef")
    files["bitflip.pdf"] = bytes(b ^ 0xFF if i % 97 == 0 and i > 2000 else b for i, b in enumerate(pdf))
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    enc = io.BytesIO()
    c = canvas.Canvas(enc, encrypt=StandardEncryption("user-secret", ownerPassword="o"))
    c.drawString(72, 720, "locked")
    c.save()
    files["encrypted.pdf"] = enc.getvalue()
    many = io.BytesIO()
    c = canvas.Canvas(many, invariant=1)
    for _ in range(2100):  # beyond the page limit
        c.showPage()
    c.save()
    files["thousands-of-pages.pdf"] = many.getvalue()
    garbage = io.BytesIO()
    c = canvas.Canvas(garbage, invariant=1)
    c.drawString(72, 720, "x7 Q9 (cid:12) zz 0xFF ]]> ## 42 42 42 Latin only, no Hangul at all here.")
    c.save()
    files["garbage-layer.pdf"] = garbage.getvalue()  # no Hangul: goes to OCR, which finds little
    # from other projects' test suites: a page PDFium cannot load, a page too large to render, a fuzzed file
    tree = io.BytesIO()
    c = canvas.Canvas(tree, invariant=1)
    for i in range(3):
        c.drawString(72, 720, f"Page {i + 1}: the committee agreed to publish the minutes of the meeting.")
        c.showPage()
    c.save()
    at = [k for k in range(len(tree.getvalue())) if tree.getvalue().startswith(b"/Type /Page\n", k)][1]
    files["unloadable-page.pdf"] = tree.getvalue()[:at] + b"/Type /Pxge" + tree.getvalue()[at + 11 :]
    huge = io.BytesIO()
    c = canvas.Canvas(huge, pagesize=(14400, 14400), invariant=1)
    c.showPage()
    c.save()
    files["200-inch-page.pdf"] = huge.getvalue()
    files["fuzzed-header.pdf"] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + bytes(range(256))
    bomb = io.BytesIO()
    Image.new("1", (14000, 14000)).save(bomb, "PNG")
    files["bomb.png"] = bomb.getvalue()
    tiff = io.BytesIO()
    Image.new("1", (13000, 13000)).save(tiff, "TIFF", compression="group4")
    files["bomb.tif"] = tiff.getvalue()
    odd = io.BytesIO()
    Image.new("CMYK", (40, 40)).save(odd, "TIFF")
    files["cmyk.tif"] = odd.getvalue()
    for ext in ("pdf", "hwpx", "hwp", "png"):
        files[f"random.{ext}"] = rnd.randbytes(4096)
    files["zip-bomb.hwpx"] = _hwpx({"Contents/section1.xml": b"<a>" + b" " * (300 << 20) + b"</a>"})
    files["billion-laughs.hwpx"] = _hwpx({}, section=BILLION_LAUGHS)
    files["external-entity.hwpx"] = _hwpx({}, section=XXE)
    files["dotdot-member.hwpx"] = _hwpx({"../../../escaped.xml": b"<x/>", "Contents/../../up.xml": b"<x/>"})
    files["not-owpml.hwpx"] = _hwpx({}, section="<hs:sec><hp:p>unclosed")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../evil.txt", REPORT.encode())
        zf.writestr("/abs/evil2.txt", REPORT.encode())
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("ok/report.txt", REPORT.encode())
    files["traversal.zip"] = archive.getvalue()
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as tf:
        info = tarfile.TarInfo("../outside.txt")
        data = REPORT.encode()
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        sym = tarfile.TarInfo("sym.txt")
        sym.type = tarfile.SYMTYPE
        sym.linkname = "/etc/passwd"
        tf.addfile(sym)
    files["traversal.tar"] = tar.getvalue()
    files["utf16-no-bom.txt"] = REPORT.encode("utf-16-le")
    parts = REPORT.splitlines(keepends=True)  # files pasted together from UTF-8 and CP949 sources
    files["mixed-encodings.txt"] = b"".join(x.encode("cp949" if 10 <= i < 25 else "utf-8") for i, x in enumerate(parts))
    files["nul-bytes.txt"] = REPORT.encode()[:200] + b"\x00" * 50 + REPORT.encode()[200:]
    files["one-50mb-line.txt"] = ("가나다라 마바사 " * 5_000_000).encode()[: 50 * 1024 * 1024]
    files["deep-nesting.txt"] = "\n".join(" " * (i % 400) + "- 항목 " + str(i) for i in range(3000)).encode()
    files["english.txt"] = b"Quarterly report\nThe committee met on 5 January 2024 and approved the budget.\n"
    redacted = "\n".join("*" * len(line) if line.strip() else line for line in REPORT.splitlines())
    files["all-redacted.txt"] = ("회의 결과 보고\n" + redacted).encode()
    files["binary-named.txt"] = rnd.randbytes(3000)
    files["only-markers.txt"] = "□\n○\n-\n※\n①\n".encode()
    files["control-chars.txt"] = ("보고\x07\x08\x1b[31m 회의\x0c\n" * 20).encode()
    hwp_ok = target / "_ok.hwp"
    write_hwp(REPORT, hwp_ok)
    hwp = hwp_ok.read_bytes()
    hwp_ok.unlink()
    files["truncated.hwp"] = hwp[: len(hwp) // 2]
    files["password.hwp"] = hwp.replace(
        b"HWP Document File" + b"\x00" * 15 + bytes.fromhex("00030005") + b"\x01",
        b"HWP Document File" + b"\x00" * 15 + bytes.fromhex("00030005") + b"\x03",
    )
    written = []
    for name, data in files.items():
        p = target / name
        p.write_bytes(data)
        written.append(p)
    loop = target / "loop-dir"
    loop.mkdir(exist_ok=True)
    if not (loop / "back").exists():
        os.symlink(target, loop / "back")
    return written


if __name__ == "__main__":
    for p in generate(Path(sys.argv[1])):
        print(p)
