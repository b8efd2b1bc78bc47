"""RSS 2.0, RSS 1.0 (RDF), Atom feeds and Google News sitemaps (../shared/FORMATS.md).

Every item / entry / sitemap <url> is one story: title, link, guid or id, dates, author,
categories, language (the channel's, or news:language). A feed item is usually a stub
(headline, date, link and a teaser): it is kept as kind="stub" with its description as the
only paragraph. When content:encoded, Atom <content> or a long description carries the
full text (at least _FULL_TEXT_WORDS words), its HTML becomes the story's paragraphs.
Sitemap entries carry no text at all: stubs with no paragraphs.

Parsed with lxml through tasks.formats._xml.parse_xml (no DTD, no entities, no network):
feedparser would resolve more dialects but is slower and parses entities of its own.
Elements are matched with their namespace, so media:description or a foreign <title>
in an extension never stands in for the item's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from lxml import etree

from tasks.formats._xml import XML_LANG, local, parse_xml, root_name, text_of
from tasks.formats.html import count_words, html_paragraphs, parse_moment
from tasks.parse import AGENCIES, AGENCY_NAME
from tasks.records import RawFile, Reject, Story

NAME = "feeds"

RSS1 = "{http://purl.org/rss/1.0/}"
ATOM = "{http://www.w3.org/2005/Atom}"
ATOM03 = "{http://purl.org/atom/ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"

_FULL_TEXT_WORDS = 80  # below this, content is a teaser and the item stays a stub
_FEED_ROOTS = {"rss", "feed", "urlset", "sitemapindex"}
_NAME_IN_EMAIL = re.compile(r"\(([^()]+)\)\s*$")  # RSS <author>: "jane@example.com (Jane Doe)"


def sniff(head: bytes) -> bool:
    """Root <rss>, Atom <feed>, sitemap <urlset>/<sitemapindex>, or RSS 1.0 <rdf:RDF>."""
    root = root_name(head)
    return root in _FEED_ROOTS or (root == "RDF" and b"purl.org/rss/1.0" in head)


def read(raw: RawFile) -> Iterator[Story | Reject]:
    root = parse_xml(raw.data)
    kind = local(root.tag)
    if kind == "urlset":
        yield from _sitemap_stories(root)
        return
    if kind == "sitemapindex":
        raise Reject("parse", "sitemap index", "lists other sitemaps, not stories")
    if kind == "rss":
        channel = _find(root, "channel")
        items = channel.findall("item") if channel is not None else []
    elif kind == "RDF":
        channel = _find(root, RSS1 + "channel")
        items = root.findall(RSS1 + "item")
    elif kind == "feed":
        channel, items = root, root.findall(ATOM + "entry") + root.findall(ATOM03 + "entry")
    else:
        raise Reject("parse", "not a feed", f"root element <{kind}>")
    if not items:
        raise Reject("parse", "empty feed", f"<{kind}> with no items")
    feed = _feed_info(channel if channel is not None else root, root)
    for item in items:
        try:
            yield _item_story(item, feed)
        except Reject as reject:
            yield reject


# --- RSS and Atom -------------------------------------------------------------------------


def _feed_info(channel: etree._Element, root: etree._Element) -> dict:
    """What the channel says for all its items: agency, publisher, language, default author."""
    title = _text(channel, "title", RSS1 + "title", ATOM + "title", ATOM03 + "title")
    publisher = _text(channel, DC + "publisher", DC + "creator")
    language = _text(channel, "language", DC + "language") or channel.get(XML_LANG) or root.get(XML_LANG)
    author = _text(_find(channel, ATOM + "author", ATOM03 + "author"), ATOM + "name", ATOM03 + "name")
    agency = known_agency(publisher) or agency_in_title(title)
    outlet = None if agency else " ".join((publisher or title or "").split()) or None  # an agency's feed: a delivery
    return {"agency": agency, "publisher": outlet, "language": language, "author": author or None}


def _item_story(item: etree._Element, feed: dict) -> Story:
    headline = plain_text(_text(item, "title", RSS1 + "title", ATOM + "title", ATOM03 + "title"))
    link = _link(item)
    if not headline:
        raise Reject("parse", "feed item without title", f"item {link or _guid(item) or '?'}")
    byline = _byline(item) or feed["author"]
    published = _text(item, "pubDate", DC + "date", ATOM + "published", ATOM03 + "issued")
    updated = _text(item, ATOM + "updated", ATOM03 + "modified")
    published_at, published_on = feed_date(published or updated)  # Atom requires only <updated>
    paragraphs, kind = _body(item)
    return Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        kind=kind,
        agency=known_agency(byline) or feed["agency"],
        publisher=feed["publisher"],
        story_id=_guid(item) or link,
        published_at=published_at,
        published_on=published_on,
        date_source="metadata" if published_at or published_on else None,
        version_created_at=feed_date(updated)[0] if published and updated else None,
        byline=byline,
        language=language_code(item.get(XML_LANG) or _text(item, DC + "language") or feed["language"]),
        subjects=_categories(item),
        url=link,
    )


def _body(item: etree._Element) -> tuple[list[str], str | None]:
    """(paragraphs, kind): full text when some field carries it, else a stub with its teaser."""
    content = _text(item, CONTENT + "encoded", ATOM + "content", ATOM03 + "content", raw=True)
    summary = _text(item, "description", RSS1 + "description", ATOM + "summary", ATOM03 + "summary", raw=True)
    for markup in (content, summary):
        paragraphs = html_paragraphs(markup)
        if sum(count_words(p) for p in paragraphs) >= _FULL_TEXT_WORDS:
            return paragraphs, None
    teaser = " ".join(html_paragraphs(summary or content))
    return ([teaser] if teaser else []), "stub"


def _link(item: etree._Element) -> str | None:
    """RSS <link>text</link>; Atom <link href> (alternate first); RDF rdf:about; permalink guid."""
    links = item.findall("link") + item.findall(RSS1 + "link") + item.findall(ATOM + "link") + item.findall(ATOM03 + "link")
    for element in links:
        if (element.text or "").strip():
            return element.text.strip()
    by_rel = sorted((e for e in links if e.get("href")), key=lambda e: e.get("rel", "alternate") != "alternate")
    if by_rel:
        return by_rel[0].get("href").strip()
    guid = item.find("guid")
    if guid is not None and guid.get("isPermaLink", "true") == "true" and (guid.text or "").strip().startswith("http"):
        return guid.text.strip()
    return item.get(RDF_ABOUT)


def _guid(item: etree._Element) -> str | None:
    return _text(item, "guid", ATOM + "id", ATOM03 + "id", DC + "identifier") or item.get(RDF_ABOUT) or None


def _byline(item: etree._Element) -> str | None:
    names = [text_of(e) for e in item.findall(DC + "creator")]
    names += [_NAME_IN_EMAIL.search(t).group(1) if _NAME_IN_EMAIL.search(t) else t
              for t in (text_of(e) for e in item.findall("author"))]
    names += [_text(e, ATOM + "name", ATOM03 + "name") for e in item.findall(ATOM + "author") + item.findall(ATOM03 + "author")]
    names = [n.strip() for n in names if n and n.strip()]
    return ", ".join(dict.fromkeys(names)) or None


def _categories(item: etree._Element) -> list[str]:
    """RSS <category>, Atom <category term|label>, dc:subject; 'a, b' lists split."""
    values = [text_of(e) for e in item.findall("category") + item.findall(DC + "subject")]
    values += [e.get("label") or e.get("term") or "" for e in item.findall(ATOM + "category")]
    subjects = (" ".join(s.split()) for value in values for s in value.split(","))
    return list(dict.fromkeys(s for s in subjects if s))


# --- Google News sitemaps -----------------------------------------------------------------


def _sitemap_stories(urlset: etree._Element) -> Iterator[Story | Reject]:
    entries = [(url, url.find(NEWS + "news")) for url in urlset.findall(SITEMAP + "url")]
    entries = [(url, news) for url, news in entries if news is not None]
    if not entries:
        raise Reject("parse", "not a news sitemap", "no <url> carries news:news")
    for url, news in entries:
        loc = _text(url, SITEMAP + "loc")
        headline = plain_text(_text(news, NEWS + "title"))
        if not headline:
            yield Reject("parse", "feed item without title", f"sitemap url {loc or '?'}")
            continue
        publication = _find(news, NEWS + "publication")
        name = _text(publication, NEWS + "name")
        published_at, published_on = feed_date(_text(news, NEWS + "publication_date"))
        keywords = _text(news, NEWS + "keywords")
        yield Story(
            headline=headline,
            paragraphs=[],
            source_format=NAME,
            kind="stub",
            agency=known_agency(name) or agency_in_title(name),
            story_id=loc or None,
            published_at=published_at,
            published_on=published_on,
            date_source="metadata" if published_at or published_on else None,
            language=language_code(_text(publication, NEWS + "language")),
            subjects=list(dict.fromkeys(k.strip() for k in keywords.split(",") if k.strip())),
            url=loc or None,
        )


# --- small helpers ------------------------------------------------------------------------


def feed_date(value: str | None) -> tuple[datetime | None, date | None]:
    """RFC 822 ('Fri, 24 Jan 2025 15:32:41 -0500') or ISO 8601 / W3C ('2008-12-23')."""
    value = (value or "").strip()
    if not value:
        return None, None
    if value[:1].isalpha() or re.match(r"\d{1,2} [A-Za-z]{3} \d{4}", value):  # RFC 822 starts with a day name or "24 Jan 2025"
        try:
            moment = parsedate_to_datetime(value)
            return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)), None
        except (TypeError, ValueError, IndexError):
            pass
    return parse_moment(value)


def known_agency(name: str | None) -> str | None:
    """'Reuters' or 'The Associated Press' as a whole name, else None."""
    cleaned = " ".join((name or "").split()).strip(" .,")
    return cleaned if cleaned.lower() in AGENCIES else None


def agency_in_title(title: str | None) -> str | None:
    """'Reuters: World News' / 'AP Top News' / 'Xinhua | English': an agency opening the title."""
    match = AGENCY_NAME.match((title or "").strip())
    return match.group(0) if match else None


def language_code(tag: str | None) -> str | None:
    """'en-us' -> 'en'."""
    primary = re.split(r"[-_]", (tag or "").strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def plain_text(markup: str) -> str:
    """A title that may carry HTML (Atom type="html", escaped tags in RSS) as plain text."""
    return " ".join(html_paragraphs(markup)) if "<" in markup or "&" in markup else " ".join(markup.split())


def _find(element: etree._Element | None, *names: str) -> etree._Element | None:
    if element is None:
        return None
    for name in names:
        found = element.find(name)
        if found is not None:
            return found
    return None


def _text(element: etree._Element | None, *names: str, raw: bool = False) -> str:
    """Text of the first named child that has some; raw keeps markup (Atom xhtml content)."""
    if element is None:
        return ""
    for name in names:
        for found in element.findall(name):
            if raw and len(found):  # Atom type="xhtml": the markup is child elements
                text = "".join(etree.tostring(child, encoding="unicode") for child in found)
                text = (found.text or "") + text
            else:
                text = text_of(found) if not raw else (found.text or "")
            if text.strip():
                return text.strip()
    return ""
