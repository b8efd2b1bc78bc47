"""Throughput: wirelake's full pipeline against the reference assembly, on one generated corpus.

    .venv/bin/python bench/bench_throughput.py                    # N = 10,000 and 100,000
    .venv/bin/python bench/bench_throughput.py --n 1000 10000 --systems wirelake plain

For each N and date spread it generates one mixed-format corpus (`wirelake synth`, seed 1;
not timed): `--days all` (the default) keeps the generator's own spread, stories over about
seven years as a real archive's backfill; `--days 30` spreads them over 30 days; `--days all 30`
measures both) and runs each system on it in a fresh process with the same number of
worker processes:

  wirelake   `wirelake run` as users run it ad hoc: the Prefect flow, its temporary API
             server, batch tasks feeding a pool of worker processes, staging and the atomic
             commit, ledger, run report (Prefect's database is created before timing, as it
             is after a user's first run)
  served     the same, with a Prefect server already running (as deployments run)
  plain      the same batches and commit without Prefect, which it never imports: a
             concurrent.futures process pool (spawn, as the flow's pool)
  reference  bench/reference.py: trafilatura, lxml, spaCy's small English model,
             pandas.to_parquet, a multiprocessing pool

Prefect's overhead = served - plain: importing Prefect, flow start, task submission, state
tracking, and the server's work for the run. It is the median over rounds of the paired
difference (each round runs every system once, back to back, so a slow spell of the machine
hits both sides of a pair). When `served` is measured, one Prefect server is started before
any timing and stays up for every system, as it would on a team's machine: its idle load
(~0.04 of a core here) falls on every system alike. The server's CPU seconds during each
served run are reported as well, and Prefect's import time on its own.

Times are wall clock from process start to exit (imports, model loads, server start and
output writing included). Memory is the peak, over the run, of the summed resident set of
the process and all its children (sampled every 0.2 s; shared pages counted in each process,
so it errs high). Not a test: the figures depend on the machine; README records them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
FIRST_DAY = date(2024, 1, 1)
SYSTEMS = ("wirelake", "served", "plain", "reference")


# --- the systems, each run in its own child process ----------------------------------------


def run_wirelake(source: str, out: str, workers: int) -> dict:
    """`wirelake run --source SOURCE --lake OUT --workers N --json --quiet`, in this process."""
    from flows.cli import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = main(["run", "--source", source, "--lake", out, "--workers", str(workers), "--json", "--quiet"])
    if status != 0:
        raise RuntimeError(f"wirelake run exited with {status}")
    summary = json.loads(printed.getvalue())
    return {"articles": summary["articles_parsed"], "entities": summary["entities"]}


def stage_plain(source: str, out: str, workers: int):
    """wirelake's batches of SRC staged into OUT by a plain process pool (no Prefect, no
    commit); the run id and the run's summary."""
    from flows.run_steps import new_run_id, pick_batch_size, split_batches, summarise
    from tasks import lake
    from tasks.batch import run_batch
    from tasks.sources import list_source

    started_at = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = new_run_id(started_at)
    files = list_source(source)
    lake.claim_staging(out, run_id)
    batches = split_batches(files, pick_batch_size(len(files), workers))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(run_batch, source, batch, out, run_id, number, started_at)
                   for number, batch in enumerate(batches)]
        summaries = [future.result().to_dict() for future in futures]
    summary = summarise(summaries, source=source, lake=out, run_id=run_id, mode="run", started_at=started_at,
                        files_listed=len(files), files_skipped=0)
    return run_id, summary


def run_plain(source: str, out: str, workers: int) -> dict:
    """wirelake's batches and commit, driven by a plain process pool instead of Prefect."""
    from flows.run_steps import commit_and_record

    run_id, summary = stage_plain(source, out, workers)
    summary = summary.with_commit(commit_and_record(out, run_id, summary))
    return {"articles": summary.articles_parsed, "entities": summary.entities}


def run_reference(source: str, out: str, workers: int) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from reference import run_reference as reference

    summary = reference(source, out, workers=workers)
    return {"articles": summary["articles"], "entities": summary["entities"]}


RUNNERS = {"wirelake": run_wirelake, "served": run_wirelake, "plain": run_plain, "reference": run_reference}


def child(system: str, source: str, out: str, workers: int) -> None:
    sys.path.insert(0, str(ROOT))
    print(json.dumps(RUNNERS[system](source, out, workers)))


# --- the parent: corpus, timing, memory -----------------------------------------------------


