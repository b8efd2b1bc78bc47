"""The lake writer: staged batches, keyed merge, atomic partition swap, the lock."""

from datetime import datetime, timezone
import multiprocessing
import os
import time

import pandas as pd
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute in tests)
import pyarrow.parquet as pq
import pytest

from tasks import lake
from tasks.lake.schema import DATASETS

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
T1 = datetime(2024, 5, 2, 12, 0, tzinfo=timezone.utc)


def article(article_id, pub_date="2024-05-01", uri="src/a.txt", ingested_at=T0, headline="H"):
    return {
        "article_id": article_id, "story_id": "s-" + article_id, "version": 1, "agency": "AP",
        "headline": headline, "kind": "story", "published_at": None, "pub_date": pub_date,
        "date_source": "content", "dateline": None, "byline": None, "body": "Body " + article_id,
        "paragraphs": ["Body " + article_id], "word_count": 2, "language": "en",
        "related_headlines": [], "source_uri": uri, "source_format": "page_text",
        "content_sha256": article_id * 4, "ingested_at": ingested_at,
    }


def entity(article_id, start, pub_date="2024-05-01", name="NATO"):
    return {"article_id": article_id, "text": name, "name": name, "type": "ORG", "start": start,
            "end": start + len(name), "paragraph": 0, "role": None, "pub_date": pub_date}


def reject(uri, when=T0):
    return {"source_uri": uri, "stage": "decode", "reason": "binary content", "detail": "",
            "ingested_at": when, "run_date": when.date().isoformat()}


def commit(root, run_id, articles=(), entities=(), rejects=()):
    lake.stage_batch(root, run_id, 0, {"articles": list(articles), "entities": list(entities), "rejects": list(rejects)})
    return lake.commit_run(root, run_id)


def read(root, name):
    return pd.read_parquet(root / name)


def test_partitions_are_hive_folders_readable_by_pandas(tmp_path):
    report = commit(tmp_path, "r1", [article("a1"), article("b2", "2024-05-02")], [entity("a1", 0)], [reject("x")])
    assert report.partitions == {"articles": 2, "entities": 1, "quotes": 0, "amounts": 0, "rejects": 1}
    assert (tmp_path / "articles/pub_date=2024-05-01/part-0.parquet").exists()
    df = read(tmp_path, "articles")
    assert sorted(df["article_id"]) == ["a1", "b2"]
    assert sorted(df["pub_date"].astype(str)) == ["2024-05-01", "2024-05-02"]
    assert str(df["published_at"].dtype) == "datetime64[us, UTC]"
    assert df["paragraphs"].iloc[0].tolist()[0].startswith("Body")
    assert not (tmp_path / "_staging/r1").exists()


def test_same_input_twice_leaves_the_same_rows(tmp_path):
    commit(tmp_path, "r1", [article("a1"), article("a2")], [entity("a1", 0)])
    first = pq.read_table(tmp_path / "articles/pub_date=2024-05-01/part-0.parquet")
    report = commit(tmp_path, "r2", [article("a1", ingested_at=T1), article("a2", ingested_at=T1)], [entity("a1", 0)])
    second = pq.read_table(tmp_path / "articles/pub_date=2024-05-01/part-0.parquet")
    assert second.equals(first)  # ingested_at kept from the first run, no duplicates
    assert report.rows_new["articles"] == 0 and report.rows_written["articles"] == 2
    assert len(read(tmp_path, "entities")) == 1


def test_duplicates_within_a_run_keep_the_first_source(tmp_path):
    report = commit(tmp_path, "r1", [article("a1", uri="src/z.txt"), article("a1", uri="src/b.txt")],
                    [entity("a1", 0), entity("a1", 0)])
    df = read(tmp_path, "articles")
    assert df["source_uri"].tolist() == ["src/b.txt"]
    assert report.rows_written == {"articles": 1, "entities": 1, "quotes": 0, "amounts": 0, "rejects": 0}


def test_new_rows_merge_with_existing_partition(tmp_path):
    commit(tmp_path, "r1", [article("a1")], [entity("a1", 0)])
    report = commit(tmp_path, "r2", [article("a2", ingested_at=T1)], [entity("a2", 5)])
    assert sorted(read(tmp_path, "articles")["article_id"]) == ["a1", "a2"]
    assert len(read(tmp_path, "entities")) == 2
    assert report.rows_new["articles"] == 1


def test_reprocessed_article_replaces_its_entities(tmp_path):
    commit(tmp_path, "r1", [article("a1")], [entity("a1", 0), entity("a1", 10, name="Libya")])
    commit(tmp_path, "r2", [article("a1", headline="Better parse")], [entity("a1", 0)])
    assert read(tmp_path, "articles")["headline"].tolist() == ["Better parse"]
    assert read(tmp_path, "entities")["start"].tolist() == [0]


def test_rejects_are_recorded_once_per_run_date(tmp_path):
    commit(tmp_path, "r1", rejects=[reject("x"), reject("y")])
    commit(tmp_path, "r2", rejects=[reject("x")])
    assert sorted(read(tmp_path, "rejects")["source_uri"]) == ["x", "y"]


