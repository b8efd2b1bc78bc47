"""The progress line a run prints to stderr as its batches finish (`--quiet` turns it off)."""

from __future__ import annotations

import sys


def print_progress(done: int, total: int, files_done: int, files_total: int, n_bytes: int, elapsed: float) -> None:
    """One line per finished batch; on a terminal the same line, rewritten."""
    rate = files_done / elapsed if elapsed else 0.0
    line = (f"  batch {done}/{total}  ·  {files_done:,}/{files_total:,} files  ·  "
            f"{n_bytes / 1e6:,.1f} MB  ·  {rate:,.0f} files/s")
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)
