"""Entry points of the two Prefect deployments in prefect.yaml.

Each is a thin parent flow that picks the task runner from its parameters (local processes,
or the Dask cluster at `dask_address`) and runs the real flow under it as a subflow.
"""

from __future__ import annotations

from datetime import date

from prefect import flow

from flows.ingest import backfill, ingest
from flows.run_steps import RunSummary, validate_parameters
from flows.runners import choose_runner


@flow(name="wire-daily")
def wire_daily(source: str, lake: str, workers: int | None = None, dask_address: str | None = None,
               full_refresh: bool = False) -> RunSummary:
    """The scheduled run: the files that arrived (or changed) since the last successful run.

    "Since" is what the lake's ledger has not recorded: a failed run records nothing, so its
    files are taken by the next run."""
    validate_parameters(source, lake, workers, dask_address=dask_address)
    workers, runner = choose_runner(source, lake, workers, dask_address, full_refresh)
    return ingest.with_options(task_runner=runner)(source=source, lake=lake, workers=workers, full_refresh=full_refresh)


@flow(name="wire-backfill")
def wire_backfill(source: str, lake: str, start: date, end: date, workers: int | None = None,
                  dask_address: str | None = None, restart: bool = False) -> dict:
    """Rebuild the partitions of publication days start..end (restartable per day)."""
    validate_parameters(source, lake, workers, start=start, end=end, dask_address=dask_address)
    workers, runner = choose_runner(source, lake, workers, dask_address, full_refresh=True)
    return backfill.with_options(task_runner=runner)(source=source, lake=lake, start=start, end=end,
                                                     workers=workers, restart=restart)
