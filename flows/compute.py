"""The worker processes that do a local run's CPU work, apart from Prefect.

Prefect runs the batch tasks in threads of the flow process and records their states; each
task hands its batch to this pool and waits. The workers import the pipeline only, not
Prefect (half a second of start-up and ~100 MB each less), load its tables once when the
pool opens, and a batch that outlives its timeout is stopped by killing its worker (pebble
replaces it), which a thread could not do.

On a Dask cluster no pool is open: the task runs the batch in the Dask worker it landed on.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from pebble import ProcessPool

T = TypeVar("T")

_open: ProcessPool | None = None  # the pool of the flow running in this process, if any
_lock = threading.Lock()


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPool | None]:
    """`workers` warmed-up processes for the duration of a flow (none for a single worker:
    the batch then runs in the task's own thread). Re-entrant: an inner flow uses the outer pool."""
    global _open
    with _lock:
        reuse = _open is not None or workers <= 1
        if not reuse:
            _open = ProcessPool(max_workers=workers, initializer=warm_up,
                                context=multiprocessing.get_context("spawn"))  # fork + threads can deadlock
            _open.schedule(int)  # pebble starts its workers at the first task: start them warming up now
    if reuse:
        yield _open
        return
    pool, failed = _open, True
    try:
        yield pool
        failed = False
    finally:
        with _lock:
            if _open is pool:
                _open = None
        pool.stop() if failed else pool.close()  # a failed flow does not wait for its queued batches
        pool.join()


def stop_workers() -> None:
    """The flow's last batch is done: stop the workers now, before the commit, so that their
    memory (~0.5 GB each after a batch) is not held while the commit needs its own. Later
    calls of `run` in this flow run in the calling thread."""
    global _open
    with _lock:
        pool, _open = _open, None
    if pool is not None:
        pool.close()
        pool.join()


def run(function: Callable[..., T], *args, timeout: float | None = None) -> T:
    """`function(*args)` in the open pool (in this thread when there is none). A worker past
    `timeout` seconds is killed and TimeoutError raised; one that dies raises ProcessExpired."""
    pool = _open
    if pool is None:
        return function(*args)
    return pool.schedule(_and_release_memory, args=(function, *args), timeout=timeout).result()


def _and_release_memory(function: Callable[..., T], *args) -> T:
    """`function(*args)` in a worker, then its freed memory handed back to the system: the
    allocators keep what a batch used (~0.2 GB over a warm worker's 0.33 GB), and the
    workers wait idle while the commit runs."""
    try:
        return function(*args)
    finally:
        release_memory()


def release_memory() -> None:
    import pyarrow

    pyarrow.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # glibc only
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def warm_up() -> None:
    """Run in each new worker: import and load what every batch needs (the CRF model, gazetteers).

    A terminal's Ctrl-C reaches the whole process group: the workers ignore it and the flow
    process, which gets it too, stops them (a worker that died of it would be replaced by
    pebble and its batch retried)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from tasks.pipeline import warm_up as load_pipeline

        load_pipeline()
    except Exception:  # pebble would restart a worker whose initializer fails, forever;
        pass  # the first batch loads the same tables and reports what went wrong
