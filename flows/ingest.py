"""The flows: incremental ingest and per-day backfill, both over the same batch task.

Prefect sees a few dozen batch tasks per run, never one task per file: its per-task cost
(milliseconds on the client, tens of milliseconds on the server) would dominate otherwise.
Locally the tasks run in threads of the flow process and hand their CPU work to a pool of
worker processes that never import Prefect (flows/compute.py); on a Dask cluster each task
runs in a Dask worker. The lake, not Prefect's database or cache, records what is done
(ledger, run reports).

The steps themselves need no Prefect: flows/run_steps.py (batching, counting, committing)
and flows/backfill.py (the per-day loop); runner choice is in flows/runners.py.
"""

from __future__ import annotations

import contextlib
import os
import time
from datetime import date, datetime, timezone

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from flows import compute
from flows.api_server import prefect_api
from flows.backfill import backfill_days
from flows.progress import print_progress
from flows.run_steps import (
    CommitCounts, RunSummary, commit_and_record, new_run_id, pick_batch_size, record_failure, split_batches,
    summarise, validate_parameters,
)
from flows.runners import choose_runner, files_to_read, local_workers, runs_in_threads
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.lake.outcomes import StagedOutcomes, stage_outcomes
from tasks.errors import TerminalError
from tasks.redact import redact
from tasks.settings import SETTINGS
from tasks.records import SourceFile
from tasks.sources import list_source


def retry_unless_terminal(task, task_run, state) -> bool:
    """Prefect's `retry_condition_fn`: a TerminalError would only fail the same way again."""
    return not isinstance(state.result(raise_on_failure=False), TerminalError)


# Every task: two retries with backoff, none after a TerminalError; no result caching (the
# lake, not Prefect's cache, records what is done).
RETRY_POLICY = dict(retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2),
               retry_condition_fn=retry_unless_terminal, cache_policy=NO_CACHE)


@task(name="list-source", **RETRY_POLICY)
def list_files(source: str) -> list[SourceFile]:
    return list_source(source)


@task(name="process-batch", **RETRY_POLICY)
def process_batch(source: str, files: list[SourceFile], lake: str, run_id: str, batch_no: int,
                  ingested_at: datetime) -> dict:
    return compute.run(run_batch, source, files, lake, run_id, batch_no, ingested_at,
                       timeout=SETTINGS.batch_timeout_s).to_dict()


@task(name="commit-lake", **RETRY_POLICY)
def commit_lake(lake: str, run_id: str, summary: RunSummary, replace: list[str] = (),
                only: list[str] | None = None) -> CommitCounts:
    return commit_and_record(lake, run_id, summary, replace, only)


@flow(name="wire-ingest", log_prints=False)
def ingest(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
           full_refresh: bool = False, show_progress: bool = False, reread_days: list[str] | None = None) -> RunSummary:
    """Process the raw files under `source` that the lake's ledger has not seen (all of them
    with `full_refresh`) into the lake at `lake`; return the run summary. `reread_days`: also
    the files of these pub_date days (a repair)."""
    validate_parameters(source, lake, workers, batch_size)
    clock = time.perf_counter()
    # One run at a time from listing to commit: a run and a backfill cannot drop each other's
    # stories. Re-entrant: the CLI took it already, before Prefect started.
    with lake_writer.lake_lock(lake), compute.worker_pool(local_workers(workers)):
        listed = list_files(source)
        files = listed if full_refresh else files_to_read(listed, lake, reread_days or ())
        summary = _one_pass(source, lake, files, "full-refresh" if full_refresh else "run", workers, batch_size,
                            show_progress, files_listed=len(listed), last_pass=True)
    elapsed_s = time.perf_counter() - clock  # listing included
    summary.elapsed_s = round(elapsed_s, 3)
    summary.processing_s = round(elapsed_s - summary.commit_s, 3)
    summary.workers = workers
    publish_artifact(summary)
    return summary


@flow(name="wire-backfill", log_prints=False)
def backfill(source: str, lake: str, start: date, end: date, workers: int | None = None,
             batch_size: int | None = None, restart: bool = False, show_progress: bool = False) -> dict:
    """Rebuild the pub_date partitions from `start` to `end` (inclusive) from the raw files.

    Files are chosen by the days their stories were published on (from the ledger; files it
    has not seen are taken in first, so their days are known). Each day is a unit: its files
    are processed again and its partitions replaced. Days already done by an earlier attempt
    of the same backfill are skipped, so a failed backfill is retried by running it again.
    """
    start, end = _as_date(start), _as_date(end)
    validate_parameters(source, lake, workers, batch_size, start, end)
    with lake_writer.lake_lock(lake), compute.worker_pool(local_workers(workers)):  # see ingest()
        clock = time.perf_counter()

        def run_pass(files, mode, replace=(), only=None) -> RunSummary:
            return _one_pass(source, lake, files, mode, workers, batch_size, show_progress, replace, only)

        result = backfill_days(source, lake, start, end, list_files(source), restart, run_pass)
        result["elapsed_s"] = round(time.perf_counter() - clock, 3)
        return result


