"""Inputs the fuzzers (atheris, hypothesis) found, kept so their fixes stay fixed.

Every file in tests/fixtures/fuzz/ is named for what it caught. Each goes through
process_file and must end as a parse or a reject, never as an "unexpected error"; its
rows must index their bodies and fit the lake schemas (a row pyarrow refuses would take
the lake write down).

test_short_fuzz_session runs the atheris harness (fuzz/fuzz_sniff_and_read.py) for 10
seconds over process_file; it is marked `fuzz` (deselect with -m "not fuzz").
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pytest

from tasks.pipeline import process_file
from tasks.records import RawFile
from tasks.lake.schema import AMOUNTS, ARTICLES, ENTITIES, QUOTES

ROOT = Path(__file__).resolve().parents[1]
FUZZ_FIXTURES = ROOT / "tests" / "fixtures" / "fuzz"
INGESTED_AT = datetime(2024, 6, 12, 8, 0, tzinfo=timezone.utc)
MODIFIED_AT = datetime(2024, 6, 11, 22, 50, tzinfo=timezone.utc)

# What each input must end as: "parsed" (at least one article) or "rejected" (stage, reason).
EXPECTED = {
    "ninjs-lone-surrogate-body-crashed-ner.json": "parsed",  # NER (crfsuite) died on "\ud800"
    "ninjs-lone-surrogate-nitf-body.json": "parsed",
    "ninjs-lone-surrogate-slugline.json": "parsed",
    "ninjs-lone-surrogate-subject.json": "parsed",
    "page-text-utc-offset-over-24h.txt": "parsed",  # find_date: timezone(+99h) ValueError
    "page-text-negative-offset-24h.txt": "parsed",  # find_date: timezone(-24h) ValueError
    "utf8-bom-only.txt": ("decode", "empty file"),  # decode_text returned ""
    "utf16-bom-whitespace-only.txt": ("decode", "empty file"),
    # version / urgency past int32: pyarrow refuses the article row (the lake write fails)
    "page-text-update-slug-version-int32-overflow.txt": "parsed",  # split_slugs "UPDATE 99999999999 -"
    "ninjs-version-urgency-int32-overflow.json": "parsed",
    "nitf-version-urgency-int32-overflow.xml": "parsed",
    "newsml-g2-version-int32-overflow.xml": "parsed",
    "anpa-nth-lead-int32-overflow.anpa": "parsed",
    # a time with no UTC equivalent (year 1 at +01:00): pipeline._pub_date's astimezone overflowed
    "ninjs-firstcreated-year-9999-utc-overflow.json": "parsed",
    "nitf-date-issue-year-1-utc-overflow.xml": "parsed",
    "html-published-time-year-1-utc-overflow.html": "parsed",
    "newsml-g2-versioncreated-year-1-utc-overflow.xml": "parsed",
    # an archive with no member file: no article and no reject, the file vanished from the run
    "zip-empty-archive-no-outcome.zip": ("unpack", None),
    "tar-directory-only-no-outcome.tar": ("unpack", None),
}

FILES = sorted(p for p in FUZZ_FIXTURES.iterdir() if p.is_file() and not p.name.startswith((".", "README")))


def _param(path: Path):
    return pytest.param(path, id=path.name)


def test_every_fixture_has_an_expected_outcome():
    assert sorted(EXPECTED) == [p.name for p in FILES]


@pytest.mark.parametrize("path", [_param(p) for p in FILES])
def test_fuzz_regression(path: Path):
    rows = process_file(RawFile(f"fuzz/{path.name}", path.read_bytes(), MODIFIED_AT), INGESTED_AT)

    unexpected = [r for r in rows.rejects if r["reason"] == "unexpected error"]
    assert not unexpected, unexpected
    expected = EXPECTED[path.name]
    if expected == "parsed":
        assert rows.status == "parsed", rows.rejects
    else:  # (stage, reason); reason None: any reason at that stage
        stage, reason = expected
        assert rows.status == "rejected" and len(rows.rejects) == 1, rows.rejects
        assert rows.rejects[0]["stage"] == stage and rows.rejects[0]["reason"] == (reason or rows.rejects[0]["reason"])

    bodies = {a["article_id"]: a["body"] for a in rows.articles}
    for table in (rows.entities, rows.quotes, rows.amounts):
        for row in table:
            assert bodies[row["article_id"]][row["start"]:row["end"]] == row["text"]
    for table, schema in ((rows.articles, ARTICLES), (rows.entities, ENTITIES), (rows.quotes, QUOTES),
                          (rows.amounts, AMOUNTS)):
        if table:
            pa.Table.from_pylist(table, schema=schema)


@pytest.mark.fuzz
def test_short_fuzz_session(tmp_path):
    """10 seconds of atheris over process_file, seeded with the format fixtures: exit 0."""
    pytest.importorskip("atheris")
    fixtures = ROOT / "tests" / "fixtures"
    env = dict(os.environ, WIRELAKE_FUZZ_SEED_DIRS=os.pathsep.join(
        str(fixtures / d) for d in ("formats", "raw_mini", "fuzz")))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_sniff_and_read.py"), "--target=pipeline", str(corpus),
         "-max_total_time=10", "-timeout=10", "-rss_limit_mb=2048", "-seed=1",
         f"-artifact_prefix={tmp_path}/"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert result.returncode == 0, f"fuzzer found {crashes} in {tmp_path}:\n{result.stderr[-3000:]}"
