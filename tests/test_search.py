"""The text of every page goes out (JSON, database), and the database finds Korean words whatever particle
or ending is attached to them (예산 in 예산을, 가결 in 가결되었음을)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.bulk import batch
from extract.cli import app
from extract.errors import ExitCode
from extract.out.sqlite_store import search
from extract.pipeline import Options

from .conftest import SAMPLES, sample

runner = CliRunner()
TEXTS = ["meeting-result-two-sittings.txt", "council-minutes.txt", "approval-purchase.txt", "meeting-result-hwpx.hwpx"]


def test_each_page_carries_its_text_and_evidence_counts_in_it() -> None:
    report = sample("meeting-result-pdf.pdf").report
    assert all(p.text for p in report.source.pages)
    text = "\n".join(p.text for p in report.source.pages if p.text)
    for d in report.decisions:
        assert d.evidence is not None and text[d.evidence.char_start : d.evidence.char_end] == d.evidence.text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("in")
    for name in TEXTS:
        shutil.copy(SAMPLES / name, src / name)
    out = tmp_path_factory.mktemp("out")
    batch.run_batch([str(src)], out, Options(), jobs=1, db=out / "db.sqlite")
    return out / "db.sqlite"


def _pages_with(word: str) -> set[str]:
    """What grep finds: the samples whose text holds the word."""
    return {name for name in TEXTS if word in "\n".join(p.text for p in sample(name).report.source.pages)}


@pytest.mark.slow
@pytest.mark.parametrize("word", ["예산", "가결", "위원", "회의", "가결되었음", "도서관", "위원장", "운영협의회"])
def test_search_finds_what_grep_finds_whatever_is_attached(db: Path, word: str) -> None:
    found = {Path(key).name for key, _, _ in search(db, word, limit=100)}
    assert found == _pages_with(word) and found, word


@pytest.mark.slow
def test_search_words_all_on_one_page_and_the_command(db: Path) -> None:
    both = search(db, "원안 가결되었음", limit=100)
    assert {Path(k).name for k, _, _ in both} == {"council-minutes.txt"}
    assert all("원안" in s or "가결되었음" in s for _, _, s in both)
    r = runner.invoke(app, ["search", str(db), "가결", "-n", "1"])
    assert r.exit_code == 0 and r.stdout.count("\n") == 1 and "\tp.1\t" in r.stdout
    r = runner.invoke(app, ["search", str(db.parent / "missing.sqlite"), "가결"])
    assert r.exit_code == ExitCode.NOT_FOUND
