"""HTML pages, WARC archives, RSS/Atom feeds and news sitemaps: tasks/formats/{html,warc,feeds}.py."""

from __future__ import annotations

import gzip
import io
import re
from collections import Counter
from datetime import date, datetime, timezone

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.formats import feeds, html, reader_for, warc
from tasks.formats.archives import Gzip
from tasks.parse import finish_story
from tasks.pipeline import article_row, process_file
from tasks.records import RawFile, Reject
from tests.conftest import FIXTURES, shared_file

HTML_DIR = FIXTURES / "formats" / "html"
FEED_DIR = FIXTURES / "formats" / "feeds"
INGESTED = datetime(2024, 7, 1, tzinfo=timezone.utc)
ARTICLE_PAGES = sorted(p.stem for p in HTML_DIR.glob("*.html") if (HTML_DIR / f"{p.stem}.expected.txt").exists())


def page(name: str, url: str | None = None) -> RawFile:
    return RawFile(f"file:///{name}.html", (HTML_DIR / f"{name}.html").read_bytes(), url=url)


def read_one(raw: RawFile):
    items = list(reader_for(raw).read(raw))
    assert len(items) == 1
    return items[0]


# --- extraction quality -------------------------------------------------------------------


def four_gram_f1(predicted: str, expected: str) -> float:
    """Word 4-gram overlap F1, the measure of the public extraction benchmark."""
    def grams(text: str) -> Counter:
        words = re.findall(r"\w+", text.casefold())
        return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))
    got, want = grams(predicted), grams(expected)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def test_f1_measure():
    assert four_gram_f1("a b c d e", "a b c d e") == 1.0
    assert four_gram_f1("a b c d", "w x y z") == 0.0
    assert four_gram_f1("a b c d e f", "a b c d") == pytest.approx(2 * (1 / 3) * 1 / (1 / 3 + 1))


def test_at_least_six_article_pages():
    assert len(ARTICLE_PAGES) >= 6


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_extraction_f1_per_page(name):
    story = read_one(page(name))
    expected = (HTML_DIR / f"{name}.expected.txt").read_text(encoding="utf-8")
    assert four_gram_f1("\n".join(story.paragraphs), expected) >= 0.9
    # Paragraph structure kept: one extracted paragraph per expected one.
    assert len(story.paragraphs) == len([p for p in expected.split("\n\n") if p.strip()])


def test_extraction_mean_f1_and_tuning_beats_defaults():
    """Mean over all pages; trafilatura's defaults keep comments and link teasers."""
    import trafilatura

    ours, defaults = [], []
    for name in ARTICLE_PAGES:
        raw = page(name)
        expected = (HTML_DIR / f"{name}.expected.txt").read_text(encoding="utf-8")
        ours.append(four_gram_f1("\n".join(read_one(raw).paragraphs), expected))
        defaults.append(four_gram_f1(trafilatura.extract(html.decode_html(raw.data)) or "", expected))
    mean, mean_default = sum(ours) / len(ours), sum(defaults) / len(defaults)
    print(f"4-gram F1 over {len(ours)} pages: ours {mean:.3f}, trafilatura defaults {mean_default:.3f}")
    assert mean >= 0.95 and mean > mean_default


# --- html: metadata -----------------------------------------------------------------------


def test_ap_page_metadata_from_og_and_json_ld():
    story = read_one(page("courier-ap-storm"))
    assert story.headline == "Storm knocks out power to 200,000 across three states"
    assert story.published_at.isoformat() == "2024-06-11T18:42:00-04:00"
    assert story.version_created_at.isoformat() == "2024-06-11T21:05:00-04:00"
    assert story.date_source == "metadata"
    assert story.agency == "The Associated Press" and story.byline == "The Associated Press"
    assert story.language == "en"
    assert story.url == "https://www.riversidecourier.example/news/2024/06/11/storm-power-outages-ohio-valley/"
    assert story.subjects == ["Weather", "storms", "power outages", "Ohio", "Kentucky"]
    # The copyright notice under the body is furniture.
    assert not any("All rights reserved" in p for p in story.paragraphs)


