"""`wirelake`: the command line. Validates arguments, runs flows, prints summaries.

Exit status: 0 when the run completed (even with rejected files), 1 with a one-line reason
when it could not run, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import TYPE_CHECKING

from tasks.settings import PREFECT_DEFAULTS  # does not import Prefect

# Set before prefect loads; anything the user set wins.
for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)

from flows import api_server  # noqa: E402  (after the Prefect defaults above; it does not import Prefect)
from tasks.errors import WirelakeError  # noqa: E402
from tasks.redact import redact  # noqa: E402

if TYPE_CHECKING:
    from flows.run_steps import RunSummary


class CliError(WirelakeError):
    """A reason the command cannot run, printed as one line."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except CliError as exc:
        print(f"wirelake: error: {redact(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("wirelake: interrupted; staged batches are discarded, the lake is unchanged", file=sys.stderr)
        return 130


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


def _early_workers(args: argparse.Namespace):
    """The run's worker processes, started before anything else: they load the pipeline while
    Prefect loads (~2 s) and its temporary server starts (5-8 s); the flow then uses them."""
    from flows import compute

    return compute.worker_pool(0 if args.dask_address else args.workers or os.cpu_count() or 1)


def _run_reporting_failure(what: str, run):
    from tasks.lake import LakeError

    try:
        return run()
    except LakeError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # the run itself failed (disk full, a worker died ...): say so in one line
        raise CliError(f"{what} failed ({type(exc).__name__}: {exc}); every partition is either as it was "
                       "or fully updated, rerun to finish") from None


def cmd_run(args: argparse.Namespace) -> int:
    with _early_workers(args), api_server.started_early():
        _preflight(args)
        from flows import ingest

        if not args.quiet:
            print(f"wirelake run: {redact(args.source)} -> {redact(args.lake)} (starting Prefect...)", file=sys.stderr)
        summary = _run_reporting_failure("run", lambda: ingest.run_flow(
            args.source, args.lake, workers=args.workers, batch_size=args.batch_size, show_progress=not args.quiet,
            full_refresh=args.full_refresh, dask_address=args.dask_address))
        from flows.run_steps import format_summary, seconds_since_process_start

        summary.wall_s = round(seconds_since_process_start(), 3)  # the whole command: imports and start-up too
        print(json.dumps(summary.as_dict(), indent=2, default=str) if args.json else format_summary(summary))
        return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    with _early_workers(args), api_server.started_early():
        _preflight(args)
        from flows import ingest

        if not args.quiet:
            print(f"wirelake backfill {args.start} .. {args.end}: {redact(args.source)} -> {redact(args.lake)} (starting Prefect...)",
                  file=sys.stderr)
        result = _run_reporting_failure("backfill", lambda: ingest.run_backfill(
            args.source, args.lake, args.start, args.end, workers=args.workers, batch_size=args.batch_size,
            restart=args.restart, show_progress=not args.quiet, dask_address=args.dask_address))
        if args.json:
            print(json.dumps(result, indent=2, default=str))
        else:
            print(f"wirelake backfill {result['start']} .. {result['end']}: {result['days']} day(s): "
                  f"{result.get('days_done', 0)} rebuilt, {result.get('days_skipped', 0)} already done; "
                  f"{result.get('files', 0):,} files, {result.get('articles', 0):,} articles; "
                  f"{result['catch_up_files']:,} new files taken in first; {result['elapsed_s']:.1f} s")
        return 0


def cmd_status(args: argparse.Namespace) -> int:
    from tasks.report import format_status, lake_status

    try:
        status = lake_status(args.lake)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read lake {args.lake!r}: {exc}") from None
    print(json.dumps(status, indent=2, default=str) if args.json else format_status(status))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from tasks.report import write_report

    try:
        write_report(args.lake, args.out)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot write the report: {exc}") from None
    print(f"wrote {args.out}")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from tasks.synth import generate

    started = time.perf_counter()
    formats = {"formats": tuple(f.strip() for f in args.formats.split(","))} if args.formats else {}
    try:
        result = generate(args.n, args.out, seed=args.seed, **formats)
    except (KeyError, ValueError) as exc:
        raise CliError(f"synth: {exc}") from None
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
    except (OSError, ValueError, ImportError) as exc:
        raise CliError(f"lake {lake!r} is not writable: {getattr(exc, 'strerror', None) or exc}") from None


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
