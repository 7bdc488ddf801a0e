"""Decisions: explicit outcome cues (`~하기로 함`, `의결`, `심의결과 :`), the child line that answers a
proposal (`…제안` → `- …`), and, in meeting reports, discussion points closed with a conclusion ending."""

from __future__ import annotations

import re

from ..analyse.lines import Line
from ..resources import Models
from ..schema import Decision, Kind
from . import agenda
from .common import (
    cells,
    clean,
    compact,
    last_morpheme,
    mostly_redacted,
    own_roles,
    roles,
    rows_under,
    speech,
    states_nothing,
)

_MEETING_KINDS = {"meeting_result", "minutes"}
# plans, history, the meeting's facts, grounds, what is still undecided
_NOT_OUTCOMES = {"follow_up", "background", "overview", "reason", "pending"}
_NOT_ITEMS = {"follow_up", "attendees", "overview", "pending"}  # sections whose items are no outcomes


def _answer(node: Line, used: set[int]) -> Line | None:
    kids = [c for c in node.children if c.body and c.field is None and id(c) not in used and c.mclass != "note"]
    if not kids:
        return None
    last = kids[-1]
    if last.children:
        deeper = _answer(last, used)
        if deeper is not None:
            return deeper
    return last


def _said(line: Line, models: Models) -> str:
    """The outcome as written: the body, or after a reply label (`답변 : 5월 중 보수하기로 함`, `(답변) …`) the
    rest."""
    label = compact(line.label or "")
    if line.field is None and line.value and label and models.section_roles["reply"].search(label):
        return clean(line.value)
    bracket = _BRACKET_LABEL.match(line.body)
    if bracket and models.section_roles["reply"].search(compact(bracket.group(1))):
        return clean(line.body[bracket.end() :])
    return clean(line.body)


_BRACKET_LABEL = re.compile(r"^[(\[<]\s*([가-힣 ]{1,8})\s*[)\]>]\s*")  # `(답변) …`, `[건의] …`


def _asks(line: Line, models: Models) -> bool:
    """A proposal or request: it ends in one (`…검토 요청`), or a request label opens it (`(건의) …`,
    `질의(홍길동 위원) : …`)."""
    if line.ends_with_cue("PROPOSAL") or _request_label(line, models):
        return True
    end = line.cue_ends.get("ASKED")
    return end is not None and end - line.body_start <= 8


def _question(line: Line, models: Models) -> bool:
    """A request that asks about something (`질의 : …범위는?`, `(문의) …`, `…가능한지`), not for something."""
    if line.ends_with_cue("QUESTION"):
        return True
    label = _opening_label(line)
    return bool(label) and models.section_roles["question"].search(label) is not None


def _settles(answer: Line, request: Line, models: Models) -> bool:
    """Whether an answer is an outcome: to a request always; to a question only when it commits to act or
    refuses (`…반영하겠음`, `…하기로 함`, `…예정`, `…불가`), not when it informs (`동의서를 받은 경우 공유 가능`)."""
    if not _question(request, models):
        return True
    return bool(answer.cues & {"DECISION", "FOLLOW_UP"}) or answer.ends_with_cue("COMMITMENT")


def _request_label(line: Line, models: Models) -> bool:
    return bool(line.label and line.value) and "request" in own_roles(line, models)


def _is_reply(line: Line, models: Models) -> bool:
    """An answer by its label: `(답변) …` or `답변(공원녹지과장) : …`."""
    label = _opening_label(line)
    return bool(label) and models.section_roles["reply"].search(label) is not None


def _opening_label(line: Line) -> str:
    """The label a line opens with, without spaces: `(답변) …` -> `답변`, `질의(위원) : …` -> `질의(위원)`."""
    bracket = _BRACKET_LABEL.match(line.body)
    return compact(bracket.group(1)) if bracket else compact(line.label or "") if line.value else ""


def _reply_after(line: Line, models: Models) -> Line | None:
    """The next line at the same level when a reply label opens it (`(답변) …`, `답변(과장) : …`)."""
    siblings = line.parent.children if line.parent is not None else None
    if not siblings or siblings[-1] is line:
        return None
    nxt = siblings[siblings.index(line) + 1]
    return nxt if _is_reply(nxt, models) else None


def _request(line: Line, models: Models) -> str:
    """What was asked, without its label: `(건의) 가로등 교체 요청`, `질의(위원) : 가로등 교체 요청` -> `가로등
    교체 요청`."""
    if _request_label(line, models):
        return clean(line.value or "")
    m = _BRACKET_LABEL.match(line.body) if "ASKED" in line.cues else None
    return clean(line.body[m.end() :] if m else line.body)


