"""Where a run's batches run: threads feeding local worker processes, or a Dask cluster, and
how many workers a run deserves."""

from __future__ import annotations

import os

from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner

from tasks.lake.ledger import files_to_read
from tasks.sources import list_source

SMALL_RUN_FILES = 500  # below this one in-process worker beats a process pool


def runs_in_threads() -> bool:
    """True in a flow whose tasks run in its own threads (or outside any flow)."""
    context = FlowRunContext.get()
    return context is None or isinstance(context.task_runner, ThreadPoolTaskRunner)


def local_workers(workers: int | None) -> int:
    """Worker processes this flow should open: none when its tasks run on a Dask cluster."""
    return (workers or os.cpu_count() or 1) if runs_in_threads() else 0


def task_runner_for(workers: int | None, dask_address: str | None = None):
    """Dask for a cluster, else threads that feed the flow's worker pool.

    Two threads per worker: while one waits on its batch, the next task is already created
    and queued, so a worker never idles through Prefect's state updates between batches."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    return ThreadPoolTaskRunner(max_workers=2 * (workers or os.cpu_count() or 1))


def choose_runner(source: str, lake: str, workers: int | None, dask_address: str | None,
                  full_refresh: bool = False) -> tuple[int | None, object]:
    """(workers, task runner): the given ones, or as many workers as the files to read deserve."""
    if workers is None and not dask_address:
        workers = default_workers(count_new_files(source, lake, full_refresh))
    return workers, task_runner_for(workers, dask_address)


def count_new_files(source: str, lake: str, full_refresh: bool = False) -> int:
    """How many files a run would read: a daily run of a few new files needs no process pool."""
    listed = list_source(source)
    return len(listed if full_refresh else files_to_read(listed, lake))


def default_workers(n_files: int) -> int:
    """All cores, unless the run is so small that starting worker processes (each loads the
    pipeline: seconds) would take longer than the work itself."""
    return 1 if n_files < SMALL_RUN_FILES else os.cpu_count() or 1
