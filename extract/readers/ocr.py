"""OCR of page images with Tesseract (Debian's `kor` data) through pytesseract.

Measured on scans of the seed report (DESIGN.md): `--psm 4` reads bulleted reports best, Sauvola
thresholding (`thresholding_method=2`) survives noise where the default emits junk, `kor` alone beats
`kor+eng`, and Tesseract's own threads make a page slower, so OMP_THREAD_LIMIT=1 (parallelism comes from
processes). Words come back with boxes and confidences; common misreadings of line-start bullets are
mapped back to their glyphs.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, replace
from typing import Any

from ..errors import OcrUnavailable
from . import glyphs
from .layout import Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANG = "kor"
CONFIG = "--psm 4 -c thresholding_method=2 -c preserve_interword_spaces=1"
_CHECKED: dict[str, bool] = {}

# At a line start Tesseract reads □ as ㅁ/口, ○ as (>, (<, (〉, (2, (, 《〉, <, o, 0, and Ⅰ Ⅱ Ⅲ as | || |||:
# map them back (only before a space: `(2)` and `(가` are real text).
_BULLETS = [
    (re.compile(r"^(\s*)(?:ㅁ|口|ロ|ᄆ)(\s)"), "\\1□\\2"),
    (re.compile(r"^(\s*)(?:\([<>〈〉《》23):]?|《〉|《》|〈〉|<>|<:|<|o|O|°|〇|0)(\s)"), "\\1○\\2"),
    (re.compile(r"^(\s*)(?:<>|<:|\(:)(?=[가-힣])"), "\\1○ "),  # `<>위원장 문재석`: run into its word
    (re.compile(r"^(\s*)<(?=[가-힣])(?![^<>]{0,40}>)"), "\\1○ "),  # `<출석공무원`: no `>` closes it as a <label>
    (re.compile(r"^(\s*)[69](\s)(?=[가-힣])"), "\\1○\\2"),  # a lone 6 or 9 before a word: a round bullet
    # `(3센터 입장` / `(<구 입장`: the bullet run into its word; `(3차 회의)` closes its bracket and stays
    (re.compile(r"^(\s*)\([3<>〈〉](?=[가-힣])(?![^)]{0,12}\))"), "\\1○ "),
    (re.compile(r"^(\s*)(?:\|\|\||ㅣㅣㅣ|Ш)(\s)"), "\\1Ⅲ\\2"),
    (re.compile(r"^(\s*)(?:\|\||ㅣㅣ|Ⅱ|11)(\s)"), "\\1Ⅱ\\2"),
    (re.compile(r"^(\s*)(?:\||ㅣ|l|I)(\s)"), "\\1Ⅰ\\2"),
    (re.compile(r"^(\s*)[•・:](\s)"), "\\1·\\2"),
    (re.compile(r"^(\s*)[»](\s)"), "\\1▶\\2"),
    (re.compile(r"^(\s*)(?:[-–]\s*)?(?:ㅡ|…)(\s)"), "\\1→\\2"),
    (re.compile(r"^(\s*)_(\s)"), "\\1-\\2"),  # a dash read low  # an arrow read as its shaft (`- ㅡ`) or as `…`
]


def check_available() -> None:
    """Raise OcrUnavailable with the install command when tesseract or its Korean data is missing."""
    if _CHECKED.get(LANG):
        return
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("tesseract is not installed: sudo apt-get install tesseract-ocr tesseract-ocr-kor")
    import pytesseract

    if LANG not in pytesseract.get_languages(config=""):
        raise OcrUnavailable("Tesseract Korean data is missing: sudo apt-get install tesseract-ocr-kor")
    _CHECKED[LANG] = True


def recognise(image: Any, config: str = CONFIG) -> list[Word]:
    """OCR a PIL image: its words with boxes in the image's pixels and Tesseract's confidences."""
    import pytesseract

    check_available()
    if image.mode in ("L", "RGB"):
        # pytesseract hands the image over as a file, PNG by default: compressing a 300 dpi page took
        # 1.2 s here, longer than a third of Tesseract's own time. PGM/PPM is written as is (same result).
        image.format = "PPM"
    data = pytesseract.image_to_data(image, lang=LANG, config=config, output_type=pytesseract.Output.DICT)
    words: list[Word] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
        words.append(Word(text, x, y, x + w, y + h, conf))
    return words


def fix_bullets(line: str) -> str:
    for rx, repl in _BULLETS:
        new = rx.sub(repl, line, count=1)
        if new != line:
            return new
    return line


_JUNK_SYMBOLS = set("<>()|%×※~\\/{}[]『』「」:;@#^")
# A date or a time in a line makes it content, however many brackets and colons surround it
# (`(> 일시: '25. 10. 15.(수)14:00`: a misread bullet, the weekday in brackets, the colon of the time).
_DATED = re.compile(r"\d{1,2}:\d{2}|\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}|\d{1,2}월\s?\d{1,2}일")


def is_junk(text: str, confidence: float | None) -> bool:
    """A line Tesseract made up from a picture, a stamp or a masked (redacted) row: few distinct
    characters repeated (`가<가<가<`, `조 조조 조 오 오`) or mostly stray symbols, read with low confidence.
    Asterisks are left out of the count: a masked name (`청년위원*****`) is real content."""
    chars = [c for c in text if not c.isspace() and c != "*"]
    if len(chars) < 10 or (confidence is not None and confidence >= 75) or _DATED.search(text):
        return False
    distinct = len(set(chars)) / len(chars)
    symbols = sum(c in _JUNK_SYMBOLS for c in chars) / len(chars)
    return distinct < 0.3 or symbols > 0.25


# Three or more single syllables in a row, one space apart: a word Tesseract cut into syllables.
_LETTER_SPACED = re.compile(r"(?<![가-힣])[가-힣](?: [가-힣](?![가-힣])){2,}")


def join_letter_spaced(text: str) -> str:
    """`양현준 센 터 장` -> `양현준 센터장`, `마 을 사 회 적 경 제 과` -> `마을사회적경제과`: Tesseract returns
    Korean as syllable fragments and wide letter spacing (justified lines, headers) survives as spaces.
    Runs of one-syllable words are rare in report prose, so joining them restores far more words than it
    merges (titles and names in attendee lists are the main beneficiaries)."""
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


# A masked run (`*****`, how disclosed documents hide personal data) read by Tesseract as asterisks mixed
# with look-alike symbols (`*<*×*%*×※`): at least half asterisks, four symbols or more.
_MASK_RUN = re.compile(r"[*×※%<>#\\]{4,}")


def restore_masks(text: str) -> str:
    """`서울청정넷청년위원*<*×*%*×` -> `서울청정넷청년위원*********`, so that the run reads as redacted."""
    return _MASK_RUN.sub(
        lambda m: "*" * len(m.group(0)) if 2 * m.group(0).count("*") >= len(m.group(0)) else m.group(0), text
    )


# Misreadings with one reading in this genre: a time after its weekday read with a dot for the colon
# (`(화)14.00~16.00`), and the 붙임 label read as 불임 at a line start (before a colon or a number, or on a
# line that ends with a count of copies: `불임 회의자료 1부.`).
_TIME_AFTER_DAY = re.compile(
    r"(\(\s*[월화수목금토일]\s*\)\s*)(?:(\d{1,2})[.;]|([01]\d|2[0-3])[10](?=[0-5]\d(?!\d)))(\d{2})(?!\d|\s*원)"
)  # the colon read as `.`, `;`, or as `1` or `0` between a two-digit hour and the minutes (`(화)14100`)
# the end of a range: the colon read as `.`, or lost (`14:00 - 1540`)
_RANGE_END = re.compile(r"(\d{1,2}:\d{2}\s*[~∼〜～-]\s*)(?:(\d{1,2})\.|([01]\d|2[0-3]))(\d{2})(?![\d.]|\s*[명원인개])")
_ATTACHED = re.compile(r"^(\s*)불\s?임(?=\s*(?:[:：]|\d|$)|.*\d\s*부\.?\s*(?:끝\.?)?\s*$)")


def fix_misreadings(text: str) -> str:
    """`(화)14.00~16.00` -> `(화)14:00~16:00`; `불임 1. 회의자료` -> `붙임 1. 회의자료`."""
    text = _TIME_AFTER_DAY.sub(lambda m: f"{m.group(1)}{m.group(2) or m.group(3)}:{m.group(4)}", text)
    text = _RANGE_END.sub(lambda m: f"{m.group(1)}{m.group(2) or m.group(3)}:{m.group(4)}", text)
    return _ATTACHED.sub(r"\1붙임", text)


_KOREAN_NUMBERS = "가나다라마바사아자차카타파하"
_LONE_SYLLABLE = re.compile(r"^(\s*)([가나다라마바사아자차카타파하])(\s+)(?=\S)")
# The marker run into a label (`가일시 : …`): the syllable, then a label of up to five syllables and its colon.
_GLUED_SYLLABLE = re.compile(r"^(\s*)([가나다라마바사아자차카타파하])()(?=(?:[가-힣] ?){1,5}\s*[:：])")
_MARKED = re.compile(r"\s*([가-힣])\.\s?(?=\S)")  # `나. 장소`, or `나.장 소` with the space lost


def fix_korean_numbering(texts: list[str]) -> list[str]:
    """`가 일시 : …` or `가일시 : …` -> `가. 일시 : …` when a nearby line (four either way) starts with one
    of the two syllables before or after it and a dot (`나. 장소 : …`): Tesseract drops the dot of 가. 나. 다.
    markers, and with it sometimes the space."""
    out = list(texts)
    marked = [_MARKED.match(t) for t in texts]
    for i, t in enumerate(texts):
        m = _LONE_SYLLABLE.match(t) or (_GLUED_SYLLABLE.match(t) if marked[i] is None else None)
        if m is None:
            continue
        k = _KOREAN_NUMBERS.index(m.group(2))
        near = {mm.group(1) for mm in marked[max(0, i - 4) : i + 5] if mm}
        neighbours = {_KOREAN_NUMBERS[j] for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(_KOREAN_NUMBERS)}
        if near & neighbours:
            out[i] = f"{m.group(1)}{m.group(2)}.{m.group(3) or ' '}{t[m.end() :]}"
    return out


_CIRCLED_AT = re.compile(r"^(\s*)[①-⑳]\s")
_CIRCLED_MISREAD = re.compile(r"^(\s*)[@®©](\s+)(?=\S)")


def fix_circled_numbers(texts: list[str]) -> list[str]:
    """`@ 개인정보 …` -> `③ 개인정보 …` when a line nearby (four either way) opens with a circled number:
    Tesseract reads some circled numbers as `@`, `®` or `©`. The number follows the nearest one before
    (or comes before the nearest one after)."""
    out = list(texts)
    numbers = [glyphs.CIRCLED.index(m.group(0).strip()) if (m := _CIRCLED_AT.match(t)) else None for t in texts]
    for i, t in enumerate(texts):
        m = _CIRCLED_MISREAD.match(t)
        if m is None:
            continue
        before = next((numbers[j] for j in range(i - 1, max(-1, i - 5), -1) if numbers[j] is not None), None)
        after = next((numbers[j] for j in range(i + 1, min(len(texts), i + 5)) if numbers[j] is not None), None)
        k = before + 1 if before is not None else after - 1 if after is not None and after > 0 else None
        if k is None or k >= len(glyphs.CIRCLED):
            continue
        out[i] = f"{m.group(1)}{glyphs.CIRCLED[k]}{m.group(2)}{t[m.end() :]}"
        numbers[i] = k
    return out


@dataclass
class OcrLines:
    lines: list[Any]  # layout.TextLine
    texts: list[str]
    mean_confidence: float | None
    dropped: int  # junk lines left out


def _replace_first_word(text: str, word: str, marker: str) -> str:
    body = text.lstrip()
    if not body.startswith(word):
        return text
    rest = body[len(word) :]
    return text[: len(text) - len(body)] + marker + (rest if rest[:1].isspace() else " " + rest)


def read_page(image: Any, scale: float = 1.0, reread_junk: bool = True) -> OcrLines:
    """Page image -> text lines: preprocessing, Tesseract, a second reading of a junk region (`reread_junk`:
    readers ask for it on the first and last pages, see reread.py), lines with indentation (column by
    column), junk lines left out, bullets recovered from their shape and from known misreadings."""
    from .layout import lay_out
    from .preprocess import ink, prepare
    from .reread import reread

    prepared = prepare(image)
    words = recognise(prepared.image)
    if reread_junk:
        words, _ = reread(prepared.image, words, recognise)
    to_caller = scale / prepared.factor  # boxes in the caller's units
    words = [
        replace(w, x0=w.x0 * to_caller, top=w.top * to_caller, x1=w.x1 * to_caller, bottom=w.bottom * to_caller)
        for w in words
    ]
    all_lines, rendered = lay_out(words, ocr=True)
    kept = [(ln, t) for ln, t in zip(all_lines, rendered, strict=True) if not is_junk(t, ln.conf)]
    lines, texts = [ln for ln, _ in kept], [t for _, t in kept]
    page_ink, _ = ink(prepared.image)  # one mask for both bullet recoveries
    for i, marker in glyphs.recover(lines, prepared.image, prepared.factor / scale, page_ink).items():
        texts[i] = _replace_first_word(texts[i], lines[i].words[0].text, marker)
    for i, marker in glyphs.glued(lines, prepared.image, prepared.factor / scale, page_ink).items():
        indent = len(texts[i]) - len(texts[i].lstrip())
        texts[i] = f"{texts[i][:indent]}{marker} {texts[i][indent:]}"  # a bullet read into its word and lost
    texts = fix_korean_numbering([fix_bullets(t) for t in fix_circled_numbers(texts)])  # before syllables join
    texts = [fix_misreadings(restore_masks(join_letter_spaced(t))) for t in texts]
    confs = [w.conf for w in words if w.conf is not None]
    mean = round(sum(confs) / len(confs), 1) if confs else None
    return OcrLines(lines, texts, mean, len(all_lines) - len(lines))
