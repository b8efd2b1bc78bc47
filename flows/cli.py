"""`wirelake`: the command line. Validates arguments, runs flows, prints summaries.

Exit status: 0 when the run completed (even with rejected files), 1 with a one-line reason
when it could not run, 2 for a usage error, 130 / 143 when SIGINT / SIGTERM ended it. Any
traceback (ours or Prefect's) goes to a log file the one line names, never to the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
from datetime import datetime
from typing import TYPE_CHECKING

from tasks.settings import PREFECT_DEFAULTS  # does not import Prefect

# Set before prefect loads; anything the user set wins.
for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)

from flows import api_server  # noqa: E402  (after the Prefect defaults above; it does not import Prefect)
from tasks.errors import WirelakeError  # noqa: E402
from tasks.redact import redact, remember_secrets  # noqa: E402

if TYPE_CHECKING:
    from flows.run_steps import RunSummary


class CliError(WirelakeError):
    """A reason the command cannot run, printed as one line."""


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM: a KeyboardInterrupt, so every `finally` (lock, staging, workers,
    server) and Prefect's own crash handling run as they do for Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


GRACE_S = 8  # after a signal, the run has this long to unwind before it is cut short (the promise is 10 s)
LOG_DIR = os.path.join(tempfile.gettempdir(), "wirelake-logs")
_log_path: str | None = None  # this command's log file (created at its first line)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    remember_secrets(sys.argv[1:] if argv is None else argv)
    global _log_path
    _log_path = os.path.join(LOG_DIR, f"wirelake-{datetime.now():%Y%m%dT%H%M%S}-{os.getpid()}.log")
    handlers = _catch_signals()
    # Logging's own errors (Prefect sending logs to a server already stopped) are not the
    # user's business: no "--- Error logging to API ---" on the terminal.
    logging.raiseExceptions = False
    try:
        with _prefect_logs_to_file():
            return args.handler(args)
    except CliError as exc:
        _fail_line(str(exc), details=True)  # names the log file when anything was logged to it
        return 1
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        if argv is None:  # the command itself: batch threads still running must not delay the exit
            _exit_now(signum)
        _clean_up()
        print(f"wirelake: interrupted by {signal.Signals(signum).name}: {_INTERRUPTED}", file=sys.stderr)
        return 128 + signum
    except Exception as exc:  # anything else a user can cause (a store, a scheduler ...): one line
        _log_traceback(exc)
        _fail_line(f"{type(exc).__name__}: {exc}", details=True)
        return 1
    finally:
        api_server.stop_every_server()  # whatever path ended the command, no server outlives it
        _restore_signals(handlers)


_INTERRUPTED = ("nothing half-written (every partition is as it was or fully updated), lock released, "
                "staged batches discarded; run again to finish")


def _fail_line(message: str, details: bool = False) -> None:
    line = " ".join(redact(message).split())[:600]  # one line, whatever the message held
    if details and _log_path and os.path.exists(_log_path):
        line += f" (details: {_log_path})"
    print(f"wirelake: error: {line}", file=sys.stderr)


def _log_traceback(exc: BaseException) -> None:
    with contextlib.suppress(OSError):
        os.makedirs(LOG_DIR, exist_ok=True)
        with open(_log_path, "a") as log:
            log.write(redact("".join(traceback.format_exception(exc))))


# --- signals ----------------------------------------------------------------------------


def _catch_signals() -> dict:
    """SIGINT and SIGTERM raise Interrupted in the main thread; a second one, or a run that has
    not unwound after GRACE_S, ends the process at once after the last-resort clean-up."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: signal.signal(signum, _on_signal) for signum in (signal.SIGINT, signal.SIGTERM)}


def _restore_signals(handlers: dict) -> None:
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


_first_signal: list[int] = []


def _on_signal(signum: int, frame) -> None:
    if _first_signal:  # asked twice: stop now
        _exit_now(signum)
    _first_signal.append(signum)
    threading.Thread(target=_exit_after_grace, args=(signum,), daemon=True).start()
    raise Interrupted(signum)


def _exit_after_grace(signum: int) -> None:
    time.sleep(GRACE_S)
    _exit_now(signum)


