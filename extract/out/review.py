"""A self-contained HTML review page: the pages (images for PDFs and scans, a paged text view for text and
HWP/HWPX), a coloured box over the evidence of every extracted item, and a side panel of the items with
their confidence. Clicking an item scrolls to its box and highlights it. No network, no CDN.
"""

from __future__ import annotations

import base64
import html
import io
import json
from dataclasses import dataclass
from typing import Any

from ..document import RawDocument
from ..schema import Evidence, Report

DPI = 96  # page images in the review: enough to read, small enough to embed
LOW_CONFIDENCE = 0.6
COLORS = {
    "header": "#6b7280", "attendee": "#2563eb", "decision": "#16a34a", "disagreement": "#dc2626",
    "follow_up": "#9333ea", "meeting": "#0891b2",
}  # fmt: skip
POSITION_COLORS = ["#dc2626", "#ea580c", "#ca8a04", "#be185d", "#7c2d12"]
FONT_STACK = '"Noto Sans KR", "NanumGothic", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif'


@dataclass
class Item:
    id: str
    group: str
    label: str
    text: str
    confidence: float | None
    evidence: Evidence | None
    color: str


def items(report: Report) -> list[Item]:
    out: list[Item] = []
    doc = report.document
    for name, ev in doc.evidence.items():
        value = getattr(doc, name)
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        out.append(Item(f"header-{name}", "header", name, shown, None, ev, COLORS["header"]))
    for i, step in enumerate(doc.approval_line):
        who = " ".join(x for x in (step.position, step.name) if x)
        out.append(Item(f"approval-{i}", "header", "결재", who, None, step.evidence, COLORS["header"]))
    m = report.meeting
    if m is not None:
        if m.evidence is not None:
            when = " ".join(x for x in (m.date, m.start_time, m.end_time) if x)
            out.append(Item("meeting-date", "meeting", "일시", when, None, m.evidence, COLORS["meeting"]))
        for i, p in enumerate(m.attendees):
            who = " ".join(x for x in (p.organization, p.name, p.title) if x)
            out.append(Item(f"attendee-{i}", "attendee", "참석자", who, None, p.evidence, COLORS["attendee"]))
    for i, d in enumerate(report.decisions):
        out.append(
            Item(f"decision-{i}", "decision", d.topic or "결정", d.text, d.confidence, d.evidence, COLORS["decision"])
        )
    for i, g in enumerate(report.disagreements):
        out.append(
            Item(
                f"disagreement-{i}",
                "disagreement",
                "쟁점",
                g.topic or "",
                g.confidence,
                g.evidence,
                COLORS["disagreement"],
            )
        )
        for k, pos in enumerate(g.positions):
            color = POSITION_COLORS[k % len(POSITION_COLORS)]
            key = f"disagreement-{i}-position-{k}"
            out.append(
                Item(key, "disagreement", pos.party, pos.stance or "(입장 미기재)", g.confidence, pos.evidence, color)
            )
    for i, f in enumerate(report.follow_ups):
        out.append(Item(f"follow-up-{i}", "follow_up", f.date or "후속", f.text, None, f.evidence, COLORS["follow_up"]))
    return out


def _page_images(data: bytes, fmt: str) -> dict[int, tuple[str, float, float, float]]:
    """page number -> (PNG data URI, width px, height px, scale from evidence units to px)."""
    pages: dict[int, tuple[str, float, float, float]] = {}
    if fmt == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            for i in range(len(pdf)):
                img = pdf[i].render(scale=DPI / 72).to_pil()
                pages[i + 1] = (_uri(img), img.width, img.height, DPI / 72)
        finally:
            pdf.close()
    elif fmt in {"png", "jpeg", "tiff"}:
        from PIL import Image, ImageSequence

        with Image.open(io.BytesIO(data)) as im:
            for i, frame in enumerate(ImageSequence.Iterator(im)):
                scale = min(1.0, 900 / max(frame.width, 1))
                small = frame.convert("RGB").resize((int(frame.width * scale), int(frame.height * scale)))
                pages[i + 1] = (_uri(small), small.width, small.height, scale)
    return pages