def _topic(line: Line, models: Models) -> str | None:
    """The item a decision is given under; none for the items of a 결정사항 (or 협의 결과) section, whose
    title is no topic and whose outer lines (`2. … 결과를 다음과 같이 알려드립니다`) are not either."""
    for anc in line.ancestors():
        if anc.field == "decision" and not anc.value:
            return None
        if "DISAGREEMENT" in anc.cues and anc.parent is not None and _SENTENCE.search(anc.body):
            continue  # `…하여 이견이 있었음` over its `→ …하기로 함`: the item disagreed on is the topic
        if anc.body and anc.field is None and not anc.value:
            return None if "decision" in own_roles(anc, models) else clean(anc.body)
    return None


# `의사일정 제1항 가온구 청년 기본 조례안은 …`: the agenda item a minutes speech line rules on.
_ITEM_REF = re.compile(r"의사일정\s*제\s*(\d+)\s*항(?:\s+(?P<named>[^,.]+?)(?:은|는)\s)?")


def _speech_topic(said: str, items: dict[int, str]) -> str | None:
    m = _ITEM_REF.search(said)
    if m is None:
        return None
    return items.get(int(m.group(1))) or (clean(m.group("named")) if m.group("named") else None)


def _decided_below(line: Line) -> bool:
    return any("DECISION" in c.cues or c.ends_with_cue("DECISION_NOUN") for c in line.children)


def _labelled_verdict(line: Line) -> tuple[str, str] | None:
    """`item : 원안 의결`: (the item decided on, the outcome) when a label names the item and a short value
    holds the outcome; also when the item is longer than a label may be (`2027년 지역사회보장계획 연차별
    시행계획(안): 원안 가결`)."""
    if line.field is not None:
        return None
    if line.label and line.value:
        item, value, value_start = line.label, line.value, line.value_start
    else:
        colon = line.body.rfind(":")
        if line.label or colon < 2:
            return None
        item, value = line.body[:colon], line.body[colon + 1 :]
        value_start = line.body_start + colon + 1
    if len(compact(value)) > 10 or not compact(item):
        return None
    ends = [line.cue_ends.get("DECISION"), line.cue_ends.get("DECISION_NOUN")]
    return (clean(item), clean(value)) if any(end is not None and end > value_start for end in ends) else None


_SENTENCE = re.compile(r"(?:음|함|임|됨|다)\.?$")  # a line that ends as a sentence, not as a heading
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def _declared(line: Line, said: str) -> str:
    """Of a speech, the sentence that states the outcome (`… 의결하겠습니다. 의사일정 제1항은 원안대로
    가결되었음을 선포합니다`: the second): the one holding the line's last decision cue."""
    end = line.cue_ends.get("DECISION")
    at = line.body.find(said)
    if end is None or at < 0:
        return clean(said)
    cue = end - line.body_start - at  # the cue's end, inside `said`
    start = 0
    for m in _SENTENCE_END.finditer(said):
        if m.start() >= cue:
            return clean(said[start : m.start()])
        start = m.end()
    return clean(said[start:])


def _chair(lines: list[Line], i: int, said: str, items: dict[int, str], models: Models) -> tuple[str, str | None]:
    """What the chair declared in line i (its declaring sentence) and the agenda item it rules on. A
    declaration that names nothing (`그럼 가결되었음을 선포합니다`) carries the motion put to the meeting
    just before (`… 하는 것으로 결정하겠습니다. 이의 없으십니까?`)."""
    text = _declared(lines[i], said)
    topic = _speech_topic(text, items) or _spoken_before(lines, i, items)
    if topic is None and len(compact(text)) <= 16:
        return _motion_before(lines, i, models) or text, None
    return text, topic


_NO_OBJECTION = re.compile(r"이의\s*(?:가\s*)?(?:없으십니까|있으십니까|없습니까|있습니까)")


def _motion_before(lines: list[Line], i: int, models: Models) -> str | None:
    """The sentence before `이의 없으십니까?` in the last few lines before line i: the motion."""
    for ln in reversed(lines[max(0, i - 6) : i]):
        spoken = speech(ln, models)
        said = spoken[1] if spoken is not None else ln.body
        asked = _NO_OBJECTION.search(said)
        if asked is not None:
            sentences = [s for s in _SENTENCE_END.split(said[: asked.start()]) if s.strip()]
            return clean(sentences[-1]) if sentences else None
    return None


def _spoken_before(lines: list[Line], i: int, items: dict[int, str]) -> str | None:
    """The agenda item last put to the meeting (`의사일정 제2항 … 상정합니다`) before line i."""
    for ln in reversed(lines[max(0, i - 15) : i]):
        topic = _speech_topic(ln.body, items)
        if topic is not None:
            return topic
    return None


# A result table (`연번 | 안건명 | 신청인 | 심의결과`): the column that holds each row's outcome, and the
# column that names what it rules on.


