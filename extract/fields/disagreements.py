"""Disagreements: sibling lines that give two or more parties' positions (`구 입장 :` / `센터 입장 :`,
`청구인 주장` / `처분청 의견`), the issue they answer, and the line that resolves them; or one sentence
that names the parties (`민간위원과 공공위원 간 이견이 있었으며, …`)."""

from __future__ import annotations

import re

from ..analyse.lines import Line
from ..resources import Models
from ..schema import Disagreement, StancePosition
from .common import clean, compact, mostly_redacted, own_roles, roles

_PARTY = re.compile(
    r"^(?P<party>[^:()]{1,15}?)\s*(?:(?:측|측의|의)?\s*(?P<kind>입장|의견|주장|해명|요구|답변|반론|보도|설명)|측)$"
)  # `구 입장`, `청구인 주장`, `주민 측`
_TOPIC_TAIL = re.compile(
    r"\s*(?:에|에\s*대한|에\s*관한|관련|관련하여|과\s*관련한|을\s*두고|를\s*두고)?\s*"
    r"(?:상호\s*)?(?:입장\s*차이|입장차|의견\s*차이|의견차|견해\s*차이|견해차|이견|쟁점|대립)\s*(?:있음|발생|존재)?$"
)


def _party(line: Line) -> tuple[str, str, Line, Line] | None:
    """(party, stance, stance line, position line) when the line states one party's position."""
    if line.label and line.value and _party_like(line.label):
        m = _PARTY.match(clean(line.label))
        if m and not mostly_redacted(line.value):
            return clean(m.group("party")), clean(line.value), line, line
    m = _PARTY.match(clean(line.body)) if _party_like(line.body) else None
    # heading-style (`가. 청구인 주장` over its points): the party is one short word
    if m and line.children and line.mclass != "label" and re.fullmatch(r"[가-힣]{1,6}", m.group("party")):
        kids = [c for c in line.children if c.body and not mostly_redacted(c.body)]
        if kids:
            return clean(m.group("party")), clean(kids[-1].body), kids[-1], line
    return None


def _party_like(text: str) -> bool:
    """Whether `text` ends as _PARTY requires (a cheap test before cleaning it: most lines do not)."""
    return text.rstrip(_TAIL).endswith(_PARTY_ENDINGS)


_TAIL = " \t\r\n\f\v\u00a0\u3000,.;:·ㆍ"  # what clean() strips at the end
_PARTY_ENDINGS = ("입장", "의견", "주장", "해명", "요구", "답변", "반론", "보도", "설명", "측")
_PARTY_LABEL = re.compile(r"^[가-힣][가-힣·ㆍ ]{0,11}$")


def _labelled(line: Line, models: Models) -> tuple[str, str, Line, Line] | None:
    """`연구소 : 원자료 수준 개방 필요`: a party named by a bare label (no 입장/의견), taken only where the
    group states a disagreement (see `extract`); a label that names an attribute (`수렴방법 :`, `주요내용 :`:
    it ends in a topic noun of models/lexicons/topic_nouns.tsv) is no party."""
    if line.field is not None or not line.label or not line.value or mostly_redacted(line.value):
        return None
    if not re.match(r"[^:：\t]*[:：]", line.body):  # `party : stance`, not a table row
        return None
    label = clean(line.label)
    if not _PARTY_LABEL.match(label) or any(compact(label).endswith(n) for n in models.topic_nouns):
        return None
    return label, clean(line.value), line, line


