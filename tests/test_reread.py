"""Second reading of junk regions: which words form a region, and when the second reading is taken."""

from __future__ import annotations

from PIL import Image

from extract.readers.layout import Word
from extract.readers.reread import regions, reread

PAGE = Image.new("L", (1000, 600), 255)


def _row(texts: list[str], x: float, top: float, conf: float, step: float = 120.0) -> list[Word]:
    return [Word(t, x + k * step, top, x + k * step + 30 * len(t), top + 30, conf) for k, t in enumerate(texts)]


def _never(crop, config):
    raise AssertionError("no second reading expected")


def test_misread_cells_of_a_table_row_form_one_region() -> None:
    words = _row(["가", "나", "다", "라"], 100, 100, 10.0, step=150)  # cells far apart, all misread
    words += _row(["본문", "내용이", "잘", "읽힘"], 100, 400, 95.0)
    words += [Word("끝", 900, 900, 930, 930, 5.0)]  # one stray mark: not worth a pass
    (box,) = regions(words)
    assert box == (100, 100, 100 + 3 * 150 + 30, 130)


def test_a_junk_region_is_read_again_and_good_words_stay() -> None:
    first = [*_row(["로", "저", "변류", "여티"], 100, 100, 5.0), Word("이경주", 100, 150, 190, 180, 93.0)]
    calls: list[str] = []

    def recognise(crop, config):  # the crop's words in crop pixels, as Tesseract gives them
        calls.append(config)
        left, top = 100 - 60, 100 - 60  # the crop starts two word heights before the region
        return [
            Word("주무관", 100 - left, 100 - top, 190 - left, 130 - top, 92.0),
            Word("청년참여팀장", 220 - left, 100 - top, 400 - left, 130 - top, 90.0),
            Word("담당관", 460 - left, 100 - top, 550 - left, 130 - top, 90.0),
        ]

    words, replaced = reread(PAGE, first, recognise)
    assert replaced == 1 and "--psm 11" in calls[0]
    assert sorted(w.text for w in words) == ["담당관", "이경주", "주무관", "청년참여팀장"]


def test_a_word_with_its_middle_just_outside_the_region_is_not_read_twice() -> None:
    junk = _row(["로", "저", "변류", "여티"], 100, 100, 5.0)
    below = [Word("안건은", 100, 128, 190, 158, 93.0)]  # its middle (143) is under the region's bottom (130)

    def recognise(crop, config):
        left, top = 100 - 60, 100 - 60
        return [
            Word("주무관", 100 - left, 100 - top, 190 - left, 130 - top, 92.0),
            Word("청년참여팀장", 220 - left, 100 - top, 400 - left, 130 - top, 90.0),
            Word("안건은", 100 - left, 110 - top, 190 - left, 148 - top, 93.0),  # the same word, its box taller
        ]

    words, replaced = reread(PAGE, junk + below, recognise)
    assert replaced == 1
    assert sorted(w.text for w in words) == ["안건은", "주무관", "청년참여팀장"]


def test_a_worse_second_reading_is_not_taken() -> None:
    first = _row(["로", "저", "변류", "여티"], 100, 100, 5.0)
    words, replaced = reread(PAGE, first, lambda crop, config: [Word("ㅁ", 70, 70, 90, 90, 20.0)])
    assert replaced == 0 and words == first


def test_doubtful_but_correct_words_are_not_read_again() -> None:
    # `장소 : 구청` scored 23-24: doubtful, not junk; reading such a region again broke it
    first = _row(["장소", ":", "구청"], 100, 100, 24.0, step=70)
    assert reread(PAGE, first, _never) == (first, 0)


def test_prose_with_a_few_junk_words_is_not_read_again() -> None:
    texts = ["ㅎ", "회의", "결과를", "보고", "ㄱ", "다음", "회의는", "예정", "ㄷ"]
    first = [Word(t, 100 + 70 * k, 140, 160 + 70 * k, 170, 5.0 if len(t) == 1 else 90.0) for k, t in enumerate(texts)]
    assert reread(PAGE, first, _never) == (first, 0)


def test_junk_across_the_page_is_not_read_again() -> None:
    # a picture or a masked table spanning the page reads as junk a second time too: not worth the time
    first = _row(["새", "수", "조", "애", "대"], 50, 100, 3.0, step=200)  # 50 .. 880 on a 1000 px page
    assert reread(PAGE, first, _never) == (first, 0)
