"""Batch workers start, and load the pipeline's tables, when the flow starts."""

from tasks import places
from tasks.pipeline import warm_up
from flows.ingest import EagerProcessPoolTaskRunner


def test_warm_up_loads_the_lazy_tables():
    places._cities.cache_clear()
    warm_up()
    assert places._cities.cache_info().currsize == 1


def test_workers_start_with_the_runner_not_at_the_first_batch():
    with EagerProcessPoolTaskRunner(max_workers=2) as runner:
        assert len(runner._executor._processes) == 2  # started by the warm-up, before any task