# One sentence that names the parties: `민간위원과 공공위원 간 이견이 있었으며, …`, `구와 센터의 입장이 엇갈림`.
_BETWEEN = re.compile(
    r"(?<![가-힣])(?P<a>[가-힣·ㆍ]{1,12}?)(?:과|와)\s*(?P<b>[가-힣·ㆍ]{1,12}?)\s*(?:간|간의|사이|사이의|사이에|사이에서)?"
    r"\s*(?:상호\s*)?(?:의\s*)?(?:이견|입장\s*차이|입장차|의견\s*차이|의견차|견해\s*차이|견해차|대립|갈등"
    r"|(?:입장|의견|견해)(?:이|은|도)?\s*(?:엇갈|대립|달랐|다름|달라|나뉘|나뉨|갈림|갈렸))"
)
# Two parties each with their position: `일부 위원은 공동 운영을, 일부 위원은 세대별 분양을 주장하여`.
_EACH = re.compile(
    r"(?<![가-힣])(?P<a>[가-힣][가-힣 ]{0,11}?)(?:은|는)\s+(?P<sa>[^,]{2,40}?)(?:을|를)?\s*,\s*"
    r"(?P<b>[가-힣][가-힣 ]{0,11}?)(?:은|는)\s+(?P<sb>[^,]{2,40}?)(?:을|를)\s*"
    r"(?:각각\s*)?(?:주장|요구|제시|희망|선호|지지)"
)
# Two parties taking sides: `상인회는 매출 감소를 우려하여 반대하고, 주민대표는 장기주차 해소를 위해 찬성하여`.
_SIDES = re.compile(
    r"(?<![가-힣])(?P<a>[가-힣][가-힣 ]{0,11}?)(?:은|는)\s+(?P<sa>[^,]{0,40}?(?:반대|찬성|동의|우려))"
    r"(?:하고|하였고|했고|하며|하였으며|했으며|하는\s*반면|한\s*반면)\s*,?\s*"
    r"(?P<b>[가-힣][가-힣 ]{0,11}?)(?:은|는)\s+(?P<sb>[^,]{0,40}?(?:반대|찬성|동의|우려))"
    r"(?:하여|하였으나|했으나|하였음|했음|함|하는)"
)
# Two parties' stances in one line: `정보통신팀: 추경 편성 필요 / 예산팀: 본예산 반영이 타당 → 차기 회의에서 재논의`.
_PAIRED = re.compile(
    r"^(?P<a>[가-힣㈜()·ㆍ ]{1,15}?)\s*[:：]\s*(?P<sa>[^/→]{2,80}?)\s*/\s*"
    r"(?P<b>[가-힣㈜()·ㆍ ]{1,15}?)\s*[:：]\s*(?P<sb>[^/→]{2,80}?)\s*(?:→\s*(?P<rest>\S.*))?$"
)
_ABOUT = re.compile(
    r"^(?P<topic>.{4,80}?)\s*(?:에\s*대해|에\s*대하여|에\s*대한|에\s*관해|에\s*관하여|과\s*관련하여|와\s*관련하여|관련하여|관련)\s"
)
_SETTLED = re.compile(
    r"(?:있었으며|있었으나|있었고|있으나|있으며|있어|있었음에도|보였으나|보였으며|나뉘어|나뉘었으나|엇갈려|엇갈렸으나|엇갈렸으며)\s*,?\s*(?P<rest>\S.{3,})$"
)


