"""Worker processes for `gongmun batch`: one document at a time per worker, so that a hung document can be
killed alone; workers load the models before their first document and are replaced after `recycle`
documents so memory stays flat on long runs."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing as mp
import queue
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ExitCode
from ..out import writers
from ..pipeline import Options

if TYPE_CHECKING:
    from .inputs import Item


def _work(item: Item, options: Options, review: bool = False) -> dict[str, Any]:
    """Run one document in a worker; always returns a record (never raises)."""
    from ..pipeline import process

    t0 = time.perf_counter()
    try:
        data = item.data()
        sha = hashlib.sha256(data).hexdigest()
    except Exception as exc:
        return {
            "status": "failed", "reason": f"cannot read input: {exc}", "exit_code": int(ExitCode.CORRUPT),
            "sha256": None, "seconds": 0.0,
        }  # fmt: skip
    res = process(item.key, options, data=data)
    if res.report is None:
        return {
            "status": "failed", "reason": res.error, "exit_code": int(res.exit_code), "sha256": sha,
            "seconds": time.perf_counter() - t0,
        }  # fmt: skip
    report = res.report
    return {
        "status": res.status,
        "exit_code": 0,
        "reason": "; ".join(res.warnings) or None,
        "sha256": sha,
        "seconds": time.perf_counter() - t0,
        "pages": len(report.source.pages),
        "format": report.source.format,
        "report": writers.to_json(report),  # pretty JSON made here, by pydantic's serialiser, not in the parent
        "rss_mb": _rss_mb(),
        "review": _review(report, res.raw, data) if review else None,
    }


def _rss_mb() -> float:
    """Peak resident memory of this worker so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _review(report: Any, raw: Any, data: bytes) -> str | None:
    from ..out import review

    try:
        return review.render(report, raw, data)
    except Exception:  # the review page is a convenience: never fail the document for it
        return None


_WARM_UP = "회의 결과 보고\n○ 일 시 : 2024. 1. 5.(금) 10:00\n"
_SPEAKER = "○위원장 홍길동  개의하겠습니다.\n"  # a speaker line: Kiwi, which reads speakers' names, loads too
_warm: set[tuple[Options, bool]] = set()


def warm_up(options: Options, kiwi: bool = True) -> None:
    """Load spaCy and the rules (and, with `kiwi`, Kiwi) by running them once before the first document, so
    that a time limit measures the document only; if this fails, the documents report the problem themselves."""
    from ..pipeline import process

    if (options, kiwi) not in _warm:
        log = logging.getLogger("gongmun")
        log.disabled = True  # the warm-up is no document: it says nothing
        try:
            process("warm-up.txt", options, data=(_WARM_UP + (_SPEAKER if kiwi else "")).encode())
        finally:
            log.disabled = False
        _warm.add((options, kiwi))


def _worker_loop(tasks: Any, results: Any, options: Options, review: bool = False) -> None:
    warm_up(options)
    while True:
        got = tasks.get()
        if got is None:
            return
        index, item = got
        results.put(("start", index, None))
        results.put(("done", index, _work(item, options, review)))


@dataclass
class _Slot:
    proc: Any
    tasks: Any
    index: int | None = None
    started: float | None = None  # when the worker began the document (its clock starts then)
    done: int = 0
    rss_mb: float = 0.0  # the worker's peak memory after its last document


