"""The story model: `make_story(rng, index)` draws one format-neutral `WireStory` (agency,
topic, country and city, date, headline and lead, 3-10 paragraphs of 30-80 words, the
people / organisations / places named, charset variant, story key); `make_writethru(rng,
story)` draws its next version (same key and headline text, a writethru slug, one more
paragraph, a later time). Renderers (render/) turn a story into file bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any, Sequence

from tasks.synth.draw import Cursor, int_between, pick, pick_weighted
from tasks.synth.reference import (
    AFP_MONTHS, AGENCY_BY_NAME, AGENCY_WEIGHTS, AP_MONTHS, AP_STATES, COUNTRIES, COUNTRY_BY_NAME, EDITOR_NAME_POOLS,
    SITE_SECTIONS, make_name,
)
from tasks.synth.slots import StoryContext, bare, name_pool
from tasks.synth.templates import (
    BODIES, CONSTANT, GENERAL_BODY, GENERAL_CLOSERS, HEADLINES, QUOTE_WRAPPERS, TOPIC_WEIGHTS, WORDS,
)

DEFAULT_START = date(2016, 1, 1)
DEFAULT_END = date(2024, 12, 31)

# Variant rates per new story.
P_UNDATED = 0.02  # no date anywhere in the file (nor in its name)
P_CP1252 = 0.02
P_LATIN1 = 0.01
P_BOM = 0.01  # UTF-8 with a byte-order mark

WRITETHRU_SLUGS = {2: ("1st LD Writethru: ",), 3: ("2nd LD Writethru: ", "2nd LD Writethru: ", "2nd LD: ")}
DESK_SLUGS = (
    ("Urgent: ", 4),
    ("Roundup: ", 5),
    ("Interview: ", 3),
    ("Commentary: ", 2),
    ("Feature: ", 3),
    ("Spotlight: ", 2),
    ("", 81),
)
_TICKER_SLUGS = DESK_SLUGS[:-1] + (("1st LD Writethru: ", 3), ("2nd LD Writethru: ", 1), ("2nd LD: ", 1))


@dataclass(slots=True)
class WireStory:
    """One version of one story, format-neutral. Renderers turn it into file bytes."""

    index: int  # position in the generated stream (file index of its first version)
    story_key: str  # shared by every version of the story
    version: int  # 1, 2, 3 (writethrus)
    agency: str  # Xinhua | AP | Reuters | AFP | dpa
    topic: str
    section: str  # site section (navigation)
    slug: str  # desk slug as printed before the headline ("Urgent: ", "" ...)
    headline: str  # without the slug
    city: str  # dateline city (in the story's country)
    country: str
    dateline: str  # in the agency's style, e.g. "BEIJING, Feb. 2 (Xinhua) --"
    published: datetime | None  # UTC; None: the file carries no date at all
    paragraphs: list[str]  # body, without the dateline
    people: list[str]  # names as they appear in the text
    orgs: list[str]
    places: list[str]
    related: list[str] = field(default_factory=list)  # other headlines (page ticker), slugs included
    encoding: str = "utf-8"  # utf-8 | utf-8-sig | cp1252 | latin-1
    style_seed: int = 0  # 64 random bits: a renderer's layout choices
    ctx: Any = field(default=None, repr=False, compare=False)  # slot state, for writethrus

    @property
    def full_headline(self) -> str:
        return self.slug + self.headline

    @property
    def kind(self) -> str | None:
        return self.slug.rstrip(": ") or None

    def file_stem(self, index: int, width: int = 6) -> str:
        return stem_for(AGENCY_BY_NAME[self.agency].key, self.published, index, width)


def stem_for(agency_key: str, dt: datetime | date | None, index: int, width: int) -> str:
    if dt is None:
        return f"{agency_key}-{index:0{width}d}"
    return f"{agency_key}-{dt.year:04d}-{dt.month:02d}-{dt.day:02d}-{index:0{width}d}"


@lru_cache(maxsize=64)
def story_window(start: date | None, end: date | None) -> tuple[datetime, int]:
    start = start or DEFAULT_START
    end = end or DEFAULT_END
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    t0 = datetime.combine(start, time(0, 0), tzinfo=timezone.utc)
    minutes = ((end - start).days + 1) * 1440
    return t0, minutes


def make_dateline(agency: str, city: str, dt: datetime | None, dash: str = "--") -> str:
    """The agency's dateline for `city` (and date, for the agencies that print one)."""
    if agency == "Xinhua":
        if dt is None:
            return f"{city.upper()} (Xinhua) --"
        return f"{city.upper()}, {AP_MONTHS[dt.month - 1]} {dt.day} (Xinhua) --"
    if agency == "AP":
        state = AP_STATES.get(city)
        place = f"{city.upper()}, {state}" if state else city.upper()
        return f"{place} (AP) {dash}"
    if agency == "Reuters":
        return f"{city.upper()} (Reuters) -"
    if agency == "AFP":
        if dt is None:
            return f"{city.upper()} (AFP) -"
        return f"{city.upper()}, {AFP_MONTHS[dt.month - 1]} {dt.day}, {dt.year} (AFP) -"
    if agency == "dpa":
        return f"{city} (dpa) -"
    raise ValueError(f"unknown agency {agency!r}")


