"""Positioned words -> lines in reading order: one column, two columns with full-width titles, and tables
(whose columns must not be read as text columns)."""

from __future__ import annotations

import pytest

from extract.readers.layout import TextLine, Word, lay_out, merge_wrapped


def _line(text: str, x: float, top: float, word_width: float = 40.0) -> list[Word]:
    out, pos = [], x
    for word in text.split():
        out.append(Word(word, pos, top, pos + word_width, top + 10))
        pos += word_width + 5
    return out


def test_two_columns_are_read_column_by_column_under_a_full_width_title() -> None:
    words = _line("2026년 상반기 소식지 제목 줄 가운데", 150, 40)  # crosses the gutter
    for k in range(12):
        words += _line(f"왼쪽{k} 단의 문장이 단 끝까지 이어짐", 50, 80 + 14 * k)  # runs up to x = 360
        words += _line(f"오른쪽{k} 단의 문장도 끝까지 이어짐", 400, 80 + 14 * k)
    _, texts = lay_out(words)
    firsts = [t.split()[0] for t in texts]
    assert firsts[0] == "2026년"
    assert firsts[1:13] == [f"왼쪽{k}" for k in range(12)]
    assert firsts[13:] == [f"오른쪽{k}" for k in range(12)]
    assert all(not t.startswith(" " * 5) for t in texts[13:])  # right column indented from its own margin


def test_a_two_column_table_is_not_split_into_text_columns() -> None:
    words: list[Word] = []
    for k in range(25):
        words += _line(f"성명{k}", 50, 80 + 14 * k) + _line(f"소속{k}", 400, 80 + 14 * k)
    _, texts = lay_out(words)
    assert [t.split()[0] for t in texts][:2] == ["성명0", "성명1"] or texts[0].split()[-1] == "소속0"
    assert all("성명" in t and "소속" in t for t in texts)  # each row stays one line


def test_one_column_stays_as_it_is() -> None:
    words: list[Word] = []
    for k in range(30):
        words += _line(f"문장{k} 이어지는 본문 내용 한 줄이 페이지 끝까지 이어짐", 50, 80 + 14 * k)
    _, texts = lay_out(words)
    assert [t.split()[0] for t in texts] == [f"문장{k}" for k in range(30)]


def test_a_wide_table_with_many_columns_is_not_split() -> None:
    words: list[Word] = []
    for k in range(25):  # six columns of short cells, like a screening result table
        for c, x in enumerate((50, 130, 230, 330, 420, 500)):
            words += _line(f"칸{k}-{c}", x, 80 + 14 * k, 30)
    _, texts = lay_out(words)
    assert len(texts) == 25 and all(t.split()[0] == f"칸{k}-0" for k, t in enumerate(texts))


def test_a_cover_page_title_in_syllables_is_not_split_at_a_gutter() -> None:
    # OCR boxes of a large centred title are syllables; a gap between two of them can fall on the strip
    # between two side-by-side tables (the header table left, the approval table right).
    words: list[Word] = []
    for k in range(12):  # syllable boxes again: every row looks like words running up to the strip
        words += _line(f"문 서 번 호 과 {k}", 50, 40 + 14 * k, 30) + _line(f"주 무 관 팀 장 {k}", 420, 40 + 14 * k, 30)
    title, pos = [], 166.0
    for k, syllable in enumerate("2026년 상반기 주민 협의체 운영 결과 보고".replace(" ", "")):
        title.append(Word(syllable, pos, 300, pos + 24, 330))
        pos += 24 + (18 if k == 5 else 6)  # the gap 340-358 holds the middle of the strip (x = 353)
    words += title
    _, texts = lay_out(words)
    assert any(t.replace(" ", "").replace("\t", "") == "2026년상반기주민협의체운영결과보고" for t in texts)