def test_merge_is_pure_and_sorted():
    dataset = DATASETS["articles"]
    import pyarrow as pa
    staged = pa.Table.from_pylist([article("b"), article("a")], schema=lake.staged_schema(dataset))
    merged, run_rows, new_rows = lake.merge_partition(dataset, None, staged)
    assert merged.column_names == dataset.schema.names
    assert merged["article_id"].to_pylist() == ["a", "b"]
    assert (run_rows, new_rows) == (2, 2)


def test_write_leaves_no_temporary_files(tmp_path):
    commit(tmp_path, "r1", [article("a1")])
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_old_partition_files_gain_new_columns_as_nulls(tmp_path):
    import pyarrow as pa
    path = tmp_path / "entities/pub_date=2024-05-01/part-0.parquet"
    path.parent.mkdir(parents=True)
    old = pa.Table.from_pylist([{k: v for k, v in entity("a0", 0).items() if k not in ("role", "pub_date")}])
    pq.write_table(old, path)
    commit(tmp_path, "r1", [article("a1")], [entity("a1", 3)])
    df = read(tmp_path, "entities")
    assert sorted(df["article_id"]) == ["a0", "a1"] and df["role"].isna().all()


def _hold_lock(root, ready, release):
    with lake.lake_lock(root):
        ready.set()
        release.wait(10)