class Pool:
    """Worker processes, one task at a time each, so that a hung document can be killed alone; a worker is
    replaced once its peak memory passes `max_rss_mb` (one huge document) or after `recycle` documents,
    so memory stays flat on long runs without paying the model start-up often."""

    def __init__(
        self, jobs: int, options: Options, timeout: float, recycle: int = 2000, review: bool = False,
        max_rss_mb: float = 1200.0,
    ) -> None:  # fmt: skip
        self.ctx = mp.get_context("spawn")
        self.options, self.timeout, self.recycle, self.review = options, timeout, recycle, review
        self.max_rss_mb = max_rss_mb
        self.started = 0  # worker processes started so far (recycling shows here)
        self.results: Any = self.ctx.Queue()
        self.slots = [self._start() for _ in range(jobs)]

    def _start(self) -> _Slot:
        self.started += 1
        tasks = self.ctx.Queue()
        proc = self.ctx.Process(target=_worker_loop, args=(tasks, self.results, self.options, self.review), daemon=True)
        proc.start()
        return _Slot(proc, tasks)

    def run(self, items: list[Item], on_result: Callable[[int, dict[str, Any]], None]) -> None:
        pending = list(range(len(items)))
        pending.reverse()
        busy = [0]

        def assign() -> None:
            for k, slot in enumerate(self.slots):
                if slot.index is None and pending:
                    worn = slot.done >= self.recycle or slot.rss_mb > self.max_rss_mb
                    if worn or not slot.proc.is_alive():
                        self._stop(slot)
                        self.slots[k] = slot = self._start()
                    slot.index = pending.pop()
                    slot.started = None
                    slot.tasks.put((slot.index, items[slot.index]))
                    busy[0] += 1

        while pending or busy[0]:
            assign()
            try:
                kind, index, record = self.results.get(timeout=0.2)
            except queue.Empty:
                now = time.monotonic()
                for k, slot in enumerate(self.slots):
                    hung = slot.index is not None and slot.started is not None and now - slot.started > self.timeout
                    dead = slot.index is not None and not slot.proc.is_alive()
                    if (hung or dead) and slot.index is not None:
                        index = slot.index
                        self._kill(slot)
                        self.slots[k] = self._start()
                        busy[0] -= 1
                        reason = f"timeout after {self.timeout:g}s" if hung else "worker died (crash or memory)"
                        code = int(ExitCode.TIMEOUT if hung else ExitCode.INTERNAL)
                        record = {
                            "status": "failed",
                            "reason": reason,
                            "exit_code": code,
                            "sha256": None,
                            "seconds": 0.0,
                        }
                        on_result(index, record)
                continue
            owner = next((slot for slot in self.slots if slot.index == index), None)
            if kind == "start":
                if owner is not None:
                    owner.started = time.monotonic()
                continue
            if owner is None:
                continue  # a late result from a worker already timed out and reported: keep one record
            owner.index = None
            owner.done += 1
            owner.rss_mb = float(record.get("rss_mb") or 0.0)
            busy[0] -= 1
            assign()  # the worker starts its next document while this one is written
            on_result(index, record)

    def _stop(self, slot: _Slot) -> None:
        if slot.proc.is_alive():
            slot.tasks.put(None)
            slot.proc.join(timeout=5)
        self._kill(slot)

    @staticmethod
    def _kill(slot: _Slot) -> None:
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(timeout=5)

    def close(self) -> None:
        for slot in self.slots:  # ask every worker to stop, then wait for them together
            if slot.proc.is_alive():
                slot.tasks.put(None)
        for slot in self.slots:
            slot.proc.join(timeout=5)
            self._kill(slot)


def process_within(
    path: str, options: Options, timeout: float, stdin_data: bytes | None = None, several: bool = False
) -> tuple[Any, str | None, int, str | None]:
    """`pipeline.process` with a time budget, for `gongmun extract`: the document runs in a forked child (the
    models already loaded here are shared, so it costs milliseconds), which is killed with everything it
    started (Tesseract) when the budget runs out. Kiwi (300 MB, 2 s) is loaded here first only when
    `several` documents will share it; one document loads it in its child if it needs it. Returns (report or
    None, error, exit code, traceback)."""
    import os
    import pickle
    import selectors
    import signal

    from ..pipeline import process

    if timeout <= 0 or not hasattr(os, "fork"):
        res = process(path, options, stdin_data=stdin_data)
        return res.report, res.error, int(res.exit_code), res.trace
    warm_up(options, kiwi=several)  # loaded once here, shared by every forked child
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its own process group, so that a kill takes Tesseract along
        os.close(read_end)
        code = 0
        try:
            os.setpgid(0, 0)
            res = process(path, options, stdin_data=stdin_data)
            payload = pickle.dumps((res.report, res.error, int(res.exit_code), res.trace))
            with os.fdopen(write_end, "wb") as fh:
                fh.write(payload)
        except BaseException:  # never return into the parent's code from the child
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel, os.fdopen(read_end, "rb", buffering=0) as fh:
        sel.register(fh, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(timeout=left):
                for target in (-pid, pid):
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(target, signal.SIGKILL)
                os.waitpid(pid, 0)
                return None, f"{path}: timed out after {timeout:g}s (--timeout)", int(ExitCode.TIMEOUT), None
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    os.waitpid(pid, 0)
    if not chunks:
        return None, f"{path}: internal error: the worker died", int(ExitCode.INTERNAL), None
    report, error, code, trace = pickle.loads(b"".join(chunks))
    return report, error, code, trace
