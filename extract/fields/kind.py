"""Document kind from the title (and, when the title is silent, from the body's meeting labels); a form headed
only `회 의 록` is minutes whatever its 회의명, and so is a transcript: speaker lines (`○위원장 홍길동 …`) of two
people, or of one with the sitting marked (`(10시 05분 개의)`)."""

from __future__ import annotations

from ..analyse.lines import Line
from ..resources import Models
from ..schema import Kind
from .common import compact, own_roles
from .meeting import SITTING
from .speakers import speaker
from .title import form_heading


def classify(title: str | None, lines: list[Line], models: Models) -> Kind:
    t = compact(title or "")
    k = models.kinds
    if k["minutes"].search(t) or any(form_heading(ln) and k["minutes"].search(compact(ln.body)) for ln in lines[:3]):
        return "minutes"
    if k["not_meeting"].search(t) and not k["meeting_word"].search(t):
        return "other"
    if _transcript(lines, models):
        return "minutes"
    has_meeting_labels = any(ln.field == "meeting_datetime" for ln in lines) and any(
        ln.field in {"attendees", "location"} for ln in lines
    )
    if not t and has_meeting_labels and _reports_outcomes(lines, models):
        return "meeting_result"  # a board post whose title was not copied: 일시, 장소/참석, and what came of it
    if k["meeting_word"].search(t) or (has_meeting_labels and k["meeting_result"].search(t)):
        if k["not_meeting"].search(t):
            return "other"
        if k["meeting_result"].search(t):
            return "meeting_result"
        if k["meeting_plan"].search(t):
            # `… 간담회 개최` names the event; a post that reports its 결론 / 회의결과 is its result
            held = t.endswith("개최") and _reports_outcomes(lines, models, strict=True)
            return "meeting_result" if held else "meeting_plan"
        return "meeting_result" if has_meeting_labels else "other"
    return "other"


def _transcript(lines: list[Line], models: Models) -> bool:
    """Speaker lines of two people, or of one in a sitting marked as opened or closed."""
    names: set[str] = set()
    for ln in lines:
        person = speaker(ln, models)
        if person is not None and person.name:
            names.add(person.name)
            if len(names) >= 2:
                return True
    return bool(names) and any(SITTING.search(ln.body) for ln in lines)


def _reports_outcomes(lines: list[Line], models: Models, strict: bool = False) -> bool:
    """A result or decision section with items (회의결과, 결론, 결정사항), an outcome stated (…하기로 함), or,
    unless `strict`, what was discussed together with what comes next (회의내용 … 향후계획)."""
    roles: set[str] = set()
    for ln in lines:
        if "DECISION" in ln.cues:
            return True
        own = own_roles(ln, models)
        if own & {"result", "decision"} and ln.children:
            return True
        roles |= own
    return not strict and {"discussion", "follow_up"} <= roles
