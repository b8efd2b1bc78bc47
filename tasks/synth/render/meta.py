"""What every structured renderer needs from a story: ids, URLs, dates in each spelling,
subject codes, country codes, XML escaping and charset handling."""

from __future__ import annotations

import re
from datetime import datetime

from tasks.synth.reference import AFP_MONTHS, MONTHS
from tasks.synth.story import WireStory

AGENCY_DOMAIN = {"Xinhua": "xinhuanet.com", "AP": "ap.org", "Reuters": "reuters.com", "AFP": "afp.com", "dpa": "dpa.com"}
AGENCY_SITE = {"Xinhua": "english.news.cn", "AP": "apnews.com", "Reuters": "www.reuters.com",
               "AFP": "www.afp.com", "dpa": "www.dpa-international.com"}
AGENCY_LONG = {"Xinhua": "Xinhua News Agency", "AP": "The Associated Press", "Reuters": "Reuters",
               "AFP": "Agence France-Presse", "dpa": "Deutsche Presse-Agentur"}

COUNTRY_ISO = {
    "China": "CN", "United States": "US", "Germany": "DE", "France": "FR", "Britain": "GB", "Japan": "JP",
    "South Korea": "KR", "India": "IN", "Brazil": "BR", "Mexico": "MX", "Canada": "CA", "Russia": "RU",
    "Turkey": "TR", "Egypt": "EG", "Kenya": "KE", "Nigeria": "NG", "South Africa": "ZA", "Australia": "AU",
    "Italy": "IT", "Spain": "ES", "Argentina": "AR", "Indonesia": "ID", "Pakistan": "PK", "Iran": "IR",
    "Israel": "IL", "Saudi Arabia": "SA", "Libya": "LY", "Ukraine": "UA", "Poland": "PL", "Sweden": "SE",
    "Norway": "NO", "Greece": "GR", "Austria": "AT", "Switzerland": "CH", "Belgium": "BE", "Netherlands": "NL",
    "Portugal": "PT", "Vietnam": "VN", "Thailand": "TH", "Philippines": "PH", "Chile": "CL", "Colombia": "CO",
    "Peru": "PE", "Ethiopia": "ET", "Iraq": "IQ", "Syria": "SY", "New Zealand": "NZ", "Ghana": "GH",
}

# IPTC Media Topics (and the legacy 8-digit subject codes NITF / NewsML 1.2 carry) per site section.
MEDIA_TOPIC = {
    "World": ("medtop:11000000", "politics", "11000000"),
    "Business": ("medtop:04000000", "economy, business and finance", "04000000"),
    "Economy": ("medtop:04000000", "economy, business and finance", "04000000"),
    "Health": ("medtop:07000000", "health", "07000000"),
    "Sci-Tech": ("medtop:13000000", "science and technology", "13000000"),
    "Science": ("medtop:13000000", "science and technology", "13000000"),
    "Sports": ("medtop:15000000", "sport", "15000000"),
}

# Charset names as declared in XML / HTML / HTTP headers.
DECLARED = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp1252": "windows-1252", "latin-1": "ISO-8859-1"}

_NON_WORD = re.compile(r"[^a-z0-9]+")


def esc(text: str) -> str:
    """Escape for XML/HTML text and attribute values (str.replace: much faster than translate)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text or ">" in text:
        text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if '"' in text else text


def encode_markup(text: str, encoding: str) -> bytes:
    """Markup in its charset; characters the charset lacks become character references."""
    if encoding in ("utf-8", "utf-8-sig"):
        return text.encode(encoding)
    return text.encode(encoding, "xmlcharrefreplace")


def iso(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:00Z"


def iso_offset(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:00+00:00"


def compact(dt: datetime) -> str:
    """ISO 8601 basic format, as NITF norm= and NewsML 1.2 carry it."""
    return f"{dt.year:04d}{dt.month:02d}{dt.day:02d}T{dt.hour:02d}{dt.minute:02d}00Z"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def rfc822(dt: datetime) -> str:
    return (f"{_WEEKDAYS[dt.weekday()]}, {dt.day:02d} {AFP_MONTHS[dt.month - 1]} {dt.year} "
            f"{dt.hour:02d}:{dt.minute:02d}:00 +0000")


def human_date(dt: datetime) -> str:
    return f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year} {dt.hour:02d}:{dt.minute:02d} GMT"


def ymd(dt: datetime | None) -> str:
    return f"{dt.year:04d}{dt.month:02d}{dt.day:02d}" if dt else ""


def url_slug(text: str) -> str:
    return _NON_WORD.sub("-", text.lower()).strip("-")[:80]


def story_url(story: WireStory) -> str:
    """The story's page: stable across versions (one page, updated)."""
    site = AGENCY_SITE[story.agency]
    tail = story.story_key.rsplit("-", 1)[-1]
    section = story.section.lower()
    dt = story.published
    dated = f"/{dt.year:04d}/{dt.month:02d}/{dt.day:02d}" if dt else ""
    return f"https://{site}/{section}{dated}/{url_slug(story.headline)}-{tail}.html"


def guid(story: WireStory) -> str:
    """A G2-style tag URI, shared by every version of the story."""
    year = f",{story.published.year}" if story.published else ""
    return f"tag:{AGENCY_DOMAIN[story.agency]}{year}:newsml_{story.story_key}"


def urgency(story: WireStory) -> int:
    return 2 if story.slug == "Urgent: " else 4 if story.version == 1 else 3


def body_paragraphs(story: WireStory) -> list[str]:
    """Paragraphs as the wire delivers them: the first opens with the dateline."""
    return [f"{story.dateline} {story.paragraphs[0]}", *story.paragraphs[1:]]


def iso_cc(story: WireStory) -> str:
    return COUNTRY_ISO.get(story.country, "XX")
