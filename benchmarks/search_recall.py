"""Recall of `gongmun search` against grep, and the index size, on a folder of documents.

python benchmarks/search_recall.py ../shared/corpus

The documents are imported with `gongmun batch --db` (no OCR); for each of 30 Korean words, the pages that
hold it (grep over the pages' text) are compared with the pages `search` returns, and with what a MATCH on
an FTS5 index split on spaces (unicode61, as the database had before) returns.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from extract.bulk import batch
from extract.out.sqlite_store import search
from extract.pipeline import Options

WORDS = [
    "예산", "가결", "센터", "회의", "위원", "위원장", "의장", "주민", "계획", "결과", "안건", "협의", "검토", "개최",
    "참석", "보고", "조례", "의견", "사업", "운영", "지원", "추진", "안전", "점검", "개선", "확인", "선정", "심의",
    "교육", "제출",
]  # fmt: skip


def main(folder: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        db_path = out / "db.sqlite"
        batch.run_batch([folder], out / "json", Options(ocr="never"), jobs=2, db=db_path)
        db = sqlite3.connect(db_path)
        pages = db.execute("SELECT d.input, p.number, p.text FROM pages p JOIN documents d ON d.id = p.document_id")
        rows = [(k, n, t) for k, n, t in pages]
        db.execute("CREATE VIRTUAL TABLE spaced USING fts5(k UNINDEXED, n UNINDEXED, text, tokenize='unicode61')")
        db.executemany("INSERT INTO spaced VALUES (?,?,?)", rows)
        db.commit()
        found = truth = spaced_found = 0
        for word in WORDS:
            expected = {(k, n) for k, n, t in rows if word in t}
            got = {(k, n) for k, n, _ in search(db_path, word, limit=100_000)}
            spaced = {(k, n) for k, n in db.execute("SELECT k, n FROM spaced WHERE spaced MATCH ?", (f'"{word}"',))}
            truth += len(expected)
            found += len(expected & got)
            spaced_found += len(expected & spaced)
        size = db_path.stat().st_size
        text = sum(len(t.encode()) for _, _, t in rows)
        db.close()
    print(f"{len(rows)} pages, {len(WORDS)} words, {truth} pages holding them (grep)")
    print(f"gongmun search recall {found / truth:.3f}; an index split on spaces {spaced_found / truth:.3f}")
    print(f"database {size / 1e6:.1f} MB for {text / 1e6:.1f} MB of page text (with the trigram index)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
