"""The lake's article ids (_state/article_ids.parquet): kept by every commit of a run, rebuilt
from the partitions when a commit died before recording them, when missing or behind; used
so that two runs on different days never write one article_id twice (tasks/lake/checks.py)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pandas as pd
import pyarrow.parquet as pq

from flows.run_steps import commit_and_record, new_run_id, summarise
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.lake import article_ids
from tasks.lake.layout import Lake
from tasks.lake.ledger import files_to_read, read_ledger
from tasks.lake.repair import repair
from tasks.sources import list_source

BODY = "A dam burst on Tuesday near Nairobi, flooding three villages, President William Ruto said."


def _deliver(source, name: str, created: str, body: str = BODY) -> None:
    item = {"uri": f"urn:example:{name}", "type": "text", "headline": "Dam bursts in the north",
            "firstcreated": created, "body_text": body}
    (source / f"{name}.json").write_text(json.dumps(item))


def _run(source, lake):
    """One run as the flow's, without Prefect: new files, batches here, then the commit."""
    started_at = datetime.now(timezone.utc)
    run_id = new_run_id(started_at)
    lake_writer.claim_staging(str(lake), run_id)
    files = files_to_read(list_source(str(source)), str(lake))
    batches = [run_batch(str(source), files, str(lake), run_id, 0, started_at).to_dict()]
    summary = summarise(batches, source=str(source), lake=str(lake), run_id=run_id, mode="run", started_at=started_at)
    return summary.with_commit(commit_and_record(str(lake), run_id, summary))


def _index(lake) -> dict[str, str]:
    table = pq.read_table(Lake.at(str(lake)).article_ids_file())
    return dict(zip(table["article_id"].to_pylist(), table["pub_date"].to_pylist()))


def test_two_runs_on_different_days_write_the_article_once_and_say_so(tmp_path):
    source, lake = tmp_path / "raw", tmp_path / "lake"
    source.mkdir()
    _deliver(source, "m-first", "2024-03-02T10:00:00Z")
    _deliver(source, "m-other", "2024-03-02T11:00:00Z", body="A second story about the dam, from the next valley.")
    first = _run(source, lake)
    assert (first.articles, first.articles_new, first.files_parsed) == (2, 2, 2)
    first_articles = pd.read_parquet(lake / "articles")
    [article] = first_articles[first_articles.source_uri.str.endswith("m-first.json")].article_id
    assert _index(lake) == dict(zip(*pd.read_parquet(lake / "articles")[["article_id", "pub_date"]].astype(str).T.values))

    # The same text again, dated a day earlier, in a file that sorts first: the lake's day stands.
    _deliver(source, "a-again", "2024-03-01T09:00:00Z")
    second = _run(source, lake)
    articles = pd.read_parquet(lake / "articles")
    assert articles.article_id.is_unique and len(articles) == 2
    assert articles.set_index("article_id").pub_date.astype(str)[article] == "2024-03-02"
    assert set(pd.read_parquet(lake / "entities").pub_date.astype(str)) == {"2024-03-02"}  # no child rows on 03-01
    assert not (lake / "articles" / "pub_date=2024-03-01").exists()
    # "0 written (1 read - 1 repeat); 0 new", and the file is a duplicate in the summary and the ledger.
    assert (second.files_seen, second.files_parsed, second.files_duplicate) == (1, 0, 1)
    assert (second.articles_parsed, second.articles, second.articles_new) == (1, 0, 0)
    assert second.rows_written["articles"] == second.articles
    ledger = read_ledger(str(lake)).to_pandas().set_index("source_uri")
    assert ledger.status[str(source / "a-again.json")] == "duplicate"
    assert _index(lake)[article] == "2024-03-02"
    assert not os.path.exists(Lake.at(str(lake)).article_ids_in_commit())