def measure(system: str, source: Path, out: Path, workers: int, env: dict, server: psutil.Process | None = None) -> dict:
    """Run one system in a fresh process; wall time and peak summed RSS of its process tree
    (and the CPU seconds `server` spent meanwhile)."""
    command = [sys.executable, __file__, "--child", system, "--source", str(source), "--out", str(out),
               "--workers", str(workers)]
    server_cpu = _cpu_seconds(server) if server else 0.0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = _watch_memory(process)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{system} failed (exit {process.returncode}):\n{stderr[-3000:]}")
    result = {**json.loads(stdout.strip().splitlines()[-1]), "wall_s": wall, "peak_rss_mb": peak / 2**20}
    if server:
        result["server_cpu_s"] = _cpu_seconds(server) - server_cpu
    return result


def _cpu_seconds(process: psutil.Process) -> float:
    times = [p.cpu_times() for p in [process, *process.children(recursive=True)]]
    return sum(t.user + t.system for t in times)


def prefect_import_s(env: dict, times: int = 3) -> float:
    """Seconds a fresh interpreter takes to import what the flows import from Prefect (median)."""
    code = ("import time; t = time.perf_counter(); from prefect import flow, task; "
            "import prefect.futures, prefect.task_runners; print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True,
                                 text=True).stdout) for _ in range(times)]
    return sorted(runs)[len(runs) // 2]


@contextlib.contextmanager
def prefect_server(env: dict, port: int = 4242):
    """A Prefect server for the `served` runs, started (and migrated) before any timing;
    yields the served runs' environment and the server's process."""
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(240):
            with contextlib.suppress(OSError):
                if urllib.request.urlopen(f"{url}/health", timeout=1).status == 200:
                    break
            time.sleep(0.5)
        else:
            raise RuntimeError("the Prefect server did not start in 120 s")
        yield {**env, "PREFECT_API_URL": url}, psutil.Process(server.pid)
    finally:
        server.terminate()
        server.wait(30)


def _watch_memory(process: subprocess.Popen, every_s: float = 0.2) -> int:
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                total += p.memory_info().rss
        except psutil.Error:  # a process ended while being read
            pass
        peak = max(peak, total)
        time.sleep(every_s)
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes (deliveries)")
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes, every system")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each system per N, alternating; the median is reported (machines drift)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", nargs="+", type=_spread, default=[None], metavar="{all,DAYS}",
                        help="publication days the stories spread over: all (the generator's own spread, "
                             "years; the default) or a number of days; several values measure each")
    parser.add_argument("--workdir", default=None, help="where corpora and outputs go (default: a temp folder)")
    parser.add_argument("--json", default=None, help="also write the rows to this JSON file")
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.source, args.out, args.workers)
        return

    sys.path.insert(0, str(ROOT))
    work = Path(args.workdir or tempfile.mkdtemp(prefix="wirelake-throughput-"))
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
           "PREFECT_HOME": str(work / "prefect-home")}
    env.pop("PREFECT_API_URL", None)  # every wirelake run starts its own temporary server, as the CLI does
    subprocess.run([sys.executable, "-m", "prefect", "server", "database", "upgrade", "--yes"], env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # a one-time cost, not timed
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}; "
          f"{args.workers} workers per system; stories over {', '.join(map(_spread_name, args.days))}", flush=True)
    print(f"{'N':>8} {'system':>10} {'articles':>9} {'MB':>7} {'wall s':>8} {'art/s':>7} {'MB/s':>6} "
          f"{'peak RSS MB':>12} {'entities':>9}", flush=True)
    rows = []
    with contextlib.ExitStack() as stack:
        served_env, server = stack.enter_context(prefect_server(env)) if "served" in args.systems else (env, None)
        if "served" in args.systems or "wirelake" in args.systems:
            print(f"importing Prefect (flow, task, futures, task runners): {prefect_import_s(env):.1f} s "
                  "in a fresh interpreter", flush=True)
        for days in args.days:
            for n in args.n:
                rows += _measure_n(args, work, n, days, env, served_env, server)
            if args.json:  # after every N: a long run interrupted keeps what it measured
                Path(args.json).write_text(json.dumps(rows, indent=1))
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


def _spread(value: str) -> int | None:
    """`all` -> None (the generator's own date spread), else a positive number of days."""
    if value == "all":
        return None
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected 'all' or a number of days, got {value!r}")
    return int(value)


def _spread_name(days: int | None) -> str:
    return "the generator's own spread (years)" if days is None else f"{days} days"


