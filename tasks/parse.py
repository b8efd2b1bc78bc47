"""Wire-copy conventions shared by every format: desk slugs, datelines, agencies, dates, end marks.

Pure functions over strings. Each rule is here because real copy carries it; the tests in
tests/test_parse.py hold the input that motivated each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from dateutil import tz as dateutil_tz
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from tasks.settings import LIMITS
from tasks.agencies import agency_table, canonical_agency, known_canonical
from tasks.records import Reject, Story

# --- agencies -----------------------------------------------------------------------------

# One table of agencies (tasks/data/agencies.tsv): every spelling -> the canonical short name.
AGENCIES = agency_table()


_AGENCY_ALTERNATION = "|".join(
    sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True)
)
AGENCY_NAME = re.compile(rf"\b(?:{_AGENCY_ALTERNATION})\b", re.IGNORECASE)

# --- desk slugs ---------------------------------------------------------------------------

_DESK_SLUGS = (
    "urgent", "flash", "bulletin", "breaking", "roundup", "interview", "commentary",
    "feature", "spotlight", "analysis", "news analysis", "factbox", "backgrounder",
    "profile", "update", "correction", "corrected", "refile", "exclusive", "preview",
)
_SLUG = re.compile(
    r"^(?:(?P<desk>" + "|".join(_DESK_SLUGS) + r")"
    r"|(?P<nth>\d{1,3})(?:st|nd|rd|th)\s+(?:LD|Lead)(?:[\s-]*Write-?thru)?"  # 1-3 digits: versions fit int32
    r"|(?:LD|Lead)[\s-]*Write-?thru"
    r"|UPDATE\s+(?P<update>\d{1,3}))\s*[:\-]\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Slugs:
    headline: str  # without the slugs
    kind: str  # first desk slug, "writethru" for lead rewrites, else "story"
    version: int  # 1 for an original; an nth lead / update n is version n + 1


def split_slugs(headline: str) -> Slugs:
    """'1st LD Writethru: EU, Mexico agree ...' -> ('EU, Mexico agree ...', 'writethru', 2)."""
    kind, version, rest = None, 1, headline.strip()
    while match := _SLUG.match(rest):
        if match["desk"]:
            this_kind = match["desk"].lower()
        elif match["update"]:
            this_kind, version = "update", int(match["update"]) + 1
        else:
            this_kind, version = "writethru", int(match["nth"] or 1) + 1
        kind = kind or this_kind
        rest = rest[match.end():]
    if not rest:  # a headline that is only a slug ("Urgent:") keeps its text
        return Slugs(headline.strip(), "story", 1)
    return Slugs(rest.strip(), kind or "story", version)


# --- dates --------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "january": 1, "janv": 1, "janvier": 1, "januar": 1, "enero": 1,
    "feb": 2, "february": 2, "fév": 2, "fev": 2, "février": 2, "februar": 2, "febrero": 2,
    "mar": 3, "march": 3, "mars": 3, "märz": 3, "marzo": 3,
    "apr": 4, "april": 4, "avr": 4, "avril": 4, "abril": 4,
    "may": 5, "mai": 5, "mayo": 5,
    "jun": 6, "june": 6, "juin": 6, "juni": 6, "junio": 6,
    "jul": 7, "july": 7, "juil": 7, "juillet": 7, "juli": 7, "julio": 7,
    "aug": 8, "august": 8, "août": 8, "aout": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9,
    "oct": 10, "october": 10, "octobre": 10, "oktober": 10, "octubre": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
    "dec": 12, "december": 12, "déc": 12, "décembre": 12, "dezember": 12, "diciembre": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:[,\s]+(?:at\s+)?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>GMT|UTC|Z|[A-Z]{2,4}T|[+-]\d{2}:?\d{2})?)?"
)
_DATE_PATTERNS = (
    # 2017-02-02, 2017-02-02T14:05:00+08:00, 2017/02/02 14:05
    re.compile(
        r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})"
        r"(?:[T\s]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
        r"\s*(?P<zone>GMT|UTC|Z|[A-Z]{2,4}T|[+-]\d{2}:?\d{2})?)?"
    ),
    # February 2, 2017 / Feb. 2, 2017 14:05 GMT
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})\b{_TIME}", re.I),
    # 2 February 2017 / 3 mai 2018 / 21. Juli 2020
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d{{2}})\b{_TIME}", re.I),
)
_MONTH_DAY = (  # no year: "Feb. 2", "3 March"
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s+{_MONTH}\b", re.I),
)
_ZONES = {"GMT": timezone.utc, "UTC": timezone.utc, "Z": timezone.utc}


@dataclass(frozen=True, slots=True)
class FoundDate:
    day: date
    moment: datetime | None  # timezone-aware UTC when a time of day was given
    span: tuple[int, int]  # where in the text the date was found


def find_date(text: str) -> FoundDate | None:
    """The first full calendar date (with year) in `text`, with its time of day if given.

    A time without a zone is taken as UTC, the wire's default clock.
    """
    best = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    found = best.groupdict()
    month = int(found["mnum"]) if found.get("mnum") else MONTHS[found["month"].lower().rstrip(".")]
    try:
        day = date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None
    moment = None
    if found.get("hour") is not None:
        hour = int(found["hour"])
        ampm = (found.get("ampm") or "").lower().replace(".", "")
        hour += 12 if ampm == "pm" and hour < 12 else 0
        hour -= 12 if ampm == "am" and hour == 12 else 0
        try:
            clock = time(hour, int(found["minute"]), int(found.get("second") or 0))
        except ValueError:
            clock = None
        if clock is not None:
            zone = _zone(found.get("zone"))
            moment = datetime.combine(day, clock, zone).astimezone(timezone.utc) if zone else None
    return FoundDate(day, moment, best.span())


def find_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date written without a year, as datelines do: 'CAIRO, March 3 (Xinhua)'."""
    for pattern in _MONTH_DAY:
        if match := pattern.search(text):
            month, day = MONTHS[match["month"].lower().rstrip(".")], int(match["day"])
            if 1 <= day <= 31:
                return month, day
    return None


