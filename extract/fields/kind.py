"""Document kind from the title (and, when the title is silent, from the body's meeting labels); a form headed
only `회 의 록` is minutes whatever its 회의명."""

from __future__ import annotations

from ..lines import Line
from ..resources import Models
from ..schema import Kind
from .common import compact
from .title import form_heading


def classify(title: str | None, lines: list[Line], models: Models) -> Kind:
    t = compact(title or "")
    k = models.kinds
    if k["minutes"].search(t) or any(form_heading(ln) and k["minutes"].search(compact(ln.body)) for ln in lines[:3]):
        return "minutes"
    if k["not_meeting"].search(t) and not k["meeting_word"].search(t):
        return "other"
    has_meeting_labels = any(ln.field == "meeting_datetime" for ln in lines) and any(
        ln.field in {"attendees", "location"} for ln in lines
    )
    if k["meeting_word"].search(t) or (has_meeting_labels and k["meeting_result"].search(t)):
        if k["not_meeting"].search(t):
            return "other"
        if k["meeting_result"].search(t):
            return "meeting_result"
        if k["meeting_plan"].search(t):
            return "meeting_plan"
        return "meeting_result" if has_meeting_labels else "other"
    return "other"