def test_ap_page_through_finish_story_and_article_row():
    raw = page("courier-ap-storm", url="https://fallback.example/x")
    story = finish_story(read_one(raw))
    row = article_row(story, raw, INGESTED)
    assert story.dateline == "LOUISVILLE, Ky. (AP)"
    assert story.paragraphs[0].startswith("A fast-moving line of thunderstorms")
    assert row["agency"] == "AP" and row["kind"] == "story" and row["pub_date"] == "2024-06-11"
    assert row["published_utc_offset"] == "-04:00"
    assert row["published_at"] == datetime(2024, 6, 11, 22, 42, tzinfo=timezone.utc)


def test_json_ld_graph_with_author_list_and_source_organization():
    story = read_one(page("wire-reuters-rates"))
    assert story.byline == "Alice Fenwick, Tom Okafor"
    assert story.agency == "Reuters"  # sourceOrganization, not the publishing site
    assert story.published_at == datetime(2024, 3, 21, 12, 3, 11, tzinfo=timezone.utc)
    assert story.language == "en"  # <html lang="en"> wins over inLanguage en-GB
    assert story.subjects[:3] == ["Markets", "Central banks", "Interest rates"]  # repeated article:tag
    assert "Bank of England" in story.subjects
    assert story.url == "https://markets.example.com/world/uk/boe-holds-rates-2024-03-21/"  # og:url


def test_cp1252_page_decoded_by_its_meta_charset():
    raw = page("dpa-hitze-cp1252")
    assert b"\xfc" in raw.data  # ü in windows-1252
    story = read_one(raw)
    assert story.headline == "Hitzewelle: Bahn rechnet mit Verspätungen im Süden"
    assert story.language == "de" and story.agency == "dpa" and story.byline == "dpa"
    assert "Süddeutschland" in story.paragraphs[0]


def test_latin1_page_standfirst_and_byline_line_above_dateline_dropped():
    story = read_one(page("afp-incendies-latin1"))
    assert story.paragraphs[0].startswith("BORDEAUX, 9 août 2022 (AFP) - Plus de 6.000 hectares")
    assert story.byline == "AFP"  # "Par AFP - Publié le ..."
    assert story.headline == "Incendies : des milliers d'hectares brûlés dans le sud-ouest"
    assert story.published_at.isoformat() == "2022-08-09T11:30:00+02:00"  # <time datetime>
    assert finish_story(story).agency == "AFP"


def test_subheads_lists_and_quotes_are_paragraphs_captions_are_not():
    story = read_one(page("gazette-harbour-ferry", url="https://harbourgazette.example/local/x"))
    assert "Cheaper to run" in story.paragraphs and "Doubts over the timeline" in story.paragraphs
    assert "four more on the cross-harbour routes in 2028;" in story.paragraphs
    assert not any("Photo: Sam Lowe" in p or "Read more" in p or "ADVERTISEMENT" in p for p in story.paragraphs)
    assert story.byline == "Priya Natarajan"  # "By " prefix in JSON-LD author removed
    assert story.agency == "The Harbour Gazette"  # own story: the publisher
    assert story.language == "en"  # en-AU
    # A relative canonical link is resolved against the page's address.
    assert story.url == "https://harbourgazette.example/local/2024/02/08/harbour-ferry-fleet-electric/"


def test_page_without_meta_uses_h1_time_and_byline_line():
    story = read_one(page("plain-bulletin-minimal"))
    assert story.headline == "Volcano erupts on remote island, flights diverted"
    assert story.published_at == datetime(2021, 11, 3, 7, 45, tzinfo=timezone.utc)  # no zone: UTC
    assert story.byline == "Kenji Morita"
    assert finish_story(story).agency == "Kyodo"


def test_old_cms_page_title_suffix_and_visible_date():
    story = read_one(page("oldcms-br-layout"))
    assert story.headline == "Fishermen rescued after two days adrift"  # " :: Island Times" gone
    assert story.published_at == datetime(2019, 4, 6, 9, 12, tzinfo=timezone.utc)  # "Posted: ... 9:12 AM"
    assert story.date_source == "content"
    assert len(story.paragraphs) == 5  # <br><br> separated text


def test_xinhua_portal_source_line_time_and_no_lang():
    story = finish_story(read_one(page("newsportal-xinhua-rail")))
    assert story.headline == "China opens high-speed rail link to border city"  # <h1>; <title> has the site
    assert story.agency == "Xinhua" and story.dateline == "KUNMING, Sept. 14 (Xinhua)"
    assert story.published_at.isoformat() == "2023-09-14T16:20:00+08:00"
    assert story.language == "en"  # detected from the text