def _exit_now(signum: int) -> None:
    """End the process now, after the clean-up (a batch thread cannot be stopped otherwise).
    Partitions are swapped atomically, so cutting a commit short leaves each one old or new."""
    _clean_up()
    with contextlib.suppress(Exception):
        print(f"wirelake: interrupted by {signal.Signals(signum).name}: {_INTERRUPTED}", file=sys.stderr, flush=True)
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    os._exit(128 + signum)


def _clean_up() -> None:
    """What an interrupted run must not leave: its staging, its lock, its server, its workers."""
    with contextlib.suppress(Exception):
        from tasks.lake import drop_staging

        ingest = sys.modules.get("flows.ingest")
        for lake, run_id in list(getattr(ingest, "claimed_staging", ())):
            drop_staging(lake, run_id)
    with contextlib.suppress(Exception):
        from tasks.lake.lock import release_held_locks

        release_held_locks()
    for server in list(api_server.running):
        with contextlib.suppress(Exception):
            server.kill()
    for child in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            child.kill()


# --- logs -------------------------------------------------------------------------------


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


@contextlib.contextmanager
def _prefect_logs_to_file():
    """Prefect's console logs (tracebacks of failed tasks, crash reports) go to this command's
    log file instead of the terminal, masked; the one-line error names the file."""
    handler = logging.FileHandler(_log_path, delay=True)
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    moved: list[tuple[logging.Logger, logging.Handler]] = []

    def redirect() -> None:
        os.makedirs(LOG_DIR, exist_ok=True)
        for name in ["", *logging.Logger.manager.loggerDict]:
            logger = logging.getLogger(name)
            if name and not name.startswith(("prefect", "distributed", "uvicorn", "httpx")):
                continue
            for old in list(logger.handlers):
                if isinstance(old, logging.StreamHandler) and not isinstance(old, logging.FileHandler):
                    logger.removeHandler(old)
                    logger.addHandler(handler)
                    moved.append((logger, old))

    _on_prefect_import.append(redirect)
    try:
        yield
    finally:
        _on_prefect_import.remove(redirect)
        for logger, old in moved:
            logger.removeHandler(handler)
            logger.addHandler(old)
        handler.close()


_on_prefect_import: list = []  # called once Prefect is loaded (it configures its logging on import)