def date_near(month: int, day: int, anchor: date) -> date | None:
    """The date with this month and day closest before (or just after) `anchor`."""
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor + timedelta(days=2) and (anchor - candidate).days < 300:
            return candidate
    return None


def _zone(name: str | None):
    if not name:
        return timezone.utc
    if name in _ZONES:
        return _ZONES[name]
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset >= timedelta(hours=24) or int(digits[2:]) > 59:
            return None  # "+9900" is no UTC offset: the time's zone is unknown
        return timezone(offset if name[0] == "+" else -offset)
    return dateutil_tz.gettz(name) or timezone.utc


# --- datelines and end marks --------------------------------------------------------------

_PLACE = r"[^\W\d_][\w.'’\-]*(?:\s[^\W\d_][\w.'’\-]*){0,4}"
# The agency's mark after the place: "(Reuters)", "(tca/dpa)", "(ats afp)", "/TASS/", "/ritzau/".
_AGENCY_MARK = (r"(?:\((?P<agency>[^\W\d_][\w .&/-]{0,30})\)"
                r"|/(?P<slashed>[^\W\d_][\w .&-]{0,20})/)")
_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE})"
    r"(?:,\s*(?P<when>[^()/]{2,30}?))?"
    rf"\s*{_AGENCY_MARK})\s*(?P<separator>--|-|_|—|–|:|\.)?\s*"
)
# An upper-case place with no agency: "WASHINGTON -- ", "LONDON, March 3 -- "
_BARE_DATELINE = re.compile(
    r"^(?P<dateline>(?P<place>[A-Z][A-Z .'’\-]{2,30}?)(?:,\s*(?P<when>[^()]{3,30}?))?)\s*(?P<separator>--|—|–)\s+"
)
# An upper-case place, a date and a known agency without brackets: "SEOUL, Nov 26 AFP - "
_UNBRACKETED_AGENCY_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][A-Z .'’\-]{{2,30}}?),\s*(?P<when>[^()]{{3,30}}?)\s+"
    rf"(?P<agency>(?i:{_AGENCY_ALTERNATION})))\s*(?P<separator>--|-|—|–)\s+"
)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_HAS_DATE = re.compile(r"\d|\b(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # "BEIJING, Feb. 2 (Xinhua)"
    place: str  # "BEIJING", "FORT WASHINGTON, Pa."
    agency: str | None
    when: str | None  # the date part as written, if any
    rest: str  # the paragraph after the dateline


def split_dateline(paragraph: str) -> Dateline | None:
    """'BEIJING, Feb. 2 (Xinhua) -- NATO ...' -> Dateline('BEIJING, Feb. 2 (Xinhua)', ...)."""
    match = (_DATELINE.match(paragraph) or _UNBRACKETED_AGENCY_DATELINE.match(paragraph)
             or _BARE_DATELINE.match(paragraph))
    if not match or not match.end() < len(paragraph):
        return None
    found = match.groupdict()
    agency = found.get("agency") or found.get("slashed")
    known = _credited_agency(agency)
    if agency is not None and known is None and (len(agency) > 12 or not found["separator"]
                                                 or re.search(r"[/\s]", agency.strip())):
        return None  # "(something long)" or "(and/or fees)" after a capitalised phrase is prose
    place, when = match["place"].strip(), (found["when"] or "").strip() or None
    if when and not _HAS_DATE.search(when):  # "FORT WASHINGTON, Pa. (AP)": a state, not a date
        place, when = f"{place}, {when}", None
    return Dateline(
        text=match["dateline"].strip(),
        place=place,
        agency=known or canonical_agency(agency),
        when=when,
        rest=paragraph[match.end():].strip(),
    )


def dateline_place(dateline: str | None) -> str | None:
    """The place of a dateline as written: 'FORT WASHINGTON, Pa., March 3 (AP)' -> 'FORT WASHINGTON, Pa.';
    None for a timestamp or a bare date ('2014-07-16 13:00:03 GMT'), which are no datelines."""
    if not dateline:
        return None
    text = re.sub(r"\s*(?:\([^()]*\)|/[^/]+/)\s*\.?$", "", dateline.strip())  # "(AP)", "/TASS/"
    parts = []
    for part in text.split(","):
        if _HAS_DATE.search(part):
            break
        parts.append(part.strip())
    place = ", ".join(p for p in parts if p)
    if place and (agency := AGENCY_NAME.search(place)) and agency.end() == len(place):
        place = place[:agency.start()].strip(" ,-")  # "SEOUL, Nov 26 AFP" left "SEOUL"; "Paris AFP" -> "Paris"
    return place if _LETTERS.search(place) else None


def _credited_agency(mark: str | None) -> str | None:
    """The first known agency of a mark: 'tca/dpa' -> 'dpa', 'ats afp' -> 'ATS'; None if none is known."""
    if not mark:
        return None
    return known_canonical(mark) or next(
        (agency for part in re.split(r"[/\s]+", mark) if (agency := known_canonical(part))), None)


END_MARKS = ("Endit", "ENDS", "ENDITEM", "(END)", "END", "###", "-- 30 --", "-30-", "— 30 —")
_END_MARK = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(m) for m in END_MARKS) + r")\s*$"
)


