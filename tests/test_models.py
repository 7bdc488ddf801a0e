"""models/ validation: every rule file is checked line by line and errors name file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.errors import ModelsError
from extract.resources import find_models, load_models

from .conftest import ROOT

BROKEN = [
    ("lexicons/titles.tsv", "job\t과장\n", "titles.tsv:"),
    ("lexicons/surnames.tsv", "김\t이\n", "surnames.tsv:"),
    ("lexicons/labels.tsv", "location\tre:[unclosed\n", "invalid regular expression"),
    ("lexicons/org_suffixes.tsv", "과\tmedium\n", "org_suffixes.tsv:"),
    ("kiwi/user.dict", "단어\tXYZ\t0\n", "user.dict:"),
    ("patterns/cues.jsonl", "{not json}\n", "cues.jsonl:"),
    ("patterns/cues.jsonl", '{"label": "X", "pattern": [{"TEXT": {"REGEX": "("}}]}\n', "invalid REGEX"),
    ("lexicons/columns.tsv", "size\t크기\n", "columns.tsv:.*unknown key"),
    ("lexicons/topic_nouns.tsv", "의견\t사항\n", "topic_nouns.tsv:"),
    ("rules.tsv", "decision/Outcome Cue\t0.9\tx\n", "rules.tsv:.*kebab-case"),
    ("rules.tsv", "meeting/date\t0.9\tx\n", "rules.tsv:.*field one of"),
    ("rules.tsv", "decision/outcome-cue\t0.9\tagain\n", "rules.tsv:.*defined twice"),
    ("rules.tsv", "decision/new-rule\t1.5\tx\n", "rules.tsv:.*from 0 to 1"),
    ("rules.tsv", "decision/new-rule\thigh\tx\n", "rules.tsv:.*from 0 to 1"),
    ("rules.tsv", "decision/new-rule\t0.5\n", "rules.tsv:.*3 tab-separated"),
]


@pytest.mark.parametrize(("rel", "bad_line", "message"), BROKEN)
def test_invalid_lines_are_reported_with_file_and_line(tmp_path: Path, rel: str, bad_line: str, message: str) -> None:
    root = tmp_path / "models"
    shutil.copytree(ROOT / "models", root)
    target = root / rel
    target.write_text(target.read_text(encoding="utf-8") + bad_line, encoding="utf-8")
    with pytest.raises(ModelsError, match=message):
        load_models(root)


def test_missing_models_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelsError, match=r"manifest\.json"):
        find_models(tmp_path)


def test_env_var_points_at_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "m"
    shutil.copytree(ROOT / "models", root)
    monkeypatch.setenv("GONGMUN_MODELS", str(root))
    assert find_models() == root


def test_bundled_models_load() -> None:
    m = load_models(find_models().resolve())
    assert "김" in m.surnames and "주무관" in m.titles and m.patterns


def test_every_rule_in_the_table_is_used_by_the_code_and_every_rule_used_is_in_the_table() -> None:
    """models/rules.tsv and the extractors name the same rules: no rule id in code that the table lacks
    (models.confidence would raise on it), no rule in the table that no code produces."""
    import re

    table = set(load_models(ROOT / "models").rules)
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "extract").rglob("*.py"))
    used = set(re.findall(r'"((?:decision|disagreement|follow_up|attendee|attendee_group|absentee|agenda|approval)'
                          r'/[a-z0-9-]+)"', code))  # fmt: skip
    assert used - table == set()
    assert table - used == set()
