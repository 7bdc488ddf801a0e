"""A decision taken by a divided vote is also a disagreement: `재석의원 15인 중 찬성 9인, 반대 6인으로 원안
가결되었음을 선포합니다` (minutes), `표결 결과 찬성 7, 반대 2로 가결` (result reports). The sides are the votes
for and against (and abstentions), the topic the item the decision rules on, the resolution the decision.
A vote without a single vote against is no disagreement."""

from __future__ import annotations

import re

from ..analyse.lines import Line
from ..resources import Models
from ..schema import Decision, Disagreement, StancePosition

RULE = "disagreement/vote-tally"
_SIDE = re.compile(r"(?P<side>찬성|반대|기권)\s*(?P<n>\d{1,4})\s*(?P<unit>인|명|표)?")
LOOK_BACK = 3  # lines before a decision where the tally may stand (`표결 결과 …` then `…가결되었음을 선포`)


def _tally(text: str) -> list[tuple[str, str]] | None:
    """[(side, count)] when the text counts votes on both sides, else None."""
    sides: dict[str, str] = {}
    for m in _SIDE.finditer(text):
        sides.setdefault(m.group("side"), f"{m.group('n')}{m.group('unit') or ''}")
    if "찬성" not in sides or not sides.get("반대", "0").rstrip("인명표").isdigit():
        return None
    if int(sides.get("반대", "0").rstrip("인명표")) == 0:
        return None
    return [(side, sides[side]) for side in ("찬성", "반대", "기권") if side in sides]


def tallies(lines: list[Line], decisions: list[Decision], models: Models) -> list[Disagreement]:
    """A disagreement for each decision with a divided vote counted on its line or just before it."""
    by_block = {ln.index: k for k, ln in enumerate(lines)}
    out: list[Disagreement] = []
    for d in decisions:
        k = by_block.get(d.evidence.block) if d.evidence is not None else None
        if k is None:
            continue
        for ln in [lines[k], *reversed(lines[max(0, k - LOOK_BACK) : k])]:
            sides = _tally(ln.body)
            if sides is None:
                continue
            out.append(
                Disagreement(
                    topic=d.topic,
                    positions=[StancePosition(party=s, stance=n, evidence=ln.evidence(rule=RULE)) for s, n in sides],
                    resolution=d.text,
                    confidence=models.confidence(RULE),
                    evidence=ln.evidence(rule=RULE),
                )
            )
            break
    return out
