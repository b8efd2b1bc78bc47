"""article_id is unique across the lake: one id the run dates two ways keeps the day of the
first file (uri order); the other copy's rows leave the staging before the commit."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pandas as pd

from tasks import lake as lake_writer
from tasks.lake.checks import days_to_drop, drop_staged_articles, first_day_of_each_article
from tasks.lake.schema import DATASETS
from tasks.pipeline import process_file
from tasks.records import RawFile

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)


def _ninjs(uri: str, created: str) -> RawFile:
    item = {"uri": f"urn:example:{uri}", "type": "text", "headline": "Dam bursts in the north",
            "firstcreated": created, "body_text": "A dam burst on Tuesday near Nairobi, flooding three villages, President William Ruto said."}
    return RawFile(f"{uri}.json", json.dumps(item).encode())


def _outcome(rows) -> dict:
    return {"uri": rows.uri, "article_ids": [a["article_id"] for a in rows.articles],
            "article_days": [a["pub_date"] for a in rows.articles]}


def test_the_first_file_keeps_the_article_and_the_other_day_drops_it():
    one, two = process_file(_ninjs("b", "2024-03-09T10:00:00Z"), NOW), process_file(_ninjs("a", "2024-03-05T10:00:00Z"), NOW)
    [article] = {a["article_id"] for a in one.articles + two.articles}  # one text, one id, two days
    outcomes = [_outcome(two), _outcome(one)]  # in uri order, as a run's outcomes come
    assert first_day_of_each_article(outcomes) == {article: "2024-03-05"}  # a.json comes first
    assert days_to_drop(outcomes) == {"2024-03-09": {article}}
    assert days_to_drop(outcomes, only=["2024-03-09"]) == {}  # a backfill of that day alone keeps it there
    assert days_to_drop([{"uri": "x", "article_ids": ["1", "2"], "article_days": ["2024-01-01", "2024-01-02"]}]) == {}


def test_losing_copies_leave_the_staging_and_the_lake_has_one_row(tmp_path):
    results = [process_file(_ninjs(name, created), NOW) for name, created in
               (("a", "2024-03-05T10:00:00Z"), ("b", "2024-03-09T10:00:00Z"))]
    assert all(r.entities for r in results)  # entities ride along and must go too
    for batch_no, result in enumerate(results):
        lake_writer.stage_batch(tmp_path, "r1", batch_no, {name: getattr(result, name) for name in DATASETS})
    drop = days_to_drop([_outcome(r) for r in results])
    removed = drop_staged_articles(tmp_path, "r1", drop)
    assert removed == 1 + len(results[1].entities) + len(results[1].amounts) + len(results[1].quotes)
    assert drop_staged_articles(tmp_path, "r1", drop) == 0  # a retried commit finds nothing more
    report = lake_writer.commit_run(tmp_path, "r1")
    assert report.rows_written["articles"] == report.rows_new["articles"] == 1
    articles = pd.read_parquet(tmp_path / "articles")
    assert articles.pub_date.tolist() == ["2024-03-05"] and articles.source_uri.tolist() == ["a.json"]
    assert set(pd.read_parquet(tmp_path / "entities").pub_date) == {"2024-03-05"}