def _one_pass(source, lake, files, mode, workers, batch_size, show_progress, replace=(), only=None,
              files_listed: int | None = None, last_pass: bool = False) -> RunSummary:
    """Process `files` as one run and commit it: the unit both flows are made of. The
    `last_pass` of a flow stops the workers before its commit (their memory is not needed)."""
    clock = time.perf_counter()
    started_at = datetime.now(timezone.utc)  # not cut to the second: status's run time = processing + commit
    run_id = new_run_id(started_at) + (f"-{only[0]}" if only else "")
    listed = len(files) if files_listed is None else files_listed
    context = dict(source=redact(source), lake=redact(lake), run_id=run_id, mode=mode, started_at=started_at,
                   files_listed=listed, files_skipped=listed - len(files))
    try:
        lake_writer.claim_staging(lake, run_id)
        claimed_staging.add((lake, run_id))
        batches = process_files(source, files, lake, run_id, started_at, workers, batch_size, show_progress, clock)
        if last_pass:
            compute.stop_workers()
        committing = time.perf_counter()
        summary = summarise(batches, outcomes=StagedOutcomes(lake, run_id), **context)
        summary = summary.with_commit(
            commit_lake(lake, run_id, quote(summary), replace=list(replace), only=list(only) if only else None))
    except BaseException as exc:
        record_failure(lake, run_id, context, exc)  # still listed in claimed_staging: see there
        raise
    claimed_staging.discard((lake, run_id))
    summary.commit_s = round(time.perf_counter() - committing, 3)
    committed[:] = [summary.without_file_detail()]
    return committed[0]


# (lake, run_id) of the staging folders of this process's passes that did not commit: a batch
# running in a thread of this process may still stage files after its pass failed, so an
# interrupted CLI drops them again as it exits (flows/cli.py).
claimed_staging: set[tuple[str, str]] = set()
# The last pass committed in this process: the lake, not Prefect's API, says whether a run
# happened (run_flow).
committed: list[RunSummary] = []


def process_files(source: str, files: list[SourceFile], lake: str, run_id: str, started_at: datetime,
                  workers: int | None, batch_size: int | None, show_progress: bool, clock: float) -> list[dict]:
    """Submit the batches to the flow's task runner; collect their counts. Each batch's
    per-file outcomes go to the run's staging as it comes back (StagedOutcomes reads them),
    so the flow holds counts, not one outcome per file."""
    batches = split_batches(files, batch_size or pick_batch_size(len(files), workers or os.cpu_count() or 1))
    # Locally the worker pool enforces the batch timeout; Prefect's own can stop a task only
    # in a Dask worker (in a thread it merely warns), so it is set there alone.
    local = runs_in_threads()
    task = process_batch if local else process_batch.with_options(timeout_seconds=SETTINGS.batch_timeout_s)
    # quote(): Prefect would otherwise walk every file of a batch (and every outcome of a run,
    # for the commit) looking for futures in it: ~3 s of the flow's CPU per 10,000 files.
    # Not for Dask: its runner would hand the task the quote's tuple, not the list.
    futures = [task.submit(source, quote(batch) if local else batch, lake, run_id, number, started_at)
               for number, batch in enumerate(batches)]
    summaries, done_files, done_bytes = [], 0, 0
    for future in as_completed(futures):
        summary = future.result()
        outcomes = summary.pop("files")  # out of the future's result too, which lives until the end
        stage_outcomes(lake, run_id, summary["batch_no"], outcomes)
        summaries.append(summary)
        done_files += len(outcomes)
        done_bytes += sum(f["n_bytes"] for f in outcomes)
        if show_progress:
            print_progress(len(summaries), len(batches), done_files, len(files), done_bytes,
                           time.perf_counter() - clock)
    return summaries


def run_flow(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
             show_progress: bool = False, full_refresh: bool = False, dask_address: str | None = None,
             reread_days: list[str] | None = None) -> RunSummary:
    """Run `ingest` with local processes (a thread for small runs) or on a Dask cluster."""
    workers, runner = choose_runner(source, lake, workers, dask_address, full_refresh)
    before = committed[-1] if committed else None
    with _local_pool(workers, dask_address), prefect_api():
        try:
            return ingest.with_options(task_runner=runner)(
                source=source, lake=lake, workers=workers, batch_size=batch_size, full_refresh=full_refresh,
                show_progress=show_progress, reread_days=sorted(reread_days) if reread_days else None,
            )
        except Exception as exc:
            if not committed or committed[-1] is before:
                raise
            # Committed, then Prefect failed (its server died ...): the lake has the run.
            summary = committed[-1]
            summary.workers = workers
            summary.prefect_error = redact(f"{type(exc).__name__}: {exc}")[:300]
            return summary


def run_backfill(source: str, lake: str, start: date, end: date, workers: int | None = None,
                 batch_size: int | None = None, restart: bool = False, show_progress: bool = False,
                 dask_address: str | None = None) -> dict:
    workers, runner = choose_runner(source, lake, workers, dask_address, full_refresh=True)
    with _local_pool(workers, dask_address), prefect_api():
        return backfill.with_options(task_runner=runner)(
            source=source, lake=lake, start=start, end=end, workers=workers, batch_size=batch_size,
            restart=restart, show_progress=show_progress,
        )


def _local_pool(workers: int, dask_address: str | None):
    """The flow's worker pool, opened before Prefect's server and flow start so that the
    workers load the pipeline meanwhile (the flow then uses this pool)."""
    return compute.worker_pool(0 if dask_address else workers)


def publish_artifact(summary: RunSummary) -> None:
    """The run report as a Prefect table artifact (the same counts as LAKE/_runs/)."""
    from tasks.lake.runs import report_rows

    with contextlib.suppress(Exception):  # no API (plain function call): the lake copy is enough
        from prefect.artifacts import create_table_artifact

        rows = [{k: r[k] for k in ("section", "key", "count")} for r in report_rows(summary.as_dict())]
        create_table_artifact(table=rows, key="wire-run-report",
                              description=f"wirelake run {summary.run_id} ({summary.mode})")


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
