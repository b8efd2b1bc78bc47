"""The Parquet layout serves analysts' queries: one agency and one month reads only that.

Partitions prune by folder (pub_date=...), agencies by row-group statistics (each agency
starts its own row group), and only the asked-for columns are read. Measured by counting
the bytes pandas actually reads through a file system wrapper.
"""

from __future__ import annotations

import io
import random
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pyarrow.parquet as pq
import pytest
from fsspec.implementations.local import LocalFileSystem

from tasks import lake
from tasks.lake.schema import DATASETS

AGENCIES = ["AFP", "AP", "Reuters", "Xinhua", "dpa"]
T0 = datetime(2024, 5, 1, tzinfo=timezone.utc)
PER_AGENCY = 40


class CountingFile(io.RawIOBase):
    """A read-only file that adds every byte it hands out to its file system's tally."""

    def __init__(self, path: str, tally: Counter):
        self._file, self._path, self._tally = open(path, "rb"), path, tally

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def readinto(self, buffer) -> int:
        n = self._file.readinto(buffer)
        self._tally[self._path] += n
        return n

    def close(self) -> None:
        self._file.close()
        super().close()


class CountingFileSystem(LocalFileSystem):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bytes_read: Counter = Counter()

    def _open(self, path, mode="rb", **kwargs):
        if mode != "rb":
            return super()._open(path, mode, **kwargs)
        return io.BufferedReader(CountingFile(self._strip_protocol(path), self.bytes_read), buffer_size=8192)


def article(i: int, day: date, agency: str, rng: random.Random) -> dict:
    body = " ".join(rng.choice(["troops", "markets", "rain", "talks", "vote", "port"]) + str(rng.random())
                    for _ in range(120))
    return {"article_id": f"{i:016x}", "story_id": f"s{i}", "version": 1, "agency": agency, "headline": f"H {i}",
            "kind": "story", "published_at": datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc),
            "pub_date": day.isoformat(), "date_source": "content", "body": body, "paragraphs": [body],
            "word_count": 120, "language": "en", "source_uri": f"src/{i}.txt", "source_format": "nitf",
            "content_sha256": f"{i:064x}", "ingested_at": T0}


@pytest.fixture(scope="module")
def two_months(tmp_path_factory):
    """Five agencies, 40 articles each per day (over SPLIT_ROW_GROUPS_BYTES a day), every fourth day of
    May and June 2024."""
    root = tmp_path_factory.mktemp("lake")
    rng = random.Random(7)
    days = [date(2024, 5, 1) + timedelta(days=d) for d in range(0, 61, 4)]
    rows = [article(i, day, agency, rng) for i, (day, agency) in
            enumerate((day, agency) for day in days for agency in AGENCIES for _ in range(PER_AGENCY))]
    rng.shuffle(rows)  # batches arrive in any order
    for batch_no in range(4):
        lake.stage_batch(root, "r1", batch_no, {"articles": rows[batch_no::4]})
    lake.commit_run(root, "r1")
    return root, days


def test_each_agency_is_its_own_row_group_with_statistics(two_months):
    root, days = two_months
    meta = pq.ParquetFile(root / f"articles/pub_date={days[0]}/part-0.parquet").metadata
    agency_column = meta.schema.names.index("agency")
    groups = [meta.row_group(g).column(agency_column) for g in range(meta.num_row_groups)]
    assert [(g.statistics.min, g.statistics.max) for g in groups] == [(a, a) for a in AGENCIES]
    assert all("DICTIONARY" in " ".join(g.encodings) for g in groups)


def test_a_small_partition_is_one_row_group(tmp_path):
    """A day of a few articles (a years-long archive has thousands of them) is read whole: per-agency
    row groups would only add footer entries to every file a reader opens."""
    rng = random.Random(3)
    rows = [article(i, date(2024, 5, 1), AGENCIES[i % 5], rng) for i in range(10)]
    lake.stage_batch(tmp_path, "r1", 0, {"articles": rows})
    lake.commit_run(tmp_path, "r1")
    meta = pq.ParquetFile(tmp_path / "articles/pub_date=2024-05-01/part-0.parquet").metadata
    assert meta.num_row_groups == 1 and meta.num_rows == 10
    assert pq.read_table(tmp_path / "articles/pub_date=2024-05-01/part-0.parquet")["agency"].to_pylist() == \
        sorted(AGENCIES * 2)


