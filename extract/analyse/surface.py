"""gongmun's surface tokens, cut by rule: the tokens Kiwi's analysis gives (see morph.tile), 10+ times faster.

The cue patterns read surface tokens only: eojeol-level spans with punctuation split off. Kiwi's tokens
follow from a few of its character rules, which this module restates:
- Hangul, Hanja, Latin letters and numbers that touch make one token (`1.5배로`, `DB화`, `1,000원을`);
  a Latin word keeps its dots (`www.seoul.go.kr`, `page.`), a number its `,000` groups and one `.`;
- serials stand alone, spaces inside included: dates `2016. 4. 27`, `26.6.11.`, times `14:00`, `3/4`,
  `02-123-4567`; so do list markers at a word start (`가.`, `1)`, `(가)`, `Ⅱ.`), URLs, e-mail addresses,
  `@mentions` and `#hashtags`;
- every other character is a symbol token; a run of symbols of one kind is one token (`***`, `...`,
  `○○`), brackets and quotes stand alone.
tests/test_surface.py holds these rules against Kiwi on written lines, generated lines, the samples and (when
present) the corpus: every token that holds a Hangul syllable spans what Kiwi's does, but next to a list
marker (`가.`), which Kiwi's lattice reads now as a marker, now as a noun and a full stop.
"""

from __future__ import annotations

import re

from .morph import Tiling

_MARKER_LETTERS = "가나다라마바사아자차카타파하"
_WORD_CHAR = "가-힣一-鿿㐀-䶿豈-﫿０-９"  # Hangul syllables, Hanja, fullwidth digits
# serials: dates (`2016. 4. 27`, `26.6.11.`), times, fractions, phone and document numbers
_SERIAL = r"\d+(?:(?::\d+)+|(?:/\d+)+|(?:-\d+)+-?|\.(?:[ ]?\d+\.)+(?:[ ]?\d+)?)"
# a number (`1,000`, `1.5`), with a full stop after it (`2026.`) unless a Latin letter comes before it or `-` or a
# Latin letter after the stop; a serial stands alone, even after a word (`기법46003-91`)
_NUMBER = rf"(?!{_SERIAL})(?:(?<![A-Za-z])\d+(?:,\d{{3}})*(?:\.\d+|\.(?![-A-Za-z]))?|\d+(?:,\d{{3}})*(?:\.\d+)?)"
_LATIN = r"[A-Za-z]+(?:\.[A-Za-z]+)*\.?"
_TOKEN = re.compile(
    rf"""
    (?P<gap>\s+)
    | (?P<solo>
        https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){{2,}}[!-~]*          # URL
      | [A-Za-z][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+   # e-mail
      | @[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*                           # mention
      | \#[0-9A-Za-z가-힣_]+                                          # hashtag
      | {_SERIAL}
      | (?<!\w)\(?[{_MARKER_LETTERS}]\)                                 # list markers: 가) (가)
      | (?<!\w)(?:[{_MARKER_LETTERS}ㄱ-ㅎ]|[Ⅰ-Ⅻ])\.(?=[^\S\n]+\S|[^\s\d])   # 가. ㄱ. Ⅱ.
      | (?<![\w(])\d{{1,2}}\)(?=[^\S\n]*\S)(?!\d)                       # 1) before more
      | (?<!\S)\(\d{{1,2}}\)(?=[^\S\n]*[^\s\d])                        # (1) before a word
      | (?<!\S)\d{{1,2}}\.(?=[^\S\n]+\S|[^\s\d])                       # 1.
      )
    | (?P<word>(?:{_NUMBER}|{_LATIN}|[{_WORD_CHAR}])+)
    | (?P<symbol>.)
    """,
    re.VERBOSE | re.DOTALL,
)

# Symbol kinds (Kiwi's SF, SP, SO, SE; SW for the rest): a run of one kind, within one 128-code-point block,
# is one token. Brackets, quotes and `―` are never joined.
_KIND = {c: "SF" for c in ".?!．。"} | {c: "SP" for c in ",/:;·：，、"} | {c: "SO" for c in "-~∼"} | {"…": "SE"}
_ALONE = set("()[]{}<>「」『』〈〉《》【】〔〕｢｣＜＞'\"‘’“”―")


def _kind(c: str) -> str | None:
    if c in _ALONE:
        return None
    return _KIND.get(c) or f"SW{ord(c) >> 7}"


def split(text: str) -> Tiling:
    """Cut `text` into surface tokens; the words and their trailing-space flags give back `text` exactly."""
    out = Tiling([], [], [])
    words, spaces = out.words, out.spaces
    run_kind: str | None = None  # kind of the symbol token last added, while it may still grow
    for gap, solo, word, symbol in _TOKEN.findall(text):  # tuples built in C: faster than match objects
        if symbol:
            kind = _kind(symbol)
            if kind is not None and kind == run_kind:
                words[-1] += symbol
                continue
            run_kind = kind
            piece = symbol
        else:
            run_kind = None
            piece = gap or solo or word
            if piece == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True  # one space after a word: that word's trailing space
                continue
        words.append(piece)
        spaces.append(False)
    out.surfaces.extend([None] * len(words))
    return out
