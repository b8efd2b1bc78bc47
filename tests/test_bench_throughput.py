"""The throughput benchmark's Prefect-free runner writes the same lake as a flow run would."""

import argparse
import importlib.util
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tasks.synth import generate

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_throughput", ROOT / "bench" / "bench_throughput.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_throughput"] = module
    spec.loader.exec_module(module)
    return module


def test_plain_runner_processes_every_story_once(tmp_path):
    made = generate(40, tmp_path / "raw", seed=3, start=date(2024, 1, 1), end=date(2024, 1, 5))
    result = _bench().run_plain(str(tmp_path / "raw"), str(tmp_path / "lake"), workers=1)
    articles = pd.read_parquet(tmp_path / "lake" / "articles")
    assert result["articles"] >= made["stories"] - made["feed_stubs"]
    assert len(articles) == articles["article_id"].nunique() <= result["articles"]
    assert result["entities"] == len(pd.read_parquet(tmp_path / "lake" / "entities")) > len(articles)
    assert not (tmp_path / "lake" / "_staging").exists() or not any((tmp_path / "lake" / "_staging").iterdir())


def test_repeated_runs_report_the_median_wall_and_the_highest_memory():
    runs = [{"wall_s": w, "peak_rss_mb": m} for w, m in [(80.0, 900), (70.0, 1200), (75.0, 1000)]]
    median = _bench()._median_run(runs)
    assert median["wall_s"] == 75.0 and median["peak_rss_mb"] == 1200 and median["walls_s"] == [80.0, 70.0, 75.0]


def test_prefect_overhead_is_the_median_of_paired_round_differences():
    served = [{"wall_s": w} for w in (82.0, 78.0, 80.0)]
    plain = [{"wall_s": w} for w in (78.0, 74.0, 79.0)]  # differences 4, 4, 1
    seconds, share = _bench().prefect_overhead(served, plain)
    assert seconds == 4.0 and share == 4.0 / 80.0


def test_the_default_corpus_keeps_the_generators_date_spread_and_30_days_can_be_asked_for():
    bench = _bench()
    assert bench._spread("all") is None and bench.corpus_dates(None) == {}
    assert bench.corpus_dates(bench._spread("30")) == {"start": date(2024, 1, 1), "end": date(2024, 1, 30)}
    for bad in ("0", "-3", "years"):
        with pytest.raises(argparse.ArgumentTypeError, match=bad):
            bench._spread(bad)
