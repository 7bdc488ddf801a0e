"""What gongmun finds in an archive that has no gold: over every document, the share that gets a meeting kind,
a date, a start time, attendees, decisions, disagreements and follow-ups, by kind (`gongmun eval --coverage`).

The first look a user with a new archive wants: whether the reports read as meetings at all, and which fields
come back empty for a whole kind of document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..options import Options

FIELDS = ("date", "start_time", "attendees", "decisions", "disagreements", "follow_ups")
MEETING_KINDS = ("meeting_result", "minutes", "meeting_plan")


@dataclass
class Tally:
    documents: int = 0
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, report: Any) -> None:
        self.documents += 1
        meeting = report.meeting
        has = {
            "date": bool(meeting and meeting.date),
            "start_time": bool(meeting and meeting.start_time),
            "attendees": bool(meeting and (meeting.attendees or meeting.attendee_groups)),
            "decisions": bool(report.decisions),
            "disagreements": bool(report.disagreements),
            "follow_ups": bool(report.follow_ups),
        }
        for name, yes in has.items():
            self.found[name] += int(yes)

    def shares(self) -> dict[str, float | None]:
        return {k: round(v / self.documents, 4) if self.documents else None for k, v in self.found.items()}


def run(inputs: list[str], options: Options) -> dict[str, Any]:
    """Read every document under `inputs` (folders, globs, archives) and count what each kind yields."""
    from ..bulk.inputs import discover
    from ..pipeline import process

    by_kind: dict[str, Tally] = {}
    failed: list[dict[str, Any]] = []
    total = 0
    for item in discover(inputs):
        total += 1
        try:
            data = item.data()
        except (OSError, ValueError) as exc:
            failed.append({"input": item.key, "exit_code": 10, "error": f"cannot read input: {exc}"})
            continue
        res = process(item.key, options, data=data)
        if res.report is None:
            failed.append({"input": item.key, "exit_code": int(res.exit_code), "error": res.error})
            continue
        by_kind.setdefault(res.report.kind, Tally()).add(res.report)
    meetings = Tally()
    for kind in MEETING_KINDS:
        tally = by_kind.get(kind)
        if tally is not None:
            meetings.documents += tally.documents
            for name, n in tally.found.items():
                meetings.found[name] += n
    read = sum(t.documents for t in by_kind.values())
    return {
        "documents": total,
        "failed": failed,
        "kinds": {kind: by_kind[kind].documents for kind in sorted(by_kind)},
        "meeting_share": round(meetings.documents / read, 4) if read else None,
        "by_kind": {kind: {"documents": t.documents, **t.shares()} for kind, t in sorted(by_kind.items())},
        "meetings": {"documents": meetings.documents, **meetings.shares()},
    }


def table(summary: dict[str, Any]) -> str:
    """The coverage summary as a plain table: one row per kind, the share of its documents with each field."""

    def pct(v: float | None) -> str:
        return "     -" if v is None else f"{100 * v:5.0f}%"

    head = f"{'kind':<16}{'docs':>6}" + "".join(f"{name.replace('_', ' ')[:12]:>14}" for name in FIELDS)
    rows = [head]
    for kind, stats in [*summary["by_kind"].items(), ("all meetings", summary["meetings"])]:
        rows.append(f"{kind:<16}{stats['documents']:>6}" + "".join(f"{pct(stats[n]):>14}" for n in FIELDS))
    share = summary["meeting_share"]
    rows.append(
        f"documents {summary['documents']}, read as meetings {pct(share).strip()}, failed {len(summary['failed'])}"
    )
    for f in summary["failed"][:20]:
        rows.append(f"failed (exit {f['exit_code']}): {f['error']}")
    return "\n".join(rows) + "\n"
