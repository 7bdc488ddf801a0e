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
        self._known: dict[str, tuple[int, int]] = {}  # tag string -> (TAG hash, POS id)

    def __call__(self, text: str) -> Any:
        return self.make(text)

    def make(self, text: str) -> Any:
        from spacy.attrs import POS, TAG
        from spacy.tokens import Doc

        k = morph.kiwi(self.user_dict)
        lines = text.split("\n")
        tiling = morph.tile(text, k.tokenize(lines) if len(lines) > 1 else [k.tokenize(lines[0])])
        doc = Doc(self.vocab, words=tiling.words, spaces=tiling.spaces)
        if len(doc):  # tags and parts of speech set in one array: 5x faster than Doc(tags=, pos=)
            doc.from_array([TAG, POS], self._tag_pos(tiling))
        doc.user_data["surfaces"] = tiling.surfaces  # morphemes per token, turned into pairs when asked for
        return doc

    def _tag_pos(self, tiling: morph.Tiling) -> Any:
        import numpy
        from spacy.parts_of_speech import IDS as POS_IDS

        known = self._known
        rows = []
        for word, surface in zip(tiling.words, tiling.surfaces, strict=True):
            key = surface.tags if surface is not None else ("_SP" if word.isspace() else "_X")
            row = known.get(key)
            if row is None:
                tag = key if surface is not None else "_SP"
                upos = _upos(surface.morphs[0].tag) if surface is not None else "SPACE" if key == "_SP" else "X"
                row = known[key] = (self.vocab.strings.add(tag), POS_IDS[upos])
            rows.append(row)
        return numpy.array(rows, dtype="uint64")

    def to_disk(self, *_: Any, **__: Any) -> None:  # spaCy serialisation hooks: nothing to store
        return None

    def from_disk(self, *_: Any, **__: Any) -> KiwiTokenizer:
        return self


def _morph_pairs(tok: Any) -> list[tuple[str, str]] | None:
    surface: morph.Surface | None = tok.doc.user_data["surfaces"][tok.i]
    return surface.pairs() if surface else None


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


def clear_caches(models: Models) -> None:
    """Forget what is remembered per word across documents (cue answers per token text, word tests on
    `models`): benchmarks measure each round without the words the previous round saw."""
    models.clear_memos()
    pipeline(models).get_pipe("cues").clear()


def to_doc(text: str, models: Models) -> Any:
    return pipeline(models)(text)