def _uri(img: Any) -> str:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def render(report: Report, raw: RawDocument, data: bytes) -> str:
    found = items(report)
    images = _page_images(data, report.source.format)
    by_page: dict[int, list[Item]] = {}
    for it in found:
        if it.evidence is not None:
            by_page.setdefault(it.evidence.page, []).append(it)
    info = {p.number: p for p in report.source.pages}
    parts: list[str] = []
    offset = 0
    for page in raw.pages:
        meta = info.get(page.number)
        conf = f" · OCR confidence {meta.ocr_confidence:.0f}" if meta and meta.ocr_confidence is not None else ""
        method = f"{meta.method} ({html.escape(meta.reason or '')})" if meta else ""
        head = f'<div class="page-head">page {page.number} · {method}{conf}</div>'
        boxes: list[str] = []
        if page.number in images:
            uri, w, h, scale = images[page.number]
            for it in by_page.get(page.number, []):
                ev = it.evidence
                assert ev is not None
                if ev.bbox is None:
                    continue
                x0, y0, x1, y1 = (v * scale for v in ev.bbox)
                boxes.append(
                    f'<div class="box" data-item="{it.id}" style="left:{x0 - 2:.1f}px;top:{y0 - 2:.1f}px;'
                    f'width:{x1 - x0 + 4:.1f}px;height:{y1 - y0 + 4:.1f}px;border-color:{it.color}"></div>'
                )
            img = f'<img alt="page {page.number}" src="{uri}">'
            body = f'<div class="sheet" style="width:{w}px;height:{h}px">{img}{"".join(boxes)}</div>'
        else:
            rows: list[str] = []
            marks: dict[int, list[Item]] = {}
            for it in by_page.get(page.number, []):
                assert it.evidence is not None
                marks.setdefault(it.evidence.block, []).append(it)
            for k, block in enumerate(page.blocks):
                index = offset + k
                wrapped = html.escape(block.text) or "&nbsp;"
                for it in marks.get(index, []):
                    wrapped = f'<span class="box" data-item="{it.id}" style="border-color:{it.color}">{wrapped}</span>'
                rows.append(f'<div class="line" id="block-{index}">{wrapped}</div>')
            body = f'<div class="sheet text">{"".join(rows)}</div>'
        offset += len(page.blocks)
        parts.append(f'<section class="page" id="page-{page.number}">{head}{body}</section>')
    panel = []
    for it in found:
        low = it.confidence is not None and it.confidence < LOW_CONFIDENCE
        conf = f'<span class="conf">{it.confidence:.2f}</span>' if it.confidence is not None else ""
        page_no = it.evidence.page if it.evidence else ""
        where = f"p.{page_no}" if it.evidence else "no evidence"
        if it.evidence is not None and it.evidence.rule:
            where += f' · <code class="rule">{html.escape(it.evidence.rule)}</code>'
        panel.append(
            f'<li class="item{" low" if low else ""}" data-item="{it.id}" data-page="{page_no}"'
            f' style="border-left-color:{it.color}"><b>{html.escape(it.label)}</b> {html.escape(it.text)} {conf}'
            f" <small>{where}</small></li>"
        )
    title = html.escape(report.document.title or report.source.path)
    summary = html.escape(json.dumps({"kind": report.kind, "warnings": report.warnings}, ensure_ascii=False))
    return TEMPLATE.format(
        title=title, font=FONT_STACK, pages="".join(parts), panel="".join(panel), summary=summary,
        low=LOW_CONFIDENCE,
    )  # fmt: skip


