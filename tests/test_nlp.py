"""The Kiwi-backed spaCy pipeline: surface tokens tile the text, morphemes kept, cue spans from models/."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import nlp


@pytest.fixture(scope="module")
def make(models):
    return lambda text: nlp.to_doc(text, models)


def test_contractions_stay_one_surface_token(make) -> None:
    doc = make("협조하기로 했다.")
    assert doc.text == "협조하기로 했다."
    assert [t.text for t in doc] == ["협조하기로", "했다", "."]
    assert ("하", "VV") in doc[1]._.morphs or ("하", "XSV") in doc[1]._.morphs
    assert any(tag == "EP" for _, tag in doc[1]._.morphs)


def test_markers_dates_and_names(make) -> None:
    doc = make("○ 일 시 : 2016. 4. 27(수)\n- 함께살이 협동조합 : 박학룡 이사장, 이소영 위원장")
    texts = [t.text for t in doc]
    assert "2016. 4. 27" in texts  # one serial token, spaces inside
    assert doc[0].text == "○" and doc[0].pos_ == "SYM"
    name = next(t for t in doc if t.text == "이소영")
    assert name.pos_ == "PROPN" and name.tag_ == "NNP"


def test_blank_korean_pipeline_does_not_need_mecab(models) -> None:
    pipe = nlp.pipeline(models)
    assert pipe.lang == "ko"
    assert type(pipe.tokenizer).__name__ == "KiwiTokenizer"
    assert "span_ruler" in pipe.pipe_names


CUES = [
    ("연장 여부를 확정하기로 함", "DECISION"),
    ("원안대로 가결되었음을 선포합니다", "DECISION"),
    ("사업비 편성에 대한 입장차이", "DISAGREEMENT"),
    ("상호간의 입장 차이의 간극을 줄이기 위하여", "RESOLUTION"),
    ("차기 회의는 추후 안내", "FOLLOW_UP"),
    ("주간 업무보고의 간소화 제안", "PROPOSAL"),
    ("청년위원*****", "REDACTED"),
]


@pytest.mark.parametrize(("text", "label"), CUES)
def test_cue_patterns(make, text: str, label: str) -> None:
    doc = make(text)
    assert label in {s.label_ for s in doc.spans["cues"]}


def test_no_decision_cue_in_plain_statements(make) -> None:
    doc = make("향후 기금운용위원회에서 결정되는 사안에 대하여 안내 예정")
    assert "DECISION" not in {s.label_ for s in doc.spans["cues"]}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120))
def test_tokens_tile_the_text(make, text: str) -> None:
    doc = make(text)
    assert doc.text == text
    pos = 0
    for tok in doc:
        assert tok.idx == pos
        pos += len(tok.text_with_ws)
    assert pos == len(text)
