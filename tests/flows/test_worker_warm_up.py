"""The flow's worker pool: workers start and load the pipeline's tables when the pool opens,
a stuck batch is stopped by its timeout, and the pool goes on with the next."""

import os
import subprocess
import sys
import time
from concurrent.futures import TimeoutError

import pytest

from flows import compute


def test_warm_up_loads_the_lazy_tables():
    # A fresh interpreter, as a new worker is: nothing loaded before the warm-up.
    check = ("from tasks.entities import places, tagger; from tasks.pipeline import warm_up; "
             "assert places._cities.cache_info().currsize == 0; warm_up(); "
             "assert places._cities.cache_info().currsize == 1 and tagger._local.tagger is not None")
    subprocess.run([sys.executable, "-c", check], check=True, timeout=120)


def _worker_state() -> tuple[int, int, bool]:
    from tasks.entities import places

    return os.getpid(), places._cities.cache_info().currsize, "prefect" in sys.modules


def test_pool_workers_are_warm_and_free_of_prefect():
    with compute.worker_pool(2):
        pid, cities_loaded, has_prefect = compute.run(_worker_state)
    assert pid != os.getpid()
    assert cities_loaded == 1  # loaded by the warm-up, before the first batch
    assert not has_prefect  # the workers never import Prefect


def test_workers_start_when_the_pool_opens_before_any_batch():
    import psutil

    before = {p.pid for p in psutil.Process().children()}
    with compute.worker_pool(2):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            started = [p for p in psutil.Process().children() if p.pid not in before and "spawn" in " ".join(p.cmdline())]
            if len(started) >= 2:
                break
            time.sleep(0.1)
        assert len(started) >= 2  # warming up while the caller goes on (Prefect loads meanwhile)


def test_one_worker_runs_in_the_calling_thread():
    with compute.worker_pool(1):
        assert compute.run(os.getpid) == os.getpid()
    assert compute.run(os.getpid) == os.getpid()  # no pool open: inline


def test_pool_is_reentrant():
    with compute.worker_pool(2) as outer, compute.worker_pool(2) as inner:
        assert inner is outer


def test_timeout_kills_the_stuck_worker_and_the_pool_goes_on():
    with compute.worker_pool(2):
        started = time.perf_counter()
        with pytest.raises(TimeoutError):
            compute.run(time.sleep, 60, timeout=1)
        assert time.perf_counter() - started < 30
        assert compute.run(sum, [1, 2, 3]) == 6


def test_the_run_steps_do_not_load_prefect():
    # The bench's `plain` system (wirelake without Prefect) and the crash worker rely on it.
    check = "import sys, flows.run_steps, flows.backfill, flows.progress, tasks.batch; assert 'prefect' not in sys.modules, 'prefect was imported'"
    subprocess.run([sys.executable, "-c", check], check=True, timeout=120)