@pytest.mark.parametrize(
    "name, reason",
    [("reject-404", "no article text"), ("reject-section-index", "not a news page")],
)
def test_non_article_pages_rejected(name, reason):
    with pytest.raises(Reject) as caught:
        read_one(page(name))
    assert caught.value.stage == "parse" and caught.value.reason == reason


def test_error_word_in_a_news_headline_is_not_an_error_page():
    body = "<p>" + "Investigators said a pilot's error caused the crash near the airport on Monday. " * 5 + "</p>"
    text = f'<html><head><title>Human error blamed for crash</title><meta property="article:published_time" content="2024-01-02T10:00:00Z"></head><body>{body}</body></html>'
    assert html.parse_html(text).headline == "Human error blamed for crash"


def test_undated_page_tagged_og_article_is_not_news():
    """Motivated by 01spb.ru in the resiliparse WARC: a company 'about' page tagged og:type article."""
    prose = " ".join(f"Our company has served clients in the city for {n} years and we are proud of it." for n in range(12))
    text = f'<html><head><meta property="og:type" content="article"><title>About us</title></head><body><h1>About us</h1><p>{prose}</p><p>{prose}</p></body></html>'
    with pytest.raises(Reject, match="not a news page"):
        html.parse_html(text)
    dated = text.replace("<h1>", '<time datetime="2024-05-01T10:00:00Z">1 May</time><h1>')
    assert html.parse_html(dated).headline == "About us"


def test_error_page_with_article_text_length_rejected_by_title():
    body = "<p>" + "The page you requested could not be found on this server, sorry. " * 4 + "</p>"
    with pytest.raises(Reject, match="not a news page"):
        html.parse_html(f"<html><head><title>404 Not Found</title></head><body><h1>Oops</h1>{body}</body></html>")


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"<!DOCTYPE html>\n<html lang='en'>", True),
        (b"\xef\xbb\xbf<!doctype html><html>", True),  # BOM (05925.net in the resiliparse WARC)
        (b"\r\n\r\n<html>\r\n<head>", True),  # blank lines first (041696.com)
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
        (b"<!-- saved page --><head><title>x</title></head>", True),
        (b'<?xml version="1.0"?><nitf><head><title>x</title></head><body>', False),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', False),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', False),
        (b"BEIJING, Feb. 2 (Xinhua) -- plain text", False),
    ],
)
def test_html_sniff(head, expected):
    assert html.sniff(head) is expected


def test_decode_wrong_meta_charset_falls_back_to_detection():
    data = '<html><head><meta charset="utf-8"><title>Café</title></head></html>'.encode("cp1252")
    assert "Café" in html.decode_html(data)


def test_decode_gb2312_page_as_gb18030():
    data = '<html><head><meta charset="gb2312"><title>新闻</title></head></html>'.encode("gb18030")
    assert "新闻" in html.decode_html(data)


@pytest.mark.parametrize(
    "title, site, expected",
    [
        ("Floods close schools | World | The Daily Planet", "", "Floods close schools"),
        ("Floods close schools - The Daily Planet", "The Daily Planet", "Floods close schools"),
        ("Biden says talks will go on - report", "", "Biden says talks will go on - report"),
        ("Fishermen rescued :: Island Times", "", "Fishermen rescued"),
        ("| Site", "", "| Site"),
    ],
)
def test_strip_site_name(title, site, expected):
    assert html.strip_site_name(title, site) == expected


@pytest.mark.parametrize(
    "value, moment, day",
    [
        ("2024-06-11T18:42:00-04:00", datetime(2024, 6, 11, 22, 42, tzinfo=timezone.utc), None),
        ("2003-12-13T18:30:02Z", datetime(2003, 12, 13, 18, 30, 2, tzinfo=timezone.utc), None),
        ("2021-11-03T07:45", datetime(2021, 11, 3, 7, 45, tzinfo=timezone.utc), None),
        ("2008-12-23", None, date(2008, 12, 23)),
        ("not a date", None, None),
        ("", None, None),
    ],
)
def test_parse_moment(value, moment, day):
    found_moment, found_day = html.parse_moment(value)
    assert found_moment == moment and found_day == day
    assert found_moment is None or found_moment.tzinfo is not None


