"""One Kiwi per process, and the surface tokens its morphemes make (the reference surface.split is held to).

Kiwi's morphemes can overlap (`했` -> 하/XSV + 었/EP at one offset) and can span spaces (`2016. 4. 27`
is one W_SERIAL). gongmun's tokens are eojeol-level surface spans with punctuation split off, so that
the tokens and the spaces between them give back the input exactly. The pipeline cuts them by rule
(surface.py, more than 10 times faster); `tile` cuts them from Kiwi's analysis, and tests/test_surface.py
holds the two to the same tokens.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
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
_GAP_RUNS = re.compile(r"\s+|\S+")


@dataclass(slots=True)
class Surface:
    """One surface token: its span in the text and the Kiwi tokens (morphemes) it is made of."""

    start: int
    end: int
    morphs: list[Any]  # kiwipiepy Tokens: .form, .tag, .start, .len

    @property
    def tags(self) -> str:
        return "+".join(m.tag for m in self.morphs)

    def pairs(self) -> list[tuple[str, str]]:
        return [(m.form, m.tag) for m in self.morphs]


@dataclass(slots=True)
class Tiling:
    """The text cut into tokens: words (their texts), a trailing-space flag each, and the Surface of each
    word (None for runs Kiwi skipped: whitespace, line breaks, characters it does not know)."""

    words: list[str]
    spaces: list[bool]
    surfaces: list[Surface | None]


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


_SOLO: dict[str, bool] = {}  # tag -> stands alone (see _SOLO_TAGS)


def tile(text: str, analysed: Iterable[Iterable[Any]]) -> Tiling:
    """Cut `text` into gongmun's tokens from Kiwi's analysis of each of its lines (`text.split("\n")`, in
    order). Morphemes that overlap (contractions) or touch (none of them punctuation, a symbol or a serial)
    make one surface token; what Kiwi skipped becomes whitespace and other runs; one space after a word is
    that word's trailing space. The words and spaces give back `text` exactly."""
    out = Tiling([], [], [])
    words, spaces, surfaces = out.words, out.spaces, out.surfaces
    pos = 0  # end of what is already tiled
    offset = 0  # start of the current line
    last: Surface | None = None
    last_solo = True
    solo_of = _SOLO
    for line, toks in zip(text.split("\n"), analysed, strict=True):
        for t in toks:
            length = t.len
            if length <= 0:
                continue
            start = t.start + offset
            end = start + length
            tag = t.tag
            solo = solo_of.get(tag)
            if solo is None:
                solo = solo_of[tag] = tag.startswith(_SOLO_TAGS)
            if last is not None:
                if start < last.end or (start == last.end and not solo and not last_solo):
                    if end > last.end:
                        last.end = end
                    last.morphs.append(t)
                    last_solo = solo
                    continue
                # emit the finished surface token, after the gap before it
                if last.start > pos:
                    one_space = last.start == pos + 1 and text[pos] == " "
                    if one_space and words and not spaces[-1] and not words[-1].isspace():
                        spaces[-1] = True  # one space after a word: that word's trailing space
                    else:
                        _gap(text, pos, last.start, out)
                words.append(text[last.start : last.end])
                spaces.append(False)
                surfaces.append(last)
                pos = last.end
            last, last_solo = Surface(start, end, [t]), solo
        offset += len(line) + 1
    if last is not None:
        if last.start > pos:
            _gap(text, pos, last.start, out)
        words.append(text[last.start : last.end])
        spaces.append(False)
        surfaces.append(last)
        pos = last.end
    if pos < len(text):
        _gap(text, pos, len(text), out)
    return out


def _gap(text: str, start: int, end: int, out: Tiling) -> None:
    gap = text[start:end]
    for piece in (gap,) if gap == " " else _GAP_RUNS.findall(gap):  # one space, the usual gap, needs no regex
        if piece == " " and out.words and not out.spaces[-1] and not out.words[-1].isspace():
            out.spaces[-1] = True
        else:
            out.words.append(piece)
            out.spaces.append(False)
            out.surfaces.append(None)