def result_rows(lines: list[Line], models: Models) -> tuple[set[int], list[tuple[Line, str, str | None]]]:
    """The header rows of result tables, and each data row with its outcome and the item it rules on (the
    whole row, its serial number left out, when the table has no item column). A row with an empty result
    cell states no outcome."""
    heads: set[int] = set()
    rows: list[tuple[Line, str, str | None]] = []
    for i, ln in enumerate(lines):
        head = cells(ln)
        col = next((k for k, c in enumerate(head) if models.is_column(c, "result")), None)
        if col is None or any(ch.isdigit() for c in head for ch in c):
            continue
        item = next((k for k, c in enumerate(head) if models.is_column(c, "item")), None)
        heads.add(id(ln))
        for row, found in rows_under(lines, i, head, (col,) if item is None else (col, item)):
            if not found[0] or mostly_redacted(found[0]):
                continue
            if item is not None and found[1]:  # the outcome as written, on the item it rules on
                rows.append((row, clean(found[0]), clean(found[1])))
                continue
            text = " ".join(c for k, c in enumerate(cells(row)) if c and not (k == 0 and c.isdigit()))
            rows.append((row, clean(text), None))
    return heads, rows


_NOMINAL_END = ("NNG", "ETN")  # a verbal noun (…조정, …선출, …확인) or a nominalised ending (…많음, …실시함)


def _listed_outcome(line: Line, models: Models) -> bool:
    """An item under a topic of the section that reports outcomes (`ㅇ 안전조치 점검` / `- 안전장비 착용
    확인`, `1. 포럼 관련 사항` / `▷ 개최시기는 일정에 맞게 조정`): a leaf (notes under it aside), not a fact on
    a label (`임기 만료: 2019. 12. 31.`), a note, or what is left for later (`… 다음 회의에서 논의`), written as
    the genre states outcomes -- Kiwi reads its last word as a noun or a nominalised ending (not a name, a
    number or a bracket), and not as a noun that names a topic (`… 관련 의견`: models/lexicons/topic_nouns.tsv).
    The items right under a section title (회의결과) are its topics, not outcomes."""
    topic = line.parent
    if topic is None or topic.field is not None or not topic.body or own_roles(topic, models):
        return False
    if line.label or _note(line) or "FOLLOW_UP" in line.cues:
        return False
    last = last_morpheme(line.body, models)
    if last is None or last[0] in models.topic_nouns:
        return False
    return last[1] in _NOMINAL_END or (last[1] == "EF" and last[0] in {"ᆷ", "음"})  # …전달함: -ㅁ read as EF


def _note(line: Line) -> bool:
    """A note beside an item (`※ …`, `(※ 부위원장은 연임)`, `* …`), not an item of its own."""
    return line.mclass in {"note", "star"} or line.body.startswith(("(※", "※", "("))