def test_an_ocr_box_drawn_over_two_rows_does_not_merge_them() -> None:
    # Two rows of syllables 40 apart, 30 tall; Tesseract drew one syllable of the first row 62 tall, down
    # into the second. Placed first, it stretched the first row over the second and interleaved them.
    words: list[Word] = []
    for k, s in enumerate("마을정책사업을원활하게추진"):
        words.append(Word(s, 50 + 34 * k, 100, 80 + 34 * k, 162 if k == 6 else 130, 60.0))
    for k, s in enumerate("상호간의이해를돕고협력"):
        words.append(Word(s, 50 + 34 * k, 140 + (k % 3), 80 + 34 * k, 170 + (k % 3), 60.0))
    _, texts = lay_out(words, ocr=True)
    assert [t.replace(" ", "") for t in texts] == ["마을정책사업을원활하게추진", "상호간의이해를돕고협력"]


def test_justified_ocr_prose_keeps_spaces_and_table_gaps_stay_tabs() -> None:
    # OCR letters measure narrow (fragments, digits, marks): the wide spaces of a justified line are under
    # twice the word height and stay spaces; a header-table row's gap between label and value is a tab.
    prose = [
        Word(t, 100 + 70 * k, 100, 100 + 70 * k + 28, 130, 90.0)
        for k, t in enumerate(["회의", "목표를", "1", "달성", "하기", "2"])
    ]
    row = [Word("결재일자", 100, 200, 220, 230, 90.0), Word("2025.", 420, 200, 480, 230, 90.0)]
    _, texts = lay_out(prose + row, ocr=True)
    assert texts == ["회의 목표를 1 달성 하기 2", "결재일자\t2025."]


def _row(text: str, x: float, top: float, right: float, height: float = 20.0) -> TextLine:
    """One line of words spread evenly from x to right."""
    words = text.split()
    step = (right - x) / len(words)
    return TextLine([Word(w, x + k * step, top, x + (k + 1) * step - 4, top + height) for k, w in enumerate(words)])


# (second line's text, its top, its left edge, the first line's right edge) -> joined?  First line: top 100,
# 20 high, from x=60; the text column ends at x=540 (the other lines of the page).
WRAPS = [
    ("이어지는 문장의 나머지 부분임", 124, 80, 540, True),  # right below, hanging indent
    ("이어지는 문장의 나머지 부분임", 116, 80, 540, True),  # OCR boxes of tall glyphs overlap a little
    ("이어지는 문장의 나머지 부분임", 106, 80, 540, False),  # overlapping by more: not the next line
    ("이어지는 문장의 나머지 부분임", 140, 80, 540, True),  # 200% line spacing
    ("이어지는 문장의 나머지 부분임", 160, 80, 540, False),  # a blank line between
    ("○ 다음 항목의 시작 부분임", 124, 80, 540, False),  # an outline marker starts a new item
    ("이어지는 문장의 나머지 부분임", 124, 80, 400, False),  # the first line ends early: a short line
    ("이어지는 문장의 나머지 부분임", 124, 0, 540, False),  # starts left of the line above
]


@pytest.mark.parametrize(("text", "top", "x0", "right", "joined"), WRAPS)
def test_wrapped_lines_are_joined(text: str, top: float, x0: float, right: float, joined: bool) -> None:
    first = _row("ㅇ 문장이 오른쪽 끝까지 이어지는 첫 줄", 60, 100, right)
    second = _row(text, x0, top, 480)
    column = [_row(f"다른 문단 {k}번 오른쪽 끝까지", 60, 300 + 60 * k, 540) for k in range(8)]  # apart
    lines = [first, second, *column]
    texts = [" ".join(w.text for w in ln.words) for ln in lines]
    _, out = merge_wrapped(lines, texts)
    assert (len(out) == len(lines) - 1) == joined
    if joined:
        assert out[0] == texts[0] + " " + text


def test_a_tall_noise_box_does_not_stop_a_wrap() -> None:
    first = _row("ㅇ 문장이 오른쪽 끝까지 이어지는 첫 줄", 60, 100, 540)
    first.words.append(Word("|", 530, 96, 534, 134))  # a speck read as a bar, reaching into the next line
    second = _row("이어지는 문장의 나머지 부분임", 80, 124, 480)
    column = [_row(f"다른 문단 {k}번 오른쪽 끝까지", 60, 300 + 60 * k, 540) for k in range(8)]
    lines = [first, second, *column]
    _, out = merge_wrapped(lines, [" ".join(w.text for w in ln.words) for ln in lines])
    assert len(out) == len(lines) - 1


