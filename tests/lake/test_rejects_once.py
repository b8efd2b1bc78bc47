"""A reject is recorded once: a full refresh on a later day (another run_date partition) adds no
reject row (issue 19, item 7). Real runs of run_batch + commit, on two different days."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq

from flows.run_steps import commit_and_record, split_batches, summarise
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.sources import list_source
from tests import hostile


def _run_on(day: datetime, source: str, lake: str) -> None:
    run_id = day.strftime("%Y%m%dT%H%M%SZ") + "-test"
    lake_writer.claim_staging(lake, run_id)
    files = list_source(source)  # a full refresh: every file, seen or not
    batches = [run_batch(source, batch, lake, run_id, n, day).to_dict()
               for n, batch in enumerate(split_batches(files, 10))]
    summary = summarise(batches, source=source, lake=lake, run_id=run_id, mode="full-refresh", started_at=day)
    commit_and_record(lake, run_id, summary)


def _rejects(lake: str) -> list[dict]:
    return [row for path in sorted(Path(lake, "rejects").rglob("*.parquet")) for row in pq.read_table(path).to_pylist()]


def test_a_full_refresh_on_a_later_day_adds_no_reject_rows(tmp_path):
    src, lake = tmp_path / "src", str(tmp_path / "lake")
    src.mkdir()
    (src / "good.txt").write_bytes(hostile.base("page_text", 3))
    (src / "junk.bin").write_bytes(b"\x00\x01\x02" * 100)
    (src / "not-ninjs.json").write_bytes(b'{"uri": "u", "headline": "H", "body_text": 12345}')
    os.mkfifo(src / "pipe.xml")

    _run_on(datetime(2024, 3, 1, 12, tzinfo=timezone.utc), str(src), lake)
    first = _rejects(lake)
    assert {Path(r["source_uri"]).name for r in first} == {"junk.bin", "not-ninjs.json", "pipe.xml"}

    _run_on(datetime(2024, 3, 5, 12, tzinfo=timezone.utc), str(src), lake)
    assert _rejects(lake) == first  # same rows, still under the first day's run_date
    assert [p.name for p in Path(lake, "rejects").iterdir()] == ["run_date=2024-03-01"]

    (src / "junk2.bin").write_bytes(b"\x00\x03" * 100)  # a new reject on a later day is recorded
    _run_on(datetime(2024, 3, 6, 12, tzinfo=timezone.utc), str(src), lake)
    later = [r for r in _rejects(lake) if r not in first]
    assert [Path(r["source_uri"]).name for r in later] == ["junk2.bin"]