def _sentence(ctx: StoryContext, pool: Sequence[str]) -> str:
    """A filled template drawn from pool."""
    return pool[int(ctx.rand() * len(pool))].format_map(ctx)




def _paragraph(ctx: StoryContext, kind: str) -> str:
    """One paragraph of 30-80 words: a sentence of `kind`, then body sentences."""
    rand = ctx.rand
    if kind == "lead":
        t = ctx.lead
        first = t.format_map(ctx)
        ctx.unstick()
    else:
        if kind == "quote":
            sp = ctx.topic.speakers
            sp = sp[int(rand() * len(sp))]
            ctx.speaker = "P2" if sp == "2" else sp
            cur = ctx.cur_quote
        elif kind == "general":
            cur = ctx.cur_general
        elif kind == "closer":
            cur = ctx.cur_closer
        else:
            cur = ctx.cur_body
        t = cur.next() or ctx.cur_general.next() or cur.pool[int(rand() * cur.n)]
        first = CONSTANT.get(t) or t.format_map(ctx)
    words = first.count(" ") + 1
    target = 30 + int(rand() * 51)
    if words >= target:
        return first
    parts = [first]
    body = ctx.cur_body
    general = ctx.cur_general
    words_of = WORDS
    constant = CONSTANT
    n_parts = 1
    while words < target and words <= 68 and n_parts < 4:
        if rand() < 0.8 and body.left:  # (Cursor.next, inlined for the common case)
            body.left -= 1
            body.pos = pos = (body.pos + body.step) % body.n
            t = body.pool[pos]
        else:
            t = general.next() or body.next()
        if t is None or words + words_of[t] > 84:  # (a paragraph stays under ~85 words)
            break
        text = constant.get(t) or t.format_map(ctx)
        w = text.count(" ") + 1
        if words + w > 86:
            break
        parts.append(text)
        n_parts += 1
        words += w
    return " ".join(parts)


def _body_kind(rng: random.Random) -> str:
    x = rng.random()
    return "body" if x < 0.54 else "quote" if x < 0.89 else "general"


def _as_printed(ctx: StoryContext, names: dict[str, None]) -> list[str]:
    """Entity names as the text prints them (typographic apostrophes in curly style)."""
    if ctx.curly:
        return [n.replace("'", "\u2019") for n in names]
    return list(names)


def _curly(text: str) -> str:
    if '"' in text:
        parts = text.split('"')
        out = [parts[0]]
        for i, part in enumerate(parts[1:]):
            out.append("\u201c" if i % 2 == 0 else "\u201d")
            out.append(part)
        text = "".join(out)
    return text.replace("'", "\u2019")


