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
