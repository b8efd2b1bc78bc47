"""Every sample in data/raw parses as its expectations file says (tests/fixtures/data_raw_expected.json)."""

import json
import unicodedata
from pathlib import Path

import pytest

from tasks.formats import reader_for
from tasks.parse import finish_story
from tasks.records import RawFile, Reject

from tests.conftest import FIXTURES, ROOT

RAW = ROOT / "data" / "raw"
EXPECTED = json.loads((FIXTURES / "data_raw_expected.json").read_text(encoding="utf-8"))["files"]


def test_expectations_cover_every_sample_file():
    on_disk = {p.relative_to(RAW).as_posix() for p in RAW.rglob("*") if p.is_file()}
    assert on_disk == {e["path"] for e in EXPECTED}
    assert len(on_disk) >= 40


def _parse(path: Path):
    raw = RawFile(path.as_posix(), path.read_bytes())
    return [finish_story(story) for story in reader_for(raw).read(raw)]


@pytest.mark.parametrize("expected", [e for e in EXPECTED if e["outcome"] != "rejected"], ids=lambda e: e["path"])
def test_sample_parses_as_expected(expected):
    [story] = _parse(RAW / expected["path"])
    assert story.headline == expected["headline"]
    assert story.agency == expected["agency"]
    assert (story.kind, story.version) == (expected["kind"], expected["version"])
    assert len(story.paragraphs) == expected["paragraphs"]
    assert story.paragraphs[0].startswith(expected["first_paragraph_starts"])
    assert story.dateline == expected["dateline"]
    assert len(story.related_headlines) == expected["related_headlines"]
    assert story.language == expected["language"]
    day = story.published_at.date() if story.published_at else story.published_on
    assert (day.isoformat() if day else None) == expected["pub_date"]
    text = "\n".join(story.paragraphs)
    assert unicodedata.is_normalized("NFC", text)
    for person in expected["people"]:
        assert person in text


@pytest.mark.parametrize("expected", [e for e in EXPECTED if e["outcome"] == "rejected"], ids=lambda e: e["path"])
def test_bad_sample_is_rejected_with_a_reason(expected):
    with pytest.raises(Reject) as caught:
        _parse(RAW / expected["path"])
    assert caught.value.stage and caught.value.reason