def _prefect_loaded() -> None:
    for redirect in list(_on_prefect_import):
        redirect()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirelake",
        description="Turn raw news-wire files into a hive-partitioned Parquet lake "
                    "(articles, entities, rejects), orchestrated by Prefect.",
        epilog="Run `wirelake COMMAND --help` for the options of each command.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run", help="process the new raw files under SRC into the lake at LAKE",
        description="Process the raw files under SRC (read recursively, any file name; the "
                    "format is told from the content) that the lake's ledger has not taken in yet "
                    "into the lake at LAKE. Rejected files are recorded in LAKE/rejects with their "
                    "reason and do not stop the run. Rerunning the same input leaves the same rows.",
    )
    run.add_argument("--source", required=True, metavar="SRC", help="folder (or fsspec URL) of raw wire files")
    run.add_argument("--lake", required=True, metavar="LAKE",
                     help="folder or fsspec URL (s3://...) of the Parquet lake (created if missing)")
    run.add_argument("--full-refresh", action="store_true",
                     help="process every file again (default: only files the lake's ledger has not seen, "
                          "or has seen with another size / modification time / ETag)")
    run.add_argument("--repair", action="store_true",
                     help="first repair the lake (as `wirelake repair`), then read the files of the days it "
                          "found damaged again with the new ones")
    _add_scale_options(run)
    run.set_defaults(handler=cmd_run)

    backfill = commands.add_parser(
        "backfill", help="rebuild the partitions of a range of publication days",
        description="Reprocess the raw files whose stories were published from START to END "
                    "(inclusive; known from the lake's ledger, unseen files are read first) and "
                    "replace those days' partitions. Each day is a unit: if one fails, run the same "
                    "command again and only the unfinished days are redone.",
    )
    backfill.add_argument("--source", required=True, metavar="SRC", help="folder (or fsspec URL) of raw wire files")
    backfill.add_argument("--lake", required=True, metavar="LAKE", help="folder or fsspec URL of the lake")
    backfill.add_argument("--start", required=True, type=_iso_date, metavar="YYYY-MM-DD", help="first publication day")
    backfill.add_argument("--end", required=True, type=_iso_date, metavar="YYYY-MM-DD", help="last publication day")
    backfill.add_argument("--restart", action="store_true",
                          help="forget days finished by an earlier attempt of this range and redo all")
    _add_scale_options(backfill)
    backfill.set_defaults(handler=cmd_backfill)

    repair = commands.add_parser(
        "repair", help="name what in the lake cannot be read, and rebuild what can be rebuilt",
        description="Check every partition, day summary, index and the ledger of the lake at LAKE; name "
                    "each unreadable or foreign file in one line; move unreadable files aside to "
                    "LAKE/_quarantine/ and rebuild the entity summaries and index. With --source, the "
                    "raw files of the damaged days are read again (a run); without it the command "
                    "says which run to start.",
    )
    repair.add_argument("--lake", required=True, metavar="LAKE", help="folder or fsspec URL of the lake")
    repair.add_argument("--source", default=None, metavar="SRC",
                        help="the raw files, to rebuild damaged days now (else: name the run to start)")
    _add_scale_options(repair)
    repair.set_defaults(handler=cmd_repair, full_refresh=False)

    status = commands.add_parser("status", help="what the lake holds: partitions, rows, last runs, ledger",
                                 description="Summarise the lake at LAKE without reading its data "
                                             "(Parquet metadata only): datasets, partitions, rows, "
                                             "size, the last runs and the ledger.")
    status.add_argument("--lake", required=True, metavar="LAKE", help="folder or fsspec URL of the lake")
    status.add_argument("--json", action="store_true", help="print JSON instead of a table")
    status.set_defaults(handler=cmd_status)

    report = commands.add_parser("report", help="write a self-contained HTML report of the lake",
                                 description="Write one HTML page (no external files, opens offline) "
                                             "with article volume per day, week or month and agency, top entities "
                                             "over time, rejects by reason and recent runs.")
    report.add_argument("--lake", required=True, metavar="LAKE", help="folder or fsspec URL of the lake")
    report.add_argument("--out", required=True, metavar="FILE", help="where to write the page (report.html)")
    report.set_defaults(handler=cmd_report)

    synth = commands.add_parser(
        "synth", help="generate N realistic raw wire deliveries in every format (deterministic per seed)",
        description="Write N synthetic wire deliveries under DIR, in every format wirelake reads "
                    "(page text, HTML, NITF, NewsML-G2/1.2, ninjs, ANPA-1312, IPTC 7901, WARC, feeds, "
                    "gzip/zip/tar bundles): realistic agency copy with the variants real feeds have "
                    "(slugs, writethrus, duplicates across formats, legacy charsets, undated and broken "
                    "files). Multi-story formats hold several deliveries per file. The same N and seed "
                    "give the same bytes.",
    )
    synth.add_argument("--n", type=_positive_int, required=True, metavar="N",
                       help="number of deliveries (stories, duplicates and bad files)")
    synth.add_argument("--formats", default=None, metavar="F,F",
                       help="only these formats, comma-separated (default: all)")
    synth.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    synth.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default: %(default)s)")
    synth.set_defaults(handler=cmd_synth)
    return parser


def _add_scale_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                         help="parallel worker processes (default: all cores; runs of fewer than "
                              "500 files use one, as starting workers would cost more than it saves)")
    command.add_argument("--batch-size", type=_positive_int, default=None, metavar="N",
                         help="files per batch task (default: chosen from the number of files and workers)")
    command.add_argument("--dask-address", default=None, metavar="tcp://HOST:PORT",
                         help="run the batches on this existing Dask cluster instead of local processes")
    command.add_argument("--json", action="store_true", help="print the summary as JSON instead of a table")
    command.add_argument("--quiet", action="store_true", help="no progress lines")


def _preflight(args: argparse.Namespace) -> None:
    """Check everything that can be checked before Prefect starts (seconds saved per mistake)."""
    from flows.run_steps import validate_parameters
    from tasks.sources import SourceError, check_source

    try:
        validate_parameters(args.source, args.lake, args.workers, args.batch_size,
                            getattr(args, "start", None), getattr(args, "end", None), args.dask_address)
        check_source(args.source)
    except (ValueError, SourceError) as exc:
        raise CliError(str(exc)) from None
    _check_writable(args.lake)
    if args.dask_address:
        _check_reachable(args.dask_address)


