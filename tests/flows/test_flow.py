"""The whole run under Prefect's test harness: counts, lake contents, reruns, parallel workers."""

import random
import shutil

import duckdb
import pandas as pd
import pytest

from flows.ingest import run_flow
from tasks.errors import ConservationError

from tests.conftest import FIXTURES

pytestmark = pytest.mark.prefect


@pytest.fixture
def source(tmp_path):
    """The mini corpus plus the bad files a feed really sends."""
    src = tmp_path / "raw"
    shutil.copytree(FIXTURES / "raw_mini", src)
    (src / "empty.txt").write_bytes(b"")
    (src / "desk" / "junk.bin").write_bytes(random.Random(3).randbytes(5000))
    return src


def test_run_accounts_for_every_file_and_fills_the_lake(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    summary = run_flow(str(source), str(lake), workers=1)
    assert summary.files_seen == 9
    assert (summary.files_parsed, summary.files_rejected, summary.files_duplicate) == (5, 3, 1)
    assert summary.articles == 5 and summary.articles_new == 5
    assert summary.rejects_by_reason == {"read: empty file": 1, "sniff: unknown format": 1, "parse: no body": 1}

    articles = pd.read_parquet(lake / "articles")
    assert len(articles) == 5 and articles["article_id"].is_unique
    quake = articles[articles["agency"] == "Reuters"].sort_values("version")
    assert quake["version"].tolist() == [1, 2]
    assert quake["story_id"].nunique() == 1  # two versions, one story
    assert quake["kind"].tolist() == ["story", "writethru"]
    dpa = articles[articles["agency"] == "dpa"].iloc[0]
    assert dpa["headline"] == "Zollstreit: EU droht mit Gegenmaßnahmen"
    assert dpa["language"] == "de" and dpa["published_at"].isoformat() == "2020-07-21T14:05:00+00:00"
    assert dpa["paragraphs"].tolist()[-1] == "Die Gespräche sollen in der kommenden Woche fortgesetzt werden."
    mekong = articles[articles["agency"] == "Xinhua"].iloc[0]
    assert mekong["source_uri"].endswith("raw/desk/copy-of-mekong.txt")  # first in path order wins
    assert mekong["related_headlines"].tolist() == ["Urgent: Floods cut off mountain villages", "Central bank holds rates steady"]
    assert str(mekong["pub_date"]) == "2019-03-14"

    entities = pd.read_parquet(lake / "entities")
    assert set(entities["article_id"]) <= set(articles["article_id"])
    for _, row in entities.merge(articles[["article_id", "body"]], on="article_id").iterrows():
        assert row["body"][row["start"]:row["end"]] == row["text"]

    rejects = pd.read_parquet(lake / "rejects")
    assert len(rejects) == 3 and rejects["reason"].notna().all()

    con = duckdb.connect()
    count = con.sql(f"select count(*) from read_parquet('{lake}/articles/*/*.parquet', hive_partitioning=true)").fetchall()[0][0]
    assert count == 5


def test_rerun_is_idempotent_and_parallel_run_matches(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    first = pd.read_parquet(lake / "articles")
    summary = run_flow(str(source), str(lake), workers=2, batch_size=2, full_refresh=True)  # process pool, 5 batches
    assert summary.articles_new == 0 and summary.batches == 5
    second = pd.read_parquet(lake / "articles")
    pd.testing.assert_frame_equal(first, second)
    assert len(pd.read_parquet(lake / "rejects")) == 3


def test_a_run_that_loses_articles_fails_at_once_not_after_retries(prefect_harness, source, tmp_path, monkeypatch,
                                                                    capsys):
    """commit-lake retries what may pass next time, not a terminal error (the same counts again)."""
    import flows.run_steps
    from flows.cli import main

    calls = []

    def lose_one(summary, written, only=None):
        calls.append(written)
        raise ConservationError(f"run lost track of articles: {written} expected, {written - 1} written")

    monkeypatch.setattr(flows.run_steps, "check_articles_conserved", lose_one)
    assert main(["run", "--source", str(source), "--lake", str(tmp_path / "lake"), "--quiet", "--workers", "1"]) == 1
    assert calls == [5]  # ran once: no retry
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("wirelake: error: run failed (ConservationError: run lost track of articles")


def test_commit_lake_still_retries_a_passing_failure(prefect_harness, source, tmp_path, monkeypatch):
    import flows.run_steps

    real, calls = flows.run_steps.check_articles_conserved, []

    def flaky(summary, written, only=None):
        calls.append(written)
        if len(calls) == 1:
            raise OSError("object store timed out")
        return real(summary, written, only)

    monkeypatch.setattr(flows.run_steps, "check_articles_conserved", flaky)
    summary = run_flow(str(source), str(tmp_path / "lake"), workers=1)
    assert calls == [5, 5] and summary.articles == 5
