"""Where a run's batches run: threads feeding local worker processes, or a Dask cluster, and
how many workers a run deserves. Prefect is imported only where needed: the CLI plans the
workers before Prefect loads."""

from __future__ import annotations

import math
import os

from flows.run_steps import pick_batch_size
from tasks.lake.ledger import read_ledger, select_new
from tasks.lake.repair import intact_days
from tasks.sources import SourceFile, list_source

SMALL_RUN_FILES = 500  # below this one in-process worker beats a process pool


def runs_in_threads() -> bool:
    """True in a flow whose tasks run in its own threads (or outside any flow)."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

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
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=2 * (workers or os.cpu_count() or 1))


def choose_runner(source: str, lake: str, workers: int | None, dask_address: str | None,
                  full_refresh: bool = False) -> tuple[int | None, object]:
    """(workers, task runner): the given ones, or as many workers as the files to read deserve."""
    if workers is None and not dask_address:
        workers = default_workers(count_new_files(source, lake, full_refresh))
    return workers, task_runner_for(workers, dask_address)


def files_to_read(listed: list[SourceFile], lake: str, reread_days=()) -> list[SourceFile]:
    """What an incremental run reads: files new or changed since the ledger saw them, and the
    files of days whose partitions are gone or damaged (tasks/lake/repair.py, intact_days),
    or named in `reread_days` (what `wirelake repair` found)."""
    return select_new(listed, read_ledger(lake), intact_days(lake) - set(reread_days))


def count_new_files(source: str, lake: str, full_refresh: bool = False, reread_days=()) -> int:
    """How many files a run would read: a daily run of a few new files needs no process pool."""
    listed = list_source(source)
    return len(listed if full_refresh else files_to_read(listed, lake, reread_days))


def default_workers(n_files: int) -> int:
    """All cores, unless the run is so small that starting worker processes (each loads the
    pipeline: seconds) would take longer than the work itself."""
    return 1 if n_files < SMALL_RUN_FILES else os.cpu_count() or 1


def plan_workers(n_files: int, requested: int | None, batch_size: int | None = None) -> tuple[int, str | None]:
    """(worker processes to start, a warning or None) for a local run of `n_files`.

    Unasked: all cores from SMALL_RUN_FILES files on, one (in the flow process) below. Asked:
    never more than the run has batches (an idle worker costs its start-up and ~100 MB), and
    a warning above the cores."""
    if requested is None:
        return default_workers(n_files), None
    batches = math.ceil(n_files / (batch_size or pick_batch_size(n_files, requested))) if n_files else 1
    workers = max(1, min(requested, batches))
    cores = os.cpu_count() or 1
    notes = []
    if workers < requested:
        notes.append(f"{requested} workers asked, {workers} used: the run has {batches} batch(es)")
    if workers > cores:
        notes.append(f"{workers} workers on {cores} cores: they will share the cores")
    return workers, "; ".join(notes) or None
