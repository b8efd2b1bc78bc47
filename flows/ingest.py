"""The flows: incremental ingest and per-day backfill, both over the same batch task.

Prefect sees a few dozen batch tasks per run, never one task per file: its per-task cost
(milliseconds on the client, tens of milliseconds on the server) would dominate otherwise.
Locally the tasks run in threads of the flow process and hand their CPU work to a pool of
worker processes that never import Prefect (flows/compute.py); on a Dask cluster each task
runs in a Dask worker. The lake, not Prefect's database or cache, records what is done
(ledger, run reports).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections import Counter
from datetime import date, datetime, timezone

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from flows import compute
from flows.api_server import prefect_api
from flows.run_steps import (  # noqa: F401  (check_articles_conserved re-exported)
    _drop_file_detail, _record_failure, check_articles_conserved, commit_and_record, new_run_id, pick_batch_size,
    split_batches, summarise,
)
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.lake.ledger import files_for_days, files_to_read, read_ledger, select_new
from tasks.redact import redact
from tasks.sources import SourceFile, list_source

SMALL_RUN_FILES = 500  # below this one in-process worker beats a process pool
BATCH_TIMEOUT_S = float(os.environ.get("WIRELAKE_BATCH_TIMEOUT_S", 3600))


# The lake, not Prefect's cache, records what is done: no task result caching.
@task(name="list-source", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def list_files(source: str) -> list[SourceFile]:
    return list_source(source)


@task(name="process-batch", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def process_batch(source: str, files: list[SourceFile], lake: str, run_id: str, batch_no: int,
                  ingested_at: datetime) -> dict:
    return compute.run(run_batch, source, files, lake, run_id, batch_no, ingested_at, timeout=BATCH_TIMEOUT_S).to_dict()


@task(name="commit-lake", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def commit_lake(lake: str, run_id: str, summary: dict, replace: list[str] = (), only: list[str] | None = None) -> dict:
    return commit_and_record(lake, run_id, summary, replace, only)


@flow(name="wire-ingest", log_prints=False)
def ingest(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
           full_refresh: bool = False, show_progress: bool = False) -> dict:
    """Process the raw files under `source` that the lake's ledger has not seen (all of them
    with `full_refresh`) into the lake at `lake`; return the run summary."""
    validate_parameters(source, lake, workers, batch_size)
    clock = time.perf_counter()
    with compute.worker_pool(local_workers(workers)):  # workers warm up while the source is listed
        listed = list_files(source)
        files = listed if full_refresh else files_to_read(listed, lake)
        summary = _one_pass(source, lake, files, "full-refresh" if full_refresh else "run", workers, batch_size,
                            show_progress, files_listed=len(listed))
    elapsed_s = time.perf_counter() - clock  # listing included
    summary.update(elapsed_s=round(elapsed_s, 3), processing_s=round(elapsed_s - summary["commit_s"], 3),
                   workers=workers)
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
    with compute.worker_pool(local_workers(workers)):
        return _backfill(source, lake, start, end, workers, batch_size, restart, show_progress)


def _backfill(source, lake, start, end, workers, batch_size, restart, show_progress) -> dict:
    clock = time.perf_counter()
    listed = list_files(source)
    unseen = select_new(listed, read_ledger(lake))
    if unseen:  # their publication days are unknown until they are read once
        _one_pass(source, lake, unseen, "backfill-catch-up", workers, batch_size, show_progress)
    by_uri = {f.uri: f for f in listed}
    ledger = read_ledger(lake)
    state = BackfillState.load(lake, start, end, restart)
    days = [date.fromordinal(o).isoformat() for o in range(start.toordinal(), end.toordinal() + 1)]
    present = lake_writer.partition_values(lake)
    totals: Counter = Counter()
    failed: dict[str, str] = {}
    for day in days:
        if day in state.done:
            totals["days_skipped"] += 1
            continue
        uris = files_for_days(ledger, date.fromisoformat(day), date.fromisoformat(day))
        files = [by_uri[u] for u in sorted(uris) if u in by_uri]
        if not files and day not in present:  # nothing was there, nothing comes: done
            state.done.add(day)
            totals["days_empty"] += 1
            continue
        try:
            summary = _one_pass(source, lake, files, "backfill", workers, batch_size, show_progress,
                                replace=[day], only=[day])
        except Exception as exc:  # one day failing must not undo or block the others
            failed[day] = f"{type(exc).__name__}: {exc}"[:300]
            state.failed[day] = failed[day]
            state.save(lake)
            continue
        state.done.add(day)
        state.failed.pop(day, None)
        state.save(lake)
        totals["days_done"] += 1
        totals["files"] += summary["files_seen"]
        totals["articles"] += summary["articles"]
    state.save(lake)
    result = {"source": redact(source), "lake": redact(lake), "start": start.isoformat(), "end": end.isoformat(),
              "days": len(days), **totals, "days_failed": failed, "catch_up_files": len(unseen),
              "elapsed_s": round(time.perf_counter() - clock, 3)}
    if failed:
        raise RuntimeError(f"backfill: {len(failed)} day(s) failed ({', '.join(sorted(failed))}); "
                           "run the same backfill again to retry only those")
    return result


def _one_pass(source, lake, files, mode, workers, batch_size, show_progress, replace=(), only=None,
              files_listed: int | None = None) -> dict:
    """Process `files` as one run and commit it: the unit both flows are made of."""
    clock = time.perf_counter()
    started_at = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = new_run_id(started_at) + (f"-{only[0]}" if only else "")
    listed = len(files) if files_listed is None else files_listed
    context = dict(source=redact(source), lake=redact(lake), run_id=run_id, mode=mode, started_at=started_at,
                   files_listed=listed, files_skipped=listed - len(files))
    try:
        lake_writer.claim_staging(lake, run_id)
        batches = process_files(source, files, lake, run_id, started_at, workers, batch_size, show_progress, clock)
        committing = time.perf_counter()
        summary = summarise(batches, **context)
        summary.update(commit_lake(lake, run_id, quote(summary), replace=list(replace), only=list(only) if only else None))
    except BaseException as exc:
        _record_failure(lake, run_id, context, exc)
        raise
    summary["commit_s"] = round(time.perf_counter() - committing, 3)
    return _drop_file_detail(summary)


class BackfillState:
    """Days finished by attempts of one backfill range: LAKE/_state/backfill-<start>-<end>.json."""

    def __init__(self, path: str, done: set[str], failed: dict[str, str]):
        self.path, self.done, self.failed = path, done, failed

    @classmethod
    def load(cls, lake: str, start: date, end: date, restart: bool) -> "BackfillState":
        store = lake_writer.Lake.at(lake)
        path = store.path("_state", f"backfill-{start.isoformat()}-{end.isoformat()}.json")
        if restart or not store.fs.exists(path):
            return cls(path, set(), {})
        saved = json.loads(store.fs.cat_file(path))
        return cls(path, set(saved.get("done", [])), dict(saved.get("failed", {})))

    def save(self, lake: str) -> None:
        data = json.dumps({"done": sorted(self.done), "failed": self.failed}, indent=1).encode()
        lake_writer.write_bytes_atomically(lake_writer.Lake.at(lake), data, self.path)


def process_files(source: str, files: list[SourceFile], lake: str, run_id: str, started_at: datetime,
                  workers: int | None, batch_size: int | None, show_progress: bool, clock: float) -> list[dict]:
    """Submit the batches to the flow's task runner; collect their small summaries."""
    batches = split_batches(files, batch_size or pick_batch_size(len(files), workers or os.cpu_count() or 1))
    # Locally the worker pool enforces the batch timeout; Prefect's own can stop a task only
    # in a Dask worker (in a thread it merely warns), so it is set there alone.
    local = _runs_in_threads()
    task = process_batch if local else process_batch.with_options(timeout_seconds=BATCH_TIMEOUT_S)
    # quote(): Prefect would otherwise walk every file of a batch (and every outcome of a run,
    # for the commit) looking for futures in it: ~3 s of the flow's CPU per 10,000 files.
    # Not for Dask: its runner would hand the task the quote's tuple, not the list.
    futures = [task.submit(source, quote(batch) if local else batch, lake, run_id, number, started_at)
               for number, batch in enumerate(batches)]
    summaries, done_files, done_bytes = [], 0, 0
    for future in as_completed(futures):
        summary = future.result()
        summaries.append(summary)
        done_files += len(summary["files"])
        done_bytes += sum(f["n_bytes"] for f in summary["files"])
        if show_progress:
            _progress(len(summaries), len(batches), done_files, len(files), done_bytes, time.perf_counter() - clock)
    return summaries


