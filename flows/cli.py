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
from pathlib import Path

# Quiet, offline-friendly Prefect defaults; anything the user set wins. Set before prefect loads.
for _name, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}.items():
    os.environ.setdefault(_name, _value)


class CliError(Exception):
    """A reason the command cannot run, printed as one line."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except CliError as exc:
        print(f"wirelake: error: {exc}", file=sys.stderr)
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
        "run", help="process every raw file under SRC into the lake at LAKE",
        description="Process every raw file under SRC (read recursively, any file name; the "
                    "format is told from the content) into the lake at LAKE. Rejected files are "
                    "recorded in LAKE/rejects with their reason and do not stop the run. "
                    "Rerunning the same input leaves the same rows.",
    )
    run.add_argument("--source", required=True, metavar="SRC", help="folder (or fsspec URL) of raw wire files")
    run.add_argument("--lake", required=True, metavar="LAKE", help="folder of the Parquet lake (created if missing)")
    run.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                     help="parallel worker processes (default: all cores; runs of fewer than "
                          "500 files use one, as starting workers would cost more than it saves)")
    run.add_argument("--batch-size", type=_positive_int, default=None, metavar="N",
                     help="files per batch task (default: chosen from the number of files and workers)")
    run.add_argument("--json", action="store_true", help="print the summary as JSON instead of a table")
    run.add_argument("--quiet", action="store_true", help="no progress lines")
    run.set_defaults(handler=cmd_run)

    synth = commands.add_parser(
        "synth", help="generate N realistic raw wire files (deterministic per seed)",
        description="Write N synthetic raw wire files under DIR: realistic agency copy with the "
                    "variants real feeds have (slugs, writethrus, duplicates, legacy charsets, "
                    "undated and broken files). The same N and seed give the same bytes.",
    )
    synth.add_argument("--n", type=_positive_int, required=True, metavar="N", help="number of files")
    synth.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    synth.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default: %(default)s)")
    synth.set_defaults(handler=cmd_synth)
    return parser


def cmd_run(args: argparse.Namespace) -> int:
    from tasks.lake import LakeError
    from tasks.sources import SourceError, check_source

    try:
        check_source(args.source)
    except SourceError as exc:
        raise CliError(str(exc)) from None
    _check_writable(args.lake)

    from flows.ingest import run_flow

    if not args.quiet:
        print(f"wirelake run: {args.source} -> {args.lake} (starting Prefect...)", file=sys.stderr)
    started = time.perf_counter()
    try:
        summary = run_flow(args.source, args.lake, workers=args.workers, batch_size=args.batch_size,
                           show_progress=not args.quiet)
    except LakeError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # the run itself failed (disk full, a worker died ...): say so in one line
        raise CliError(f"run failed ({type(exc).__name__}: {exc}); every partition is either as it was "
                       "or fully updated, rerun to finish") from None
    summary["wall_s"] = round(time.perf_counter() - started, 3)
    print(json.dumps(summary, indent=2, default=str) if args.json else format_summary(summary))
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from tasks.synth import generate

    started = time.perf_counter()
    result = generate(args.n, args.out, seed=args.seed)
    elapsed = time.perf_counter() - started
    print(f"wrote {result['files']:,} files ({result['bytes'] / 1e6:,.1f} MB) to {args.out} in {elapsed:.1f} s")
    for key, value in result.items():
        if key not in ("files", "bytes"):
            print(f"  {key}: {value:,}" if isinstance(value, int) else f"  {key}: {value}")
    return 0


def format_summary(s: dict) -> str:
    wall = s.get("wall_s") or s["elapsed_s"]
    processing = s["processing_s"] or 1e-9
    lines = [
        f"wirelake run {s['run_id']}: {s['source']} -> {s['lake']}",
        f"  files     {s['files_seen']:,} seen = {s['files_parsed']:,} parsed + "
        f"{s['files_rejected']:,} rejected + {s['files_duplicate']:,} duplicate",
        f"  articles  {s['articles']:,} written ({s['articles_new']:,} new to the lake) "
        f"in {s['partitions']:,} pub_date partitions",
        f"  entities  {s['entities']:,}",
        f"  time      {wall:.1f} s: {s['processing_s']:.1f} s processing {s['batches']} batches on "
        f"{s['workers']} worker(s), {s['commit_s']:.1f} s commit, {wall - s['elapsed_s']:.1f} s Prefect start-up",
        f"  speed     {s['files_seen'] / processing:,.0f} files/s, {s['articles_parsed'] / processing:,.0f} articles/s, "
        f"{s['bytes_read'] / 1e6 / processing:,.2f} MB/s (over processing time)",
    ]
    if s["formats"]:
        lines.append("  formats   " + ", ".join(f"{k} {v:,}" for k, v in s["formats"].items()))
    if s["rejects_by_reason"]:
        lines.append("  rejects   " + ", ".join(f"{k} ({v:,})" for k, v in s["rejects_by_reason"].items()))
        lines.append(f"            details: {s['lake'].rstrip('/')}/rejects/")
    return "\n".join(lines)


def _check_writable(lake: str) -> None:
    path = Path(lake)
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".wirelake-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise CliError(f"lake {lake!r} is not writable: {exc.strerror or exc}") from None


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
