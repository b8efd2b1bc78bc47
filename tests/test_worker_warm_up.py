"""Batch workers start, and load the pipeline's tables, when the flow starts."""

import subprocess
import sys

from flows.ingest import EagerProcessPoolTaskRunner


def test_warm_up_loads_the_lazy_tables():
    # A fresh interpreter, as a new worker is: nothing loaded before the warm-up.
    check = ("from tasks import places; from tasks.ner import tagger; from tasks.pipeline import warm_up; "
             "assert places._cities.cache_info().currsize == 0; warm_up(); "
             "assert places._cities.cache_info().currsize == 1 and tagger._local.tagger is not None")
    subprocess.run([sys.executable, "-c", check], check=True, timeout=120)


def test_workers_start_with_the_runner_not_at_the_first_batch():
    with EagerProcessPoolTaskRunner(max_workers=2) as runner:
        assert len(runner._executor._processes) == 2  # started by the warm-up, before any task
