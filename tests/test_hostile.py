"""Hostile input (tests/hostile.py) through the pipeline, one case at a time and in one run.

Every case: process_file never raises, the outcome is the expected one (parsed, or a reject
row with that stage and reason), every reject row has a stage and a reason, and memory stays
bounded (tracemalloc peak). The big cases (a 200 MB file, a 50 MB line, 1 GB bombs) carry
the `slow` marker and run only with WIRELAKE_SLOW_TESTS=1; scaled-down twins of each run
by default, under lowered tasks.settings.LIMITS.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tasks.settings import LIMITS
from tasks.pipeline import process_file
from tasks.records import RawFile
from tasks.lake.schema import DATASETS
from tests import hostile
from tests.hostile import FILE_DATE, INGESTED_AT, check_outcome

RUN_SLOW = bool(os.environ.get("WIRELAKE_SLOW_TESTS"))
_slow = [pytest.mark.slow, pytest.mark.skipif(not RUN_SLOW, reason="big input: set WIRELAKE_SLOW_TESTS=1")]


def _params(cases):
    return [pytest.param(c, id=f"{c.fmt}-{c.name}", marks=_slow if c.slow else ()) for c in cases]


def _apply_limits(monkeypatch, case) -> None:
    for name, value in case.limits.items():
        monkeypatch.setattr(LIMITS, name, value)


def test_suite_covers_every_reader():
    from tasks.formats import READERS

    cases = hostile.cases(slow=True)
    assert len(hostile.cases()) >= 60
    assert {reader.NAME for reader in READERS} <= {c.fmt for c in cases}
    assert len({c.name for c in cases}) == len(cases)
    assert any(c.slow for c in cases) and any(c.limits for c in cases)


@pytest.fixture(scope="module")
def warm_pipeline():
    """Load the entity model and gazetteer once, before memory is traced."""
    for fmt in ("page_text", "html"):
        process_file(RawFile(f"warm.{fmt}", hostile.base(fmt, 99), FILE_DATE), INGESTED_AT)


@pytest.mark.parametrize("case", _params(hostile.cases(slow=True)))
def test_hostile_case(case, monkeypatch, warm_pipeline):
    _apply_limits(monkeypatch, case)
    name, data, expectation = case.build()
    tracemalloc.start()
    try:
        out = process_file(RawFile(f"src/{name}", data, FILE_DATE), INGESTED_AT)  # never raises
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert check_outcome(expectation, out) == []
    assert all(row["stage"] and row["reason"] for row in out.rejects)
    byte_limits = [v for k, v in case.limits.items() if k.endswith("_bytes")]
    if byte_limits:  # a scaled big case: memory follows the limit, not the input
        assert peak < 50 * max(byte_limits), f"peak {peak:,} bytes"
    else:
        assert peak < 64 * 2**20 + 30 * len(data), f"peak {peak:,} bytes for {len(data):,} input bytes"


def test_limits_come_from_the_environment(monkeypatch):
    from tasks.settings import Limits

    monkeypatch.setenv("WIRELAKE_MAX_JSON_DEPTH", "7")
    monkeypatch.setenv("WIRELAKE_MAX_STORY_CHARS", "1234")
    limits = Limits.from_env()
    assert (limits.max_json_depth, limits.max_story_chars) == (7, 1234)


# --- one run over all of it -----------------------------------------------------------------


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _file_of(uri: str) -> str:
    """The delivered file's name for a row's source_uri (members: `file!/member`, `file#record`)."""
    return Path(uri.split("!/")[0]).name.split("#")[0]


def _read_dataset(lake: Path, name: str) -> list[dict]:
    folder = lake / name
    if not folder.exists():
        return []
    return [row for path in folder.rglob("*.parquet") for row in pq.read_table(path).to_pylist()]


@pytest.mark.prefect
def test_end_to_end_run_over_hostile_files(prefect_harness, tmp_path):
    from flows.cli import main

    src, lake = tmp_path / "src", tmp_path / "lake"
    src.mkdir()
    expected = {}
    for case in hostile.cases():
        if case.limits:  # runs under default limits here; its outcome may differ, not its safety
            name, data, _ = case.build()
            expectation = None
        else:
            name, data, expectation = case.build()
        path = src / f"{case.name}--{name}"
        path.write_bytes(data)
        expected[path.name] = expectation
    good = []
    for seed, fmt in zip(range(101, 106), ("page_text", "nitf", "ninjs", "html", "anpa")):
        path = src / f"good-{seed}{hostile.synth.EXTENSIONS[fmt]}"
        path.write_bytes(hostile.base(fmt, seed))
        good.append(path.name)

    outside = tmp_path.parent
    before_tmp, before_outside = _listing(tmp_path), set(os.listdir(outside))
    escape_targets = [Path("/tmp/wirelake-escape.xml"), Path("/etc/wirelake-escape.json"),
                      Path("/etc/cron.d/wirelake-escape")]
    assert not any(p.exists() for p in escape_targets)

    assert main(["run", "--source", str(src), "--lake", str(lake), "--quiet", "--workers", "1"]) == 0

    # nothing written outside the lake: the source folder is as it was, tmp_path holds only
    # the lake besides it, no traversal target exists, no sibling appeared
    after_tmp = _listing(tmp_path)
    assert {p for p in after_tmp - before_tmp if not p.startswith("lake")} == set()
    assert not any(p.exists() for p in escape_targets)
    assert set(os.listdir(outside)) == before_outside
    top = {p.name for p in lake.iterdir()}
    assert all(name in DATASETS or name == "entity_index" or name.startswith("_") for name in top), top

    ledger = {Path(row["source_uri"]).name: row["status"]
              for row in pq.read_table(next(lake.rglob("ledger.parquet"))).to_pylist()}
    rejects = _read_dataset(lake, "rejects")
    articles = _read_dataset(lake, "articles")
    rejected_files = {_file_of(r["source_uri"]) for r in rejects}
    parsed_files = {_file_of(a["source_uri"]) for a in articles}
    assert all(r["stage"] and r["reason"] for r in rejects)
    assert not [r for r in rejects if r["reason"] == "unexpected error"]

    for name in good:
        assert ledger.get(name) == "parsed" and name in parsed_files, name
    for name, expectation in expected.items():
        status = ledger.get(name)
        assert status in ("parsed", "rejected", "duplicate"), (name, status)
        if status == "rejected":
            assert name in rejected_files, name
        if status == "parsed":
            assert name in parsed_files, name
        if expectation is not None and status != "duplicate":
            assert status == expectation[0], (name, status, expectation)
            if expectation[0] == "rejected":
                assert any(_file_of(r["source_uri"]) == name and (r["stage"], r["reason"]) == expectation[1:]
                           for r in rejects), (name, expectation)


def test_a_gzip_bomb_stops_at_the_ratio_long_before_the_size_limit():
    import gzip as gzip_module
    import tracemalloc
    from datetime import datetime, timezone

    from tasks.pipeline import process_file
    from tasks.records import RawFile

    bomb = gzip_module.compress(bytes(64 * 2**20), compresslevel=9)  # 64 MB of zeros in ~64 KB
    tracemalloc.start()
    rows = process_file(RawFile("bomb.gz", bomb), datetime(2024, 1, 1, tzinfo=timezone.utc))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(r["stage"], r["reason"]) for r in rows.rejects] == [("unpack", "compression ratio over limit")]
    assert peak < 24 * 2**20, f"peak {peak:,} bytes"
