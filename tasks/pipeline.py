"""One raw file in, lake rows out: sniff -> read -> finish -> entities -> rows.

Pure: no file system, no Prefect, no clock (the caller passes `ingested_at`). Every failure
becomes a reject row with its stage and reason; nothing escapes and nothing is dropped.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from tasks import entities as entity_stage
from tasks.formats import reader_for
from tasks.parse import date_near, find_month_day, finish_story
from tasks.records import RawFile, Reject, Story


@dataclass(slots=True)
class FileRows:
    """What one raw file produced: rows per dataset, and its outcome for the run summary."""

    uri: str
    n_bytes: int
    source_format: str | None = None
    articles: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "parsed" if self.articles else "rejected"


def process_file(raw: RawFile, ingested_at: datetime) -> FileRows:
    out = FileRows(raw.uri, len(raw.data))
    stage = "sniff"
    try:
        reader = reader_for(raw)
        out.source_format = reader.NAME
        stage = "parse"
        for story in reader.read(raw):
            stage = "parse"
            story = finish_story(story)
            article = article_row(story, raw, ingested_at)
            stage = "entities"
            out.entities.extend(entity_rows(article))
            out.articles.append(article)
    except Reject as reject:
        out.rejects.append(reject_row(raw.uri, reject.stage, reject.reason, reject.detail, ingested_at))
    except Exception as exc:  # a bug or a pathological input: record it, keep the run going
        detail = f"{type(exc).__name__}: {exc}"[:500]
        out.rejects.append(reject_row(raw.uri, stage, "unexpected error", detail, ingested_at))
    return out


def article_row(story: Story, raw: RawFile, ingested_at: datetime) -> dict:
    body = "\n\n".join(story.paragraphs)
    pub_date, date_source = _pub_date(story, raw, ingested_at)
    content_sha256 = _sha256(story.agency or "", story.headline, body)
    story_id = story.story_id or _sha256(story.agency or "", story.headline.casefold(), pub_date.isoformat())[:16]
    published_at = story.published_at.astimezone(timezone.utc) if story.published_at else None
    return {
        "article_id": content_sha256[:16],
        "story_id": story_id,
        "version": story.version or 1,
        "agency": story.agency,
        "headline": story.headline,
        "kind": story.kind or "story",
        "published_at": published_at,
        "pub_date": pub_date.isoformat(),
        "date_source": date_source,
        "dateline": story.dateline,
        "byline": story.byline,
        "body": body,
        "paragraphs": story.paragraphs,
        "word_count": len(body.split()),
        "language": story.language,
        "related_headlines": story.related_headlines,
        "source_uri": raw.uri,
        "source_format": story.source_format,
        "content_sha256": content_sha256,
        "ingested_at": ingested_at,
    }


def entity_rows(article: dict) -> list[dict]:
    """Entities of the body, each with the index of the paragraph it sits in."""
    starts, offset = [], 0
    for paragraph in article["paragraphs"]:
        starts.append(offset)
        offset += len(paragraph) + 2  # the blank line that joins paragraphs in body
    return [
        {
            "article_id": article["article_id"],
            "text": entity.text,
            "name": entity.name,
            "type": entity.type,
            "start": entity.start,
            "end": entity.end,
            "paragraph": bisect_right(starts, entity.start) - 1,
            "role": entity.role,
            "pub_date": article["pub_date"],
        }
        for entity in entity_stage.find_entities(article["body"])
    ]


def reject_row(uri: str, stage: str, reason: str, detail: str, ingested_at: datetime) -> dict:
    return {
        "source_uri": uri,
        "stage": stage,
        "reason": reason,
        "detail": detail,
        "ingested_at": ingested_at,
        "run_date": ingested_at.date().isoformat(),
    }


def _pub_date(story: Story, raw: RawFile, ingested_at: datetime) -> tuple[date, str]:
    """The partition date: from the story if it has one, else from the file's own date."""
    if story.published_at is not None:
        return story.published_at.astimezone(timezone.utc).date(), story.date_source or "content"
    if story.published_on is not None:
        return story.published_on, story.date_source or "content"
    anchor = (raw.modified_at or ingested_at).astimezone(timezone.utc).date()
    # A dateline without a year ("CAIRO, March 3") still fixes the day, near the file's date.
    if story.dateline and (month_day := find_month_day(story.dateline)):
        if near := date_near(*month_day, anchor):
            return near, "file"
    return anchor, "file"


def _sha256(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