def test_furniture_and_lead_rules():
    assert html.drop_furniture(["Body text.", "Read more: Ferry fares to rise", "Copyright 2024 AP. All rights reserved."]) == ["Body text."]
    lead, body = html.split_lead(["Standfirst here.", "— by Kenji Morita", "TOKYO, Nov. 3 (Kyodo) -- A volcano erupted."])
    assert lead == ["Standfirst here.", "— by Kenji Morita"] and body[0].startswith("TOKYO")
    assert html.split_lead(["No dateline here.", "Second."]) == ([], ["No dateline here.", "Second."])


def test_cjk_words_counted_per_character():
    assert html.count_words("新闻报道 news today") == 6


def test_html_paragraphs_of_a_fragment():
    assert html.html_paragraphs("<p>One <b>two</b>.</p>Loose<br><br>After<ul><li>a</li></ul><script>x()</script>") == [
        "One two.", "Loose", "After", "a"]


# --- warc ---------------------------------------------------------------------------------


def build_warc(gzipped: bool) -> bytes:
    """warcinfo, request, two article pages, an image, a redirect, a 404 page, metadata."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "wirelake tests"}))

    def response(url, status, content_type, body, date):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)

    request = writer.create_warc_record("https://wire.example.com/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: wire.example.com\r\n\r\n"))
    writer.write_record(request)
    response("https://www.riversidecourier.example/storm", "200 OK", "text/html; charset=utf-8",
             (HTML_DIR / "courier-ap-storm.html").read_bytes(), "2024-06-12T01:00:00Z")
    response("https://img.example.com/storm.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0 jpeg bytes", "2024-06-12T01:00:01Z")
    response("https://www.riversidecourier.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>", "2024-06-12T01:00:02Z")
    response("https://www.riversidecourier.example/gone", "404 Not Found", "text/html", (HTML_DIR / "reject-404.html").read_bytes(), "2024-06-12T01:00:03Z")
    response("https://markets.example.com/boe", "200 OK", "application/xhtml+xml",
             (HTML_DIR / "wire-reuters-rates.html").read_bytes(), "2024-03-21T15:00:00Z")
    writer.write_record(writer.create_warc_record("https://markets.example.com/boe", "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n")))
    return out.getvalue()


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_yields_html_200_responses_only(gzipped):
    data = build_warc(gzipped)
    raw = RawFile("file:///crawl.warc", data, depth=0)
    assert reader_for(raw) is warc  # the gzip'd form too: warc sits before Gzip
    pages = list(warc.read(raw))
    assert [p.url for p in pages] == ["https://www.riversidecourier.example/storm", "https://markets.example.com/boe"]
    assert all(isinstance(p, RawFile) and p.depth == 1 for p in pages)
    assert re.fullmatch(r"file:///crawl\.warc#urn:uuid:[0-9a-f-]{36}", pages[0].uri)
    assert pages[0].modified_at == datetime(2024, 6, 12, 1, 0, tzinfo=timezone.utc)
    assert pages[0].data == (HTML_DIR / "courier-ap-storm.html").read_bytes()
    assert reader_for(pages[0]) is html


def test_warc_gz_also_readable_through_the_gzip_container():
    """gzip.GzipFile unpacks every member, so Gzip -> warc works too (the slower path)."""
    unpacked = list(Gzip.read(RawFile("file:///crawl.warc.gz", build_warc(True))))
    assert len(unpacked) == 1 and unpacked[0].data.startswith(b"WARC/1.")
    assert [p.url for p in warc.read(unpacked[0])][:1] == ["https://www.riversidecourier.example/storm"]


@pytest.mark.parametrize("gzipped", [False, True])
def test_truncated_warc_yields_what_it_read_then_a_reject(gzipped):
    data = build_warc(gzipped)
    cut = data[: data.index(b"markets.example.com/boe") + 400] if not gzipped else data[: len(data) - 900]
    items = list(warc.read(RawFile("file:///cut.warc", cut)))
    assert isinstance(items[0], RawFile) and items[0].url == "https://www.riversidecourier.example/storm"
    assert isinstance(items[-1], Reject) and items[-1].reason == "truncated warc"
    assert not any(isinstance(i, RawFile) and i.url == "https://markets.example.com/boe" for i in items)


def test_warc_page_never_passed_on_half_read():
    data = build_warc(False)
    cut = data[: data.index(b"Forecasters said")]  # inside the first article's body
    items = list(warc.read(RawFile("file:///cut.warc", cut)))
    assert [type(i) for i in items] == [Reject] and items[0].reason == "truncated warc"


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_without_a_page_is_one_reject_not_nothing(gzipped):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("info-only.warc", {"software": "wirelake tests"}))
    with pytest.raises(Reject) as caught:
        list(warc.read(RawFile("file:///info-only.warc", out.getvalue())))
    assert caught.value.reason == "warc without pages" and "1 record" in caught.value.detail


@pytest.mark.parametrize("data", [b"WARC/1.0\r\ngarbage\r\n\r\n", b"WARC/1.0\r\n"])
def test_corrupt_warc_rejected(data):
    with pytest.raises(Reject) as caught:
        list(warc.read(RawFile("file:///bad.warc", data)))
    assert caught.value.reason == "corrupt warc"


def test_warc_sniff():
    assert warc.sniff(b"WARC/1.1\r\nWARC-Type: warcinfo")
    assert warc.sniff(gzip.compress(b"WARC/1.0\r\nWARC-Type: response")[:64])
    assert not warc.sniff(gzip.compress(b"<html>not a warc</html>"))
    assert not warc.sniff(b"\x1f\x8b garbage that is not deflate")


def test_warc_through_the_pipeline(monkeypatch):
    monkeypatch.setattr("tasks.entities.find_entities", lambda body: [])  # this test is about readers
    out = process_file(RawFile("file:///crawl.warc.gz", build_warc(True)), INGESTED)
    assert out.formats == Counter({"warc": 1, "html": 2})
    assert sorted(a["agency"] for a in out.articles) == ["AP", "Reuters"]
    assert {a["url"] for a in out.articles} == {
        "https://www.riversidecourier.example/news/2024/06/11/storm-power-outages-ohio-valley/",
        "https://markets.example.com/world/uk/boe-holds-rates-2024-03-21/",
    }
    assert out.rejects == []  # image, redirect and 404 are skipped silently


# --- warc: the real samples ---------------------------------------------------------------


def test_sample_warcio_example_gz():
    path = shared_file("samples/warc/warcio__example.warc.gz")
    pages = list(warc.read(RawFile(str(path), path.read_bytes())))
    assert [(p.url, p.modified_at) for p in pages] == [("http://example.com/", datetime(2017, 3, 6, 4, 2, 6, tzinfo=timezone.utc))]
    assert pages[0].uri.endswith("#urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005")  # the revisit is skipped
    with pytest.raises(Reject, match="not a news page"):  # "Example Domain": two short paragraphs
        list(html.read(pages[0]))


def test_sample_warcio_chunked_iana():
    path = shared_file("samples/warc/warcio__example-iana.org-chunked.warc")
    pages = list(warc.read(RawFile(str(path), path.read_bytes())))
    assert [p.url for p in pages] == ["http://www.iana.org/"]
    assert pages[0].data.startswith(b"<!doctype html>")  # chunked transfer encoding undone
    assert b"Internet Assigned Numbers Authority" in pages[0].data
    with pytest.raises(Reject, match="not a news page"):  # a home page, undated
        list(html.read(pages[0]))


def test_sample_resiliparse_general_web_pages_are_not_news():
    path = shared_file("samples/warc/resiliparse__warcfile.warc.gz")
    pages = list(warc.read(RawFile(str(path), path.read_bytes())))
    assert len(pages) == 16 and all(isinstance(p, RawFile) for p in pages)  # 50 records, 16 responses
    assert pages[0].url == "http://003338.cn/l41/481397.html"
    assert pages[-1].url == "http://096355.com/video/11073.html?11073-0-2"
    assert all(html.sniff(p.data[:4096]) for p in pages)
    reasons = Counter()
    for p in pages:
        with pytest.raises(Reject) as caught:
            list(html.read(p))
        reasons[caught.value.reason] += 1
    # Gambling, video, company and statistics pages: none is a dated news article.
    assert reasons == Counter({"not a news page": 16})


# --- feeds --------------------------------------------------------------------------------


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