@contextlib.contextmanager
def _lake_locked(lake: str):
    """The lake lock for the whole command, taken before Prefect starts: a held lock is found
    at once (then waited for WIRELAKE_LOCK_TIMEOUT_S, once); the flows and the commit re-enter it."""
    from tasks.lake import LakeError, lake_lock

    try:
        with lake_lock(lake):
            yield
    except LakeError as exc:
        raise CliError(str(exc)) from None


def _plan_workers(args: argparse.Namespace, reread_days=()) -> int:
    """Worker processes for this run: counted from the files it will read (runners.plan_workers)."""
    from flows.runners import count_new_files, plan_workers

    if args.dask_address:
        return args.workers or 0
    full = getattr(args, "full_refresh", False) or hasattr(args, "start")  # a backfill reads its days' files again
    n_files = count_new_files(args.source, args.lake, full, reread_days)
    workers, warning = plan_workers(n_files, args.workers, args.batch_size)
    if warning and not args.quiet:
        print(f"wirelake: note: {warning}", file=sys.stderr)
    return workers


def _early_workers(args: argparse.Namespace, workers: int):
    """The run's worker processes, started before Prefect loads: they load the pipeline while
    Prefect loads (~2 s) and its temporary server starts (5-8 s); the flow then uses them."""
    from flows import compute

    return compute.worker_pool(0 if args.dask_address else workers)


def _run_reporting_failure(what: str, lake: str, run):
    from tasks.lake import LakeError

    try:
        return run()
    except LakeError as exc:
        raise CliError(str(exc)) from None
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # the run itself failed (disk full, a worker died ...): say so in one line
        _log_traceback(exc)
        damaged = _damage_lines(lake)
        if damaged:
            raise CliError(f"{what} failed ({type(exc).__name__}): the lake has {len(damaged)} unreadable file(s), "
                           f"first {damaged[0]}; `wirelake repair --lake {lake}` moves them aside and rebuilds") from None
        raise CliError(f"{what} failed ({type(exc).__name__}: {exc}); every partition is either as it was "
                       "or fully updated, rerun to finish") from None


def _damage_lines(lake: str) -> list[str]:
    from tasks.lake.repair import scan

    try:
        return scan(lake).problems
    except Exception:  # noqa: BLE001  (naming damage is a courtesy on a path that already failed)
        return []


def cmd_run(args: argparse.Namespace) -> int:
    with api_server.started_early():  # the server starts while everything below happens
        _preflight(args)
        with _lake_locked(args.lake):
            reread = _repair(args.lake) if args.repair else set()
            workers = _run_reporting_failure("run", args.lake, lambda: _plan_workers(args, reread))
            with _early_workers(args, workers):
                from flows import ingest

                _prefect_loaded()
                if not args.quiet:
                    print(f"wirelake run: {redact(args.source)} -> {redact(args.lake)} (starting Prefect...)", file=sys.stderr)
                summary = _run_reporting_failure("run", args.lake, lambda: ingest.run_flow(
                    args.source, args.lake, workers=workers, batch_size=args.batch_size, show_progress=not args.quiet,
                    full_refresh=args.full_refresh, dask_address=args.dask_address, reread_days=sorted(reread)))
    from flows.run_steps import format_summary, seconds_since_process_start

    summary.wall_s = round(seconds_since_process_start(), 3)  # the whole command: imports and start-up too
    if getattr(summary, "prefect_error", None):
        print(f"wirelake: note: the run committed; Prefect failed after it ({summary.prefect_error})", file=sys.stderr)
    print(json.dumps(summary.as_dict(), indent=2, default=str) if args.json else format_summary(summary))
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    with api_server.started_early():
        _preflight(args)
        with _lake_locked(args.lake):
            workers = _run_reporting_failure("backfill", args.lake, lambda: _plan_workers(args))
            with _early_workers(args, workers):
                from flows import ingest

                _prefect_loaded()
                if not args.quiet:
                    print(f"wirelake backfill {args.start} .. {args.end}: {redact(args.source)} -> {redact(args.lake)} "
                          "(starting Prefect...)", file=sys.stderr)
                result = _run_reporting_failure("backfill", args.lake, lambda: ingest.run_backfill(
                    args.source, args.lake, args.start, args.end, workers=workers, batch_size=args.batch_size,
                    restart=args.restart, show_progress=not args.quiet, dask_address=args.dask_address))
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    else:
        print(f"wirelake backfill {result['start']} .. {result['end']}: {result['days']} day(s): "
              f"{result.get('days_done', 0)} rebuilt, {result.get('days_skipped', 0)} already done; "
              f"{result.get('files', 0):,} files, {result.get('articles', 0):,} articles; "
              f"{result['catch_up_files']:,} new files taken in first; {result['elapsed_s']:.1f} s")
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    _check_is_lake(args.lake)
    if args.source is None:
        _check_writable(args.lake)
        with _lake_locked(args.lake):
            days = _repair(args.lake)
        if days:
            print(f"{len(days)} day(s) need their raw files read again: "
                  f"wirelake run --repair --source SRC --lake {redact(args.lake)}")
        return 0
    args.repair = True
    return cmd_run(args)


