"""Find and load the rule data in models/ (lexicons, Kiwi user dictionary, SpanRuler patterns).

Search order: explicit argument -> $GONGMUN_MODELS -> the copy installed inside the package -> the
checkout's top-level models/. Every file is validated line by line; errors name `file:line`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ModelsError

_PACKAGE_MODELS = Path(__file__).parent / "models"
_CHECKOUT_MODELS = Path(__file__).parent.parent / "models"
KIWI_TAGS = {"NNG", "NNP", "NNB", "NR", "NP", "VV", "VA", "MAG", "MM", "XSN", "SL", "SH", "SN"}
LABEL_FIELDS = {
    "doc_number", "approval_date", "disclosure", "policy_number", "title", "recipient", "via",
    "enforcement", "attachments", "meeting_datetime", "meeting_date", "meeting_time", "location",
    "datetime_location", "attendees", "absentees", "agenda", "subject", "target", "content",
    "decision", "party", "cooperation", "contact",
}  # fmt: skip
SECTION_ROLES = {
    "follow_up", "discussion", "result", "attendees", "overview", "decision", "photos", "background", "reply",
    "opinion", "reason", "request", "asked", "condition", "pending", "question",
}  # fmt: skip
KINDS = {"meeting_result", "minutes", "meeting_plan", "other", "meeting_word", "not_meeting"}
COLUMN_ROLES = {
    "serial",
    "item",
    "result",
    "note",
    "name",
    "title",
    "org",
    "when",
    "action",
    "owner",
    "applicant",
    "place",
}
RULE_FIELDS = {"decision", "disagreement", "follow_up", "attendee", "attendee_group", "absentee", "agenda", "approval"}
_RULE_ID = re.compile(r"^(?P<field>[a-z_]+)/[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    """One rule that produces items (models/rules.tsv): its id, confidence and what it reads."""

    id: str
    confidence: float
    description: str


def find_models(explicit: str | os.PathLike[str] | None = None) -> Path:
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get("GONGMUN_MODELS"):
        candidates.append(Path(os.environ["GONGMUN_MODELS"]))
    else:
        candidates += [_PACKAGE_MODELS, _CHECKOUT_MODELS]
    for c in candidates:
        if (c / "manifest.json").is_file():
            return c
    raise ModelsError(f"no models/ folder with a manifest.json found (looked in: {', '.join(map(str, candidates))})")


def spaced(word: str) -> str:
    """Regex for a label that may be letter-spaced: `일시` also matches `일 시` and `일  시`."""
    return r"\s*".join(re.escape(ch) for ch in word if not ch.isspace())


MEMO_LIMIT = 100_000  # words remembered per test


@dataclass(frozen=True)
class Models:
    root: Path
    version: str
    surnames: frozenset[str]
    titles: tuple[str, ...]  # exact titles, longest first
    title_set: frozenset[str]  # the same, for membership tests
    title_suffixes: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    strong_org_suffixes: tuple[str, ...]
    org_marks: tuple[str, ...]  # company marks written before or after a name: ㈜, (주)
    nothing: frozenset[str]  # values that state there is nothing (`없음`), without spaces
    topic_nouns: frozenset[str]  # nouns that end a topic or heading, not a statement (`의견`, `현황`)
    labels: dict[str, re.Pattern[str]]
    section_roles: dict[str, re.Pattern[str]]
    kinds: dict[str, re.Pattern[str]]
    columns: dict[str, re.Pattern[str]]  # table column headers by role (lexicons/columns.tsv)
    patterns: list[dict[str, Any]] = field(default_factory=list)
    user_dict: Path | None = None
    label_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # plain labels.tsv terms by field
    rules: dict[str, Rule] = field(default_factory=dict)  # by id
    # answers of word tests (is_title, is_name, label_field) by test and word: the same words recur in every
    # report; bounded, and clear_memos() empties them (benchmarks measure each round cold)
    _memos: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, test: str) -> dict[str, Any]:
        return self._memos.setdefault(test, {})

    def remember(self, test: str, word: str, answer: Any) -> None:
        memo = self.memo(test)
        if len(memo) < MEMO_LIMIT:
            memo[word] = answer

    def clear_memos(self) -> None:
        self._memos.clear()

    def column_role(self, header: str) -> str | None:
        """The first role of a table column by its header (`심의결과` -> result, `성  명` -> name), else None."""
        key = re.sub(r"\s+", "", header)
        if not key or len(key) > 20:
            return None
        return next((role for role, rx in self.columns.items() if rx.fullmatch(key)), None)

    def is_column(self, header: str, role: str) -> bool:
        """Whether a column header holds `role` (lexicons/columns.tsv; spaces in the header ignored)."""
        return self.columns[role].fullmatch(re.sub(r"\s+", "", header)) is not None

    def confidence(self, rule: str) -> float:
        """The confidence of an item the rule produced; an id missing from rules.tsv is a bug in the code."""
        found = self.rules.get(rule)
        if found is None:
            raise KeyError(f"rule {rule!r} is not in {self.root / 'rules.tsv'}")
        return found.confidence

    def label_field(self, label: str) -> str | None:
        memo = self.memo("label")
        if label in memo:
            return memo[label]  # type: ignore[no-any-return]
        key = label.strip()
        found = next((name for name, rx in self.labels.items() if rx.fullmatch(key)), None)
        self.remember("label", label, found)
        return found

    def misread_label(self, label: str, field: str) -> bool:
        """True when `label` is a plain label of `field` with one syllable misread (`일세` for `일시`)."""
        word = re.sub(r"\s+", "", label)
        return any(
            len(term) == len(word) and sum(a != b for a, b in zip(term, word, strict=True)) == 1
            for term in self.label_words.get(field, ())
        )


def _tsv(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    if not path.is_file():
        raise ModelsError(f"{path}: missing")
    rows: list[tuple[int, list[str]]] = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != columns or not all(cells):
            raise ModelsError(f"{path}:{no}: expected {columns} tab-separated non-empty columns, got {cells!r}")
        rows.append((no, cells))
    return rows


def _alternation(
    path: Path, rows: list[tuple[int, list[str]]], allowed: set[str], spacing: bool = True
) -> dict[str, re.Pattern[str]]:
    grouped: dict[str, list[str]] = {}
    for no, (key, term) in rows:
        if key not in allowed:
            raise ModelsError(f"{path}:{no}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
        if term.startswith("re:"):
            body = term[3:]
            try:
                re.compile(body)
            except re.error as exc:
                raise ModelsError(f"{path}:{no}: invalid regular expression: {exc}") from exc
        else:
            body = spaced(term) if spacing else re.escape(term)
        grouped.setdefault(key, []).append(body)
    return {k: re.compile("(?:" + "|".join(v) + ")") for k, v in grouped.items()}


def _rules(path: Path) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for no, (rule_id, confidence, description) in _tsv(path, 3):
        m = _RULE_ID.match(rule_id)
        if m is None or m.group("field") not in RULE_FIELDS:
            raise ModelsError(
                f"{path}:{no}: rule id {rule_id!r} must be field/name-in-kebab-case, field one of "
                f"{', '.join(sorted(RULE_FIELDS))}"
            )
        if rule_id in rules:
            raise ModelsError(f"{path}:{no}: rule {rule_id!r} is defined twice")
        try:
            value = float(confidence)
        except ValueError:
            value = -1.0
        if not 0.0 <= value <= 1.0:
            raise ModelsError(f"{path}:{no}: confidence {confidence!r} must be a number from 0 to 1")
        rules[rule_id] = Rule(rule_id, value, description)
    return rules


def _user_dict(path: Path) -> Path:
    for no, cells in _tsv_loose(path):
        if len(cells) not in (2, 3) or cells[1] not in KIWI_TAGS:
            raise ModelsError(f"{path}:{no}: expected 'word<TAB>TAG[<TAB>score]' with TAG in {sorted(KIWI_TAGS)}")
        if len(cells) == 3:
            try:
                float(cells[2])
            except ValueError as exc:
                raise ModelsError(f"{path}:{no}: score {cells[2]!r} is not a number") from exc
    return path


def _tsv_loose(path: Path) -> list[tuple[int, list[str]]]:
    if not path.is_file():
        raise ModelsError(f"{path}: missing")
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out.append((no, line.split("\t")))
    return out


def _patterns(folder: Path) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ModelsError(f"{path}:{no}: invalid JSON: {exc.msg}") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("label"), str) or "pattern" not in obj:
                raise ModelsError(f"{path}:{no}: a pattern needs 'label' (string) and 'pattern'")
            if not isinstance(obj["pattern"], (str, list)):
                raise ModelsError(f"{path}:{no}: 'pattern' must be a string or a list of token patterns")
            for tok in obj["pattern"] if isinstance(obj["pattern"], list) else []:
                for spec in tok.values() if isinstance(tok, dict) else []:
                    if isinstance(spec, dict) and "REGEX" in spec:
                        try:
                            re.compile(spec["REGEX"])
                        except re.error as exc:
                            raise ModelsError(f"{path}:{no}: invalid REGEX: {exc}") from exc
            obj.setdefault("id", f"{path.stem}:{no}")
            patterns.append(obj)
    return patterns


@lru_cache(maxsize=4)
def load_models(root: Path) -> Models:
    manifest_path = root / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelsError(f"{manifest_path}: cannot read manifest: {exc}") from exc
    for rel in manifest.get("files", []):
        if not (root / rel).is_file():
            raise ModelsError(f"{manifest_path}: listed file {rel} is missing")
    lex = root / "lexicons"
    surnames = frozenset(c[0] for _, c in _tsv(lex / "surnames.tsv", 1))
    titles: list[str] = []
    suffixes: list[str] = []
    for no, (kind, term) in _tsv(lex / "titles.tsv", 2):
        if kind not in {"title", "suffix"}:
            raise ModelsError(f"{lex / 'titles.tsv'}:{no}: first column must be 'title' or 'suffix'")
        (titles if kind == "title" else suffixes).append(term)
    org_rows = _tsv(lex / "org_suffixes.tsv", 2)
    for no, (_, strength) in org_rows:
        if strength not in {"strong", "weak", "mark"}:
            raise ModelsError(f"{lex / 'org_suffixes.tsv'}:{no}: second column must be 'strong', 'weak' or 'mark'")
    orgs = tuple(sorted((c[0] for _, c in org_rows if c[1] != "mark"), key=len, reverse=True))
    marks = tuple(c[0] for _, c in org_rows if c[1] == "mark")
    label_rows = _tsv(lex / "labels.tsv", 2)
    label_words: dict[str, tuple[str, ...]] = {}
    for _, (key, term) in label_rows:
        if not term.startswith("re:"):
            label_words[key] = (*label_words.get(key, ()), term.replace(" ", ""))
    strong = tuple(sorted((c[0] for _, c in org_rows if c[1] == "strong"), key=len, reverse=True))
    return Models(
        root=root,
        version=str(manifest.get("version", "0")),
        surnames=surnames,
        titles=tuple(sorted(titles, key=len, reverse=True)),
        title_set=frozenset(titles),
        title_suffixes=tuple(sorted(suffixes, key=len, reverse=True)),
        org_suffixes=orgs,
        org_marks=marks,
        strong_org_suffixes=strong,
        labels=_alternation(lex / "labels.tsv", label_rows, LABEL_FIELDS),
        label_words=label_words,
        section_roles=_alternation(lex / "sections.tsv", _tsv(lex / "sections.tsv", 2), SECTION_ROLES),
        kinds=_alternation(lex / "kinds.tsv", _tsv(lex / "kinds.tsv", 2), KINDS),
        columns=_alternation(lex / "columns.tsv", _tsv(lex / "columns.tsv", 2), COLUMN_ROLES, spacing=False),
        nothing=frozenset(c[0] for _, c in _tsv(lex / "nothing.tsv", 1)),
        topic_nouns=frozenset(c[0] for _, c in _tsv(lex / "topic_nouns.tsv", 1)),
        patterns=_patterns(root / "patterns"),
        user_dict=_user_dict(root / "kiwi" / "user.dict"),
        rules=_rules(root / "rules.tsv"),
    )


def models(explicit: str | os.PathLike[str] | None = None) -> Models:
    return load_models(find_models(explicit).resolve())
