"""article_id is unique across the lake: a run that would write one id into two pub_date
partitions fails before writing anything (tasks/lake/checks.py), naming both files."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tasks.errors import ConservationError
from tasks.lake.checks import articles_in_several_days, check_one_day_per_article
from tasks.pipeline import process_file
from tasks.records import RawFile

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)


def _ninjs(uri: str, created: str) -> RawFile:
    item = {"uri": f"urn:example:{uri}", "type": "text", "headline": "Dam bursts in the north",
            "firstcreated": created, "body_text": "A dam burst on Tuesday, flooding three villages, officials said."}
    return RawFile(f"{uri}.json", json.dumps(item).encode())


def _outcome(raw: RawFile) -> dict:
    rows = process_file(raw, NOW)
    return {"uri": raw.uri, "article_ids": [a["article_id"] for a in rows.articles],
            "article_days": [a["pub_date"] for a in rows.articles]}


def test_the_same_text_dated_two_ways_is_one_id_in_two_days():
    one, two = _outcome(_ninjs("a", "2024-03-05T10:00:00Z")), _outcome(_ninjs("b", "2024-03-09T10:00:00Z"))
    assert one["article_ids"] == two["article_ids"]  # one text, one id
    assert articles_in_several_days([two, one]) == {one["article_ids"][0]: [("2024-03-05", "a.json"), ("2024-03-09", "b.json")]}
    with pytest.raises(ConservationError, match=r"1 article_id\(s\) would be written into two pub_date partitions.*"
                                                r"2024-03-05 from a\.json; 2024-03-09 from b\.json"):
        check_one_day_per_article([one, two])
    check_one_day_per_article([one, two], only=["2024-03-05"])  # a backfill of one day writes one


def test_copies_on_one_day_and_different_articles_pass():
    same_day = [_outcome(_ninjs("a", "2024-03-05T10:00:00Z")), _outcome(_ninjs("b", "2024-03-05T18:00:00Z"))]
    assert articles_in_several_days(same_day) == {}
    check_one_day_per_article(same_day)
    check_one_day_per_article([{"uri": "x", "article_ids": ["1", "2"], "article_days": ["2024-01-01", "2024-01-02"]}])
