"""The cue component: `doc.spans["cues"]` from the patterns in models/patterns (SpanRuler's format).

It does what spaCy's SpanRuler does with `spans_key="cues"` (token patterns through a Matcher, string
patterns through a PhraseMatcher, each distinct match once, labelled, with its pattern id), with one
difference that makes it 2-3 times faster on reports: a cue lies inside one line, and the Matcher only
reads the lines that hold a token matching the first token of some pattern. That test is one regular
expression per token (the first tokens' REGEX alternatives joined), cached per token text. When a first
token is not a plain `{"TEXT": {"REGEX": ...}}` the component reads every line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

SPANS_KEY = "cues"
_CACHE_LIMIT = 200_000  # token texts remembered per component (a few MB at most)


def merge_single_token_regexes(patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One pattern per label for all single-token `{"TEXT": {"REGEX": ...}}` patterns: the Matcher calls
    one predicate per pattern and token, so merging them makes matching several times faster."""
    merged: dict[str, list[str]] = {}
    rest: list[dict[str, Any]] = []
    for p in patterns:
        toks = p["pattern"]
        if isinstance(toks, list) and len(toks) == 1 and _regex_only(toks[0]) is not None:
            merged.setdefault(p["label"], []).append(f"(?:{toks[0]['TEXT']['REGEX']})")
        else:
            rest.append(p)
    for label, alternatives in merged.items():
        rest.append({"label": label, "id": f"{label}-merged", "pattern": [{"TEXT": {"REGEX": "|".join(alternatives)}}]})
    return rest


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
        self.firsts: list[str] | None = []  # None once a first token is not a plain TEXT REGEX
        self.first: re.Pattern[str] | None = None
        self._seen: dict[str, bool] = {}

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Add SpanRuler-style patterns; a ValueError from spaCy's validation names a bad one."""
        for p in merge_single_token_regexes(patterns):
            key = f"{p['label']}\x1f{len(self.ids)}"
            self.ids[key] = str(p.get("id", ""))
            if isinstance(p["pattern"], str):
                self.phrases.add(key, [self.nlp.make_doc(p["pattern"])])
                continue
            self.matcher.add(key, [p["pattern"]])
            first = _regex_only(p["pattern"][0]) if p["pattern"] else None
            if first is None:
                self.firsts = None
            elif self.firsts is not None:
                self.firsts.append(f"(?:{first})")
        self.first = re.compile("|".join(self.firsts)) if self.firsts else None
        self._seen.clear()

    def __call__(self, doc: Any) -> Any:
        found: set[tuple[int, int, str]] = set()
        for start, end in self._lines(doc):
            for match_id, s, e in self.matcher(doc[start:end]):
                found.add((s + start, e + start, doc.vocab.strings[match_id]))
        if len(self.phrases):
            for match_id, s, e in self.phrases(doc):
                found.add((s, e, doc.vocab.strings[match_id]))
        from spacy.tokens import Span

        spans = []
        for s, e, key in sorted(found):
            spans.append(Span(doc, s, e, label=key.split("\x1f")[0], span_id=self.ids[key]))
        doc.spans[SPANS_KEY] = spans
        return doc

    def _lines(self, doc: Any) -> Iterator[tuple[int, int]]:
        """Token ranges of the lines that may hold a match (all lines when there is no gate)."""
        start = 0
        wanted = self.first is None
        for i, tok in enumerate(doc):
            text = tok.text
            if "\n" in text:
                if wanted and i > start:
                    yield start, i
                start, wanted = i + 1, self.first is None
            elif not wanted:
                wanted = self._candidate(text)
        if wanted and len(doc) > start:
            yield start, len(doc)

    def _candidate(self, text: str) -> bool:
        hit = self._seen.get(text)
        if hit is None:
            hit = self.first is not None and self.first.search(text) is not None
            if len(self._seen) < _CACHE_LIMIT:
                self._seen[text] = hit
        return hit


def register() -> None:
    from spacy.language import Language

    if "gongmun_cues" not in Language.factories:
        Language.factory("gongmun_cues", func=lambda nlp, name: CueMatcher(nlp))
