"""Page images before OCR: table rules erased (letters kept), dark scan borders whitened, skew found; junk
lines Tesseract makes from masked rows and pictures are recognised, real lines are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.readers import ocr, preprocess

FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")


def _page(width: int = 1240, height: int = 1754) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (width, height), 235)
    return img, ImageDraw.Draw(img)


def _font(size: int) -> ImageFont.FreeTypeFont:
    if not FONT.exists():
        pytest.skip("fonts-nanum is not installed (apt-get install fonts-nanum)")
    return ImageFont.truetype(str(FONT), size)


def _ink_columns(img: Image.Image, box: tuple[int, int, int, int]) -> int:
    arr = np.asarray(img.crop(box)) < 128
    return int(arr.sum())


def test_table_rules_are_erased_and_the_letters_kept() -> None:
    img, draw = _page()
    for y in (100, 160, 220, 280):  # a 3-row header table like 문서번호 / 결재일자 / 공개여부
        draw.line((100, y, 700, y), fill=20, width=3)
    for x in (100, 260, 700):
        draw.line((x, 100, x, 280), fill=20, width=3)
    draw.text((120, 115), "문서번호", font=_font(30), fill=20)
    draw.text((280, 115), "총무과-1092", font=_font(30), fill=20)
    before = _ink_columns(img, (120, 110, 690, 150))
    cleaned, removed = preprocess.remove_rules(img)
    assert removed > 0
    arr = np.asarray(cleaned) < 128
    assert not arr[95:106, 100:700].any() and not arr[100:280, 255:266].any()  # the rules are gone
    assert _ink_columns(cleaned, (120, 110, 690, 150)) >= 0.9 * before  # the words are still there


def _runs_by_hand(mask: np.ndarray, length: int) -> np.ndarray:
    out = np.zeros_like(mask)
    for r, row in enumerate(mask):
        start = None
        for c, v in enumerate([*row, False]):
            if v and start is None:
                start = c
            elif not v and start is not None:
                if c - start >= length:
                    out[r, start:c] = True
                start = None
    return out


@pytest.mark.parametrize("seed", range(6))
def test_long_runs_are_found_exactly(seed: int) -> None:
    rng = np.random.default_rng(seed)
    mask = rng.random((40, 90)) < rng.uniform(0.2, 0.97)
    for length in (2, 7, 30, 91):
        assert (preprocess._long_runs(mask, length) == _runs_by_hand(mask, length)).all()


def test_a_page_without_rules_is_left_alone() -> None:
    img, draw = _page()
    draw.text((100, 100), "□ 회의 개요", font=_font(30), fill=20)
    cleaned, removed = preprocess.remove_rules(img)
    assert removed == 0 and cleaned is img


def test_dark_scan_borders_are_whitened() -> None:
    img, draw = _page()
    draw.rectangle((0, 0, 1239, 40), fill=10)  # the scanner lid's shadow along the top
    draw.rectangle((0, 0, 30, 1753), fill=10)  # and the left edge
    draw.text((100, 100), "회의 결과 보고", font=_font(30), fill=20)
    arr = np.asarray(preprocess.remove_dark_borders(img))
    assert (arr[:40, :] > 128).all() and (arr[:, :30] > 128).all()
    assert (arr[100:140, 100:400] < 128).any()  # the text stays


@pytest.mark.parametrize("angle", [-2.0, -1.25, 0.0, 1.5])
def test_skew_is_measured(angle: float) -> None:
    img, draw = _page()
    for k in range(25):
        draw.text((100, 100 + 55 * k), "○ 야간 개방시간 연장 운영 제안에 대한 검토 결과 보고", font=_font(30), fill=20)
    tilted = img.rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=235)
    assert abs(preprocess.skew_angle(tilted) - angle) <= preprocess.SKEW_STEP


JUNK = [
    ("가<<<<가<가아<가<가<가<가<가(가<가<가(가(가<가야<<가<가<<거<가", 40.0, True),
    ("서 소 오 소 오 소오 소오 소오 소온 소온 소 오 소 오오오", 35.0, True),
    ("조조 조조조 조조조 조 조조 조조 조 조조 조 고 조 조조 조고 조", 50.0, True),
    ("ㅇ 참 석 자 : 서울청정넷 청년위원**************", 60.0, False),  # masked names are content
    ("- 빈번한 보고로 행정력 낭비와 업무의 효율성 저해요인 있음", 55.0, False),
    ("2026년 서울청년정책네트워크 3차 분과회의 결과", 40.0, False),
    ("*****************************************", 30.0, False),
    ("소 소 소 소 소 소 소 소 소 소 소 소", 90.0, False),  # read with high confidence: trust it
    ("- 2 -", 20.0, False),  # too short to judge
    (" (> 일시: '25. 10. 15.(수)14:00", 66.5, False),  # brackets and colons around a date and a time
    ("(<(( )) :: 25.(() )) <<", 30.0, True),  # digits alone do not make a date
]


@pytest.mark.parametrize(("text", "conf", "junk"), JUNK)
def test_junk_lines(text: str, conf: float, junk: bool) -> None:
    assert ocr.is_junk(text, conf) is junk


SPACING = [
    ("- 부산시 : 양현준 센 터 장", "- 부산시 : 양현준 센터장"),
    ("- 구청 : 마을 재 생 기 획 단 장, 마 을 민 주 주 의 과", "- 구청 : 마을 재생기획단장, 마을민주주의과"),
    ("ㅇ 참 석 자 : 위원 8명", "ㅇ 참석자 : 위원 8명"),
    ("□ 일 시 : 2026. 6. 11.", "□ 일 시 : 2026. 6. 11."),  # two syllables: left alone (labels cope)
    ("할 수 있는 방안을 검토", "할 수 있는 방안을 검토"),
]


@pytest.mark.parametrize(("text", "joined"), SPACING)
def test_letter_spaced_words_are_joined(text: str, joined: str) -> None:
    assert ocr.join_letter_spaced(text) == joined


@pytest.mark.parametrize(("size", "scaled"), [(18, False), (44, True)])
def test_large_type_is_scaled_down_and_normal_type_is_not(size: int, scaled: bool) -> None:
    img, draw = _page(2480, 3508)  # A4 at 300 dpi
    for k in range(30):
        draw.text((200, 200 + int(2.2 * size) * k), "○ 회의 결과 보고 및 향후 계획", font=_font(size), fill=20)
    prepared = preprocess.prepare(img)
    assert prepared.text_px is not None and abs(prepared.text_px - size) < 0.5 * size  # the type size is seen
    if scaled:
        assert prepared.factor == pytest.approx(max(preprocess.MIN_FACTOR, preprocess.TEXT_PX / prepared.text_px))
        assert prepared.image.width == round(2480 * prepared.factor)
    else:
        assert prepared.factor == 1.0 and prepared.image.size == (2480, 3508)