def corpus_dates(days: int | None) -> dict:
    """generate()'s start / end for a spread: none for the generator's own."""
    return {} if days is None else {"start": FIRST_DAY, "end": FIRST_DAY + timedelta(days=days - 1)}


def _measure_n(args, work: Path, n: int, days: int | None, env: dict, served_env: dict,
               server: psutil.Process | None) -> list[dict]:
    """Every system on the corpus of `n` deliveries over `days`, `args.repeat` rounds; prints and returns the rows."""
    from tasks.synth import generate

    rows = []
    spread = "all" if days is None else f"{days}d"
    source = work / f"corpus-{n}-{spread}"
    if not source.exists():
        generate(n, source, seed=args.seed, **corpus_dates(days))
    print(f"{n:>8,} stories over {_spread_name(days)}", flush=True)
    mb = sum(p.stat().st_size for p in source.rglob("*") if p.is_file()) / 1e6
    runs: dict[str, list[dict]] = {system: [] for system in args.systems}
    outputs = []
    for round_no in range(args.repeat):  # systems alternate, so a slow spell of the machine hits all
        for system in args.systems:
            out = work / f"out-{n}-{spread}-{system}-{round_no}"
            shutil.rmtree(out, ignore_errors=True)
            served = system == "served"
            r = measure(system, source, out, args.workers, served_env if served else env, server if served else None)
            # Deleted after the last round, not now: on a file system without a journal (this
            # build machine's ext4) creating files is several times slower for minutes after
            # many were deleted (the kernel skips recently freed inodes: `perf` shows
            # recently_deleted()), which would tax the next system for the last one's output.
            outputs.append(out)
            r.update(n=n, days=spread, system=system, mb=mb, articles_per_s=r["articles"] / r["wall_s"], mb_per_s=mb / r["wall_s"])
            runs[system].append(r)
            _print_row(r, f"run {round_no + 1}/{args.repeat}" if args.repeat > 1 else "")
    for out in outputs:
        shutil.rmtree(out, ignore_errors=True)
    results = {system: _median_run(measured) for system, measured in runs.items()}
    for r in results.values():
        rows.append(r)
        if args.repeat > 1:
            _print_row(r, f"median of {args.repeat}")
    if "reference" in results:
        for system in (s for s in results if s != "reference"):
            ratio = results[system]["articles_per_s"] / results["reference"]["articles_per_s"]
            results[system]["ratio"] = ratio
            print(f"{n:>8,} {system} / reference throughput: {ratio:.1f}x", flush=True)
    for system in ("served", "wirelake"):
        if system in runs and "plain" in runs:
            seconds, share = prefect_overhead(runs[system], runs["plain"])
            results[system].update(overhead_s=seconds, overhead_share=share)
            server_cpu = [r["server_cpu_s"] for r in runs[system] if "server_cpu_s" in r]
            print(f"{n:>8,} Prefect overhead ({system}): {seconds:+.1f} s = {100 * share:+.1f} % of the run "
                  f"(median of {args.repeat} paired differences {system} - plain)"
                  + (f"; the server's CPU during the run: {statistics.median(server_cpu):.1f} s" if server_cpu else ""),
                  flush=True)
    return rows


def prefect_overhead(with_prefect: list[dict], plain: list[dict]) -> tuple[float, float]:
    """Median over rounds of (wall with Prefect - wall without), in seconds and as a share
    of the median run with Prefect. Round i of one list pairs with round i of the other."""
    differences = [a["wall_s"] - b["wall_s"] for a, b in zip(with_prefect, plain, strict=True)]
    seconds = statistics.median(differences)
    return seconds, seconds / statistics.median(r["wall_s"] for r in with_prefect)


def _median_run(runs: list[dict]) -> dict:
    """The run of median wall time, with the highest peak memory of all and every wall time."""
    middle = sorted(runs, key=lambda r: r["wall_s"])[(len(runs) - 1) // 2]
    return {**middle, "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "walls_s": [r["wall_s"] for r in runs]}


def _print_row(r: dict, note: str) -> None:
    print(f"{r['n']:>8,} {r['system']:>10} {r['articles']:>9,} {r['mb']:>7.1f} {r['wall_s']:>8.1f} "
          f"{r['articles_per_s']:>7,.0f} {r['mb_per_s']:>6.2f} {r['peak_rss_mb']:>12,.0f} {r['entities']:>9,}  {note}",
          flush=True)


if __name__ == "__main__":
    main()
