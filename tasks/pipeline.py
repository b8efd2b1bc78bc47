"""One raw file in, lake rows out: sniff -> read -> finish -> entities -> rows.

Pure: no file system, no Prefect, no clock (the caller passes `ingested_at`). Every failure
becomes a reject row with its stage and reason; nothing escapes and nothing is dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from tasks import identity
from tasks.amounts import find_amounts
from tasks.entities import entity_rows, paragraph_index, places
from tasks.formats import reader_for
from tasks.lake.schema import DELIVERY, rows_for_each_dataset
from tasks.settings import LIMITS
from tasks.quotes import find_quotes
from tasks.parse import date_near, dateline_place, find_month_day, finish_story, trusted_moment
from tasks.records import RawFile, Reject, Story
from tasks.redact import redact

# Formats whose file is one story, and the most bytes one character of the story can take in
# it: 4 in text (UTF-8, UTF-16 and UTF-32 alike); markup, scripts and styles around a page's
# text allow more in HTML and NITF.
_ONE_STORY_BYTES_PER_CHAR = {"page_text": 4, "html": 16, "nitf": 16}


@rows_for_each_dataset  # one list per declared dataset (tasks.lake.schema.DATASETS), or the import fails
@dataclass(slots=True)
class FileRows:
    """What one raw file produced: rows per dataset, and its outcome for the run summary."""

    uri: str
    n_bytes: int
    formats: Counter = field(default_factory=Counter)  # reader name -> files it read (members too)
    articles: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "parsed" if self.articles else "rejected"


_WARM_UP_STORY = (b"Leaders meet in Geneva\n\nGENEVA, May 2 (Reuters) - Foreign Minister Anna Berg of Sweden met "
                  b"officials of the World Health Organization, the ministry said. \"We agreed on $1.2 billion "
                  b"in aid,\" she told reporters in Paris, Texas.\n")


def warm_up() -> None:
    """Load what the stages load on first use (CRF model, gazetteers, GeoNames, census names)
    by running one small story through them: a new worker does it before its first batch."""
    process_file(RawFile("warm-up.txt", _WARM_UP_STORY), datetime(2024, 5, 2, tzinfo=timezone.utc))


def process_file(raw: RawFile, ingested_at: datetime) -> FileRows:
    """Every story in the file (and in files it contains) -> rows; every failure -> a reject."""
    out = FileRows(raw.uri, len(raw.data))
    _process(raw, ingested_at, out)
    return out


def _process(raw: RawFile, ingested_at: datetime, out: FileRows) -> None:
    stage = "sniff"
    try:
        if len(raw.data) > LIMITS.max_file_bytes:
            raise Reject("read", "file over size limit", f"{len(raw.data):,} bytes > {LIMITS.max_file_bytes:,}")
        reader = reader_for(raw)
        out.formats[reader.NAME] += 1
        # A file that is one story is refused unread when it cannot fit the story limit: its
        # decoding and parsing cost a multiple of its size (up to 25x for HTML), so this bound
        # is what keeps a 200 MB text file or a 100 MB page from taking gigabytes.
        if (per_char := _ONE_STORY_BYTES_PER_CHAR.get(reader.NAME)) and \
                len(raw.data) > (bound := per_char * LIMITS.max_story_chars):
            raise Reject("parse", "story too long", f"{reader.NAME} file of {len(raw.data):,} bytes holds one story: "
                         f"over {bound:,} bytes, refused unread ({LIMITS.max_story_chars:,} characters at most)")
        stage = "parse"
        for item in reader.read(raw):
            if isinstance(item, RawFile):
                _process(item, ingested_at, out)
            elif isinstance(item, Reject):
                out.rejects.append(reject_row(raw.uri, item.stage, item.reason, item.detail, ingested_at))
            else:
                try:
                    stage = "parse"
                    story = finish_story(item, now=ingested_at)
                    article = article_row(story, raw, ingested_at)
                    stage = "entities"
                    entities = entity_rows(article, story)
                    quotes, amounts = quote_and_amount_rows(article, entities)
                except Reject as reject:  # one bad story; the file's other stories go on
                    out.rejects.append(reject_row(raw.uri, reject.stage, reject.reason, reject.detail, ingested_at))
                    continue
                for row in (*entities, *quotes, *amounts):  # staged only: the delivery they came with (lake/checks.py)
                    row[DELIVERY] = article["source_uri"]
                out.entities.extend(entities)
                out.quotes.extend(quotes)
                out.amounts.extend(amounts)
                out.articles.append(article)
            stage = "parse"
    except Reject as reject:
        out.rejects.append(reject_row(raw.uri, reject.stage, reject.reason, reject.detail, ingested_at))
    except Exception as exc:  # a bug or a pathological input: record it, keep the run going
        detail = f"{type(exc).__name__}: {exc}"[:500]
        out.rejects.append(reject_row(raw.uri, stage, "unexpected error", detail, ingested_at))


def article_row(story: Story, raw: RawFile, ingested_at: datetime) -> dict:
    body = "\n\n".join(story.paragraphs)
    pub_date, date_source = _pub_date(story, raw, ingested_at)
    place = dateline_place(story.dateline)
    url = web_address(story.url) or web_address(raw.url)
    day = pub_date.isoformat()
    # Every version in every format shares story_id; the same text in two formats shares
    # article_id (written once); a stub without text is told apart by its story and day.
    story_id = identity.story_id(story.agency, story.story_id, url, story.headline, day)
    is_bare_stub = not body.strip() or story.kind == "stub"
    content_sha256 = identity.content_sha256(story.agency, story.headline, body,
                                             stub_of=f"{story_id} {day}" if is_bare_stub else None)
    return {
        "article_id": content_sha256[:16],
        "story_id": story_id,
        "version": story.version or 1,
        "agency": story.agency,
        "publisher": story.publisher,
        "headline": story.headline,
        "subheadline": story.subheadline,
        "kind": story.kind or "story",
        "published_at": _utc(story.published_at),
        "published_utc_offset": _offset(story.published_at),
        "version_created_at": _utc(story.version_created_at),
        "pub_date": day,
        "date_source": date_source,
        "dateline": story.dateline,
        "dateline_place": place,
        "dateline_country_code": _country_of(place),
        "byline": story.byline,
        "credits": story.credits,
        "advisory": story.advisory,
        "body": body,
        "paragraphs": story.paragraphs,
        "word_count": len(body.split()),
        "language": story.language,
        "slug": story.slug,
        "urgency": story.urgency,
        "subjects": story.subjects,
        "url": url,
        "related_headlines": story.related_headlines,
        "source_uri": raw.uri,
        "source_format": story.source_format,
        "content_sha256": content_sha256,
        "ingested_at": ingested_at,
    }


def quote_and_amount_rows(article: dict, entities: list[dict]) -> tuple[list[dict], list[dict]]:
    """Quotes (with speakers resolved against the article's entities) and amounts of the body."""
    body, article_id, day = article["body"], article["article_id"], article["pub_date"]
    paragraph_of = paragraph_index(article["paragraphs"])
    spans = [row.pop("_entity") for row in entities]
    quotes = [
        {"article_id": article_id, "text": q.text, "start": q.start, "end": q.end, "paragraph": paragraph_of(q.start),
         "speaker": q.speaker, "speaker_text": q.speaker_text, "verb": q.verb, "full_sentence": q.full_sentence,
         "pub_date": day}
        for q in find_quotes(body, spans)
    ]
    amounts = [
        {"article_id": article_id, "text": a.text, "value": a.value, "unit": a.unit, "kind": a.kind,
         "start": a.start, "end": a.end, "paragraph": paragraph_of(a.start), "pub_date": day}
        for a in find_amounts(body, article.get("dateline_country_code"))  # "pesos" in Mexico City: MXN
    ]
    return quotes, amounts


def reject_row(uri: str, stage: str, reason: str, detail: str, ingested_at: datetime) -> dict:
    return {
        "source_uri": redact(uri),
        "stage": stage,
        "reason": reason,
        "detail": redact(detail),
        "ingested_at": ingested_at,
        "run_date": ingested_at.date().isoformat(),
    }


def _pub_date(story: Story, raw: RawFile, ingested_at: datetime) -> tuple[date, str]:
    """The partition date: from the story if it has one, else from the file's own date."""
    if story.published_at is not None:
        return story.published_at.astimezone(timezone.utc).date(), story.date_source or "content"
    if story.published_on is not None:
        return story.published_on, story.date_source or "content"
    # A file's clock is bounded like a stated date: a modification time in year 2446 or 1970's
    # zero is no publication day, so the run's own day stands in.
    anchor = (trusted_moment(raw.modified_at, ingested_at) or ingested_at).astimezone(timezone.utc).date()
    # A dateline without a year ("CAIRO, March 3") still fixes the day, near the file's date.
    if story.dateline and (month_day := find_month_day(story.dateline)):
        if near := date_near(*month_day, anchor):
            return near, "file"
    return anchor, "file"


def _country_of(place: str | None) -> str | None:
    """ISO code of a dateline's place, from the same GeoNames tables the entities use."""
    found = places.locate(place) if place else None
    return found.country_code if found else None


def web_address(url: str | None) -> str | None:
    """Only http(s) addresses are stored: a 'javascript:' or 'data:' link is no article's address."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(timezone.utc) if moment else None


def _offset(moment: datetime | None) -> str | None:
    if moment is None or moment.utcoffset() is None:
        return None
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