def _repair(lake: str) -> set[str]:
    """Repair the lake (under its lock); print what was found and done; the days to re-read."""
    from tasks.lake.repair import repair

    damage = repair(lake)
    for line in damage.problems:
        print(f"wirelake repair: found {redact(line)}", file=sys.stderr)
    for line in damage.repaired:
        print(f"wirelake repair: {redact(line)}", file=sys.stderr)
    if not damage.problems:
        print("wirelake repair: every file of the lake reads", file=sys.stderr)
    return damage.days_to_reread


def cmd_status(args: argparse.Namespace) -> int:
    from tasks.report import format_status, lake_status

    _check_is_lake(args.lake)
    try:
        status = lake_status(args.lake)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read lake {args.lake!r}: {exc}") from None
    print(json.dumps(status, indent=2, default=str) if args.json else format_status(status))
    if any("error" in s for s in (status.get("datasets") or {}).values()):
        for line in _damage_lines(args.lake):  # name each file it could not read
            print(f"wirelake status: {redact(line)}", file=sys.stderr)
        print(f"wirelake status: `wirelake repair --lake {redact(args.lake)}` rebuilds what can be rebuilt",
              file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from tasks.report import write_report

    _check_is_lake(args.lake)
    try:
        write_report(args.lake, args.out)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot write the report: {exc}") from None
    print(f"wrote {args.out}")
    return 0


def _check_is_lake(lake: str) -> None:
    from tasks.report.status import NotALake, check_is_lake

    try:
        check_is_lake(lake)
    except NotALake as exc:
        raise CliError(str(exc)) from None


def cmd_synth(args: argparse.Namespace) -> int:
    from tasks.synth import generate

    started = time.perf_counter()
    formats = {"formats": tuple(f.strip() for f in args.formats.split(","))} if args.formats else {}
    try:
        result = generate(args.n, args.out, seed=args.seed, **formats)
    except (KeyError, ValueError) as exc:
        raise CliError(f"synth: {exc}") from None
    except OSError as exc:
        raise CliError(f"synth: cannot write to {args.out!r}: {exc.strerror or exc}") from None
    elapsed = time.perf_counter() - started
    print(f"wrote {result['files']:,} files ({result['bytes'] / 1e6:,.1f} MB) to {args.out} in {elapsed:.1f} s")
    for key, value in result.items():
        if key not in ("files", "bytes"):
            print(f"  {key}: {value:,}" if isinstance(value, int) else f"  {key}: {value}")
    return 0


def _check_writable(lake: str) -> None:
    from tasks.lake import Lake

    try:
        store = Lake.at(lake)
        store.fs.makedirs(store.root, exist_ok=True)
        probe = store.path(f".wirelake-write-test-{os.getpid()}")
        store.fs.pipe_file(probe, b"")
        store.fs.rm(probe)
    except Exception as exc:  # noqa: BLE001  (any store's way of saying no: missing credentials, endpoint down ...)
        _log_traceback(exc)
        raise CliError(f"lake {redact(lake)!r} is not writable ({type(exc).__name__}: "
                       f"{getattr(exc, 'strerror', None) or exc})") from None


def _check_reachable(address: str, timeout_s: float = 5.0) -> None:
    """A Dask scheduler that does not answer is named now, not after Prefect's start-up."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address)
    if parts.scheme not in ("tcp", "tls") or not parts.hostname:
        return
    try:
        with socket.create_connection((parts.hostname, parts.port or 8786), timeout=timeout_s):
            pass
    except OSError as exc:
        raise CliError(f"dask scheduler {redact(address)} does not answer: {exc.strerror or exc}") from None


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


if __name__ == "__main__":
    sys.exit(main())