def test_a_commit_that_died_before_recording_the_ids_leaves_them_rebuilt(tmp_path):
    source, lake = tmp_path / "raw", tmp_path / "lake"
    source.mkdir()
    _deliver(source, "a", "2024-03-02T10:00:00Z")
    _run(source, lake)
    truth = _index(lake)
    store = Lake.at(str(lake))
    # As a kill between the partitions' swap and the ids' record leaves it: the marker, old ids.
    article_ids.record_ids(store, {})
    article_ids.begin_commit(store)
    assert article_ids.read_ids(store) == truth  # rebuilt from the partitions, not the empty file
    os.remove(store.article_ids_in_commit())
    assert article_ids.read_ids(store) == truth  # behind the writer's record of rows: that day re-read
    os.remove(store.article_ids_file())
    assert article_ids.read_ids(store) == truth  # missing: rebuilt
    (tmp_path / "garbage").write_bytes(b"not parquet")
    os.replace(tmp_path / "garbage", store.article_ids_file())
    assert article_ids.read_ids(store) == truth  # unreadable: rebuilt


def test_a_claim_on_a_day_whose_partition_is_gone_does_not_swallow_the_article(tmp_path):
    source, lake = tmp_path / "raw", tmp_path / "lake"
    source.mkdir()
    _deliver(source, "m", "2024-03-02T10:00:00Z")
    _run(source, lake)
    [article] = _index(lake)
    store = Lake.at(str(lake))
    for dataset in ("articles", "entities", "quotes", "amounts"):  # the day deleted by hand
        os.system(f"rm -rf {lake / dataset / 'pub_date=2024-03-02'}")
    assert article_ids.confirmed(store, {article: "2024-03-02"}) == {}
    _deliver(source, "a", "2024-03-01T10:00:00Z")
    second = _run(source, lake)
    assert second.articles == 1
    assert pd.read_parquet(lake / "articles").pub_date.astype(str).tolist() == ["2024-03-01"]
    assert _index(lake) == {article: "2024-03-01"}


def test_updated_ids_replace_the_days_a_backfill_rebuilds():
    ids = {"a": "2024-03-01", "b": "2024-03-01", "c": "2024-03-02"}
    assert article_ids.updated_ids(ids, {"a": "2024-03-01", "d": "2024-03-02"}, replace=["2024-03-01"]) == \
        {"a": "2024-03-01", "c": "2024-03-02", "d": "2024-03-02"}  # b not produced again: gone
    assert article_ids.updated_ids(ids, {"b": "2024-03-03"}) == {"a": "2024-03-01", "b": "2024-03-03", "c": "2024-03-02"}
    assert ids == {"a": "2024-03-01", "b": "2024-03-01", "c": "2024-03-02"}  # pure


def test_repair_rebuilds_the_ids_and_names_an_article_on_two_days(tmp_path):
    from tasks.pipeline import process_file
    from tasks.records import RawFile

    source = tmp_path / "raw"
    source.mkdir()
    _deliver(source, "a", "2024-03-01T10:00:00Z")
    _deliver(source, "b", "2024-03-02T10:00:00Z")
    store = Lake.at(str(tmp_path / "lake"))
    # A lake written before the ids were kept: the same text on two days, one commit each.
    for number, name in enumerate(("a", "b")):
        rows = process_file(RawFile(f"{name}.json", (source / f"{name}.json").read_bytes()), datetime.now(timezone.utc))
        lake_writer.stage_batch(store, f"r{number}", 0, {"articles": rows.articles})
        lake_writer.commit_run(store, f"r{number}")
    [article] = set(pd.read_parquet(tmp_path / "lake" / "articles").article_id)
    damage = repair(store)
    assert any(line.startswith("1 article_id(s) on more than one day") and "2024-03-01, 2024-03-02" in line
               for line in damage.problems)
    assert any("article_ids.parquet from the articles partitions (1 ids" in line for line in damage.repaired)
    assert _index(tmp_path / "lake") == {article: "2024-03-01"}  # the earliest day
