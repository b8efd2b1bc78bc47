"""A run that would write one article_id into two partitions fails loudly and writes nothing."""

from __future__ import annotations

import json

import pytest

from flows.cli import main

pytestmark = pytest.mark.prefect


def test_one_text_dated_two_ways_fails_the_run_before_writing(prefect_harness, tmp_path, capsys):
    source = tmp_path / "raw"
    source.mkdir()
    for name, created in (("a", "2024-03-05T10:00:00Z"), ("b", "2024-03-09T10:00:00Z")):
        item = {"uri": f"urn:example:{name}", "type": "text", "headline": "Dam bursts in the north",
                "firstcreated": created, "body_text": "A dam burst on Tuesday, flooding three villages."}
        (source / f"{name}.json").write_text(json.dumps(item))
    lake = tmp_path / "lake"
    assert main(["run", "--source", str(source), "--lake", str(lake), "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "would be written into two pub_date partitions" in err and "a.json" in err and "b.json" in err
    assert not list(lake.glob("articles/pub_date=*"))  # nothing written