def _narrative(line: Line, siblings: list[Line], models: Models) -> Disagreement | None:
    """A disagreement told in one sentence: the parties (with their positions when the sentence gives them),
    the topic it is about (`…에 대해`, else the label it is the value of, else the item it sits under), and
    how it was left (the rest of the sentence after `…이견이 있었으며,`, else a cued line or an arrow (→)
    under it, or a cued line right after it). Two labelled stances in one line (`A: … / B: … → …`) are
    one too, about the item the line sits under."""
    # only where the line or its item states a disagreement, or the section lists what is still undecided
    # (`pending`, 미결사항): two demands side by side are not one by themselves
    stated = "DISAGREEMENT" in line.cues or (line.parent is not None and "DISAGREEMENT" in line.parent.cues)
    if not stated and "pending" not in roles(line, models):  # the section roles asked for only when needed
        return None
    paired = _PAIRED.match(clean(line.body))
    if paired is not None and compact(paired.group("a")) != compact(paired.group("b")):
        rest, rule = paired.group("rest"), "disagreement/paired-stances"
        return Disagreement(
            topic=clean(_TOPIC_TAIL.sub("", line.parent.body)) or None if line.parent else None,
            positions=[
                StancePosition(
                    party=clean(paired.group(p)), stance=clean(paired.group(st)), evidence=line.evidence(rule=rule)
                )
                for p, st in (("a", "sa"), ("b", "sb"))
            ],
            resolution=clean(rest) if rest else None,
            confidence=models.confidence(rule),
            evidence=line.evidence(rule=rule),
        )
    if not stated:
        return None
    labelled = line.field is None and bool(line.label) and bool(line.value)  # `배분 비율 : 업체는 7:3, 구는 5:5를 제시`
    body = clean(line.value or "") if labelled else clean(line.body)
    each = _EACH.search(body) or _SIDES.search(body)
    between = None if each else _BETWEEN.search(body)
    if each is not None:
        positions = [(each.group("a"), each.group("sa")), (each.group("b"), each.group("sb"))]
        if clean(each.group("sa")) == clean(each.group("sb")):
            return None
    elif (
        between is not None
        and "DISAGREEMENT" in line.cues
        and compact(between.group("a")) != compact(between.group("b"))
    ):
        positions = [(between.group("a"), None), (between.group("b"), None)]
    else:
        return None
    start = (each or between).start()  # type: ignore[union-attr]
    about = _ABOUT.match(body[:start])
    if about is not None:
        topic: str | None = clean(about.group("topic"))
    elif labelled:
        topic = clean(line.label or "")
    else:
        topic = clean(_TOPIC_TAIL.sub("", line.parent.body)) if line.parent else None
    settled = _SETTLED.search(body[start:])
    resolution = clean(settled.group("rest")) if settled else None
    if resolution is None:
        later = [c for c in line.children if c.body] + siblings[siblings.index(line) + 1 : siblings.index(line) + 2]
        cued = [c for c in later if c.cues & {"RESOLUTION", "DECISION"} or (c.parent is line and c.mclass == "arrow")]
        resolution = clean(cued[0].body) if cued else None
    rule = "disagreement/stance-sentence"
    return Disagreement(
        topic=topic or None,
        positions=[
            StancePosition(party=clean(p), stance=clean(st) if st else None, evidence=line.evidence(rule=rule))
            for p, st in positions
        ],
        resolution=resolution,
        confidence=models.confidence(rule),
        evidence=line.evidence(rule=rule),
    )


def _resolution(positions: list[tuple[str, str, Line, Line]], siblings: list[Line]) -> Line | None:
    """The line that settles the positions: under the last position, or right after them."""
    stance_line, holder = positions[-1][2], positions[-1][3]
    if stance_line is holder and holder.children:
        kids = [c for c in holder.children if c.body]
        cued = [c for c in kids if c.cues & {"RESOLUTION", "DECISION"}]
        return (cued or kids)[-1]
    for nxt in siblings[siblings.index(holder) + 1 :]:
        if _party(nxt):
            continue
        if nxt.cues & {"RESOLUTION", "DECISION", "DISAGREEMENT"}:  # settled, or left open as a disagreement
            return nxt
        break
    return None


def _conclusion(after: Line, lines: list[Line], models: Models) -> Line | None:
    """A stated outcome in a later 결론 / 판단 section (decisions such as a tribunal's settle the dispute)."""
    for ln in lines[lines.index(after) + 1 :]:
        if "DECISION" in ln.cues and any(own_roles(a, models) & {"result", "decision"} for a in ln.ancestors()):
            return ln
    return None


# A government rebuttal (해명자료, 설명자료) answers a press report: its headline names the issuer before a
# comma (`가온시, “예산 삭감”은 사실과 달라`), the report is quoted under a 보도내용 label naming the outlet.
_REBUTTAL_TITLE = re.compile(r"(?:해명|설명)\s*자료$")
_PRESS_LABEL = re.compile(r"^(?:보도\s*내용|언론\s*보도|보도\s*요지)\s*(?:[(\[]\s*(?P<outlet>[^,，)\]]+))?")
_QUOTED = re.compile(r"[“\"‘']([^”\"’']{2,40})[”\"’']")


