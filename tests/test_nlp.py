"""The spaCy pipeline: surface tokens tile the text, Kiwi's morphemes when asked for, cue spans from models/."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.analyse import nlp


@pytest.fixture(scope="module")
def make(models):
    return lambda text: nlp.to_doc(text, models)


def test_contractions_stay_one_surface_token(make) -> None:
    doc = make("협조하기로 했다.")
    assert doc.text == "협조하기로 했다."
    assert [t.text for t in doc] == ["협조하기로", "했다", "."]
    assert ("하", "VV") in doc[1]._.morphs or ("하", "XSV") in doc[1]._.morphs
    assert any(tag == "EP" for _, tag in doc[1]._.morphs)


def test_morphemes_are_read_per_line_when_asked_for(make) -> None:
    doc = make("○ 회의 결과\n  추진하기로 했다.")
    assert "kiwi_lines" not in doc.user_data  # nothing analysed until asked
    said = next(t for t in doc if t.text == "했다")
    assert any(tag == "EP" for _, tag in said._.morphs)
    assert list(doc.user_data["kiwi_lines"]) == [doc.text.index("\n") + 1]  # only that line was analysed
    assert next(t for t in doc if "\n" in t.text)._.morphs == []  # whitespace has none


def test_markers_dates_and_names(make) -> None:
    doc = make("○ 일 시 : 2016. 4. 27(수)\n- 함께살이 협동조합 : 박학룡 이사장, 이소영 위원장")
    texts = [t.text for t in doc]
    assert "2016. 4. 27" in texts  # one serial token, spaces inside
    nlp.analyse(doc)  # Kiwi's tags, read when asked for
    assert doc[0].text == "○" and doc[0].pos_ == "SYM"
    name = next(t for t in doc if t.text == "이소영")
    assert name.pos_ == "PROPN" and name.tag_ == "NNP"


def test_blank_korean_pipeline_does_not_need_mecab(models) -> None:
    pipe = nlp.pipeline(models)
    assert pipe.lang == "ko"
    assert type(pipe.tokenizer).__name__ == "SurfaceTokenizer"
    assert "cues" in pipe.pipe_names


CUES = [
    ("연장 여부를 확정하기로 함", "DECISION"),
    ("5월 중 긴급 보수 실시하기로함", "DECISION"),  # written (or read by OCR) without the space
    ("원안대로 가결되었음을 선포합니다", "DECISION"),
    ("실무협의체에서 추가 논의 하기 로 함", "DECISION"),  # OCR spacing inside 하기로
    ("이의가 없으므로 보류되었음을 선포합니다", "DECISION"),
    ("운영 방식에 대해 의견이 나뉨", "DISAGREEMENT"),
    ("제시하여 합의하지 못함", "DISAGREEMENT"),
    ("합의에 이르지 못함", "DISAGREEMENT"),
    ("사업비 편성에 대한 입장차이", "DISAGREEMENT"),
    ("상호간의 입장 차이의 간극을 줄이기 위하여", "RESOLUTION"),
    ("차기 회의는 추후 안내", "FOLLOW_UP"),
    ("다음 회의는 4월 21일 개최", "FOLLOW_UP"),
    ("다음 회 의는4월21 일 개최", "FOLLOW_UP"),  # OCR spacing inside 회의
    ("주간 업무보고의 간소화 제안", "PROPOSAL"),
    ("공사 중 자전거 통행은 가능한지", "PROPOSAL"),  # a question put at a briefing
    ("조명이 주택가로 비치지 않게 해 달라", "PROPOSAL"),
    ("청년위원*****", "REDACTED"),
]


@pytest.mark.parametrize(("text", "label"), CUES)
def test_cue_patterns(make, text: str, label: str) -> None:
    doc = make(text)
    assert label in {s.label_ for s in doc.spans["cues"]}


@pytest.mark.parametrize("text", ["다음과 같이 보고합니다", "다음 회계연도 예산 편성"])
def test_no_next_meeting_cue_in_other_uses_of_next(make, text: str) -> None:
    assert "FOLLOW_UP" not in {s.label_ for s in make(text).spans["cues"]}


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


CUE_TEXTS = [
    "○ 연장 여부를 확정하기로 함\n  - 차기 회의는 7월 중 개최 예정\n□ 상호 협의를 통해 조정",
    "사업비 편성에 대한 입장 차이가 있음\n의견 차이는 없었음",
    "위원 ***** 외 3명\n원안대로 가결되었음을 선포합니다.",
    "\n\n   \n",
    "",
]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_cue_matcher_finds_what_spacys_span_ruler_finds(models, text: str) -> None:
    import spacy

    pipe = nlp.pipeline(models)
    reference = spacy.blank("xx")
    reference.tokenizer = pipe.tokenizer
    ruler = reference.add_pipe("span_ruler", config={"spans_key": "cues", "overwrite": False})
    ruler.add_patterns(models.patterns)
    ref_doc, doc = reference(text), pipe(text)
    # a cue lies inside one line: SpanRuler's matches across a line break are not cues
    expected = sorted((s.start, s.end, s.label_, s.id_) for s in ref_doc.spans["cues"] if "\n" not in s.text)
    assert sorted((s.start, s.end, s.label_, s.id_) for s in doc.spans["cues"]) == expected


def _matcher(models, patterns):
    from extract.analyse.cues import CueMatcher

    m = CueMatcher(nlp.pipeline(models))
    m.add_patterns(patterns)
    return m


def test_cue_matcher_without_a_regex_gate_reads_every_line(models) -> None:
    m = _matcher(models, [{"label": "X", "pattern": [{"LOWER": "검토"}, {"TEXT": "결과"}]}])
    assert m.needs == [0]  # no plain TEXT REGEX token: the line gate cannot rule a line out
    doc = m(nlp.pipeline(models).make_doc("첫 줄\n검토 결과 보고"))
    assert [(s.text, s.label_) for s in doc.spans["cues"]] == [("검토 결과", "X")]


def test_cue_matcher_phrase_patterns_and_ids(models) -> None:
    m = _matcher(
        models,
        [
            {"label": "P", "id": "p1", "pattern": "회의 결과"},
            {"label": "R", "id": "r1", "pattern": [{"TEXT": {"REGEX": "^결과$"}}, {"TEXT": "보고"}]},
        ],
    )
    doc = m(nlp.pipeline(models).make_doc("회의 결과 보고"))
    assert [(s.text, s.label_, s.id_) for s in doc.spans["cues"]] == [
        ("회의 결과", "P", "p1"),
        ("결과 보고", "R", "r1"),
    ]


def test_cue_matcher_line_gate_needs_every_required_token(models) -> None:
    m = _matcher(
        models,
        [
            {"label": "D", "pattern": [{"TEXT": {"REGEX": "기로$"}}, {"TEXT": {"REGEX": "^함$"}}]},
            {
                "label": "M",
                "pattern": [
                    {"TEXT": {"REGEX": "^상호"}},
                    {"OP": "*", "TEXT": {"REGEX": "."}},
                    {"TEXT": {"REGEX": "협력$"}},
                ],
            },
        ],
    )
    assert len(m.required) == 4 and m.needs == [0b11, 0b1100]  # the optional middle token requires nothing
    texts = ["추진하기로", " ", "하였음", "\n", "상호", " ", "간", " ", "협력", "\n", "함", " ", "기로"]
    assert list(m._lines(texts)) == [(4, 9), (10, 13)]  # line 1 has 기로 but no 함


def test_cue_matcher_one_token_patterns_keep_their_ids_as_span_ruler_does(models) -> None:
    m = _matcher(
        models,
        [
            {"label": "F", "id": "planned", "pattern": [{"TEXT": {"REGEX": "예정$"}}]},
            {"label": "F", "id": "deadline", "pattern": [{"TEXT": {"REGEX": "^까지$"}}]},
            {"label": "F", "id": "also-planned", "pattern": [{"TEXT": {"REGEX": "정$"}}]},
        ],
    )
    doc = m(nlp.pipeline(models).make_doc("5월 개최 예정\n말 까지"))
    assert [(s.text, s.label_, s.id_) for s in doc.spans["cues"]] == [
        ("예정", "F", "also-planned"),
        ("예정", "F", "planned"),
        ("까지", "F", "deadline"),
    ]


_CUE_WORDS = ["추진하기로", "함", "결정", "으로", "확정함", "의견", "차이", "상호", "협력", "다음", "회의", "할", "계획",
              "제출", "바람", "까지", "가결", "이견", "예정", "검토", "위원", "○", "-", "1.", "(", ")"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CUE_WORDS), st.sampled_from([" ", " ", "\n", "  ", ""])), max_size=30))
def test_cue_matcher_agrees_with_span_ruler_on_generated_lines(models, pieces: list[tuple[str, str]]) -> None:
    test_cue_matcher_finds_what_spacys_span_ruler_finds(models, "".join(w + sep for w, sep in pieces))


def test_a_cue_does_not_run_across_lines(models) -> None:
    m = _matcher(models, [{"label": "D", "pattern": [{"TEXT": {"REGEX": "기로$"}}, {"TEXT": {"REGEX": "^함$"}}]}])
    make = nlp.pipeline(models).make_doc
    one, two = m(make("추진하기로 함")), m(make("추진하기로\n함"))
    assert [s.text for s in one.spans["cues"]] == ["추진하기로 함"]
    assert list(two.spans["cues"]) == []
