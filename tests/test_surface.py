"""Surface tokens cut by rule (surface.split) against the tokens Kiwi's analysis gives (morph.tile)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import readers
from extract.analyse import morph, normalize, surface
from extract.analyse.lines import make_lines

from .conftest import SAMPLES, shared_or_skip

TOKENS = [
    ("○ 일 시 : 2016. 4. 27(수) 14:00", ["○", "일", "시", ":", "2016. 4. 27", "(", "수", ")", "14:00"]),
    ("일시: '26.6.11.(목) 10:00∼12:00", ["일시", ":", "'", "26.6.11.", "(", "목", ")", "10:00", "∼", "12:00"]),
    ("사업비 1.5배로 늘리기로 함", ["사업비", "1.5배로", "늘리기로", "함"]),
    ("총 1,000,000원을 집행", ["총", "1,000,000원을", "집행"]),
    ("17:00까지 제출", ["17:00", "까지", "제출"]),
    ("3/4분기 실적", ["3/4", "분기", "실적"]),
    ("위원 10-20명", ["위원", "10-20", "명"]),
    ("문서번호 행정46003-91", ["문서번호", "행정", "46003-91"]),  # a serial stands alone, even after a word
    ("가. 회의 개요", ["가.", "회의", "개요"]),
    ("(가) 안건 심의", ["(가)", "안건", "심의"]),
    ("1) 심의 결과", ["1)", "심의", "결과"]),
    ("(2) 주요 내용", ["(2)", "주요", "내용"]),
    ("Ⅱ. 향후 계획", ["Ⅱ.", "향후", "계획"]),
    ("3. 2026년 추진 일정", ["3.", "2026년", "추진", "일정"]),
    ("(건의) 주차장 확충 요청", ["(", "건의", ")", "주차장", "확충", "요청"]),
    ("【안건 1】 조례 개정", ["【", "안건", "1", "】", "조례", "개정"]),
    ("유사ㆍ중복 사업 정비", ["유사", "ㆍ", "중복", "사업", "정비"]),
    ("DB화 추진 및 3D프린터 도입", ["DB화", "추진", "및", "3D프린터", "도입"]),
    ("문의: kim01@seoul.go.kr, http://www.seoul.go.kr", ["문의", ":", "kim01@seoul.go.kr", ",", "http://www.seoul.go.kr"]),
    ("청년위원*****, ○○과 협의...", ["청년위원", "*****", ",", "○○", "과", "협의", "..."]),
    ("「조례」 제3조에 따라 “원안 가결”", ["「", "조례", "」", "제3조에", "따라", "“", "원안", "가결", "”"]),
    ("☎ 02-2133-1234 / 담당 주무관", ["☎", "02-2133-1234", "/", "담당", "주무관"]),
    ("ㅇ 결과: 가결 → 시행", ["ㅇ", "결과", ":", "가결", "→", "시행"]),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), TOKENS)
def test_surface_tokens(line: str, expected: list[str]) -> None:
    assert [w for w in surface.split(line).words if not w.isspace()] == expected


@pytest.mark.parametrize(("line", "expected"), TOKENS)
def test_the_rules_give_kiwis_tokens(models, line: str, expected: list[str]) -> None:
    assert _kiwi_spans(line, models) == _rule_spans(line)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120))
def test_split_tiles_any_text(text: str) -> None:
    tiling = surface.split(text)
    assert "".join(w + (" " if s else "") for w, s in zip(tiling.words, tiling.spaces, strict=True)) == text
    assert all(tiling.words)


_PIECES = ["회의", "결과", "2026.", "6.", "25.", "14:00", "1.5배", "(건의)", "가.", "1)", "(2)", "○", "***", "-", "~",
           "DB화", "위원", "3명", "1,000원", "ㆍ", "의결함", "2/4분기", "가결.", "Ⅱ.", "「조례」", "02-123-4567"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "  ", "\n", "\t"])), max_size=25))
def test_hangul_tokens_agree_with_kiwi_on_generated_lines(models, pieces: list[tuple[str, str]]) -> None:
    """Every token that holds a Hangul syllable spans what Kiwi's does (the cue patterns read those)."""
    text = "".join(word + gap for word, gap in pieces)
    assert _hangul(_kiwi_spans(text, models), text) == _hangul(_rule_spans(text), text)


def _texts(paths: list[Path], models) -> list[str]:
    out = []
    for path in paths:
        raw = normalize.normalize(readers.read(str(path), ocr_mode="never"))
        out.append(make_lines(raw.blocks, models)[0])
    return out


def _sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".hwp", ".hwpx"} or p.name.endswith("-pdf.pdf"))


def _corpus_paths() -> list[Path]:
    corpus = shared_or_skip("corpus")
    return sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".hwp", ".hwpx", ".pdf"} and p.is_file())


@pytest.mark.parametrize("which", ["samples", "corpus"])
def test_the_rules_give_kiwis_tokens_on_whole_reports(models, which: str) -> None:
    paths = _sample_paths() if which == "samples" else _corpus_paths()
    same = total = 0
    for text in _texts(paths, models):
        for line in text.split("\n"):
            kiwi, rule = _kiwi_spans(line, models), _rule_spans(line)
            same, total = same + len(kiwi & rule), total + len(kiwi)
            assert _hangul(kiwi, line) == _hangul(rule, line), line
    assert same / total > 0.999, (same, total)


_HANGUL = re.compile("[가-힣]")
_MARKER = re.compile(r"(?<!\w)(?:[가나다라마바사아자차카타파하]|\d{1,2})\.")


def _hangul(spans: set[tuple[int, int, str]], text: str) -> set[tuple[int, int, str]]:
    """The spans that hold a Hangul syllable, but for those that hold or follow a list marker (`가.`, `6.`)
    at a word start: Kiwi's lattice reads one now as a marker, now as a noun (or number) and a full stop
    (`가. 제94조`, `회의 6.회의`); the rule always reads a marker."""
    markers = [(m.start(), m.end()) for m in _MARKER.finditer(text)]
    return {
        s for s in spans if _HANGUL.search(s[2]) and not any(s[0] <= end and start < s[1] for start, end in markers)
    }


def _spans(words: list[str], spaces: list[bool]) -> set[tuple[int, int, str]]:
    out, pos = set(), 0
    for word, space in zip(words, spaces, strict=True):
        out.add((pos, pos + len(word), word))
        pos += len(word) + space
    return out


def _rule_spans(text: str) -> set[tuple[int, int, str]]:
    tiling = surface.split(text)
    return _spans(tiling.words, tiling.spaces)


def _kiwi_spans(text: str, models) -> set[tuple[int, int, str]]:
    kiwi = morph.kiwi(models.user_dict)
    lines = text.split("\n")
    tiling = morph.tile(text, [kiwi.tokenize(line) for line in lines])
    return _spans(tiling.words, tiling.spaces)
