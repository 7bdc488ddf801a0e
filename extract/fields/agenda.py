"""Agenda items: `안건 :` values and the items listed under an 안건 / 의제 heading."""

from __future__ import annotations

from ..lines import Line
from ..resources import Models
from ..schema import AgendaItem
from .common import clean, mostly_redacted, roles


def extract(lines: list[Line], models: Models, main_block: Line | None) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for ln in lines:
        if ln.field != "agenda" or "follow_up" in roles(ln, models):
            continue
        other_event = ln.parent is not None and any(c.field == "meeting_datetime" for c in ln.parent.children)
        if main_block is not None and ln.parent is not main_block and other_event:
            continue  # the 내용 of another dated event
        if ln.value and not mostly_redacted(ln.value):
            items.append(AgendaItem(text=clean(ln.value), evidence=ln.span_of(ln.value)))
        elif not ln.value:
            for child in ln.children:
                if child.body and not mostly_redacted(child.body):
                    items.append(AgendaItem(text=clean(child.body), evidence=child.evidence()))
    return items