def validate_parameters(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
                        start: date | None = None, end: date | None = None, dask_address: str | None = None) -> None:
    """Refuse a run that cannot work before it starts, with a message that says why."""
    problems = []
    if not source or not str(source).strip():
        problems.append("source is empty")
    if not lake or not str(lake).strip():
        problems.append("lake is empty")
    if workers is not None and workers < 1:
        problems.append(f"workers must be at least 1, got {workers}")
    if batch_size is not None and batch_size < 1:
        problems.append(f"batch_size must be at least 1, got {batch_size}")
    if start is not None and end is not None and start > end:
        problems.append(f"start {start} is after end {end}")
    if dask_address is not None and not str(dask_address).startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://")):
        problems.append(f"dask address {dask_address!r} should look like tcp://HOST:PORT")
    if problems:
        raise ValueError("invalid parameters: " + "; ".join(problems))


def _runs_in_threads() -> bool:
    context = FlowRunContext.get()
    return context is None or isinstance(context.task_runner, ThreadPoolTaskRunner)


def local_workers(workers: int | None) -> int:
    """Worker processes this flow should open: none when its tasks run on a Dask cluster."""
    return (workers or os.cpu_count() or 1) if _runs_in_threads() else 0


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


def run_flow(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
             show_progress: bool = False, full_refresh: bool = False, dask_address: str | None = None) -> dict:
    """Run `ingest` with local processes (a thread for small runs) or on a Dask cluster."""
    workers, runner = choose_runner(source, lake, workers, dask_address, full_refresh)
    with _local_pool(workers, dask_address), prefect_api():
        return ingest.with_options(task_runner=runner)(
            source=source, lake=lake, workers=workers, batch_size=batch_size, full_refresh=full_refresh,
            show_progress=show_progress,
        )