# dpa and AFP sign off with the agency and editors' initials on a line of its own: "dpa grj rmo".
_SIGNATURE = re.compile(r"^(?:dpa|afp|sid|epd|kna)(?:\s+[a-z]{2,4}){1,4}$", re.IGNORECASE)


def strip_end_mark(paragraphs: list[str]) -> tuple[list[str], bool]:
    """Cut the body at the agency's end mark ('... a year. Endit', 'ENDS', '-- 30 --').

    Everything after the mark is page furniture (share buttons, related links) and goes too.
    Returns the paragraphs and whether a mark was found.
    """
    for index, paragraph in enumerate(paragraphs):
        if index and _SIGNATURE.match(paragraph):
            return paragraphs[:index], True
        match = _END_MARK.search(paragraph)
        if match:
            kept = paragraphs[:index]
            before = paragraph[: match.start()].strip()
            if before:
                kept.append(before)
            return kept, True
    return paragraphs, False


# --- language -----------------------------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")
_MIN_LETTERS = 12  # "Xyz." or a lone name says nothing about the language
_MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _language_identifier() -> LanguageIdentifier:
    """py3langid's model ships inside its package (97 languages, CJK included): loaded once, never fetched."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's first few thousand characters; None when too short or unsure."""
    sample = text[:3000]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    language, confidence = _language_identifier().classify(sample)
    return language if confidence >= _MIN_CONFIDENCE else None


# --- what is sent on a wire but is no story -----------------------------------------------

# Circuit checks: "RYRYRY" teleprinter patterns, the pangram, "test" lines.
_LINE_TEST_WORD = re.compile(r"^(?:(?:ry)+r?|(?:test(?:ing)?)|(?:\d+)|(?:the|quick|brown|fox|jumps|jumped|over|lazy|dogs?))$",
                             re.IGNORECASE)
_TEST_MARK = re.compile(r"^(?:(?:ry){2,}r?|test(?:ing)?)$", re.IGNORECASE)
_SERVICE_HEADLINE = re.compile(
    r"^\W*(?:service message|svc msg|line test|test(?:ing)?(?: message| only| transmission)?|ignore|disregard"
    r"|please ignore)\W*$", re.IGNORECASE)
_COPYRIGHT_LINE = re.compile(r"^\W*(?:copyright\b|\(c\)|©)|all rights reserved", re.IGNORECASE)
_SERVICE_MAX_WORDS = 60  # a service line is short; a story about a test is not


def non_story_reason(story: Story) -> str | None:
    """Why an item sent on a wire is not a story (a line test, a lone copyright notice, a service
    message), or None. Only whole items are judged: a story that mentions a test stays a story."""
    words = _WORD.findall(" ".join([story.headline, *story.paragraphs]))
    if (any(_TEST_MARK.match(w) for w in words)
            and sum(bool(_LINE_TEST_WORD.match(w)) for w in words) >= 0.8 * len(words)):
        return f"line test ({' '.join(words[:6])} ...)"
    if story.paragraphs and all(_COPYRIGHT_LINE.search(p) for p in story.paragraphs if p.strip()) \
            and any(p.strip() for p in story.paragraphs):
        return "copyright notice only"
    if _SERVICE_HEADLINE.match(story.headline or "") and len(words) <= _SERVICE_MAX_WORDS:
        return f"service message ({story.headline.strip()[:40]!r})"
    return None


