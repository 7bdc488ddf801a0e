"""Helpers shared by the field extractors: name/title/organisation tests, section roles, text cleanup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analyse.lines import Line
from ..analyse.morph import kiwi
from ..resources import Models

REDACTED = re.compile(r"\*{2,}|[OＯ○◯]{3,}|[xX]{3,}")
# Names and titles in Hangul, or in Hanja as older minutes print them (`議長 金斗衡`): surnames.tsv and titles.tsv
# hold both scripts.
_NAME = re.compile(r"^(?:[가-힣]{2,4}|[\u4e00-\u9fff]{2,4})$")
_HANGUL_WORD = re.compile(r"[가-힣]+|[\u4e00-\u9fff]+")
_PUNCT_TAIL = re.compile(r"[\s,.;:·ㆍ]+$")


_SPACES = re.compile(r"\s+")


def compact(text: str) -> str:
    return _SPACES.sub("", text)


def clean(text: str) -> str:
    return _PUNCT_TAIL.sub("", _SPACES.sub(" ", text)).strip()


def label_text(text: str) -> str:
    """A label as written, cleaned, with letter spacing removed when every part is one syllable:
    `구  청` -> `구청`, `시 설 장` -> `시설장` (`구 청소년과` stays)."""
    text = clean(text)
    parts = text.split(" ")
    if len(parts) >= 2 and all(len(p) == 1 and "가" <= p <= "힣" for p in parts):
        return "".join(parts)
    return text


def is_redacted(text: str) -> bool:
    return bool(REDACTED.search(text))


def mostly_redacted(text: str) -> bool:
    """True when withheld characters (`*****`, `OOO`) make up most of the text: nothing left to read.
    A sentence with an anonymised name inside (`조OOO로부터 …`) is still readable."""
    letters = re.sub(r"\s", "", text)
    if not letters:
        return True
    hidden = sum(len(m.group(0)) for m in REDACTED.finditer(letters))
    return hidden / len(letters) >= 0.5


def is_title(word: str, models: Models) -> bool:
    """A position name: a known title, or a word ending in a title suffix (마을사회적경제과장)."""
    known = models.memo("title").get(word)
    if known is None:
        known = _is_title(compact(word), models)
        models.remember("title", word, known)
    return known


def _is_title(w: str, models: Models) -> bool:
    if not w or not _HANGUL_WORD.fullmatch(w):
        return False
    if w in models.title_set:
        return True
    return any(w.endswith(s) and len(w) > len(s) for s in models.title_suffixes)


def states_nothing(text: str, models: Models) -> bool:
    """`없음`, `해당 사항 없음.`, `-`: a value that says there is nothing (models/lexicons/nothing.tsv)."""
    return compact(text).rstrip(".") in models.nothing


def is_org(word: str, models: Models) -> bool:
    w = compact(word)
    if not w or is_title(w, models):
        return False
    if any((w.startswith(m) or w.endswith(m)) and len(w) > len(m) for m in models.org_marks):
        return True  # `㈜한빛데이터`, `한빛데이터(주)`
    return any(w.endswith(s) and len(w) > len(s) for s in models.org_suffixes)


def is_name(word: str, models: Models) -> bool:
    """A Korean personal name: 2-4 syllables starting with a family name, and not a title or an org."""
    known = models.memo("name").get(word)
    if known is None:
        known = _is_name(word.strip(), models)
        models.remember("name", word, known)
    return known


def _is_name(w: str, models: Models) -> bool:
    if not _NAME.match(w) or is_title(w, models):
        return False
    if any(w.endswith(s) and len(w) > len(s) for s in models.strong_org_suffixes):
        return False
    if len(w) == 4:  # 남궁민수, not 이동장치: four-syllable names carry a two-syllable family name
        return w[:2] in models.surnames
    return w[0] in models.surnames or w[:2] in models.surnames


def last_morpheme(text: str, models: Models) -> tuple[str, str] | None:
    """Kiwi's last morpheme of `text` (form, tag), trailing spaces and full stops aside: `…조정` (조정, NNG),
    `…많음` (ᆷ, ETN), `…(목요일)` ends in a closing bracket (SSC)."""
    memo = models.memo("last_morpheme")
    if text in memo:
        return memo[text]  # type: ignore[no-any-return]
    tokens = kiwi(models.user_dict).tokenize(text.rstrip(" .,"))
    found = (tokens[-1].form, tokens[-1].tag) if tokens else None
    models.remember("last_morpheme", text, found)
    return found


# A speech line of minutes: `○의장 문태석  성원이 되었으므로 …`, `○이하늘 위원  …`: the speaker (a title and
# a name, a name and 위원/의원, or a bare title), two spaces or a tab, then what was said.
_SPEECH = re.compile(
    r"^(?P<speaker>[가-힣]+(?:\([가-힣]{2,4}\))?(?: [가-힣]+){0,2})(?: {2,}|\t)\s*(?P<speech>\S.*)$"
)  # `위원장(윤서진)  …`: the name in brackets after the title
# The same with one space (PDF text loses the second): only a title and a name, or a name and 위원/의원.
_SPEAKER_PAIR = re.compile(r"^(?P<speaker>(?P<first>[가-힣]{2,15}) (?P<second>[가-힣]{2,4}))\s+(?P<speech>\S.*)$")


# `위원장(윤서진) 가결되었음을 …`: a title with the name in brackets needs no second space to end the speaker
_BRACKETED_SPEAKER = re.compile(r"^(?P<speaker>[가-힣]{2,15}\([가-힣]{2,4}\))\s+(?P<speech>\S.*)$")


def speech(line: Line, models: Models) -> tuple[str, str] | None:
    """(speaker, what was said) for a minutes speech line (`○위원장 문태석  …`, or a row of a 발언자 | 발언
    내용 table), else None."""
    row = [c for c in cells(line) if c] if line.mclass is None else []
    if row:
        if len(row) == 2 and len(row[0]) <= 15 and _speaker(row[0].split(" "), models):
            return row[0], row[1]
        return None
    if line.mclass not in {"circle", "double_circle"}:
        return None
    m = _SPEECH.match(line.body) or _BRACKETED_SPEAKER.match(line.body)
    if m is None:  # the two spaces may be lost (PDF text): then a title and a name must open the line
        m = _SPEAKER_PAIR.match(line.body)
        first, second = (m.group("first"), m.group("second")) if m else ("", "")
        titled_name = is_title(first, models) and is_name(second, models)
        if m is None or not (titled_name or (is_name(first, models) and second in {"위원", "의원"})):
            return None
    if not _speaker(re.sub(r"[()]", " ", m.group("speaker")).split(), models):
        return None
    return m.group("speaker"), m.group("speech")


def _speaker(words: list[str], models: Models) -> bool:
    """A title (`위원장`), or a title with a name (`진서하 위원`, `의장 문태석`)."""
    if not any(is_title(w, models) for w in words):
        return False
    return len(words) == 1 or any(is_name(w, models) for w in words)


_NO_ROLES: frozenset[str] = frozenset()


def own_roles(line: Line, models: Models) -> frozenset[str]:
    """Section roles named by the line's own title (`향후 계획` -> follow_up)."""
    if line.field is not None and line.value:
        return _NO_ROLES  # `label : value` states a fact; a bare label (`결 론`) titles what follows
    title = compact(line.label or line.body)
    if not title or len(title) > 40:
        return _NO_ROLES
    memo = models.memo("roles")  # the same section titles are asked for again from every line under them
    found = memo.get(title)
    if found is None:
        found = frozenset(role for role, rx in models.section_roles.items() if _heads(rx, title))
        models.remember("roles", title, found)
    return found