def _local_pool(workers: int, dask_address: str | None):
    """The flow's worker pool, opened before Prefect's server and flow start so that the
    workers load the pipeline meanwhile (the flow then uses this pool)."""
    return compute.worker_pool(0 if dask_address else workers)


def run_backfill(source: str, lake: str, start: date, end: date, workers: int | None = None,
                 batch_size: int | None = None, restart: bool = False, show_progress: bool = False,
                 dask_address: str | None = None) -> dict:
    workers, runner = choose_runner(source, lake, workers, dask_address, full_refresh=True)
    with _local_pool(workers, dask_address), prefect_api():
        return backfill.with_options(task_runner=runner)(
            source=source, lake=lake, start=start, end=end, workers=workers, batch_size=batch_size,
            restart=restart, show_progress=show_progress,
        )


def count_new_files(source: str, lake: str, full_refresh: bool = False) -> int:
    """How many files a run would read: a daily run of a few new files needs no process pool."""
    listed = list_source(source)
    return len(listed if full_refresh else files_to_read(listed, lake))


def default_workers(n_files: int) -> int:
    """All cores, unless the run is so small that starting worker processes (each loads the
    pipeline: seconds) would take longer than the work itself."""
    return 1 if n_files < SMALL_RUN_FILES else os.cpu_count() or 1


def publish_artifact(summary: dict) -> None:
    """The run report as a Prefect table artifact (the same counts as LAKE/_runs/)."""
    from tasks.lake.runs import report_rows

    with contextlib.suppress(Exception):  # no API (plain function call): the lake copy is enough
        from prefect.artifacts import create_table_artifact

        rows = [{k: r[k] for k in ("section", "key", "count")} for r in report_rows(summary)]
        create_table_artifact(table=rows, key="wire-run-report",
                              description=f"wirelake run {summary['run_id']} ({summary['mode']})")


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _progress(done: int, total: int, files_done: int, files_total: int, n_bytes: int, elapsed: float) -> None:
    rate = files_done / elapsed if elapsed else 0.0
    line = (f"  batch {done}/{total}  ·  {files_done:,}/{files_total:,} files  ·  "
            f"{n_bytes / 1e6:,.1f} MB  ·  {rate:,.0f} files/s")
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)
