"""What is in the lake: datasets (partitions, files, rows, bytes), recent runs, the ledger.

Everything goes through fsspec (tasks.lake.Lake) and pyarrow.dataset, so a lake on S3 or any
fsspec URL works like a local folder. Rows come from Parquet footers; data pages are never read.
Where things are is tasks/lake/layout.py's.
"""

from __future__ import annotations

import posixpath
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pyarrow as pa
import pyarrow.dataset as pads

from tasks.lake.layout import LEDGER_STEM, RUN_REPORTS, STATE, Lake, is_hidden
from tasks.lake.runs import read_runs

KNOWN_ORDER = ("articles", "entities", "rejects", "quotes", "amounts", "entity_index")
LAKE_MARKERS = (STATE, RUN_REPORTS, *KNOWN_ORDER)  # a folder holding none of these is not a lake


class NotALake(ValueError):
    """The path holds no wirelake lake (a typo, the source folder ...)."""


def check_is_lake(lake: str) -> None:
    """Raise NotALake unless `lake` is a folder with a lake's state, run reports or datasets."""
    store = Lake.at(lake)
    try:
        is_folder = store.fs.isdir(store.root)
        entries = {posixpath.basename(e.rstrip("/")) for e in store.fs.ls(store.root, detail=False)} if is_folder else set()
    except OSError as exc:
        raise NotALake(f"cannot read lake {lake!r}: {exc}") from None
    if not is_folder:
        kind = "a file" if store.fs.exists(store.root) else "not found"
        raise NotALake(f"{lake!r} is not a wirelake lake ({kind})")
    if not entries & set(LAKE_MARKERS):
        raise NotALake(f"{lake!r} is not a wirelake lake (no _state, _runs or dataset folder in it)")
RUN_COUNT_COLUMNS = ("section", "key", "count")  # the per-count part of a long-form run row


def lake_status(lake: str, runs: int = 10) -> dict:
    """Datasets (partitions, files, rows, bytes, first/last partition), recent runs, ledger.

    JSON-serialisable. Rows come from Parquet footers only.
    """
    store = Lake.at(lake)
    names = _dataset_names(store)
    # Footer reads are network round trips on S3: overlap them across datasets.
    with ThreadPoolExecutor(max_workers=4) as pool:
        stats = pool.map(lambda name: _dataset_status(store.fs, store.dataset_dir(name)), names)
        datasets = dict(zip(names, stats))
    return {"lake": lake, "datasets": datasets, "runs": recent_runs(lake, runs), "ledger": _ledger_status(store)}


def recent_runs(lake: str, limit: int = 10) -> list[dict]:
    """The newest `limit` rows of LAKE/_runs (newest first); [] when there is no run table."""
    try:
        table = read_runs(lake)
    except (pa.ArrowInvalid, OSError):
        return []  # the run table is optional: a half-written one must not break status
    # The run table is long form (one row per count, run fields repeated): keep one row per run.
    table = table.select([c for c in table.column_names if c not in RUN_COUNT_COLUMNS])
    runs = {}
    for row in table.to_pylist():
        runs.setdefault(row.get("run_id"), row)
    newest = sorted(runs.values(), key=lambda r: _sortable_time(r.get("started_at")), reverse=True)
    return [_jsonable_run(r) for r in newest[:limit]]


def format_status(status: dict) -> str:
    """The status as plain-text tables for a terminal."""
    lines = [f"Lake: {status['lake']}"]
    datasets = status.get("datasets") or {}
    if not datasets:
        lines.append("No datasets yet (run `wirelake run` to fill the lake).")
    else:
        rows = [[name, count_text(s["partitions"]), count_text(s["files"]), count_text(s["rows"]),
                 human_bytes(s["bytes"]), s["first"] or "-", s["last"] or "-"] for name, s in datasets.items()]
        lines += ["", *_text_table(["dataset", "partitions", "files", "rows", "size", "first", "last"],
                                   rows, right={1, 2, 3, 4})]
        lines += [f"! {name}: {s['error']}" for name, s in datasets.items() if s.get("error")]
    ledger = status.get("ledger")
    if ledger:
        lines += ["", f"Ledger: {count_text(ledger['rows'])} rows in {ledger['files']} file(s), "
                      f"{human_bytes(ledger['bytes'])}"]
    runs = status.get("runs") or []
    if runs:
        headers = ["run_id", "started_at", "run time", "mode", "status", "seen", "parsed", "rejected", "dup", "written"]
        counted = ("files_seen", "files_parsed", "files_rejected", "files_duplicate", "articles_written")
        rows = [[r.get("run_id") or "-", (r.get("started_at") or "-")[:19], duration_text(r.get("duration_s")),
                 r.get("mode") or "-", r.get("status") or "-", *(count_text(r.get(c)) for c in counted)]
                for r in runs]
        lines += ["", "Recent runs (newest first):", *_text_table(headers, rows, right=set(range(5, 10)) | {2})]
    return "\n".join(lines)


