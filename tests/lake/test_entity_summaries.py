"""The entity index's day summaries: computed with Arrow, kept a month per file, each file
written whole by one commit window, rebuilt from the partitions where missing."""

import random
import shutil
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks import lake
from tasks.lake.entity_index import DAY_SUMMARY, combine, day_summaries
from tests.lake.test_lake import article, entity


def _plain_summaries(rows: list[dict]) -> list[dict]:
    """The day summaries written out the long way: the reference the Arrow version must match."""
    counts = {}
    for row in rows:
        entry = counts.setdefault((row["pub_date"], row["name"], row["type"]),
                                  {"mentions": 0, "articles": set(), "aliases": set(), "code": None})
        entry["mentions"] += 1
        entry["articles"].add(row["article_id"])
        entry["aliases"].add(row["text"])
        entry["code"] = entry["code"] or row["country_code"]
    return [{"name": name, "type": kind, "aliases": sorted(e["aliases"]), "mentions": e["mentions"],
             "articles": len(e["articles"]), "country_code": e["code"], "day": date.fromisoformat(day)}
            for (day, name, kind), e in sorted(counts.items())]


def test_day_summaries_count_what_the_plain_definition_counts():
    pick = random.Random(7).choice
    rows = [{"pub_date": pick(["2024-05-01", "2024-05-02", "2024-06-30"]), "name": pick(["NATO", "Kyiv", "Ada Lim"]),
             "type": pick(["ORG", "LOC"]), "text": pick(["NATO", "Nato", "the alliance", "Kiev"]),
             "article_id": pick("abcde"), "country_code": pick([None, None, "UA", "BE"])} for _ in range(400)]
    got = day_summaries(pa.Table.from_pylist(rows))
    assert got.schema == DAY_SUMMARY
    assert got.to_pylist() == _plain_summaries(rows)


def _entities(days, article_prefix, name="NATO"):
    return [entity(f"{article_prefix}{i}", 0, day, name) for i, day in enumerate(days)]


def _summaries_on_disk(root) -> pa.Table:
    return pq.read_table(root / "_state" / "entity_months", schema=DAY_SUMMARY).sort_by([("day", "ascending"),
                                                                                           ("name", "ascending")])


def _summaries_of_the_partitions(root) -> pa.Table:
    rows = pq.read_table(root / "entities")
    rows = rows.set_column(rows.schema.get_field_index("pub_date"), "pub_date", pc.cast(rows["pub_date"], pa.string()))
    return day_summaries(rows).sort_by([("day", "ascending"), ("name", "ascending")])


def test_a_month_is_one_file_written_whole_even_when_the_commit_is_cut_into_small_windows(tmp_path, monkeypatch):
    from tasks.lake import writer

    monkeypatch.setattr(writer, "WINDOW_PARTITIONS", 2)  # windows would cut months apart
    days = [f"2024-{m:02d}-{d:02d}" for m in (4, 5, 6) for d in (1, 9, 17, 25)]
    lake.stage_batch(tmp_path, "r1", 0, {"articles": [article(f"a{i}", day) for i, day in enumerate(days)],
                                         "entities": _entities(days, "a")})
    lake.commit_run(tmp_path, "r1")
    assert sorted(p.name for p in (tmp_path / "_state" / "entity_months").iterdir()) == \
        ["2024-04.parquet", "2024-05.parquet", "2024-06.parquet"]
    assert _summaries_on_disk(tmp_path).equals(_summaries_of_the_partitions(tmp_path))
    assert combine(_summaries_on_disk(tmp_path)).equals(pq.read_table(tmp_path / "entity_index"))


def test_a_later_commit_rewrites_its_days_in_the_month_file_and_keeps_the_others(tmp_path):
    days = ["2024-05-01", "2024-05-02", "2024-05-03"]
    lake.stage_batch(tmp_path, "r1", 0, {"articles": [article(f"a{i}", day) for i, day in enumerate(days)],
                                         "entities": _entities(days, "a")})
    lake.commit_run(tmp_path, "r1")
    # Day 2 gains a name; day 3 is replaced by a run that no longer produces it.
    lake.stage_batch(tmp_path, "r2", 0, {"articles": [article("b1", "2024-05-02")],
                                         "entities": _entities(["2024-05-02"], "b", name="Kyiv")})
    lake.commit_run(tmp_path, "r2", replace={"2024-05-03"})
    on_disk = _summaries_on_disk(tmp_path)
    assert on_disk.equals(_summaries_of_the_partitions(tmp_path))
    assert [(row["day"].isoformat(), row["name"]) for row in on_disk.to_pylist()] == \
        [("2024-05-01", "NATO"), ("2024-05-02", "Kyiv"), ("2024-05-02", "NATO")]
    index = pq.read_table(tmp_path / "entity_index").to_pylist()
    assert {(row["name"], row["mentions"]) for row in index} == {("NATO", 2), ("Kyiv", 1)}


def test_a_lake_with_day_files_of_an_earlier_version_gets_month_files_and_loses_the_old_folder(tmp_path):
    days = ["2024-04-30", "2024-05-01", "2024-05-02"]
    lake.stage_batch(tmp_path, "r1", 0, {"articles": [article(f"a{i}", day) for i, day in enumerate(days)],
                                         "entities": _entities(days, "a")})
    lake.commit_run(tmp_path, "r1")
    index = pq.read_table(tmp_path / "entity_index")
    state = tmp_path / "_state"
    shutil.move(state / "entity_months", state / "entity_days")  # as an earlier version left it (the names aside)
    lake.stage_batch(tmp_path, "r2", 0, {"articles": [article("b1", "2024-05-02")]})  # no entities: index unchanged
    lake.stage_batch(tmp_path, "r2", 1, {"entities": []})
    lake.commit_run(tmp_path, "r2")
    assert not (state / "entity_days").exists()
    assert _summaries_on_disk(tmp_path).equals(_summaries_of_the_partitions(tmp_path))
    assert pq.read_table(tmp_path / "entity_index").equals(index)