TEMPLATE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>{title} · gongmun review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ margin: 0; font-family: {font}; display: flex; height: 100vh; color: #111; }}
main {{ flex: 1; overflow: auto; background: #e5e7eb; padding: 16px; }}
aside {{ width: 420px; overflow: auto; border-left: 1px solid #ccc; padding: 12px; background: #fafafa; }}
.page {{ margin: 0 auto 24px; width: fit-content; }}
.page-head {{ font-size: 12px; color: #555; margin: 4px 0; }}
.sheet {{ position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.sheet img {{ display: block; }}
.sheet.text {{ padding: 24px 32px; min-width: 640px; white-space: pre-wrap; font-size: 14px; line-height: 1.6; }}
.box {{ position: absolute; border: 2px solid; border-radius: 3px; box-sizing: border-box; }}
.sheet.text .box {{ position: static; padding: 0 2px; }}
.box.active {{ background: rgba(250, 204, 21, .45); outline: 3px solid #facc15; }}
ul {{ list-style: none; padding: 0; margin: 0; }}
.item {{ border-left: 6px solid; padding: 6px 8px; margin: 6px 0; background: #fff; cursor: pointer; font-size: 13px; }}
.item.low {{ background: #fef3c7; }}
.item.low::after {{ content: " ⚠ low confidence"; color: #b45309; font-size: 11px; }}
.conf {{ color: #555; font-size: 11px; }}
</style></head>
<body><main>{pages}</main>
<aside><h2>{title}</h2><p><small>{summary} · confidence below {low} is marked</small></p>
<ul id="items">{panel}</ul></aside>
<script>
document.querySelectorAll('#items .item').forEach(function (li) {{
  li.addEventListener('click', function () {{
    document.querySelectorAll('.box.active').forEach(function (b) {{ b.classList.remove('active'); }});
    var box = document.querySelector('.box[data-item="' + li.dataset.item + '"]');
    if (box) {{ box.classList.add('active'); box.scrollIntoView({{block: 'center'}}); }}
  }});
}});
</script></body></html>
"""


def batch_index(out: Any, records: list[dict[str, Any]]) -> str:
    """The batch's index page: counts by status and kind, failures with reasons, and the documents with
    the lowest confidence first, each linked to its review page."""
    from pathlib import Path

    status: dict[str, int] = {}
    kinds: dict[str, int] = {}
    docs: list[tuple[float, str, str, str]] = []
    failed: list[str] = []
    for rec in records:
        status[rec["status"]] = status.get(rec["status"], 0) + 1
        if rec["status"] == "failed":
            failed.append(f"<li>{html.escape(rec['input'])}: {html.escape(rec.get('reason') or '')}</li>")
            continue
        if not rec.get("output"):
            continue
        report = json.loads((Path(out) / rec["output"]).read_text(encoding="utf-8"))
        kinds[report["kind"]] = kinds.get(report["kind"], 0) + 1
        confs = [d["confidence"] for d in report.get("decisions", [])] + [
            g["confidence"] for g in report.get("disagreements", [])
        ]
        ocr = [p["ocr_confidence"] / 100 for p in report["source"]["pages"] if p.get("ocr_confidence") is not None]
        score = min(confs + ocr) if confs + ocr else 1.0
        page = rec["output"].replace(".json", ".html")
        title = report["document"].get("title") or rec["input"]
        docs.append((score, page, title, report["kind"]))
    docs.sort()
    rows = "".join(
        f'<tr><td>{s:.2f}</td><td><a href="{html.escape(p)}">{html.escape(t)}</a></td><td>{k}</td></tr>'
        for s, p, t, k in docs
    )
    counts = ", ".join(f"{v} {html.escape(k)}" for k, v in sorted(status.items()))
    by_kind = ", ".join(f"{v} {html.escape(k)}" for k, v in sorted(kinds.items()))
    return (
        f'<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>gongmun batch review</title>'
        f"<style>body{{font-family:{FONT_STACK};margin:24px}} td{{padding:2px 8px}}</style></head><body>"
        f"<h1>gongmun batch</h1><p>documents: {counts}</p><p>kinds: {by_kind}</p>"
        f"<h2>lowest confidence first</h2><table><tr><th>min. confidence</th><th>document</th><th>kind</th></tr>"
        f'{rows}</table><h2>failures</h2><ul id="failures">{"".join(failed)}</ul></body></html>\n'
    )
