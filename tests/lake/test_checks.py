"""article_id is unique across the lake and an article's rows come from one delivery:
settled before the commit (tasks/lake/checks.py), against the lake's ids (article_ids.py)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pandas as pd
import pyarrow as pa

from tasks import lake as lake_writer
from tasks.lake.checks import (claims_to_check, overlapping_spans, settle, staged_copies, staged_drops)
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


def _files(*specs) -> list[dict]:
    """Outcomes from (uri, [(article_id, day), ...])."""
    return [{"uri": uri, "article_ids": [a for a, _ in pairs], "article_days": [d for _, d in pairs]}
            for uri, pairs in specs]


def test_new_to_the_lake_the_first_file_keeps_the_article_and_the_other_day_drops_it():
    one, two = process_file(_ninjs("b", "2024-03-09T10:00:00Z"), NOW), process_file(_ninjs("a", "2024-03-05T10:00:00Z"), NOW)
    [article] = {a["article_id"] for a in one.articles + two.articles}  # one text, one id, two days
    copies = staged_copies(iter([_outcome(one), _outcome(two)]))  # any iterable, any order
    settled = settle(copies, {})
    assert settled.kept == {article: "2024-03-05"} and settled.drop == {"2024-03-09": {article}}  # a.json first
    assert settle(staged_copies([_outcome(one), _outcome(two)], only=["2024-03-09"]), {}).drop == {}  # a backfill's day
    assert settle(staged_copies(_files(("x", [("1", "2024-01-01"), ("2", "2024-01-02")]))), {}).drop == {}


def test_an_article_the_lake_holds_on_another_day_keeps_that_day():
    outcomes = _files(("a", [("x", "2024-03-01"), ("y", "2024-03-01")]), ("b", [("z", "2024-03-01")]),
                      ("c", [("z", "2024-03-02")]))
    copies = staged_copies(outcomes)
    lake = {"x": "2024-03-02", "z": "2024-03-02", "y": "2024-03-01"}
    claims = claims_to_check(copies, lake)
    assert claims == {"x": "2024-03-02", "z": "2024-03-02"}  # y agrees with the lake: nothing to check
    assert claims_to_check(copies, lake, replace=["2024-03-02"]) == {}  # a replaced day holds no claim
    settled = settle(copies, claims)
    assert settled.kept == {"y": "2024-03-01", "z": "2024-03-02"}  # z: the copy on the lake's day wins over uri order
    assert settled.held_elsewhere == {"x"} and settled.articles_written == 2
    assert settled.drop == {"2024-03-01": {"x", "z"}}
    # The summary: a file none of whose copies is written is a duplicate (b: z is written from c).
    assert [settled.file_status(o, "parsed") for o in outcomes] == ["parsed", "duplicate", "parsed"]
    only_x = _files(("d", [("x", "2024-03-01")]))[0]
    assert settled.file_status(only_x, "parsed") == "duplicate" and settled.file_status(only_x, "rejected") == "rejected"
    assert settled.file_status(_files(("e", [("w", "2024-03-01")]))[0], "parsed") == "parsed"  # not this run's
    # An unconfirmed claim (its partition gone) drops nothing: the run's own rule decides.
    assert settle(copies, {}).held_elsewhere == set() and settle(copies, {}).kept["x"] == "2024-03-01"


def test_losing_copies_leave_the_staging_and_the_lake_has_one_row(tmp_path):
    results = [process_file(_ninjs(name, created), NOW) for name, created in
               (("a", "2024-03-05T10:00:00Z"), ("b", "2024-03-09T10:00:00Z"))]
    assert all(r.entities for r in results)  # entities ride along and must go too
    for batch_no, result in enumerate(results):
        lake_writer.stage_batch(tmp_path, "r1", batch_no, {name: getattr(result, name) for name in DATASETS})
    settled = settle(staged_copies([_outcome(r) for r in results]), {})
    drops = staged_drops(tmp_path, "r1", settled)
    assert _left_out(tmp_path, drops) == 1 + len(results[1].entities) + len(results[1].amounts) + len(results[1].quotes)
    assert staged_drops(tmp_path, "r1", settled) == drops  # a retried commit leaves out the same rows
    report = lake_writer.commit_run(tmp_path, "r1", drops=drops)
    assert report.rows_written["articles"] == report.rows_new["articles"] == 1
    articles = pd.read_parquet(tmp_path / "articles")
    assert articles.pub_date.tolist() == ["2024-03-05"] and articles.source_uri.tolist() == ["a.json"]
    assert set(pd.read_parquet(tmp_path / "entities").pub_date) == {"2024-03-05"}
    assert "source_uri" not in pd.read_parquet(tmp_path / "entities").columns  # staged only, not in the lake


def _left_out(root, drops) -> int:
    """Staged rows of run r1 that `drops` leaves out, over every dataset."""
    left_out = 0
    for staged in lake_writer.staged_datasets(root, "r1"):
        rows = staged.read_window(staged.values)
        left_out += rows.num_rows - drops.keep(staged.dataset, rows).num_rows
    return left_out


def _article(uri: str) -> dict:
    return {"article_id": "guo", "headline": "Guo Jun visits", "body": "Guo Jun visits Lima. Jobs rose 3%.",
            "source_uri": uri, "pub_date": "2024-03-01", "agency": "Xinhua"}


def _entity(uri: str, text: str, start: int, end: int, kind: str = "PERSON") -> dict:
    return {"article_id": "guo", "text": text, "name": text, "type": kind, "start": start, "end": end,
            "source": "model", "source_uri": uri, "pub_date": "2024-03-01"}


def test_two_deliveries_of_one_article_give_the_rows_of_the_winning_one_only(tmp_path):
    # One text twice on one day: a later delivery (another model version) found "Guo" where the
    # first found "Guo Jun", and an amount the first did not. Batches arrive in any order.
    late = {"articles": [_article("z/late.xml")],
            "entities": [_entity("z/late.xml", "Guo", 0, 3), _entity("z/late.xml", "Lima", 14, 18, "LOC")],
            "amounts": [{"article_id": "guo", "text": "3%", "value": 3.0, "unit": "%", "kind": "percent", "start": 31,
                         "end": 33, "source_uri": "z/late.xml", "pub_date": "2024-03-01"}]}
    first = {"articles": [_article("a/first.json")],
             "entities": [_entity("a/first.json", "Guo Jun", 0, 7), _entity("a/first.json", "Lima", 14, 18, "ORG")]}
    lake_writer.stage_batch(tmp_path, "r1", 0, late)
    lake_writer.stage_batch(tmp_path, "r1", 1, first)
    outcomes = _files(("z/late.xml", [("guo", "2024-03-01")]), ("a/first.json", [("guo", "2024-03-01")]))
    settled = settle(staged_copies(outcomes), {})
    assert settled.repeated == {("2024-03-01", "guo")} and settled.drop == {}
    drops = staged_drops(tmp_path, "r1", settled)
    # The late delivery's entities and amount; its article row: the merge keeps the first source_uri.
    assert _left_out(tmp_path, drops) == 2 + 1
    lake_writer.commit_run(tmp_path, "r1", drops=drops)
    articles, entities = pd.read_parquet(tmp_path / "articles"), pd.read_parquet(tmp_path / "entities")
    assert articles.source_uri.tolist() == ["a/first.json"]
    assert sorted(zip(entities.text, entities.type)) == [("Guo Jun", "PERSON"), ("Lima", "ORG")]
    assert not (tmp_path / "amounts").exists()  # the winning delivery had none
    assert overlapping_spans(pa.Table.from_pandas(entities)) == []


def test_overlapping_spans_of_one_article_are_found():
    table = pa.table({"article_id": ["a", "a", "a", "b", "b", "a"], "start": [0, 0, 20, 0, 4, 25],
                      "end": [3, 7, 30, 4, 9, 28]})
    # a: "Guo Jun" 0-7 holds "Guo" 0-3; 20-30 holds 25-28. b: 0-4 and 4-9 only touch.
    assert overlapping_spans(table) == [("a", 0, 7, 0, 3), ("a", 20, 30, 25, 28)]
    assert overlapping_spans(table.slice(3, 2)) == [] and overlapping_spans(table.slice(0, 1)) == []
