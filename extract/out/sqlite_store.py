"""SQLite output for downstream systems: normalised tables, foreign keys, indexes, FTS5 search.

Documents are keyed by their input (`path` or `archive.zip!member`); re-importing a document replaces its
rows in one transaction (ON DELETE CASCADE), so re-runs update rather than duplicate.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  input TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  format TEXT, kind TEXT, title TEXT, doc_number TEXT, department TEXT, issuer TEXT,
  approval_date TEXT, disclosure TEXT,
  meeting_name TEXT, meeting_date TEXT, start_time TEXT, end_time TEXT, location TEXT,
  pages INTEGER, warnings TEXT, report TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_kind ON documents(kind);
CREATE INDEX IF NOT EXISTS documents_meeting_date ON documents(meeting_date);
CREATE INDEX IF NOT EXISTS documents_department ON documents(department);
CREATE TABLE IF NOT EXISTS sections (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, level INTEGER NOT NULL, marker TEXT, title TEXT NOT NULL, page INTEGER
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);
CREATE TABLE IF NOT EXISTS attendees (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, name TEXT, title TEXT, organization TEXT, attendee_group TEXT, absent INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attendees_document ON attendees(document_id);
CREATE INDEX IF NOT EXISTS attendees_name ON attendees(name);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT NOT NULL, topic TEXT, confidence REAL, page INTEGER
);
CREATE INDEX IF NOT EXISTS decisions_document ON decisions(document_id);
CREATE TABLE IF NOT EXISTS disagreements (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, topic TEXT, resolution TEXT, confidence REAL, page INTEGER
);
CREATE INDEX IF NOT EXISTS disagreements_document ON disagreements(document_id);
CREATE TABLE IF NOT EXISTS positions (
  id INTEGER PRIMARY KEY,
  disagreement_id INTEGER NOT NULL REFERENCES disagreements(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, party TEXT NOT NULL, stance TEXT
);
CREATE INDEX IF NOT EXISTS positions_disagreement ON positions(disagreement_id);
CREATE TABLE IF NOT EXISTS follow_ups (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT NOT NULL, date TEXT, start_time TEXT, end_time TEXT, location TEXT
);
CREATE INDEX IF NOT EXISTS follow_ups_document ON follow_ups(document_id);
CREATE INDEX IF NOT EXISTS follow_ups_date ON follow_ups(date);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
  kind UNINDEXED, row_id UNINDEXED, document_id UNINDEXED, text, tokenize = 'unicode61'
);
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number INTEGER NOT NULL, method TEXT, reason TEXT, ocr_confidence REAL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_document ON pages(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS page_text USING fts5(
  document_id UNINDEXED, page UNINDEXED, text, tokenize = 'trigram'
);
"""
# Korean attaches particles and endings to its words (예산을, 가결되었음을): page_text indexes trigrams, so a
# word is found inside whatever is attached to it; words of one or two syllables (예산) are looked up in
# `pages` directly (`search`), as trigrams cannot hold them.


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")  # WAL: a killed process loses nothing; a power cut may
        self.db.executescript(SCHEMA)
        self.db.execute("PRAGMA foreign_keys = ON")
        # a database made before stances could be null keeps its NOT NULL column: there, no stance is ''
        self.unstated: str | None = next(
            ("" for row in self.db.execute("PRAGMA table_info(positions)") if row[1] == "stance" and row[3]), None
        )

    def upsert_many(self, items: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Insert or replace documents and their rows, all in one transaction."""
        with self.db:
            cur = self.db.cursor()
            for key, sha256, report in items:
                self._upsert(cur, key, sha256, report)

    def _upsert(self, cur: Any, key: str, sha256: str, report: dict[str, Any]) -> None:
        old = cur.execute("SELECT id FROM documents WHERE input = ?", (key,)).fetchone()
        if old:
            cur.execute("DELETE FROM search WHERE document_id = ?", (old[0],))
            cur.execute("DELETE FROM page_text WHERE document_id = ?", (old[0],))
            cur.execute("DELETE FROM documents WHERE id = ?", (old[0],))
        doc, meeting = report["document"], report.get("meeting") or {}
        cur.execute(
            "INSERT INTO documents (input, sha256, format, kind, title, doc_number, department, issuer, "
            "approval_date, disclosure, meeting_name, meeting_date, start_time, end_time, location, pages, "
            "warnings, report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key, sha256, report["source"]["format"], report["kind"], doc.get("title"),
                doc.get("doc_number"), doc.get("department"), doc.get("issuer"), doc.get("approval_date"),
                doc.get("disclosure"), meeting.get("name"), meeting.get("date"), meeting.get("start_time"),
                meeting.get("end_time"), meeting.get("location"), len(report["source"]["pages"]),
                json.dumps(report.get("warnings", []), ensure_ascii=False),
                json.dumps(report, ensure_ascii=False),
            ),
        )  # fmt: skip
        doc_id = int(cur.lastrowid or 0)
        for page in report["source"]["pages"]:
            text = page.get("text") or ""
            cur.execute(
                "INSERT INTO pages (document_id, number, method, reason, ocr_confidence, text) VALUES (?,?,?,?,?,?)",
                (doc_id, page["number"], page.get("method"), page.get("reason"), page.get("ocr_confidence"), text),
            )
            cur.execute(
                "INSERT INTO page_text (document_id, page, text) VALUES (?,?,?)", (doc_id, page["number"], text)
            )
        self._sections(cur, doc_id, report.get("sections", []), None, [0])
        people = [(p, 0) for p in meeting.get("attendees", [])] + [(p, 1) for p in meeting.get("absentees", [])]
        for i, (p, absent) in enumerate(people):
            cur.execute(
                "INSERT INTO attendees (document_id, ord, name, title, organization, attendee_group, absent) "
                "VALUES (?,?,?,?,?,?,?)",
                (doc_id, i, p.get("name"), p.get("title"), p.get("organization"), p.get("group"), absent),
            )
        for i, d in enumerate(report.get("decisions", [])):
            cur.execute(
                "INSERT INTO decisions (document_id, ord, text, topic, confidence, page) VALUES (?,?,?,?,?,?)",
                (doc_id, i, d["text"], d.get("topic"), d.get("confidence"), _page(d)),
            )
            cur.execute(
                "INSERT INTO search (kind, row_id, document_id, text) VALUES ('decision', ?, ?, ?)",
                (cur.lastrowid, doc_id, " ".join(filter(None, [d.get("topic"), d["text"]]))),
            )
        for i, g in enumerate(report.get("disagreements", [])):
            cur.execute(
                "INSERT INTO disagreements (document_id, ord, topic, resolution, confidence, page) "
                "VALUES (?,?,?,?,?,?)",
                (doc_id, i, g.get("topic"), g.get("resolution"), g.get("confidence"), _page(g)),
            )
            dis_id = cur.lastrowid
            for k, p in enumerate(g.get("positions", [])):
                cur.execute(
                    "INSERT INTO positions (disagreement_id, ord, party, stance) VALUES (?,?,?,?)",
                    (dis_id, k, p["party"], p["stance"] if p.get("stance") is not None else self.unstated),
                )
            text = " ".join(
                filter(None, [g.get("topic"), *(f"{p['party']}: {p.get('stance') or ''}"
                                                for p in g.get("positions", [])),
                              g.get("resolution")])
            )  # fmt: skip
            cur.execute(
                "INSERT INTO search (kind, row_id, document_id, text) VALUES ('disagreement', ?, ?, ?)",
                (dis_id, doc_id, text),
            )
        for i, f in enumerate(report.get("follow_ups", [])):
            cur.execute(
                "INSERT INTO follow_ups (document_id, ord, text, date, start_time, end_time, location) "
                "VALUES (?,?,?,?,?,?,?)",
                (doc_id, i, f["text"], f.get("date"), f.get("start_time"), f.get("end_time"), f.get("location")),
            )

    def _sections(
        self, cur: Any, doc_id: int, nodes: list[dict[str, Any]], parent: int | None, ord_: list[int]
    ) -> None:
        for node in nodes:
            ord_[0] += 1
            cur.execute(
                "INSERT INTO sections (document_id, parent_id, ord, level, marker, title, page) VALUES (?,?,?,?,?,?,?)",
                (doc_id, parent, ord_[0], node["level"], node.get("marker"), node["title"], _page(node)),
            )
            self._sections(cur, doc_id, node.get("children", []), cur.lastrowid, ord_)

    def close(self) -> None:
        self.db.close()


def _page(item: dict[str, Any]) -> int | None:
    ev = item.get("evidence")
    return ev.get("page") if ev else None


SNIPPET = 30  # characters shown either side of the first hit


def search(path: Path, query: str, limit: int = 20) -> list[tuple[str, int, str]]:
    """(input, page, snippet) of the pages that hold every word of `query`, in document order. Words of
    three or more characters go through the trigram index; shorter ones are looked for in the page text."""
    words = query.split()
    if not words:
        return []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        long = [w for w in words if len(w) >= 3]
        if long:
            match = " AND ".join('"' + w.replace('"', '""') + '"' for w in long)
            rows = db.execute(
                "SELECT d.input, t.page, t.text FROM page_text t JOIN documents d ON d.id = t.document_id "
                "WHERE page_text MATCH ? ORDER BY d.input, t.page",
                (match,),
            ).fetchall()
        else:
            rows = db.execute(
                "SELECT d.input, p.number, p.text FROM pages p JOIN documents d ON d.id = p.document_id "
                "WHERE instr(p.text, ?) > 0 ORDER BY d.input, p.number",
                (words[0],),
            ).fetchall()
    finally:
        db.close()
    hits: list[tuple[str, int, str]] = []
    for key, page, text in rows:
        if all(w in text for w in words):
            at = text.find(words[0])
            snippet = text[max(0, at - SNIPPET) : at + len(words[0]) + SNIPPET].replace("\n", " ")
            hits.append((key, int(page), snippet))
        if len(hits) >= limit:
            break
    return hits
