"""The spaCy pipeline: a blank Korean `Language` whose tokens are Kiwi's surface tokens, plus the cue
matcher (cues.py).

`spacy.blank("ko")` would load mecab-ko; the registered tokenizer replaces it in the config. The tokens come
from surface.split, which cuts them as Kiwi's analysis does, by rule (Kiwi itself cost 40% of a document's
time, for token boundaries only: the cue patterns read token texts). Kiwi analyses a line when its morphemes
are asked for: `token._.morphs` gives (form, tag) pairs; `analyse(doc)` sets `tag_` (the Kiwi tags joined
by '+') and `pos_` (a UPOS mapping of the head morpheme). `doc.spans["cues"]` holds the pattern matches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..resources import Models
from . import cues, morph, surface

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


class SurfaceTokenizer:
    """spaCy tokenizer: text -> Doc of gongmun surface tokens (surface.split); `doc.text` always equals the
    input. Kiwi reads a line only when its morphemes are asked for (`token._.morphs`, `analyse`)."""

    def __init__(self, vocab: Any, models: Models | None = None) -> None:
        self.vocab = vocab
        self.user_dict = models.user_dict if models else None

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        tiling = surface.split(text)
        doc = Doc(self.vocab, words=tiling.words, spaces=tiling.spaces)
        doc.user_data["user_dict"] = self.user_dict
        doc.user_data["words"] = tiling.words  # read by the cue matcher without making Token objects
        return doc

    def to_disk(self, *_: Any, **__: Any) -> None:  # spaCy serialisation hooks: nothing to store
        return None

    def from_disk(self, *_: Any, **__: Any) -> SurfaceTokenizer:
        return self


def morphemes(tok: Any) -> list[Any]:
    """Kiwi's morphemes (kiwipiepy Tokens: .form, .tag, .start, .len within the line) that start inside
    `tok`; Kiwi analyses the token's line once per Doc."""
    doc = tok.doc
    text: str = doc.text
    start = text.rfind("\n", 0, tok.idx) + 1
    lines: dict[int, list[tuple[int, Any]]] = doc.user_data.setdefault("kiwi_lines", {})
    analysed = lines.get(start)
    if analysed is None:
        end = text.find("\n", tok.idx)
        line = text[start : end if end >= 0 else len(text)]
        found = morph.kiwi(doc.user_data.get("user_dict")).tokenize(line) if line.strip() else []
        analysed = lines[start] = [(start + t.start, t) for t in found if t.len > 0]
    return [t for at, t in analysed if tok.idx <= at < tok.idx + len(tok.text)]


def analyse(doc: Any) -> Any:
    """Set each token's `tag_` (Kiwi's tags joined by '+') and `pos_` (the UPOS of its first morpheme);
    whitespace is `_SP`/SPACE. The extractors read surface tokens only: this is for people and tools."""
    for tok in doc:
        found = morphemes(tok)
        if found:
            tok.tag_, tok.pos_ = "+".join(m.tag for m in found), _upos(found[0].tag)
        else:
            tok.tag_, tok.pos_ = ("_SP", "SPACE") if tok.is_space else ("_X", "X")
    return doc


def _morph_pairs(tok: Any) -> list[tuple[str, str]]:
    return [(m.form, m.tag) for m in morphemes(tok)]


def _register() -> None:
    from spacy.tokens import Token

    if not Token.has_extension("morphs"):  # Kiwi's analysis of the token's line, read when asked for
        Token.set_extension("morphs", getter=_morph_pairs)

    def create_tokenizer() -> Callable[[Any], SurfaceTokenizer]:
        def make(nlp: Any) -> SurfaceTokenizer:
            return SurfaceTokenizer(nlp.vocab)

        return make

    from spacy.util import registry

    registry.tokenizers.register("gongmun.surface_tokenizer.v1", func=create_tokenizer)


MAX_DOC_CHARS = 10_000_000


def pipeline(models: Models) -> Any:
    """The cached spaCy pipeline for `models` (one per process and models folder)."""
    key = str(models.root)
    with _LOCK:
        if key not in _NLP:
            import spacy

            _register()
            nlp: Any = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "gongmun.surface_tokenizer.v1"}}})
            nlp.tokenizer.user_dict = models.user_dict
            # spaCy's limit guards the memory of its parser and entity recogniser, which this pipeline does not
            # run (rule tokens and a cue matcher): a year of council records in one file is read whole, up to
            # the readers' own limit (readers/text.py MAX_CHARS; about 330 MB for 3 M characters, measured)
            nlp.max_length = MAX_DOC_CHARS
            cues.register()
            ruler: Any = nlp.add_pipe("gongmun_cues", name="cues")
            try:
                ruler.add_patterns(models.patterns)
            except ValueError as exc:  # spaCy validation names the bad pattern
                from ..errors import ModelsError

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
