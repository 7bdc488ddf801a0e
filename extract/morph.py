"""One Kiwi per process, and the surface tokens gongmun builds from its morphemes.

Kiwi's morphemes can overlap (`했` -> 하/XSV + 었/EP at one offset) and can span spaces (`2016. 4. 27`
is one W_SERIAL). gongmun's tokens are eojeol-level surface spans with punctuation split off, so that
the tokens and the spaces between them give back the input exactly; the morphemes stay attached.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_LOCK = threading.Lock()
_KIWI: dict[str, Any] = {}
# Kiwi's beam cut-off (default 8): at 4 Kiwi is 1.4x faster; on the corpus texts and the samples the surface
# tokens are identical and 20 of 947 lines get other morphemes, as many better as worse (`4.` as SB).
CUTOFF = 4.0
# Tags whose morphemes stand alone as tokens (punctuation, symbols, serials such as dates).
_SOLO_TAGS = ("SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SB", "W_")


@dataclass(slots=True)
class Morph:  # treated as immutable; not frozen because frozen dataclasses take 5x longer to create
    form: str
    tag: str
    start: int
    end: int


@dataclass(slots=True)
class Surface:
    start: int
    end: int
    morphs: list[Morph]

    @property
    def tags(self) -> str:
        return "+".join(m.tag for m in self.morphs)


def kiwi(user_dict: Path | None = None) -> Any:
    """The process-wide Kiwi (typo and multi-word dictionaries off, beam cut at CUTOFF: faster, same
    surface tokens on reports).

    One thread: parallelism comes from worker processes (`batch --jobs`); Kiwi's own thread pool would
    only compete with them for the same cores."""
    key = str(user_dict or "")
    with _LOCK:
        if key not in _KIWI:
            from kiwipiepy import Kiwi

            k = Kiwi(num_workers=1, load_typo_dict=False, load_multi_dict=False)
            k.global_config.cutoff_threshold = CUTOFF
            if user_dict is not None:
                k.load_user_dictionary(str(user_dict))
            _KIWI[key] = k
        return _KIWI[key]


def _solo(tag: str) -> bool:
    return tag.startswith(_SOLO_TAGS)


def surfaces(text: str, tokens: Iterable[Any], offset: int = 0) -> list[Surface]:
    """Group Kiwi tokens of `text` into non-overlapping surface tokens (offsets shifted by `offset`)."""
    out: list[Surface] = []
    last: Surface | None = None
    for t in tokens:
        start = t.start + offset
        end = start + t.len
        if end <= start:
            continue
        tag = t.tag
        m = Morph(t.form, tag, start, end)
        if last is not None and start < last.end:  # overlapping morphemes (contractions): same surface
            last.end = max(last.end, end)
            last.morphs.append(m)
        elif last is not None and start == last.end and not _solo(tag) and not _solo(last.morphs[-1].tag):
            last.end = end
            last.morphs.append(m)
        else:
            last = Surface(start, end, [m])
            out.append(last)
    return out


def fill_gaps(text: str, spans: Sequence[Surface]) -> list[tuple[int, int, Surface | None]]:
    """Cover `text` completely: surface tokens plus runs Kiwi skipped (whitespace, or unknown chars)."""
    pieces: list[tuple[int, int, Surface | None]] = []
    pos = 0
    for s in spans:
        if s.start > pos:
            pieces.extend(_split_gap(text, pos, s.start))
        pieces.append((s.start, s.end, s))
        pos = s.end
    if pos < len(text):
        pieces.extend(_split_gap(text, pos, len(text)))
    return pieces


def _split_gap(text: str, start: int, end: int) -> list[tuple[int, int, Surface | None]]:
    out: list[tuple[int, int, Surface | None]] = []
    i = start
    while i < end:
        j = i
        space = text[i].isspace()
        while j < end and text[j].isspace() == space:
            j += 1
        out.append((i, j, None))
        i = j
    return out