# Korean titles are head-final: what a title names stands at its end (`안전조치 사항 확인·점검` is a check,
# not a 조치사항 section). A role word counts where it opens the title (`향후 추진 일정`) or where only these
# words, brackets or punctuation follow it (`회의 결과 보고`, `조치사항 및 계획`).
_TRAILING = re.compile(r"^(?:[\W\d_]|및|등|보고|사항|내용|결과|계획|일정|안|요약|현황|관련|알림|안내)*$")


def _heads(rx: re.Pattern[str], title: str) -> bool:
    return any(m.start() == 0 or _TRAILING.match(title[m.end() :]) for m in rx.finditer(title))


def roles(line: Line, models: Models, include_self: bool = False) -> set[str]:
    """Section roles (follow_up, discussion, ...) of the sections that contain `line`."""
    found: set[str] = set()
    for node in ([line] if include_self else []) + line.ancestors():
        found |= own_roles(node, models)
    return found


def in_section(line: Line, models: Models, role: str) -> bool:
    return role in roles(line, models)


def label_value(line: Line, lines: list[Line]) -> str:
    """The value of a label line; a bracketed or bare label takes the next line as its value."""
    if line.value:
        return line.value
    idx = lines.index(line)
    if idx + 1 < len(lines) and lines[idx + 1].field is None:
        return lines[idx + 1].body
    return ""


def cells(line: Line) -> list[str]:
    """The cells of a table row (tab-separated), or [] for a line that is not one."""
    raw = line.raw.strip()
    return [c.strip() for c in raw.split("\t")] if "\t" in raw else []


def row_under(head: list[str], line: Line, columns: tuple[int, ...]) -> list[str] | None:
    """The cells of row `line` in the given columns of `head`; None when the row is not one of that table.
    A row laid out from a page (PDF, scan) one cell short (two neighbouring cells read as one) still gives
    its first and last columns, and a column before them when the merge can only have happened later in
    the row. (In text a short row is one whose last cells are empty.)"""
    row = cells(line)
    if len(row) == len(head):
        return [row[k] for k in columns]
    if line.bbox is None or len(row) != len(head) - 1 or len(row) < 2:
        return None
    last = len(head) - 1
    if any(0 < k < last and k >= len(row) - 1 for k in columns):
        return None  # the column may be the one merged into its neighbour
    return [row[-1] if k == last else row[k] for k in columns]


def rows_under(
    lines: list[Line], i: int, head: list[str], columns: tuple[int, ...]
) -> Iterator[tuple[Line, list[str]]]:
    """The rows of the table whose header is lines[i] (cells `head`), each with its cells in `columns`
    (see `row_under`), up to the first line that is not one of its rows."""
    for row in lines[i + 1 :]:
        found = row_under(head, row, columns)
        if found is None:
            return
        yield row, found
