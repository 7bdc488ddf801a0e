"""The review page: every extracted item has a box on the right page; clicking an item highlights it.
Checked in the HTML, and in headless Chromium as a person would use it (skipped only where no browser)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from extract.out.review import items, render

from .conftest import ROOT, sample

CASES = [
    "meeting-result-two-sittings.txt",
    "meeting-result-pdf.pdf",
    "meeting-plan-scan.pdf",
    "meeting-result-hwpx.hwpx",
]
ARTIFACTS = ROOT / "artifacts"


def _pages(page: str) -> dict[int, str]:
    parts = re.split(r'<section class="page" id="page-(\d+)">', page)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("name", CASES)
def test_every_item_has_a_box_on_its_page(name: str) -> None:
    done = sample(name)
    page = render(done.report, done.raw, done.data)
    assert "http://" not in page and "https://" not in page  # self-contained: no network, no CDN
    assert "NanumGothic" in page  # a Korean font stack is stated
    pages = _pages(page)
    found = [it for it in items(done.report) if it.evidence is not None]
    assert len(found) >= 5
    for it in found:
        assert f'data-item="{it.id}"' in pages[it.evidence.page], (name, it.id)


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no Chromium installed (scripts/install.sh dev installs Debian's chromium)")
    sync = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
    with sync.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield b
        b.close()


@pytest.mark.parametrize("name", ["meeting-result-pdf.pdf", "meeting-result-two-sittings.txt"])
def test_in_a_browser(browser, tmp_path: Path, name: str) -> None:
    html_file = tmp_path / "review.html"
    done = sample(name)
    html_file.write_text(render(done.report, done.raw, done.data), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(html_file.as_uri())
    panel = page.query_selector_all("#items .item")
    assert len(panel) >= 5
    for li in panel:
        item, page_no = li.get_attribute("data-item"), li.get_attribute("data-page")
        if not page_no:
            continue
        box = page.query_selector(f'#page-{page_no} .box[data-item="{item}"]')
        assert box is not None, item
        li.click()
        assert "active" in (box.get_attribute("class") or "")
        bb = box.bounding_box()
        assert bb is not None and bb["width"] > 0 and bb["height"] > 0, item
        assert page.evaluate(
            "(e) => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }", box
        )
    low = page.query_selector_all("#items .item.low")
    assert all(x.is_visible() for x in low)
    ARTIFACTS.mkdir(exist_ok=True)
    page.query_selector('#items .item[data-item^="decision"]').click()
    page.screenshot(path=str(ARTIFACTS / f"review-{Path(name).stem}.png"))
    page.close()
