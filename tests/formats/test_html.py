"""The HTML reader (tasks/formats/html.py) on pages under tests/fixtures/formats/html/.

Extraction quality is measured as bench/bench_extraction.py measures it (word 4-gram F1
against the hand-made bodies in <page>.expected.txt); the bench owns the measure and the
page set, these tests hold the reader to it.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime, timezone

import pytest

from tasks.formats import html, reader_for
from tasks.formats._page_furniture import drop_furniture
from tasks.parse import finish_story
from tasks.pipeline import article_row
from tasks.records import RawFile, Reject

from tests.conftest import ROOT

INGESTED = datetime(2024, 7, 1, tzinfo=timezone.utc)


def _extraction_bench():
    """bench/ holds scripts, not a package: load the benchmark from its file (as
    tests/test_reference.py loads bench/reference.py)."""
    name = "wirelake_bench_extraction"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "bench_extraction.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_bench = _extraction_bench()
HTML_DIR, ARTICLE_PAGES, four_gram_f1 = _bench.HTML_DIR, _bench.ARTICLE_PAGES, _bench.four_gram_f1


def page(name: str, url: str | None = None) -> RawFile:
    return RawFile(f"file:///{name}.html", (HTML_DIR / f"{name}.html").read_bytes(), url=url)


def read_one(raw: RawFile):
    items = list(reader_for(raw).read(raw))
    assert len(items) == 1
    return items[0]


# --- extraction quality -------------------------------------------------------------------

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
    assert story.agency == "The Associated Press" and story.byline is None  # an organisation is no byline
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
    [("reject-404", "no article text"), ("reject-section-index", "not a news page"),
     ("reject-section-front-undated", "not a news page"), ("reject-soft-404", "not a news page")],
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
        ("Rail link opens to border city_Business_Portal Net", "", "Rail link opens to border city"),
        ("Portal Net|Rail link opens to border city", "Portal Net", "Rail link opens to border city"),
    ],
)
def test_strip_site_name(title, site, expected):
    assert html.strip_site_name(title, site) == expected


def test_title_before_the_h1_loses_whatever_follows_it():
    """'Headline - Agency Name' with no og:site_name: the <h1> says where the headline ends."""
    h1 = "Rail link opens to border city"
    assert html.strip_site_name(f"{h1} - Wire Agency Net", "", h1) == h1
    assert html.strip_site_name("Biden says talks will go on - report", "", "Something else") == "Biden says talks will go on - report"


# --- html: which pages are articles -------------------------------------------------------


def test_article_without_markup_or_date_is_an_article():
    """No og:type, JSON-LD, <article> or date anywhere: a headline over running prose is enough."""
    story = read_one(page("unmarked-ledger-ferry"))
    assert story.headline == "Island council keeps the winter ferry running"  # "_Local_The Coastal Ledger" gone
    assert story.published_at is None and story.published_on is None and story.date_source is None


@pytest.mark.parametrize(
    "title, why",
    [("About us", "service page"), ("Log in", "service page"), ("Page not found", "error page"),
     ("cheap flights,hotel deals,car hire", "keyword or garbled title")],
)
def test_prose_under_a_non_headline_is_not_an_article(title, why):
    prose = " ".join(f"We have welcomed visitors to the valley for {n} years and we look forward to it." for n in range(12))
    text = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{prose}</p><p>{prose}</p></body></html>"
    with pytest.raises(Reject, match=why) as caught:
        html.parse_html(text)
    assert caught.value.reason == "not a news page"


def test_home_page_is_not_an_article():
    prose = " ".join(f"The society has met in the town hall every month for {n} years and welcomes everyone." for n in range(12))
    text = f"<html><head><title>Welcome to the valley history society</title></head><body><h1>Welcome to the valley history society</h1><p>{prose}</p></body></html>"
    with pytest.raises(Reject, match="home page"):
        html.parse_html(text, "https://history.example/")
    assert html.parse_html(text, "https://history.example/news/2024/society-meets").headline.startswith("Welcome")


# --- html: dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamps",
    [
        '<p>Updated <time datetime="2024-05-02T09:00:00Z">2 May</time> | Published <time datetime="2024-05-01T08:00:00Z">1 May</time></p>',
        '<p><span class="updated">Last updated: <time datetime="2024-05-02T09:00:00Z">2 May</time></span>'
        ' <span>Published: <time datetime="2024-05-01T08:00:00Z">1 May</time></span></p>',
        '<div class="date">Updated: May 2, 2024 8:00 AM</div><div class="date">Published: May 1, 2024 8:00 AM</div>',
    ],
)
def test_published_time_wins_over_updated_time(stamps):
    body = ("<p>" + "The council voted on Tuesday to keep the ferry running through the winter months. " * 3 + "</p>") * 3
    text = f"<html><head><title>Council keeps winter ferry running</title></head><body><h1>Council keeps winter ferry running</h1>{stamps}{body}</body></html>"
    story = html.parse_html(text)
    assert story.published_at == datetime(2024, 5, 1, 8, tzinfo=timezone.utc)


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
    assert drop_furniture(["Body text.", "Read more: Ferry fares to rise", "Copyright 2024 AP. All rights reserved."]) == ["Body text."]
    lead, body = html.split_lead(["Standfirst here.", "— by Kenji Morita", "TOKYO, Nov. 3 (Kyodo) -- A volcano erupted."])
    assert lead == ["Standfirst here.", "— by Kenji Morita"] and body[0].startswith("TOKYO")
    assert html.split_lead(["No dateline here.", "Second."]) == ([], ["No dateline here.", "Second."])


def test_cjk_words_counted_per_character():
    assert html.count_words("新闻报道 news today") == 6


def test_html_paragraphs_of_a_fragment():
    assert html.html_paragraphs("<p>One <b>two</b>.</p>Loose<br><br>After<ul><li>a</li></ul><script>x()</script>") == [
        "One two.", "Loose", "After", "a"]


# --- html: furniture inside the main text ---------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Share on Facebook", "14 comments", "Next", "3 of 12", "This is a modal window.", "Now watching",
        "24 July 2015", "08.04.2015 12:46", "Topics: ferries, islands, council",
        "LE PUEDE INTERESAR: Harbour wall repairs delayed again", "Lesen Sie auch: Neue Fähre für die Insel",
        "Never miss a story: sign up for our newsletter and get the Ledger in your inbox every morning.",
        "Subscribe now to our digital edition for the full story.", "Síguenos en Telegram, Instagram y Facebook",
        "Write to us at letters@ledger.example with your views.", "Click here to watch live coverage of the vote.",
        "This article is the copyrighted property of The Ledger. Written permission must be obtained before reprint.",
    ],
)
def test_furniture_line_dropped(furniture):
    story = ["The council voted on Tuesday to keep the ferry running through the winter.", furniture,
             "A decision on the harbour wall has been put off until February."]
    assert drop_furniture(story) == [story[0], story[2]]


def test_paragraph_mentioning_a_newsletter_or_comments_stays():
    long = ("The council said its newsletter, posted to every house, would carry the new timetable, and that "
            "comments from residents would be read at the next meeting in the village hall before the vote.")
    assert drop_furniture([long]) == [long]
    assert drop_furniture(["Read more about the plan below, the council said in a long statement to residents "
                           "that ran to four pages and answered every question asked at the meetings so far this year."]) != []


def test_related_list_after_the_story_bio_and_slideshow_go():
    story = [f"Paragraph {n} of the story, in which the council explains its reasons at some length." for n in range(6)]
    slides = [f"{n}/12 Caption of picture {n} in the slideshow" for n in range(1, 5)]
    tail = ["You might also like", "Lighthouse diary goes on show", "Lifeboat called out twice"]
    bio = "Elspeth Rennie is a reporter for The Coastal Ledger covering the northern isles."
    assert drop_furniture(story[:3] + slides + story[3:] + [bio] + tail) == story
    # The same words as a heading early in the story are a subhead, not the start of a list.
    assert drop_furniture(["Most read", *story]) == ["Most read", *story]


def test_headline_repeated_at_the_top_goes_with_other_quotes():
    blocks = ["Student “burned up” by diet pills", "An inquest heard on Tuesday that the pills were bought online."]
    assert drop_furniture(blocks, ('Student "burned up" by diet pills',)) == blocks[1:]


def test_publisher_and_an_organisation_author_is_no_byline():
    page = b"""<html><head><title>Harbour ferry returns after repairs | Coastline Herald</title>
<meta property="og:site_name" content="Coastline Herald">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour ferry returns after repairs",
 "datePublished": "2024-03-05T09:00:00Z", "author": {"@type": "Organization", "name": "Coastline Herald staff"}}</script>
</head><body><article><h1>Harbour ferry returns after repairs</h1>
<p>The harbour ferry returned to service on Tuesday after three weeks of repairs to its engines, the operator said.</p>
<p>Passengers had used buses around the bay while the vessel was in dry dock, adding half an hour to the trip.</p>
<p>The operator said the repairs cost less than expected and that timetables would return to normal at once.</p>
</article></body></html>"""
    story = finish_story(next(html.read(RawFile("page.html", page))))
    assert story.publisher == "Coastline Herald" and story.byline is None
