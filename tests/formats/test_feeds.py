"""The feeds reader (tasks/formats/feeds.py): RSS 1.0 and 2.0, Atom and news sitemaps, invented
under tests/fixtures/formats/feeds/, and the real samples from ../shared when they are there."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tasks.formats import feeds, reader_for
from tasks.parse import finish_story
from tasks.pipeline import article_row
from tasks.records import RawFile, Reject

from tests.conftest import shared_file
from tests.formats.helpers import FORMATS

FEED_DIR = FORMATS / "feeds"
INGESTED = datetime(2024, 7, 1, tzinfo=timezone.utc)


def feed_items(name: str) -> list:
    raw = RawFile(f"file:///{name}", (FEED_DIR / name).read_bytes())
    assert reader_for(raw) is feeds
    return list(feeds.read(raw))


def test_rss2_full_text_item_stub_item_and_untitled_item():
    full, stub, untitled = feed_items("agency-rss2.xml")
    assert full.headline == "Dutch farmers block motorways in protest over nitrogen rules"
    assert full.kind is None and len(full.paragraphs) == 5  # content:encoded, figure dropped
    assert full.paragraphs[0].startswith("AMSTERDAM, March 5 (Reuters) - Hundreds of farmers")
    assert full.story_id == "WIRE-20240305-EUROPE-0141"
    assert full.url == "https://wire.example.com/world/europe/dutch-farmers-protest-2024-03-05/"  # not the atom:link
    assert full.published_at.isoformat() == "2024-03-05T14:22:10+01:00"
    assert full.byline == "Marieke de Groot" and full.agency == "Reuters"  # from "Reuters: World News"
    assert full.subjects == ["Europe", "Agriculture", "Protests"] and full.language == "en"
    assert stub.kind == "stub"
    assert stub.paragraphs == ["Rescue teams searched burned-out neighbourhoods of Viña del Mar as the toll rose again."]
    assert stub.byline == "Latin America Desk"  # RSS <author> "email (name)"
    assert stub.published_at == datetime(2024, 3, 5, 13, 5, tzinfo=timezone.utc)
    assert isinstance(untitled, Reject) and untitled.reason == "feed item without title"


def test_atom_xhtml_content_html_title_and_inherited_author():
    full, stub = feed_items("newsroom-atom.xml")
    assert full.headline == "Hitze: Bahn rechnet mit Verspätungen im Süden"  # type="html" title
    assert full.kind is None and full.paragraphs[0].startswith("Berlin (dpa) - Wegen der anhaltenden Hitze")
    assert full.url == "https://nordkurier.example/panorama/hitze-bahn-1234"  # rel=alternate, not enclosure
    assert full.published_at.isoformat() == "2023-07-17T09:15:00+02:00"
    assert full.version_created_at.isoformat() == "2023-07-17T11:40:00+02:00"
    assert full.agency == "dpa" and full.language == "de" and full.subjects == ["Panorama", "wetter"]
    assert stub.kind == "stub" and stub.paragraphs == ["Viele Freibäder öffnen wegen der Hitze länger."]
    assert stub.byline == "Redaktion Panorama"  # feed-level author
    assert stub.published_at.isoformat() == "2023-07-17T08:00:00+02:00"  # only <updated>


def test_rss1_rdf():
    (story,) = feed_items("press-rss1.rdf")
    assert story.headline == "Volcano erupts on remote island, flights diverted"
    assert story.story_id == story.url == "https://kyodo.example/news/2021/11/volcano.html"
    assert story.published_at.isoformat() == "2021-11-03T07:45:00+09:00"  # dc:date
    assert story.agency == "Kyodo News" and story.language == "en" and story.subjects == ["Disaster"]
    assert finish_story(story).agency == "Kyodo"


def test_google_news_sitemap():
    story, untitled = feed_items("publisher-news-sitemap.xml")  # the <url> without news:news is skipped
    assert story.headline == "Turkish exports hit record high in January"
    assert story.kind == "stub" and story.paragraphs == []
    assert story.url == story.story_id == "https://www.aa.example/en/economy/turkish-exports-hit-record/3123456"
    assert story.published_at.isoformat() == "2024-02-02T09:30:00+03:00"
    assert story.agency == "Anadolu Agency" and story.language == "en"
    assert story.subjects == ["exports", "trade", "economy"]
    assert isinstance(untitled, Reject)


def test_plain_sitemap_and_sitemap_index_rejected():
    with pytest.raises(Reject, match="not a news sitemap"):
        feed_items("plain-sitemap.xml")
    with pytest.raises(Reject, match="sitemap index"):
        list(feeds.read(RawFile("x", b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>a</loc></sitemap></sitemapindex>')))


def test_feed_with_entities_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "boom">]><rss><channel><item><title>&x;</title></item></channel></rss>'
    with pytest.raises(Reject, match="xml entity declarations"):
        list(feeds.read(RawFile("x", data)))


def test_stub_without_paragraphs_becomes_a_row():
    story = finish_story(feed_items("publisher-news-sitemap.xml")[0])
    row = article_row(story, RawFile("file:///sitemap.xml", b""), INGESTED)
    assert row["body"] == "" and row["paragraphs"] == [] and row["word_count"] == 0
    assert row["kind"] == "stub" and row["agency"] == "Anadolu" and row["pub_date"] == "2024-02-02"


@pytest.mark.parametrize(
    "head, expected",
    [
        (b'<?xml version="1.0"?><rss version="2.0">', True),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">', True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', False),  # other RDF
        (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', True),
        (b"<nitf><head>", False),
        (b"<!doctype html><html>", False),
    ],
)
def test_feeds_sniff(head, expected):
    assert feeds.sniff(head) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Fri, 24 Jan 2025 15:32:41 -0500", "2025-01-24T15:32:41-05:00"),
        ("Mon, 06 Sep 2010 00:01:00 +0000 ", "2010-09-06T00:01:00+00:00"),
        ("24 Jan 2025 15:32:41 GMT", "2025-01-24T15:32:41+00:00"),
        ("2003-12-13T18:30:02Z", "2003-12-13T18:30:02+00:00"),
    ],
)
def test_feed_dates(value, expected):
    assert feeds.feed_date(value)[0].isoformat() == expected


# --- feeds: the real samples --------------------------------------------------------------


def sample_items(name: str) -> list:
    path = shared_file(f"samples/feeds/{name}")
    raw = RawFile(str(path), path.read_bytes())
    assert reader_for(raw) is feeds
    return list(feeds.read(raw))


def test_sample_rss_with_sitemap_namespace():
    first, second = sample_items("newscrawl__feed-with-sitemap-namespace.xml")
    assert (first.headline, first.url, first.story_id) == (
        "Lorem Ipsum Dolor Sit Amet", "https://example.com/lorem/123", "tag:example.com,2025:lorem.123")
    assert first.published_at.isoformat() == "2025-01-24T15:32:41-05:00"
    assert first.byline == "loremwriter" and first.subjects == ["lorem"] and first.language == "en"
    assert first.kind == "stub" and first.paragraphs[0].startswith("Lorem ipsum dolor sit amet")
    assert second.headline == "Consectetur Adipiscing Elit" and second.subjects == ["ipsum"]


def test_sample_news_sitemap():
    (story,) = sample_items("newscrawl__sitemap-news.xml")
    assert story.headline == "Companies A, B in Merger Talks"
    assert story.url == "http://www.example.com/business/article55.html"
    assert story.published_on == date(2008, 12, 23) and story.published_at is None
    assert story.language == "en" and story.agency is None  # "The Example Times" is no agency
    assert story.subjects == ["business", "merger", "acquisition", "A", "B"]


def test_sample_atom():
    robots, self_link = sample_items("trafilatura__feed1.atom")
    assert robots.headline == "Atom-Powered Robots Run Amok"
    assert robots.url == "http://example.org/2003/12/13/atom03"
    assert robots.story_id == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    assert robots.published_at == datetime(2003, 12, 13, 18, 30, 2, tzinfo=timezone.utc)
    assert robots.byline == "John Doe" and robots.paragraphs == ["Some text."]
    assert self_link.url == "http://example.org/1000"  # only a rel="self" link: still the address


def test_sample_rss():
    (story,) = sample_items("trafilatura__feed2.rss")
    assert story.headline == "Example entry" and story.url == "http://www.example.com/blog/post/1"
    assert story.story_id == "7bd204c6-1655-4c27-aeee-53f933c5395f"
    assert story.published_at == datetime(2009, 9, 6, 16, 20, tzinfo=timezone.utc)
    assert story.byline is None and story.language is None


WORDPRESS_EXPORT = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Harbour Gazette</title><link>https://gazette.example.org</link>
<item><title>Ferry returns after repairs</title><link>https://gazette.example.org/2024/03/ferry</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The harbour ferry returned to service on Tuesday after three weeks of repairs to its
engines, the operator said, ending a long detour for the thousands who cross the bay each day.</p>
[caption id="attachment_12" align="alignnone" width="300"]<img src="a.jpg" /> The ferry at the pier.[/caption]
<p>Passengers had used buses around the bay while the vessel was in dry dock, adding half an hour
to the trip, and local shops near the pier said trade had fallen by a third in the meantime.</p>
[embed]https://video.example.org/123[/embed]
<p>The operator said the repairs cost less than expected [sic] and timetables would return to normal at once.</p>
[gallery ids="4,5,6"]]]></content:encoded></item></channel></rss>"""


def test_wordpress_shortcodes_render_to_their_text_and_the_feed_is_the_publisher():
    [story] = [finish_story(s) for s in feeds.read(RawFile("export.xml", WORDPRESS_EXPORT))]
    assert story.kind in (None, "story") and "The ferry at the pier." in story.paragraphs
    body = " ".join(story.paragraphs)
    assert "[" not in body.replace("[sic]", "") and "video.example.org" not in body and "[sic]" in body
    assert (story.publisher, story.agency) == ("Harbour Gazette", "Harbour Gazette")