def related_headlines(rng: random.Random, dt: datetime | None) -> list[str]:
    """4-10 headlines of other stories (a page's ticker)."""
    out = []
    ctx = None
    for _ in range(int_between(rng, 4, 10)):
        agency = pick_weighted(rng, AGENCY_WEIGHTS)
        topic = pick_weighted(rng, TOPIC_WEIGHTS)
        country = pick(rng, COUNTRIES)
        if ctx is None:
            ctx = StoryContext(rng, agency, topic, country, country.cities[0], dt, True)
            ctx.headline_mode = True
        else:
            ctx.clear()
            ctx.agency, ctx.topic, ctx.country, ctx.city = agency, topic, country, country.cities[0]
            ctx.quotes = topic.quotes
            ctx.quote_cursor = None
            ctx.pct_unit = "%" if agency.percent == "%" else " " + agency.percent
            ctx.country2 = ctx.org = ctx.company = None
            ctx.persons.clear()
            ctx.mentioned.clear()
        head = _sentence(ctx, HEADLINES[topic.name])
        if rng.random() < 0.2:
            head = pick_weighted(rng, _TICKER_SLUGS) + head
        out.append(head)
    return out


def _pick_encoding(rng: random.Random) -> str:
    x = rng.random()
    if x < P_CP1252:
        return "cp1252"
    if x < P_CP1252 + P_LATIN1:
        return "latin-1"
    if x < P_CP1252 + P_LATIN1 + P_BOM:
        return "utf-8-sig"
    return "utf-8"


def make_story(rng: random.Random, index: int, *, start: date | None = None, end: date | None = None,
               dated: bool | None = None, encoding: str | None = None,
               related: Sequence[str] | None = None) -> WireStory:
    """Draw one new story (version 1) dated within [start, end].

    `dated` / `encoding` force a variant (None: draw it: 2% undated; 2% cp1252, 1% latin-1,
    1% UTF-8 with BOM). `related` gives the page ticker's headlines; None draws 4-10
    fresh ones for 70% of stories (generate() passes recent headlines instead)."""
    t0, minutes = story_window(start, end)
    agency = pick_weighted(rng, AGENCY_WEIGHTS)
    topic = pick_weighted(rng, TOPIC_WEIGHTS)
    if dated is None:
        dated = rng.random() >= P_UNDATED
    if encoding is None:
        encoding = _pick_encoding(rng)
    if topic.countries:
        country = COUNTRY_BY_NAME[pick(rng, topic.countries)]
    elif rng.random() < agency.home_share:
        country = COUNTRY_BY_NAME[agency.home]
    else:
        country = pick(rng, COUNTRIES)
    cities = country.cities
    city = cities[0] if rng.random() < 0.45 else pick(rng, cities)
    dt = t0 + timedelta(minutes=int(rng.random() * minutes)) if dated else None
    latin1 = encoding == "latin-1"
    ctx = StoryContext(rng, agency, topic, country, city, dt, allow_euro=not latin1)
    ctx.curly = (not latin1) and rng.random() < 0.15
    ctx.dash = "\u2014" if agency.name == "AP" and not latin1 and rng.random() < 0.2 else "--"
    ctx.t_end = t0 + timedelta(minutes=minutes - 1)

    head_tpl, ctx.lead, tag = pick(rng, topic.pairs)
    ctx.body = BODIES[(topic.name, tag)]
    rand = ctx.rand
    ctx.cur_body = Cursor(ctx.body, rand)
    ctx.cur_general = Cursor(GENERAL_BODY, rand)
    ctx.cur_quote = Cursor(QUOTE_WRAPPERS, rand)
    ctx.cur_closer = Cursor(GENERAL_CLOSERS, rand)
    ctx.headline_mode = ctx.sticky = True
    headline = ctx.fill(head_tpl)
    ctx.headline_mode = False
    ctx.mentioned.clear()  # the body introduces everyone in full
    slug = pick_weighted(rng, DESK_SLUGS)

    credit = agency.name == "Reuters" and rng.random() < 0.8
    n_par = int_between(rng, 3, 10 - credit)
    paragraphs = [_paragraph(ctx, "lead")]
    has_quote = False
    for k in range(1, n_par):
        if k == n_par - 1 and not has_quote:
            kind = "quote"
        elif k == n_par - 1 and n_par > 3 and rng.random() < 0.25:
            kind = "closer"
        else:
            kind = _body_kind(rng)
        has_quote = has_quote or kind == "quote"
        paragraphs.append(_paragraph(ctx, kind))
    if credit:
        paragraphs.append(_reuters_credit(ctx))
    if ctx.curly:
        paragraphs = [_curly(p) for p in paragraphs]

    if related is None:
        related = related_headlines(rng, dt) if rng.random() < 0.70 else []
    else:
        related = list(related)
    if dt is not None:
        key = f"{agency.key}-{dt.year:04d}{dt.month:02d}{dt.day:02d}-{rng.getrandbits(40):010x}"
    else:
        key = f"{agency.key}-{rng.getrandbits(40):010x}"
    return WireStory(
        index=index,
        story_key=key,
        version=1,
        agency=agency.name,
        topic=topic.name,
        section=pick(rng, SITE_SECTIONS[topic.section]),
        slug=slug,
        headline=headline,
        city=city,
        country=bare(country.name),
        dateline=make_dateline(agency.name, city, dt, ctx.dash),
        published=dt,
        paragraphs=paragraphs,
        people=_as_printed(ctx, ctx.people),
        orgs=_as_printed(ctx, ctx.orgs),
        places=_as_printed(ctx, ctx.places),
        related=related,
        encoding=encoding,
        style_seed=rng.getrandbits(64),
        ctx=ctx,
    )


