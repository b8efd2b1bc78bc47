"""A run's per-file outcomes staged as the batches come back and read back as a stream:
in uri order whatever order the batches finished in, every field as it was staged, and
the run's counts the same as from the outcomes held in memory."""

from __future__ import annotations

from datetime import datetime, timezone

from flows.run_steps import judged, summarise
from tasks import lake as lake_writer
from tasks.lake.layout import Lake
from tasks.lake.outcomes import StagedOutcomes, stage_outcomes


def _outcome(uri: str, ids: list[str], status: str = "parsed", **extra) -> dict:
    return {"uri": uri, "status": status, "n_bytes": len(uri), "article_ids": ids,
            "reject": "read: empty file" if status == "rejected" else None,
            "article_days": ["2024-01-01"] * len(ids), "pub_dates": ["2024-01-01"] if ids else [],
            "modified_at": datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone.utc), "etag": None,
            "content_sha256": "ab" * 32, **extra}


BATCHES = [  # as they might come back: out of uri order, between and within batches
    [_outcome("src/c.xml", ["x"]), _outcome("src/a.xml", ["y"])],
    [_outcome("src/b.json", ["x"]), _outcome("src/caf\udce9.txt", [], "rejected", modified_at=None)],
    [],
]


def test_staged_outcomes_come_back_in_uri_order_with_every_field(tmp_path):
    for batch_no in (2, 0, 1):
        stage_outcomes(tmp_path, "r1", batch_no, BATCHES[batch_no])
    staged = StagedOutcomes(str(tmp_path), "r1")
    expected = sorted((o for batch in BATCHES for o in batch), key=lambda o: o["uri"])
    assert list(staged) == expected  # datetimes and undecodable bytes of a name included
    assert list(staged) == expected  # read again: the commit reads them more than once


def test_counts_from_staged_outcomes_equal_those_from_memory(tmp_path):
    for batch_no, outcomes in enumerate(BATCHES):
        stage_outcomes(tmp_path, "r1", batch_no, outcomes)
    in_memory = summarise([{"files": batch} for batch in BATCHES], run_id="r1")
    streamed = summarise([{} for _ in BATCHES], outcomes=StagedOutcomes(str(tmp_path), "r1"), run_id="r1")
    assert streamed.as_dict() == in_memory.as_dict()
    assert (streamed.files_parsed, streamed.files_duplicate, streamed.files_rejected) == (2, 1, 1)
    assert [s for _, s in judged(streamed.outcomes)] == [s for _, s in judged(in_memory.outcomes)]


def test_staged_outcomes_go_with_the_run_staging(tmp_path):
    lake_writer.claim_staging(tmp_path, "r1")
    stage_outcomes(tmp_path, "r1", 0, BATCHES[0])
    lake_writer.drop_staging(tmp_path, "r1")
    assert list(StagedOutcomes(str(tmp_path), "r1")) == []
    assert not Lake.at(tmp_path).fs.exists(Lake.at(tmp_path).staging_dir("r1"))
