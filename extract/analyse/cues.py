"""The cue component: `doc.spans["cues"]` from the patterns in models/patterns (SpanRuler's format).

It finds what spaCy's SpanRuler finds with `spans_key="cues"` (token patterns, string patterns through a
PhraseMatcher, each distinct match once per label and pattern id), 3-4 times faster on reports:
- a pattern of one token that is exactly `{"TEXT": {"REGEX": ...}}` (most cue patterns) is tested by
  regular expression on each distinct token text once, and the answer is cached per text;
- the other token patterns go through spaCy's Matcher, which reads only the lines that could hold one of
  them (a cue lies inside one line): lines with a token for each plain TEXT REGEX the pattern requires
  (tokens with another attribute, or optional ones, require nothing). The regex tests are cached per token
  text, as bits.
"""

from __future__ import annotations

import re
from typing import Any

SPANS_KEY = "cues"
_CACHE_LIMIT = 200_000  # token texts remembered per component (a few MB at most)


def _regex_only(token: Any) -> str | None:
    """The REGEX of a token pattern that is exactly `{"TEXT": {"REGEX": ...}}`, else None."""
    spec = token.get("TEXT") if isinstance(token, dict) and set(token) == {"TEXT"} else None
    return str(spec["REGEX"]) if isinstance(spec, dict) and set(spec) == {"REGEX"} else None


class CueMatcher:
    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.phrases = PhraseMatcher(nlp.vocab)
        self.ids: dict[str, str] = {}  # match key -> pattern id
        self.singles: list[tuple[str, str, re.Pattern[str]]] = []  # (label, id, regex) of one-token patterns
        self.required: list[re.Pattern[str]] = []  # token regexes the Matcher's patterns need, each once
        self.needs: list[int] = []  # per Matcher pattern: bits of `required` its line must hold (0: none known)
        self._any_single: re.Pattern[str] | None = None  # all of `singles` in one: most tokens match none
        self._any_required: re.Pattern[str] | None = None  # all of `required` in one
        # token text -> ((label, id) of its one-token cues, bits of `required` it matches or -1 for a line break)
        self._known: dict[str, tuple[tuple[tuple[str, str], ...], int]] = {}

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Add SpanRuler-style patterns; a ValueError from spaCy's validation names a bad one."""
        for p in patterns:
            key = f"{p['label']}\x1f{len(self.ids)}"
            self.ids[key] = str(p.get("id", ""))
            if isinstance(p["pattern"], str):
                self.phrases.add(key, [self.nlp.make_doc(p["pattern"])])
                continue
            self.matcher.add(key, [p["pattern"]])  # validated by spaCy, also a pattern matched below by regex
            single = _regex_only(p["pattern"][0]) if len(p["pattern"]) == 1 else None
            if single is not None:
                self.matcher.remove(key)
                self.singles.append((str(p["label"]), self.ids[key], re.compile(single)))
                continue
            need = 0
            for token in p["pattern"]:
                regex = _required_regex(token)
                if regex is not None:
                    known = [r.pattern for r in self.required]
                    if regex not in known:
                        self.required.append(re.compile(regex))
                        known.append(regex)
                    need |= 1 << known.index(regex)
            self.needs.append(need)
        self._any_single = _any_of([r for _, _, r in self.singles])
        self._any_required = _any_of(self.required)
        self.clear()

    def clear(self) -> None:
        """Forget the cached regex answers per token text."""
        self._known.clear()

    def __call__(self, doc: Any) -> Any:
        texts = doc.user_data.get("words")  # the tokenizer's words: no Token objects made to read them
        if texts is None or len(texts) != len(doc):
            texts = [tok.text for tok in doc]
        found, lines = self._scan(texts)
        if len(self.matcher):
            for start, end in lines:
                for match_id, s, e in self.matcher(doc[start:end]):
                    key = doc.vocab.strings[match_id]
                    found.add((s + start, e + start, key.split("\x1f")[0], self.ids[key]))
        if len(self.phrases):
            for match_id, s, e in self.phrases(doc):
                key = doc.vocab.strings[match_id]
                found.add((s, e, key.split("\x1f")[0], self.ids[key]))
        from spacy.tokens import Span

        doc.spans[SPANS_KEY] = [Span(doc, s, e, label=label, span_id=pid) for s, e, label, pid in sorted(found)]
        return doc

    def _scan(self, texts: list[str]) -> tuple[set[tuple[int, int, str, str]], list[tuple[int, int]]]:
        """One pass over the token texts: the one-token cues as (start, end, label, pattern id), and the token
        ranges of the lines that hold, for some Matcher pattern, a token for each of its required token
        regexes (a pattern without one makes every line a candidate)."""
        found: set[tuple[int, int, str, str]] = set()
        lines: list[tuple[int, int]] = []
        known = self._known
        start, held = 0, 0
        for i, text in enumerate(texts):
            entry = known.get(text)
            if entry is None:
                entry = self._read(text)
                if len(known) < _CACHE_LIMIT:
                    known[text] = entry
            hits, bits = entry
            if hits:
                found.update((i, i + 1, label, pid) for label, pid in hits)
            if bits < 0:  # a line break
                if i > start and self._wanted(held):
                    lines.append((start, i))
                start, held = i + 1, 0
            else:
                held |= bits
        if len(texts) > start and self._wanted(held):
            lines.append((start, len(texts)))
        return found, lines

    def _read(self, text: str) -> tuple[tuple[tuple[str, str], ...], int]:
        """(label, id) of the one-token patterns `text` matches, and the bits of `required` it matches (-1 for
        a line break: a cue lies inside one line). Most tokens match no pattern: one joined regex says so."""
        if "\n" in text:
            return (), -1
        hits: tuple[tuple[str, str], ...] = ()
        if self.singles and (self._any_single is None or self._any_single.search(text) is not None):
            hits = tuple((label, pid) for label, pid, regex in self.singles if regex.search(text) is not None)
        bits = 0
        if self.required and (self._any_required is None or self._any_required.search(text) is not None):
            bits = sum(1 << k for k, r in enumerate(self.required) if r.search(text) is not None)
        return hits, bits

    def _lines(self, texts: list[str]) -> list[tuple[int, int]]:
        return self._scan(texts)[1]

    def _wanted(self, held: int) -> bool:
        return any(need & held == need for need in self.needs)


def _any_of(regexes: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that finds a match where any of `regexes` does (None when there are none, or when one
    carries global flags that cannot join an alternation)."""
    if not regexes or any(r.flags & ~re.UNICODE for r in regexes):
        return None
    try:
        return re.compile("|".join(f"(?:{r.pattern})" for r in regexes))
    except re.error:
        return None


def _required_regex(token: Any) -> str | None:
    """The TEXT REGEX a pattern token makes a match need (a plain regex token that must occur), else None."""
    if not isinstance(token, dict) or token.get("OP", "1") not in {"1", "+"}:
        return None
    return _regex_only({k: v for k, v in token.items() if k != "OP"})


def register() -> None:
    from spacy.language import Language

    if "gongmun_cues" not in Language.factories:
        Language.factory("gongmun_cues", func=lambda nlp, name: CueMatcher(nlp))