# --- finishing a story --------------------------------------------------------------------


# Dates a story may carry and be believed: wire copy is not older than this, and a time
# more than FUTURE_SLACK after ingestion is a typo or a broken clock (a day or two ahead is
# time zones and embargoes). An untrusted date is dropped; the pipeline then dates the
# story by its file (date_source "file").
EARLIEST_TRUSTED = date(1900, 1, 1)
FUTURE_SLACK = timedelta(days=2)


def trusted_moment(moment: datetime | None, now: datetime) -> datetime | None:
    """`moment` if it lies between 1900 and now + 2 days (and converts to UTC), else None."""
    if moment is None:
        return None
    try:
        utc = moment.astimezone(timezone.utc)  # year 1 east of UTC / 9999 west of it overflow
    except (OverflowError, ValueError):
        return None
    return moment if EARLIEST_TRUSTED <= utc.date() and utc <= now + FUTURE_SLACK else None


def trusted_day(day: date | None, now: datetime) -> date | None:
    if day is None:
        return None
    return day if EARLIEST_TRUSTED <= day <= (now + FUTURE_SLACK).date() else None


def check_dates(story: Story, now: datetime | None = None) -> Story:
    """Drop dates before 1900 or more than 2 days after `now` (default: the clock)."""
    now = now or datetime.now(timezone.utc)
    published_at, published_on = story.published_at, story.published_on
    story.published_at = trusted_moment(published_at, now)
    story.published_on = trusted_day(published_on, now)
    if (published_at or published_on) and not (story.published_at or story.published_on):
        story.date_source = None
    story.version_created_at = trusted_moment(story.version_created_at, now)
    return story


_BULLET = re.compile(r"^[*•·▪–-]\s+\S")
_MAX_NOTE_WORDS = 15


def _opening_dateline(story: Story) -> Dateline | None:
    """The dateline that opens the story, taken out of its paragraph. It may follow highlight
    bullets ("* Euro falls ...", kept: they are the story's summary) or one short editors' line
    above it ("Nieuw bericht, vervangt: ...", moved to `advisory`)."""
    paragraphs = story.paragraphs
    index = 0
    while index < len(paragraphs) - 1 and _BULLET.match(paragraphs[index]):
        index += 1
    found = split_dateline(paragraphs[index])
    if found is None and index == 0 and len(paragraphs) > 1 and len(paragraphs[0].split()) <= _MAX_NOTE_WORDS:
        found = split_dateline(paragraphs[1])
        if found is None or not found.agency:  # only an agency's dateline makes the line above a note
            return None
        story.advisory = story.advisory or paragraphs[0]
        del paragraphs[0]
    if found is not None:
        paragraphs[index] = found.rest
    return found


def finish_story(story: Story, now: datetime | None = None) -> Story:
    """Derive what the format did not say: kind and version from slugs, agency and date
    from the dateline, language from the text.

    Refuses (Reject "parse", "story too long") a story over LIMITS.max_story_chars, and
    drops dates it cannot trust (see `check_dates`; `now` is the ingestion time).
    """
    size = len(story.headline) + sum(len(p) for p in story.paragraphs)
    if size > LIMITS.max_story_chars:
        raise Reject("parse", "story too long", f"{size:,} characters > {LIMITS.max_story_chars:,}")
    if reason := non_story_reason(story):
        raise Reject("parse", "not a story", reason)
    slugs = split_slugs(story.headline)
    story.headline = slugs.headline
    story.kind = story.kind or slugs.kind
    story.version = story.version or slugs.version
    if story.dateline and _HAS_DATE.search(story.dateline) and dateline_place(story.dateline) is None:
        story.dateline = None  # a timestamp or a bare date in the format's dateline field
    if story.paragraphs and story.dateline is None and (found := _opening_dateline(story)):
        story.dateline = found.text
        story.agency = story.agency or found.agency
        if story.published_on is None and story.published_at is None and found.when:
            if when := find_date(found.when):
                story.published_on, story.published_at = when.day, when.moment
                story.date_source = "content"
    check_dates(story, now)
    if story.byline and (AGENCY_NAME.fullmatch(story.byline.strip(" .")) or story.byline == story.publisher):
        story.agency, story.byline = story.agency or story.byline, None  # an organisation's credit, no person's
    story.agency = canonical_agency(story.agency or story.publisher)
    if story.language:  # "en-GB" and "en" are one language to filter on
        story.language = story.language.replace("_", "-").split("-")[0].lower()
    else:
        story.language = detect_language(" ".join(story.paragraphs[:3]))
    return story