def human_bytes(size: int | None) -> str:
    if size is None:
        return "-"
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size} B" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return "-"


def _dataset_names(lake: Lake) -> list[str]:
    fs, root = lake.fs, lake.root
    if not fs.isdir(root):
        return []
    names = [posixpath.basename(e["name"].rstrip("/")) for e in fs.ls(root, detail=True) if e["type"] == "directory"]
    names = [n for n in names if not is_hidden(n)]  # _state, _staging, _runs are not datasets
    return sorted(names, key=lambda n: (KNOWN_ORDER.index(n) if n in KNOWN_ORDER else len(KNOWN_ORDER), n))


def _dataset_status(fs, path: str) -> dict:
    files = fs.find(path, detail=True)
    data = [p for p in files if _is_data_file(p[len(path) + 1:])]
    partitions = sorted({p[len(path) + 1:].split("/")[0] for p in data if "/" in p[len(path) + 1:]})
    partitions = [p for p in partitions if "=" in p]
    values = [p.split("=", 1)[1] for p in partitions]
    rows, error = _count_rows(fs, data)
    status = {
        "partition_key": partitions[0].split("=", 1)[0] if partitions else None,
        "partitions": len(values), "files": len(data), "rows": rows,
        "bytes": sum(info.get("size") or 0 for info in files.values()),
        "first": values[0] if values else None, "last": values[-1] if values else None,
    }
    if error:
        status["error"] = error
    return status


def _is_data_file(relative: str) -> bool:
    # The same rule as pyarrow/pandas/DuckDB readers: hidden and "_" parts are not data.
    parts = relative.split("/")
    return parts[-1].endswith(".parquet") and not any(is_hidden(p) for p in parts)


def _count_rows(fs, paths: list[str]) -> tuple[int | None, str | None]:
    if not paths:
        return 0, None
    try:
        # No filter: pyarrow answers from each file's footer, in parallel.
        return pads.dataset(paths, filesystem=fs, format="parquet").count_rows(), None
    except (pa.ArrowInvalid, OSError) as exc:
        return None, str(exc).splitlines()[0]


def _ledger_status(lake: Lake) -> dict | None:
    fs = lake.fs
    matches = [m for m in fs.glob(lake.state_glob(LEDGER_STEM)) if not posixpath.basename(m).startswith(".")]
    if not matches:
        return None
    files, size = [], 0
    for match in matches:
        found = fs.find(match, detail=True) if fs.isdir(match) else {match: fs.info(match)}
        size += sum(info.get("size") or 0 for info in found.values())
        files += [p for p in found if p.endswith(".parquet") and not posixpath.basename(p).startswith((".", "_"))]
    rows, _ = _count_rows(fs, files) if files else (None, None)
    return {"paths": sorted(posixpath.basename(m) for m in matches), "files": len(files), "rows": rows, "bytes": size}


def _jsonable_run(row: dict) -> dict:
    out = {k: (v.isoformat() if isinstance(v, (datetime, date)) else v) for k, v in row.items()}
    started, finished = row.get("started_at"), row.get("finished_at")
    both = isinstance(started, datetime) and isinstance(finished, datetime)
    out["duration_s"] = (finished - started).total_seconds() if both else None
    return out


def _sortable_time(value) -> str:
    return value.isoformat() if isinstance(value, (datetime, date)) else str(value or "")


def _text_table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    def line(cells):
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def count_text(value) -> str:
    """A count with thousands separators; "-" when unknown."""
    return "-" if value is None else f"{value:,}"


def duration_text(seconds) -> str:
    """Seconds as "12.3s", or minutes from ten of them on ("12.5m"); "-" when unknown."""
    if seconds is None:
        return "-"
    return f"{seconds:.1f}s" if seconds < 600 else f"{seconds / 60:.1f}m"