def extract(lines: list[Line], models: Models, kind: Kind, used: set[int]) -> list[Decision]:
    found: dict[int, Decision] = {}
    # numbered agenda items: what speeches (minutes) and `제1호 안건 : 원안 의결` lines rule on
    items = agenda.numbered(lines) if kind == "minutes" or any(agenda.verdict(ln) for ln in lines) else {}
    heads, rows = result_rows(lines, models) if kind in _MEETING_KINDS else (set(), [])

    def add(line: Line, text: str, topic: str | None, rule: str) -> None:
        if id(line) in found or mostly_redacted(text) or not text:
            return
        evidence = line.span_of(text, rule)
        found[id(line)] = Decision(text=text, topic=topic, confidence=models.confidence(rule), evidence=evidence)

    # 0. The rows of a result table (심의결과 column): each row's outcome, with or without a cue (재심의, 보류).
    for row, text, topic in rows:
        if id(row) not in used:
            add(row, text, topic or _topic(row, models), "decision/result-table")

    # 1. Explicit outcome cues and labelled results.
    for i, ln in enumerate(lines):
        if id(ln) in used or id(ln) in heads:
            continue
        if agenda.verdict(ln):  # `제1호 안건 : 원안 의결`: the outcome of the agenda item it numbers
            n = agenda.number(ln.label or "")
            add(
                ln, clean(ln.value or ""), (items.get(n) if n is not None else None) or clean(ln.label or ""),
                "decision/agenda-verdict",
            )  # fmt: skip
            continue
        if ln.field == "decision" and not ln.value and ln.children and kind in _MEETING_KINDS:
            continue  # a 결정사항 section: its items are read in step 3, each with its own topic
        if ln.field == "decision":
            following = lines[i + 1] if i + 1 < len(lines) and id(lines[i + 1]) not in heads else None
            value = ln.value or (following.body if following is not None and following.field is None else "")
            target = ln if ln.value else (lines[i + 1] if i + 1 < len(lines) else ln)
            if value and not states_nothing(value, models):  # the topic: the item the result is given under
                item = ln.parent.value or ln.parent.body if ln.parent is not None else ""
                add(
                    target, clean(value), clean(item) or clean(ln.label or "") or _topic(ln, models),
                    "decision/labelled-result",
                )  # fmt: skip
            continue
        in_agenda = any(a.field == "agenda" for a in ln.ancestors())
        # a noun that states an outcome at the end of a line (`A업체를 최종 선정`), unless an item under it
        # states the outcome: then it names the topic (`2) 정책 제안 주제 선정` over `… 으로 확정`)
        stated = "DECISION" in ln.cues or (ln.ends_with_cue("DECISION_NOUN") and not _decided_below(ln))
        if stated and ln.field is None and not in_agenda and not roles(ln, models, include_self=True) & _NOT_OUTCOMES:
            spoken = speech(ln, models) if kind == "minutes" else None
            if spoken is not None:  # what the chair declared, without the speaker; the item it rules on
                add(ln, *_chair(lines, i, spoken[1], items, models), "decision/chair-declaration")
            elif verdict := _labelled_verdict(ln):  # `겨울철 제설 대책 : 원안 의결`: the item, then its outcome
                add(ln, verdict[1], verdict[0], "decision/labelled-verdict")
            elif kind == "minutes" and ln.parent is not None and speech(ln.parent, models) is not None:
                # the chair's speech going on below its first line
                add(ln, *_chair(lines, i, ln.body, items, models), "decision/chair-declaration")
            else:
                add(ln, _said(ln, models), _topic(ln, models), "decision/outcome-cue")

    # 2. A proposal or request answered by its (last, deepest) child line -- in meeting reports only: in
    # other documents a `…필요` item with details under it is an argument, not an outcome.
    for ln in lines if kind in _MEETING_KINDS else []:
        if id(ln) in used or ln.heading is not None or len(ln.body) < 8:
            continue
        asked = not ln.children and ("ASKED" in ln.cues or _request_label(ln, models))
        reply = _reply_after(ln, models) if asked else None
        if reply is not None and id(reply) not in used:  # `○ (건의) …` then `○ (답변) …`, side by side
            if _settles(reply, ln, models):
                add(reply, _said(reply, models), _request(ln, models), "decision/answer-beside")
            continue
        if not ln.children or not _asks(ln, models):
            continue
        r = roles(ln, models, include_self=True)
        if "attendees" in r or "pending" in r or ("follow_up" in r and "asked" not in r):
            continue  # not in who came or what is undecided, nor in plans unless requests are answered there
        if ln.parent is not None and _asks(ln.parent, models) and ln.parent.children[-1] is ln:
            continue  # the chain is answered from its top proposal
        answer = _answer(ln, used)
        if answer is not None and _settles(answer, ln, models):
            add(answer, _said(answer, models), _request(ln, models), "decision/answer-below")

    # 3. Meeting reports: the items of a 결정사항 / 의결사항 / 합의사항 section, the outcomes listed under the
    # topics of the section that reports them, and discussion points that end in a conclusion (…추진, …노력).
    if kind in _MEETING_KINDS:
        # the section that reports outcomes: 회의결과 / 점검결과 where the report has one, else 회의내용 / 논의
        reporting = "result" if any("result" in own_roles(x, models) for x in lines) else "discussion"
        for ln in lines:
            if id(ln) in used or ln.field is not None or not all(_note(c) for c in ln.children):
                continue  # a heading over items; notes under an item leave it an item
            r = roles(ln, models)
            if r & _NOT_ITEMS or any(a.field == "agenda" for a in ln.ancestors()):
                continue  # plans, who came, the facts of the meeting, what is undecided, the items of its agenda
            if (r | own_roles(ln, models)) & {"opinion", "reason", "condition"}:
                continue  # views, grounds and conditions given with the outcomes
            if states_nothing(ln.value or ln.body, models):
                continue  # `결정사항 : 없음`, `○ 해당 사항 없음`
            if ln.parent is not None and "decision" in own_roles(ln.parent, models) and ln.body:
                if ln.label and ln.value:  # `공공구매 목표 : 45억원으로 설정`: the outcome on its label
                    add(ln, clean(ln.value), clean(ln.label), "decision/section-item")
                else:
                    add(ln, _said(ln, models), _topic(ln, models), "decision/section-item")
            elif reporting in r and _listed_outcome(ln, models):
                add(ln, _said(ln, models), _topic(ln, models), "decision/result-item")
            elif r & {"discussion", "result", "decision"} and ln.ends_with_cue("CONCLUSION"):
                add(ln, _said(ln, models), _topic(ln, models), "decision/conclusion-ending")
    return sorted(found.values(), key=lambda d: d.evidence.char_start if d.evidence else 0)