def _reuters_credit(ctx: StoryContext) -> str:
    rng = ctx.rng
    reporter = make_name(rng, name_pool(ctx, ctx.country))[0]
    editors = [make_name(rng, pick(rng, EDITOR_NAME_POOLS))[0] for _ in range(int_between(rng, 1, 2))]
    for name in (reporter, *editors):
        ctx.people[name] = None
    extra = ""
    if rng.random() < 0.3:
        extra = f"; Additional reporting by {make_name(rng, pick(rng, EDITOR_NAME_POOLS))[0]}"
        ctx.people[extra.rsplit(' by ', 1)[1]] = None
    return f"(Reporting by {reporter} in {ctx.city}{extra}; Editing by {' and '.join(editors)})"


def make_writethru(rng: random.Random, story: WireStory, related: Sequence[str] | None = None) -> WireStory:
    """The next version of `story`: same key and headline text, a writethru slug, one
    more paragraph, a later time. `story` must come from make_story/make_writethru."""
    ctx: StoryContext | None = story.ctx
    if ctx is None:
        raise ValueError("make_writethru needs a story drawn by make_story (it carries its slot state)")
    ctx.rng = rng
    ctx.rand = rng.random
    version = story.version + 1
    slug = pick(rng, WRITETHRU_SLUGS.get(version, (f"{version - 1}th LD Writethru: ",)))
    dt = story.published
    if dt is not None:
        dt = min(dt + timedelta(minutes=int_between(rng, 15, 240)), max(ctx.t_end, dt))
    paragraphs = list(story.paragraphs)
    credit = paragraphs.pop() if paragraphs[-1].startswith("(Reporting by") else None
    extra = _paragraph(ctx, "quote" if rng.random() < 0.5 else "body")
    if ctx.curly:
        extra = _curly(extra)
    paragraphs.insert(int_between(rng, 1, len(paragraphs)), extra)
    if credit:
        paragraphs.append(credit)
    if related is None:
        related = related_headlines(rng, dt) if rng.random() < 0.70 else []
    else:
        related = list(related)
    return replace(
        story,
        version=version,
        slug=slug,
        published=dt,
        dateline=make_dateline(story.agency, story.city, dt, ctx.dash),
        paragraphs=paragraphs,
        people=_as_printed(ctx, ctx.people),
        orgs=_as_printed(ctx, ctx.orgs),
        places=_as_printed(ctx, ctx.places),
        related=related,
        style_seed=rng.getrandbits(64),
    )