def _press_rebuttal(lines: list[Line], title: str | None, models: Models) -> Disagreement | None:
    """The press report and the issuer's answer to it, as two positions on the claim the headline quotes."""
    if not title or not _REBUTTAL_TITLE.search(title) or "," not in title:
        return None
    issuer = clean(title.split(",")[0])
    at = next((i for i, ln in enumerate(lines) if _PRESS_LABEL.match(ln.body)), None)
    if at is None or not issuer or len(issuer) > 20:
        return None
    press = _PRESS_LABEL.match(lines[at].body)
    assert press is not None
    outlet = clean(press.group("outlet") or "") or "언론 보도"
    claim = next((ln for ln in lines[at + 1 :] if ln.body and not mostly_redacted(ln.body)), None)
    before = [ln for ln in lines[:at] if ln.body and clean(ln.body) != clean(title)]
    # the answer before the report (its first item), or after it, under a section of its own (`□ 설명 내용`)
    after = [ln for ln in lines[at + 1 :] if ln.body and not ln.children and lines[at] not in ln.ancestors()]
    answer = next((ln for ln in before if ln.marker), None) or (before[0] if before else None)
    answer = answer or next((ln for ln in after if ln is not claim), None)
    if claim is None or answer is None:
        return None
    rule = "disagreement/press-rebuttal"
    quoted = _QUOTED.search(title)
    return Disagreement(
        topic=clean(quoted.group(1)) if quoted else None,
        positions=[
            StancePosition(party=outlet, stance=clean(claim.body), evidence=claim.evidence(rule=rule)),
            StancePosition(party=issuer, stance=clean(answer.body), evidence=answer.evidence(rule=rule)),
        ],
        resolution=None,
        confidence=models.confidence(rule),
        evidence=lines[at].evidence(rule=rule),
    )


def extract(lines: list[Line], models: Models, title: str | None = None) -> tuple[list[Disagreement], set[int]]:
    """Disagreements and the ids of the lines they used (so other extractors leave them alone)."""
    parents: dict[int, list[Line]] = {}
    for ln in lines:
        key = id(ln.parent) if ln.parent is not None else 0
        parents.setdefault(key, []).append(ln)
    out: list[Disagreement] = []
    used: set[int] = set()
    for siblings in parents.values():
        positions = [p for p in (_party(s) for s in siblings) if p]
        parent = siblings[0].parent
        if len(positions) < 2 and parent is not None and any("DISAGREEMENT" in s.cues for s in [*siblings, parent]):
            positions = [p for p in (_labelled(s, models) for s in siblings) if p]  # `연구소 : …` / `과 : …`, 이견
        if len(positions) < 2 or len({compact(p[0]) for p in positions}) < 2:
            continue
        first = positions[0][3]
        parent = first.parent
        topic = clean(_TOPIC_TAIL.sub("", parent.body)) if parent is not None else None
        cued = parent is not None and "DISAGREEMENT" in parent.cues
        resolution = _resolution(positions, siblings) or _conclusion(positions[-1][2], lines, models)
        rule = "disagreement/party-lines" if cued else "disagreement/party-lines-uncued"
        out.append(
            Disagreement(
                topic=topic or None,
                positions=[
                    StancePosition(party=p, stance=s, evidence=ln.evidence(rule=rule)) for p, s, ln, _ in positions
                ],
                resolution=clean(resolution.body) if resolution is not None else None,
                confidence=models.confidence(rule),
                evidence=(parent or first).evidence(rule=rule),
            )
        )
        used.update(id(ln) for _, _, ln, _ in positions)
        used.update(id(holder) for _, _, _, holder in positions)
    for siblings in parents.values():  # one-sentence disagreements, where no lines of positions told them
        for ln in siblings:
            if id(ln) in used or id(ln.parent) in used:
                continue
            if (found := _narrative(ln, siblings, models)) is not None:
                out.append(found)
    rebuttal = _press_rebuttal(lines, title, models) if not out else None
    if rebuttal is not None:
        out.append(rebuttal)
    out.sort(key=lambda d: d.evidence.char_start if d.evidence else 0)
    return out, used
