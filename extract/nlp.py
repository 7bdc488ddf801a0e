"""The spaCy pipeline: a blank Korean `Language` whose tokenizer is Kiwi, plus the cue matcher (cues.py).

`spacy.blank("ko")` would load mecab-ko; the registered tokenizer replaces it in the config.
Token attributes: `tag_` holds the Kiwi tags joined by '+', `pos_` a UPOS mapping of the head morpheme,
`token._.morphs` the (form, tag) pairs. `doc.spans["cues"]` holds the pattern matches from models/.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from . import cues, morph
from .resources import Models

_LOCK = threading.Lock()
_NLP: dict[str, Any] = {}

_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "NR": "NUM", "NP": "PRON", "NNP": "PROPN", "VV": "VERB", "VA": "ADJ",
    "VX": "AUX", "VCP": "AUX", "VCN": "ADJ", "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "SN": "NUM", "SL": "X", "SH": "X", "W_SERIAL": "NUM", "W_URL": "X", "W_EMAIL": "X",
    "W_HASHTAG": "X", "W_MENTION": "X",
}  # fmt: skip


def _upos(tag: str) -> str:
    if tag in _UPOS:
        return _UPOS[tag]
    if tag.startswith("J"):
        return "ADP"
    if tag.startswith("E") or tag.startswith("XS"):
        return "PART"
    if tag in {"SW", "SO"}:
        return "SYM"
    if tag.startswith("S"):
        return "PUNCT"
    return "X"


class KiwiTokenizer:
    """spaCy tokenizer: text -> Doc of gongmun surface tokens; `doc.text` always equals the input."""

    def __init__(self, vocab: Any, models: Models | None = None) -> None:
        self.vocab = vocab
        self.user_dict = models.user_dict if models else None

    def __call__(self, text: str) -> Any:
        return self.make(text)

    def make(self, text: str) -> Any:
        from spacy.tokens import Doc

        k = morph.kiwi(self.user_dict)
        lines = text.split("\n")
        spans: list[morph.Surface] = []
        offset = 0
        analysed = k.tokenize(lines) if len(lines) > 1 else [k.tokenize(lines[0])]
        for line, toks in zip(lines, analysed, strict=True):
            spans.extend(morph.surfaces(line, toks, offset))
            offset += len(line) + 1
        words: list[str] = []
        spaces: list[bool] = []
        infos: list[morph.Surface | None] = []
        for start, end, surf in morph.fill_gaps(text, spans):
            piece = text[start:end]
            if surf is None and piece == " " and words and not words[-1].isspace():
                spaces[-1] = True
                continue
            words.append(piece)
            spaces.append(False)
            infos.append(surf)
        tags = [s.tags if s else "_SP" for s in infos]
        pos = [
            _upos(s.morphs[0].tag) if s else ("SPACE" if w.isspace() else "X")
            for s, w in zip(infos, words, strict=True)
        ]
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags, pos=pos)
        doc.user_data["surfaces"] = infos  # morphemes per token, turned into pairs when asked for
        return doc

    def to_disk(self, *_: Any, **__: Any) -> None:  # spaCy serialisation hooks: nothing to store
        return None

    def from_disk(self, *_: Any, **__: Any) -> KiwiTokenizer:
        return self


def _morph_pairs(tok: Any) -> list[tuple[str, str]] | None:
    surface: morph.Surface | None = tok.doc.user_data["surfaces"][tok.i]
    return [(m.form, m.tag) for m in surface.morphs] if surface else None


def _register() -> None:
    from spacy.tokens import Token

    if not Token.has_extension("morphs"):  # stored once per Doc, read per token
        Token.set_extension("morphs", getter=_morph_pairs)

    def create_tokenizer() -> Callable[[Any], KiwiTokenizer]:
        def make(nlp: Any) -> KiwiTokenizer:
            return KiwiTokenizer(nlp.vocab)

        return make

    from spacy.util import registry

    registry.tokenizers.register("gongmun.kiwi_tokenizer.v1", func=create_tokenizer)


def pipeline(models: Models) -> Any:
    """The cached spaCy pipeline for `models` (one per process and models folder)."""
    key = str(models.root)
    with _LOCK:
        if key not in _NLP:
            import spacy

            _register()
            nlp: Any = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "gongmun.kiwi_tokenizer.v1"}}})
            nlp.tokenizer.user_dict = models.user_dict
            cues.register()
            ruler: Any = nlp.add_pipe("gongmun_cues", name="cues")
            try:
                ruler.add_patterns(models.patterns)
            except ValueError as exc:  # spaCy validation names the bad pattern
                from .errors import ModelsError

                raise ModelsError(f"{models.root / 'patterns'}: invalid pattern: {exc}".splitlines()[0]) from exc
            _NLP[key] = nlp
        return _NLP[key]


def to_doc(text: str, models: Models) -> Any:
    return pipeline(models)(text)
