"""Write a minimal HWPX (OWPML) file from a text report, for tests and samples.

Runs of tab-separated lines become a table (one row per line, one cell per tab field); every other
line becomes a paragraph. Only what gongmun reads is written: mimetype, version, container, content.hpf,
Contents/section0.xml. Usage: python samples/tools/make_hwpx.py report.txt report.hwpx
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'


def paragraph(text: str, pid: int) -> str:
    run = f'<hp:run charPrIDRef="0"><hp:t>{escape(text)}</hp:t></hp:run>'
    return f'<hp:p id="{pid}" paraPrIDRef="0" styleIDRef="0">{run}</hp:p>'


def table(rows: list[list[str]], pid: int) -> str:
    cols = max(len(r) for r in rows)
    trs = []
    for r, row in enumerate(rows):
        tcs = []
        for c, cell in enumerate(row):
            tcs.append(
                f"<hp:tc><hp:subList>{paragraph(cell, 0)}</hp:subList>"
                f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
            )
        trs.append("<hp:tr>" + "".join(tcs) + "</hp:tr>")
    tbl = f'<hp:tbl rowCnt="{len(rows)}" colCnt="{cols}">' + "".join(trs) + "</hp:tbl>"
    return f'<hp:p id="{pid}" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">{tbl}<hp:t/></hp:run></hp:p>'


def section_xml(text: str) -> str:
    parts: list[str] = []
    rows: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append([c for c in line.split("\t") if c.strip()] or [""])
            continue
        if rows:
            parts.append(table(rows, len(parts)))
            rows = []
        parts.append(paragraph(line, len(parts)))
    if rows:
        parts.append(table(rows, len(parts)))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes" ?><hs:sec {NS}>' + "".join(parts) + "</hs:sec>"


def write_hwpx(text: str, target: Path, extra: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")  # first and stored, as OWPML asks
        zf.writestr("version.xml", '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="x"/>')
        zf.writestr(
            "Contents/content.hpf",
            '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
            '<opf:manifest><opf:item id="section0" href="Contents/section0.xml"/></opf:manifest>'
            '<opf:spine><opf:itemref idref="section0"/></opf:spine></opf:package>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
        zf.writestr("Contents/section0.xml", section_xml(text), compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    write_hwpx(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]))
