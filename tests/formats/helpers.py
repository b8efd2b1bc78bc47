"""What the reader tests share: the fixture folder and reading a file as the pipeline does."""

from __future__ import annotations

from datetime import timedelta, timezone

from tasks.parse import finish_story
from tasks.records import RawFile, Story

from tests.conftest import FIXTURES

# Invented stories in each format's layout, one folder per reader.
FORMATS = FIXTURES / "formats"


def zone(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


def raw_of(path, uri: str | None = None, modified_at=None) -> RawFile:
    return RawFile(uri or path.name, path.read_bytes(), modified_at=modified_at)


def read_all(reader, raw: RawFile) -> list:
    """Everything a reader yields, stories finished as the pipeline finishes them."""
    return [finish_story(item) if isinstance(item, Story) else item for item in reader.read(raw)]


def read_one(reader, path) -> Story:
    [story] = read_all(reader, raw_of(path))
    assert isinstance(story, Story)
    return story


def one_story(reader, data: bytes, modified_at=None) -> Story:
    (story,) = read_all(reader, RawFile("mem", data, modified_at=modified_at))
    assert isinstance(story, Story), story
    return story
