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


# data/raw/wire/: one sample per structured format (copies of our own format fixtures, a zip
# bundle and a synthetic WARC): readers, stories and per-story rejects each file gives.
WIRE = {
    "afp-geneve-latin1.nitf.xml": ({"nitf"}, 1, []),
    "afp-mombasa.newsml12.xml": ({"newsml12"}, 1, ["not a text item"]),
    "agency-feed.rss": ({"feeds"}, 2, ["feed item without title"]),
    "ap-capture.anpa": ({"anpa"}, 2, ["bad anpa take"]),
    "api-envelope.ninjs.json": ({"ninjs"}, 1, []),
    "bundle.zip": ({"zip", "ninjs", "nitf"}, 2, []),
    "courier-ap-storm.html": ({"html"}, 1, []),
    "crawl.warc.gz": ({"warc", "html"}, 1, []),
    "dpa-2-stories.7901": ({"iptc7901"}, 2, []),
    "nairobi-v1-v2.newsml-g2.xml": ({"newsml_g2"}, 2, []),
    "story.ninjs2.json": ({"ninjs"}, 1, []),
    "xinhua-mekong.nitf.xml": ({"nitf"}, 1, []),
}


def test_expectations_cover_every_sample_file():
    on_disk = {p.relative_to(RAW).as_posix() for p in RAW.rglob("*") if p.is_file()}
    assert on_disk == {e["path"] for e in EXPECTED} | {f"wire/{name}" for name in WIRE}
    assert len(on_disk) >= 40


@pytest.mark.parametrize("name", sorted(WIRE))
def test_wire_sample_in_every_format(name):
    from datetime import datetime, timezone

    from tasks.pipeline import process_file

    path = RAW / "wire" / name
    rows = process_file(RawFile(path.as_posix(), path.read_bytes()), datetime(2026, 11, 27, tzinfo=timezone.utc))
    readers, stories, rejects = WIRE[name]
    assert set(rows.formats) == readers
    assert len(rows.articles) == stories and all(a["headline"] and a["agency"] for a in rows.articles)
    assert [r["reason"] for r in rows.rejects] == rejects


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
