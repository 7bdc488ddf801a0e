"""Score floors: the scores a gold set must keep, in scopes (the first documents, the whole corpus, each kind
of document), checked by the tests and by the eval run that ends CI (`gongmun eval --floors`)."""

from __future__ import annotations

from typing import Any

from .evaluate import Counts, DocResult, summarize


def format_micro(summary: dict[str, Any], fmt: str) -> float | None:
    """Micro F1 over all fields of the inputs of one format, from a summary's `by_format`."""
    fields = summary.get("by_format", {}).get(fmt)
    if not fields:
        return None
    total = Counts(*(sum(c[k] for c in fields.values()) for k in ("tp", "fp", "fn")))
    return None if total.f1 is None else round(total.f1, 4)


def scopes(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The scopes of a floors file. A scope names the results it holds (`documents`: gold ids, `formats`,
    `kinds`: gold kinds; absent means all) and the `floors` they must keep. A flat file (`{field: floor}`,
    `_formats` optional) is one scope."""
    if "scopes" in data:
        return dict(data["scopes"])
    floors = {k: v for k, v in data.items() if not k.startswith("_")}
    scope: dict[str, Any] = {"floors": floors}
    if "_formats" in data:
        scope["formats"] = data["_formats"]
    return {"all": scope}


def in_scope(result: DocResult, scope: dict[str, Any]) -> bool:
    return (
        ("documents" not in scope or result.gold_id in scope["documents"])
        and ("formats" not in scope or result.format in scope["formats"])
        and ("kinds" not in scope or result.gold_kind in scope["kinds"])
    )


def check_floor_file(results: list[DocResult], data: dict[str, Any]) -> list[str]:
    """Every scope of a floors file checked on its own results: `scope: field: value < floor` lines."""
    low: list[str] = []
    for name, scope in scopes(data).items():
        chosen = [r for r in results if in_scope(r, scope)]
        if not chosen:
            low.append(f"{name}: no input in scope")
            continue
        low.extend(f"{name}: {line}" for line in check_floors(summarize(chosen), scope["floors"]))
    return low


def current_scores(summary: dict[str, Any]) -> dict[str, float]:
    """What a floors file can hold for one summary: each field's F1, micro F1, the precision on kind
    `other`, and each input format's micro F1 (`format:<fmt>`)."""
    current = {name: stats["f1"] for name, stats in summary["fields"].items() if stats["f1"] is not None}
    if summary["micro"]["f1"] is not None:
        current["micro"] = summary["micro"]["f1"]
    if summary["kind_other"]["precision"] is not None:
        current["kind_other"] = summary["kind_other"]["precision"]
    for fmt in summary["by_format"]:
        value = format_micro(summary, fmt)
        if value is not None:
            current[f"format:{fmt}"] = value
    return current


def check_floors(summary: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Fields whose F1 (or accuracy when F1 is undefined) fell below the recorded floor; `kind_other` is the
    precision of attendees, decisions and disagreements on documents of kind other; `format:<fmt>` the micro
    F1 of one input format."""
    low: list[str] = []
    for name, floor in floors.items():
        if name == "kind_other":
            other = summary.get("kind_other") or {}
            if other.get("precision") is not None and other["precision"] < floor:
                low.append(f"kind_other: invented {other['invented']} (precision floor {floor})")
            continue
        if name.startswith("format:"):  # the micro F1 of one input format (`format:scan`)
            value = format_micro(summary, name.split(":", 1)[1])
            if value is None or value + 1e-9 < floor:
                low.append(f"{name}: {value} < floor {floor}")
            continue
        stats = summary["micro"] if name == "micro" else summary["fields"].get(name)
        if stats is None:
            low.append(f"{name}: not scored (floor {floor})")
            continue
        value = stats["f1"] if stats["f1"] is not None else stats["accuracy"]
        if value is None or value + 1e-9 < floor:
            low.append(f"{name}: {value} < floor {floor}")
    return low