def test_a_paragraph_ends_at_its_short_line() -> None:
    rows = [
        _row("ㅇ 문장이 오른쪽 끝까지 이어지는 첫 줄", 60, 100, 540),
        _row("이어지는 둘째 줄", 80, 124, 300),  # ends the paragraph
        _row("다음 문단 첫 줄 시작", 80, 148, 540),  # no marker, right below, but a new paragraph
    ]
    column = [_row(f"다른 문단 {k}번 오른쪽 끝까지", 60, 300 + 60 * k, 540) for k in range(8)]
    lines = [*rows, *column]
    _, out = merge_wrapped(lines, [" ".join(w.text for w in ln.words) for ln in lines])
    assert out[:2] == ["ㅇ 문장이 오른쪽 끝까지 이어지는 첫 줄 이어지는 둘째 줄", "다음 문단 첫 줄 시작"]


def test_specks_after_an_ocr_continuation_do_not_make_it_a_table_row() -> None:
    first = _row("ㅇ 문장이 오른쪽 끝까지 이어지는 첫 줄", 60, 100, 540)
    column = [_row(f"다른 문단 {k}번 오른쪽 끝까지", 60, 300 + 60 * k, 540) for k in range(8)]
    ocr = TextLine(
        [Word(w.text, w.x0, w.top, w.x1, w.bottom, conf=90.0) for w in _row("이어지는 부분임", 80, 124, 300).words]
    )
    texts = [" ".join(w.text for w in ln.words) for ln in [first, ocr, *column]]
    texts[1] = "이어지는 부분임\t:\t."  # OCR read two specks far to the right
    _, out = merge_wrapped([first, ocr, *column], list(texts))
    assert out[0] == texts[0] + " 이어지는 부분임"
    texts[1] = "합계 3건\t-"  # in a text layer the same shape is a table row whose last cell is `-`
    _, out = merge_wrapped([first, _row("합계 3건", 80, 124, 300), *column], list(texts))
    assert out[1] == "합계 3건\t-"


@pytest.mark.parametrize(
    ("first_text", "second_text", "joined"),
    [
        ("→ 하향식 조명으로 설계하고 차광판을 설치하겠음", "(주민 B) 공사 중 통행 가능 여부", False),  # an item's end
        ("○ 위원 간 이견이 있었으며 재논의하기로 함", "다음 항목의 첫 줄", False),
        ("○ 예산 부족 문제가 계속 제기되고 있음", "에도 불구하고 증액은 어렵다는 입장", True),  # a word cut by the wrap
        ("ㅇ 문장이 오른쪽 끝까지 이어지는 첫 줄", "이어지는 문장의 나머지 부분임", True),
        ("① (건의) 골목길 가로등이 어두워 조기 교체 요청", "(답변) 5월 중 LED 가로등 교체 예정", False),  # a pair
        ("(건의) 골목길 가로등이 어두워 밤길이 위험하므로", "조기 교체 요청", True),  # a request's own wrap
        ("ㅇ 골목길 가로등이 어두워 조기 교체 요청", "(답변) 5월 중 LED 가로등 교체 예정", True),
    ],
)
def test_a_line_that_ends_as_an_item_does_is_not_wrapped(first_text: str, second_text: str, joined: bool) -> None:
    lines = [_row(first_text, 60, 100, 540), _row(second_text, 80, 124, 480)]
    lines += [_row(f"다른 문단 {k}번 오른쪽 끝까지", 60, 300 + 60 * k, 540) for k in range(8)]
    texts = [" ".join(w.text for w in ln.words) for ln in lines]
    _, out = merge_wrapped(lines, texts)
    assert (len(out) == len(lines) - 1) == joined