def test_one_agency_one_month_reads_only_its_row_groups(two_months):
    root, days = two_months
    fs = CountingFileSystem()
    frame = pd.read_parquet(
        str(root / "articles"), filesystem=fs, columns=["article_id", "headline", "body", "pub_date"],
        filters=[("agency", "==", "Reuters"), ("pub_date", ">=", "2024-06-01"), ("pub_date", "<", "2024-07-01")],
    )
    june = [d for d in days if d.month == 6]
    assert len(frame) == PER_AGENCY * len(june)

    def part(day):
        return root / f"articles/pub_date={day}/part-0.parquet"

    def footer(day):
        return pq.ParquetFile(part(day)).metadata.serialized_size + 8

    # pyarrow learns the dataset's schema from one file's footer; of other months nothing more.
    for day in (d for d in days if d.month != 6):
        assert fs.bytes_read[str(part(day))] <= footer(day) + 64 * 1024, f"{day} was read beyond its footer"
    assert sum(1 for d in days if d.month != 6 and fs.bytes_read[str(part(d))]) <= 1

    for day in june:
        meta = pq.ParquetFile(part(day)).metadata
        names = meta.schema.names
        needed = sum(meta.row_group(g).column(names.index(c)).total_compressed_size
                     for g in range(meta.num_row_groups) for c in ("article_id", "headline", "body", "agency")
                     if meta.row_group(g).column(names.index("agency")).statistics.min == "Reuters")
        read = fs.bytes_read[str(part(day))]
        # What a reader cannot avoid (footer, the Reuters row group's columns) plus read-ahead slack;
        # far less than the file, which holds five agencies and more columns.
        assert read <= needed + footer(day) + 64 * 1024, (day, read, needed)
        assert read < 0.4 * part(day).stat().st_size


def test_staged_batches_hold_a_row_group_per_month_and_the_commit_reads_only_a_days_month(tmp_path):
    """A years-long batch must not have a row group per day (its footer would grow with the days):
    one per month, and a day's rows are read from its month's row group only."""
    days = [date(2024, 5, 1), date(2024, 5, 2), date(2024, 5, 3), date(2024, 7, 9)]
    rows = [article(i, days[i % 4], AGENCIES[i % 5], random.Random(i)) for i in range(40)]
    lake.stage_batch(tmp_path, "r1", 0, {"articles": rows})
    staged_file = next((tmp_path / "_staging/r1/articles").glob("batch-*.parquet"))
    meta = pq.ParquetFile(staged_file).metadata
    day_column = meta.schema.names.index("pub_date")
    ranges = [(meta.row_group(g).column(day_column).statistics.min, meta.row_group(g).column(day_column).statistics.max)
              for g in range(meta.num_row_groups)]
    assert ranges == [("2024-05-01", "2024-05-03"), ("2024-07-09", "2024-07-09")]
    staged = next(lake.staged_datasets(tmp_path, "r1"))
    assert staged.values == ["2024-05-01", "2024-05-02", "2024-05-03", "2024-07-09"]
    assert staged.row_groups["2024-05-02"] == [(0, 0)] and staged.row_groups["2024-07-09"] == [(0, 1)]
    assert staged.rows("2024-05-02").num_rows == 10
    assert set(staged.rows("2024-05-02")["pub_date"].to_pylist()) == {"2024-05-02"}


def test_staged_rows_of_many_days_come_from_their_row_groups(tmp_path, monkeypatch):
    """Reading a window of days at once (one read per batch file) gives each day exactly its rows,
    across batches, with days absent from a batch and a day no batch holds."""
    from tasks.lake import writer

    days = [date(2024, 5, 1) + timedelta(days=d) for d in range(12)]
    rows = [article(i, days[i % 12], AGENCIES[i % 5], random.Random(i)) for i in range(90)]
    batches = [[r for r in rows[n::3] if r["pub_date"] != "2024-05-04" or n == 1] for n in range(3)]
    for batch_no, batch in enumerate(batches):  # 2024-05-04 is in batch 1 only
        lake.stage_batch(tmp_path, "r1", batch_no, {"articles": batch})
    staged = next(lake.staged_datasets(tmp_path, "r1"))
    expected = Counter(r["pub_date"] for batch in batches for r in batch)
    wanted = [d.isoformat() for d in days] + ["2024-06-30"]
    for window in (1, 10**9):  # a window per day, and one window for all
        monkeypatch.setattr(writer, "STAGED_WINDOW_BYTES", window)
        got = {day: table for day, table in staged.each_partition(wanted)}
        assert list(got) == wanted
        assert {day: t.num_rows for day, t in got.items() if t.num_rows} == dict(expected)
        assert all(set(t["pub_date"].to_pylist()) <= {day} for day, t in got.items())
        assert got["2024-06-30"].num_rows == 0 and got["2024-06-30"].schema == staged.schema


def test_runs_of_splits_at_each_change_of_value():
    import pyarrow as pa

    table = pa.table({"k": ["a", "a", "b", None, None], "v": [1, 2, 3, 4, 5]})
    assert [piece["v"].to_pylist() for piece in lake.runs_of(table, "k")] == [[1, 2], [3], [4, 5]]
    assert list(lake.runs_of(table.slice(0, 0), "k")) == []


def test_articles_row_groups_are_capped():
    assert DATASETS["articles"].row_groups_by == "agency"
    assert DATASETS["articles"].row_group_rows < DATASETS["entities"].row_group_rows