def test_second_writer_waits_then_fails_clearly(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(lake.LakeError, match="locked by another run"):
            with lake.lake_lock(tmp_path, timeout_s=0.3, poll_s=0.05):
                pass
    finally:
        release.set()
        holder.join(10)
    with lake.lake_lock(tmp_path, timeout_s=1):  # free again once the holder is done
        pass


def test_lock_of_a_dead_process_is_broken(tmp_path):
    import socket
    lock = tmp_path / "_state/lock"
    lock.parent.mkdir(parents=True)
    ctx = multiprocessing.get_context("spawn")
    dead = ctx.Process(target=int)
    dead.start()
    dead.join()
    lock.write_text(f"{socket.gethostname()} {dead.pid}\n")
    with lake.lake_lock(tmp_path, timeout_s=1):
        assert lock.read_text().split()[1] == str(os.getpid())
    assert not lock.exists()


def test_entity_index_sums_day_summaries_and_reruns_do_not_double_count():
    from tasks.lake.entity_index import combine, day_summaries

    def day_summary(day, entities):
        return day_summaries(entities.append_column("pub_date", pa.array([day] * entities.num_rows, pa.string())))

    def rows(*items):
        return pa.Table.from_pylist(
            [{"article_id": a, "name": n, "type": t, "text": x, "country_code": c} for a, n, t, x, c in items])

    day1 = rows(("a1", "United States", "LOC", "U.S.", "US"), ("a1", "United States", "LOC", "US", "US"),
                ("a1", "NATO", "ORG", "NATO", None))
    day2 = rows(("a2", "United States", "LOC", "United States", "US"))
    summaries = {"2024-05-01": day_summary("2024-05-01", day1), "2024-05-02": day_summary("2024-05-02", day2)}
    summaries["2024-05-01"] = day_summary("2024-05-01", day1)  # the day rewritten by a rerun: same summary
    index = combine(pa.concat_tables(summaries.values()))
    us = index.filter(pa.compute.equal(index["name"], "United States")).to_pylist()[0]
    assert (us["mentions"], us["articles"], us["country_code"]) == (3, 2, "US")
    assert us["aliases"] == ["U.S.", "US", "United States"]
    assert (str(us["first_seen"]), str(us["last_seen"])) == ("2024-05-01", "2024-05-02")
    summaries["2024-05-01"] = day_summary("2024-05-01", day1.slice(0, 2))  # NATO's only row gone
    assert "NATO" not in combine(pa.concat_tables(summaries.values()))["name"].to_pylist()


def test_sweep_removes_only_the_staging_of_dead_runs(tmp_path):
    store = lake.Lake.at(str(tmp_path))
    lake.claim_staging(store, "live")
    (tmp_path / "_staging" / "dead").mkdir(parents=True)
    (tmp_path / "_staging" / "dead" / "_owner").write_text(f"{os.uname().nodename} 999999999 0")
    (tmp_path / "_staging" / "unowned").mkdir()
    (tmp_path / "_staging" / ".done-old" / "articles").mkdir(parents=True)  # killed while deleting
    (tmp_path / "_staging" / ".claim-half").mkdir()  # killed while claiming, a while ago
    os.utime(tmp_path / "_staging" / ".claim-half", (time.time() - 120, time.time() - 120))
    (tmp_path / "_staging" / ".claim-now").mkdir()  # a live run claiming right now
    assert sorted(lake.sweep_staging(store, keep="mine")) == [".claim-half", ".done-old", "dead"]
    assert sorted(p.name for p in (tmp_path / "_staging").iterdir()) == [".claim-now", "live", "unowned"]


def _two_runs_over_many_days(root, replace_day):
    """A first run over 30 days, then a second that re-parses some articles, adds others on
    days present and new, replaces one day and records rejects again."""
    days = [f"2024-05-{d:02d}" for d in range(1, 31)]
    first = [article(f"a{i}", days[i % 30], ingested_at=T0) for i in range(60)]
    lake.stage_batch(root, "r1", 0, {"articles": first,
                                     "entities": [entity(f"a{i}", 0, days[i % 30]) for i in range(60)],
                                     "rejects": [reject("x")]})
    lake.commit_run(root, "r1")
    again = [article(f"a{i}", days[i % 30], ingested_at=T1, headline="Better") for i in range(0, 60, 4)]
    more = [article(f"b{i}", f"2024-06-{i % 28 + 1:02d}", ingested_at=T1) for i in range(40)]
    lake.stage_batch(root, "r2", 0, {"articles": again + more, "entities": [entity(f"b{i}", 3, f"2024-06-{i % 28 + 1:02d}")
                                                                           for i in range(40)],
                                     "rejects": [reject("x"), reject("z", T1)]})
    return lake.commit_run(root, "r2", replace={replace_day})


def test_a_commit_spread_over_processes_writes_what_one_process_writes(tmp_path, monkeypatch):
    from tasks.lake import writer

    monkeypatch.setattr(writer, "WINDOW_PARTITIONS", 4)  # many windows, so both processes get some
    alone = _two_runs_over_many_days(tmp_path / "alone", replace_day="2024-05-03")
    monkeypatch.setattr(writer, "POOL_MIN_PARTITIONS", 0)
    monkeypatch.setattr(writer, "COMMIT_PROCESSES", 2)
    pooled = _two_runs_over_many_days(tmp_path / "pooled", replace_day="2024-05-03")
    assert pooled == alone
    assert alone.partitions["articles"] == 15 + 28  # the re-parsed articles' May days (one replaced) and June's
    for name in ("articles", "entities", "rejects", "entity_index"):
        pd.testing.assert_frame_equal(read(tmp_path / "pooled", name), read(tmp_path / "alone", name))
    articles = read(tmp_path / "pooled", "articles")
    replaced = articles[articles["pub_date"].astype(str) == "2024-05-03"]
    assert replaced["article_id"].tolist() == ["a32"]  # the day is the run's rows alone (a2 is gone)
    assert (replaced["ingested_at"] == T0).all()  # a32's first ingestion carries over
    assert (articles["headline"] == "Better").sum() == 15
    assert sorted(read(tmp_path / "pooled", "rejects")["source_uri"]) == ["x", "z"]
    # The index the commit built from the summaries it had just written and the older ones it
    # read is the index of every summary on disk.
    from tasks.lake.entity_index import DAY_SUMMARY, combine
    on_disk = pq.read_table(tmp_path / "pooled/_state/entity_months", schema=DAY_SUMMARY)
    assert on_disk.num_rows and combine(on_disk).equals(pq.read_table(tmp_path / "pooled/entity_index/part-0.parquet"))


def test_the_commit_makes_its_files_durable_before_any_is_renamed_in_and_staging_never_waits(tmp_path, monkeypatch):
    from tasks.lake import writer

    calls = []

    def recording(paths):
        published = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "articles").rglob("*.parquet")) \
            if (tmp_path / "articles").exists() else []
        calls.append((sorted(paths), published))

    monkeypatch.setattr(writer, "make_durable", recording)
    lake.stage_batch(tmp_path, "r1", 0, {"articles": [article("a1"), article("b2", "2024-05-02")],
                                         "entities": [entity("a1", 0)]})
    assert calls == []  # staging: garbage after a crash, swept; nothing to wait for
    lake.commit_run(tmp_path, "r1")
    written, published_then = calls[0]
    assert published_then == []  # made durable before the first rename
    assert sum("/_commit/articles/" in p for p in written) == 2
    assert any("/_commit/_state/entity_months/2024-05.parquet" in p for p in written)
    assert len(read(tmp_path, "articles")) == 2


def test_a_lake_in_memory_is_committed_in_this_process_even_when_large(monkeypatch):
    """memory:// lives in this process: commit processes would write where nobody reads."""
    from tasks.lake import writer

    monkeypatch.setattr(writer, "POOL_MIN_PARTITIONS", 0)
    monkeypatch.setattr(writer, "WINDOW_PARTITIONS", 2)
    root = "memory://wl-commit-in-process"
    days = [f"2024-05-{d:02d}" for d in range(1, 9)]
    lake.stage_batch(root, "r1", 0, {"articles": [article(f"a{i}", days[i]) for i in range(8)]})
    report = lake.commit_run(root, "r1")
    store = lake.Lake.at(root)
    assert report.partitions["articles"] == 8
    assert sorted(lake.partition_values(store, "articles")) == days
    assert pq.read_table(store.partition_file(DATASETS["articles"], days[3]), filesystem=store.fs).num_rows == 1
