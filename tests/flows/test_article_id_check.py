"""One text dated two ways by two files: the run completes, the lake holds it once, on the
first file's day, and the summary's counts agree."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from flows.ingest import run_flow

pytestmark = pytest.mark.prefect


def test_one_text_dated_two_ways_is_written_once(prefect_harness, tmp_path):
    source = tmp_path / "raw"
    source.mkdir()
    for name, created in (("a", "2024-03-05T10:00:00Z"), ("b", "2024-03-09T10:00:00Z")):
        item = {"uri": f"urn:example:{name}", "type": "text", "headline": "Dam bursts in the north",
                "firstcreated": created, "body_text": "A dam burst on Tuesday, flooding three villages."}
        (source / f"{name}.json").write_text(json.dumps(item))
    lake = tmp_path / "lake"
    summary = run_flow(str(source), str(lake), workers=1)
    assert (summary.files_parsed, summary.files_duplicate) == (1, 1)
    assert summary.articles == summary.articles_new == 1  # "1 written (1 new to the lake)"
    articles = pd.read_parquet(lake / "articles")
    assert articles.article_id.is_unique and articles.pub_date.tolist() == ["2024-03-05"]


def test_a_text_the_lake_holds_on_another_day_is_not_written_again(prefect_harness, tmp_path):
    from flows.run_steps import format_summary

    source, lake = tmp_path / "raw", tmp_path / "lake"
    source.mkdir()

    def deliver(name, created):
        item = {"uri": f"urn:example:{name}", "type": "text", "headline": "Dam bursts in the north",
                "firstcreated": created, "body_text": "A dam burst on Tuesday, flooding three villages."}
        (source / f"{name}.json").write_text(json.dumps(item))

    deliver("m", "2024-03-02T10:00:00Z")
    first = run_flow(str(source), str(lake), workers=1)
    assert first.articles == first.articles_new == 1
    deliver("a", "2024-03-01T10:00:00Z")  # the same text, dated a day earlier, in a later run
    second = run_flow(str(source), str(lake), workers=1)
    assert (second.files_seen, second.files_parsed, second.files_duplicate) == (1, 0, 1)
    assert (second.articles_parsed, second.articles, second.articles_new) == (1, 0, 0)
    assert "0 written (1 read - 1 repeat) to 0 pub_date partitions; 0 rows new to the lake" in format_summary(second)
    articles = pd.read_parquet(lake / "articles")
    assert articles.article_id.is_unique and articles.pub_date.astype(str).tolist() == ["2024-03-02"]
