"""Minutes: the people who speak. A speaker line opens with a bullet (○, ◯) and names the speaker before
what was said (on the line, or on the lines below):

- a title, then a name: `○위원장 홍길동  …`, `○의장  조길형  …`, `○議長 金斗衡 …` (older minutes, in Hanja);
- a name, then a title: `○홍길동 위원장 …`;
- a unit, a name and a title: `◯의사팀 이영희 주무관 …`;
- a title with the name in brackets: `○위원장(홍길동) …`;
- an acting holder: `○위원장직무대행 김철수 …`, `○의장 직무대행 김철수 …`.

The speaker is told by the words (models/lexicons: titles, surnames) and by Kiwi's reading of the name: a
sentence that opens with a title (`○위원장 선출의 건`, `○ 위원 명단은 …`) is no speaker, because its second
word carries a particle (선출+의, 명단+은) where a name stands alone.
"""

from __future__ import annotations

import re

from ..analyse.lines import Line
from ..analyse.morph import kiwi
from ..resources import Models
from ..schema import Person
from .common import is_name, is_org, is_title

_SPEAKER_BULLETS = {"circle", "double_circle"}
_BRACKETED = re.compile(r"^(?P<title>[가-힣]{2,15})\((?P<name>[가-힣]{2,4})\)")
_ACTING = {"직무대행", "대행", "직대"}
RULE = "attendee/speaker"


def _stands_alone(text: str, word: str, models: Models) -> bool:
    """Kiwi's reading of `text` (the opening words of a speaker line) attaches no particle or ending to the
    word, as a name needs (`선출의` is 선출+의 there, while `김성은` in `위원장 김성은 성원이` stays one noun)."""
    start = text.find(word)
    memo = models.memo("speaker_morphs")
    tags = memo.get(text)
    if tags is None:
        tags = [(t.start, t.start + t.len, t.tag) for t in kiwi(models.user_dict).tokenize(text)]
        models.remember("speaker_morphs", text, tags)
    inside = [tag for a, b, tag in tags if a >= start and b <= start + len(word)]
    return bool(inside) and not any(tag.startswith(("J", "E", "V")) for tag in inside)


def speaker(line: Line, models: Models) -> Person | None:
    """The person who speaks on a speaker line, with the title the line gives, else None."""
    if line.mclass not in _SPEAKER_BULLETS:
        return None
    bracketed = _BRACKETED.match(line.body)
    if bracketed is not None:
        title, name = bracketed.group("title"), bracketed.group("name")
        if is_title(title, models) and is_name(name, models):
            return Person(name=name, title=title, evidence=line.span_of(bracketed.group(0), RULE))
        return None
    words = line.body.split()[:4]
    if len(words) >= 3 and words[1] in _ACTING:  # `의장 직무대행 김철수`
        words = [f"{words[0]} {words[1]}", *words[2:]]
    if len(words) < 2:
        return None
    first, second = words[0], words[1]
    opening = " ".join(line.body.split()[:5])
    found: Person | None = None
    if is_title(first.replace(" ", ""), models) and is_name(second, models):
        found = Person(name=second, title=first)
    elif is_name(first, models) and is_title(second, models):
        found = Person(name=first, title=second)
    elif len(words) >= 3 and is_org(first, models) and is_name(second, models) and is_title(words[2], models):
        found = Person(name=second, title=words[2], organization=first)
    if found is None or not _stands_alone(opening, found.name or "", models):
        return None
    found.evidence = line.span_of(found.name or "", RULE)
    return found


def speakers(lines: list[Line], models: Models) -> list[Person]:
    """Every person who speaks, once each (by name), in the order they first speak."""
    out: dict[str, Person] = {}
    for ln in lines:
        person = speaker(ln, models)
        if person is not None and person.name and person.name not in out:
            out[person.name] = person
    return list(out.values())
