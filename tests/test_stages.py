"""The package's layout shows the pipeline: each folder one stage, imports only downward, no cycles.

Layers, from the bottom: shared types and rule data (errors, options, schema, document, resources, values,
markers) < readers (sniffing, formats, the OCR stack) < analyse (normalise, flat tables, lines, tokens, cues,
outline) < fields < out (writers, SQLite, review pages) < pipeline < bulk (inputs, workers, batch, Dask) <
measure (eval, coverage) < the CLI and the package's front door. A module may import from its own layer or
one below, at the top of the file or inside a function alike."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

LAYERS = [
    {"extract.errors", "extract.options", "extract.schema", "extract.document", "extract.resources",
     "extract.values", "extract.markers"},
    {"extract.readers"},
    {"extract.analyse"},
    {"extract.fields"},
    {"extract.out"},
    {"extract.pipeline"},
    {"extract.bulk"},
    {"extract.measure"},
    {"extract.cli", "extract"},
]  # fmt: skip


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    for rank, names in enumerate(LAYERS):
        if module in names or any(module.startswith(n + ".") for n in names if n != "extract"):
            return rank
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")


def _imports(path: Path, top_only: bool = False) -> list[str]:
    """The extract modules a file imports (relative imports resolved; `from . import x` names module x)."""
    module = _module(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_only else list(ast.walk(tree))
    found: list[str] = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if not base.startswith("extract"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                is_module = (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    ROOT / Path(*candidate.split(".")) / "__init__.py"
                ).exists()
                found.append(candidate if is_module else base)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.startswith("extract"))
    return found


FILES = sorted((ROOT / "extract").rglob("*.py"))


def test_every_import_goes_down_or_stays_in_its_layer() -> None:
    upward = [
        f"{_module(f)} ({_layer(_module(f))}) imports {target} ({_layer(target)})"
        for f in FILES
        for target in _imports(f)
        if _layer(target) > _layer(_module(f))
    ]
    assert upward == []


def test_no_import_cycles_between_modules() -> None:
    graph = {_module(f): {t for t in _imports(f, top_only=True) if t != _module(f)} for f in FILES}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt in graph and not state.get(nxt):
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])
    assert cycles == []


def test_each_stage_is_a_folder_a_newcomer_can_find() -> None:
    folders = {p.name for p in (ROOT / "extract").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == {"readers", "analyse", "fields", "out", "bulk", "measure"}
    assert len([p for p in (ROOT / "extract").glob("*.py")]) <= 12  # the rest lives in its stage's folder
