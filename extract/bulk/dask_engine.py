"""`gongmun batch --engine dask`: the same documents on a dask.distributed cluster.

Each Dask task is one document. Inside a Dask worker the document runs in a child process of our own
(the local engine's Pool with one slot, one per worker thread), so the per-document time limit, crash
isolation and worker recycling behave exactly as with the local engine and a hung document never blocks
a Dask worker. Results come back to the process that started the batch, which writes the JSON files,
the manifest, the JSONL and the database in the same way as the local engine: the outputs are identical.

Inputs are read by the workers from their paths (made absolute here), so the files must be visible at
the same path on every worker (a shared file system), as with any Dask file pipeline; archive members
are read from the archive on the worker in the same way.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EngineUnavailable
from ..pipeline import Options

if TYPE_CHECKING:
    from .inputs import Item

_local = threading.local()


def _pool(options: Options, timeout: float, review: bool) -> Any:
    """The calling worker thread's own one-slot pool, started on first use and kept for later tasks."""
    from .workers import Pool

    key = (options, timeout, review)
    pool = getattr(_local, "pool", None)
    if pool is None or getattr(_local, "key", None) != key:
        if pool is not None:
            pool.close()
        pool = Pool(1, options, timeout, review=review)
        _local.pool, _local.key = pool, key
    return pool


def run_one(item: Item, options: Options, timeout: float, review: bool) -> dict[str, Any]:
    """A Dask task: one document through the worker's own child process; always returns a record.

    A daemonic Dask worker (the default of `dask worker`) may not start processes: there the document runs
    in the worker itself, without the hard time limit (start workers with
    DASK_DISTRIBUTED__WORKER__DAEMON=False to keep it)."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        from .workers import _work

        return _work(item, options, review)
    out: list[dict[str, Any]] = []
    _pool(options, timeout, review).run([item], lambda _index, record: out.append(record))
    return out[0]


class DaskEngine:
    """Runs items on a dask.distributed cluster; same interface as workers.Pool (run, close)."""

    def __init__(self, scheduler: str | None, jobs: int, options: Options, timeout: float, review: bool) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineUnavailable("--engine dask needs the dask extra: pip install 'gongmun[dask]'") from exc
        self.options, self.timeout, self.review = options, timeout, review
        self.cluster: Any = None
        if scheduler:
            try:
                import dask

                self.client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
            except (OSError, TimeoutError) as exc:
                raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            # no scheduler given: a cluster on this machine, one single-threaded worker process per job;
            # non-daemonic workers so that each can run its documents in a child process with a time limit
            import dask

            with dask.config.set({"distributed.worker.daemon": False}):
                self.cluster = LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
                )
            self.client = Client(self.cluster)

    def run(self, items: list[Item], on_result: Callable[[int, dict[str, Any]], None]) -> None:
        from distributed import as_completed

        futures = {}
        for index, item in enumerate(items):
            if item.path is not None:
                item = dataclasses.replace(item, path=str(Path(item.path).resolve()))
            if item.archive is not None:
                item = dataclasses.replace(item, archive=str(Path(item.archive).resolve()))
            future = self.client.submit(
                run_one, item, self.options, self.timeout, self.review, key=f"gongmun-{index}-{item.key}", pure=False
            )
            futures[future] = index
        try:
            for future in as_completed(futures):
                index = futures[future]
                try:
                    record = future.result()
                except Exception as exc:  # the Dask worker itself was lost
                    reason = f"dask task failed: {type(exc).__name__}: {exc}"
                    record = {"status": "failed", "reason": reason, "exit_code": 1, "sha256": None, "seconds": 0.0}
                on_result(index, record)
        finally:
            self.client.cancel(list(futures))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
