"""Renderers of web formats: news-site HTML pages, WARC captures of them (warcio), and
RSS 2.0 / Atom feeds and Google News sitemaps.

Layout choices come from a random.Random(story.style_seed): bytes depend on the stories alone.
"""

from __future__ import annotations

import io
import json
import random
import uuid
from datetime import timedelta

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.synth.render.meta import (
    AGENCY_LONG, AGENCY_SITE, DECLARED, body_paragraphs, encode_markup, esc, human_date, iso, iso_offset, rfc822,
    story_url, url_slug,
)
from tasks.synth.story import WireStory

_NAV = ("Home", "World", "Business", "China", "Sci-Tech", "Sports", "Health", "Opinion", "Photos", "Video")
_COMMENTS = (
    "Great reporting, thanks for keeping us informed.",
    "I don't believe a word of this.",
    "Who is going to pay for all of this in the end?",
    "Finally some good news for a change!",
    "This has been coming for years, everyone knew it.",
    "Interesting, but the article leaves out the most important part.",
    "Can someone explain what this means for ordinary people?",
    "Same story every year and nothing changes.",
)
_HANDLES = ("reader2019", "J.Smith", "worldwatcher", "anon", "m_k", "truthseeker", "Pat", "oldtimer55")


def _style(story: WireStory) -> random.Random:
    return random.Random(story.style_seed ^ 0x5EB)


def _pick(r: random.Random, seq):
    return seq[int(r.random() * len(seq))]


# --------------------------------------------------------------------------------------
# HTML pages
# --------------------------------------------------------------------------------------


def _head(story: WireStory, r: random.Random, url: str, site: str) -> list[str]:
    dt = story.published
    title = esc(story.full_headline)
    lead = esc(story.paragraphs[0][:200])
    out = [f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="{DECLARED[story.encoding]}">\n',
           f"<title>{title} - {esc(site)}</title>\n",
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
           f'<meta name="description" content="{lead}">\n<link rel="canonical" href="{esc(url)}">\n',
           '<link rel="stylesheet" href="/static/css/main.css">\n']
    if r.random() < 0.85:
        out.append(f'<meta property="og:type" content="article">\n<meta property="og:title" content="{title}">\n'
                   f'<meta property="og:url" content="{esc(url)}">\n<meta property="og:site_name" content="{esc(site)}">\n'
                   f'<meta property="og:description" content="{lead}">\n')
        if dt is not None:
            out.append(f'<meta property="article:published_time" content="{iso_offset(dt)}">\n')
        out.append(f'<meta property="article:section" content="{esc(story.section)}">\n')
    if r.random() < 0.8:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.full_headline,
              "mainEntityOfPage": url, "articleSection": story.section,
              "author": {"@type": "Organization", "name": story.agency},
              "publisher": {"@type": "Organization", "name": site,
                            "logo": {"@type": "ImageObject", "url": f"https://{site}/static/logo.png"}}}
        if dt is not None:
            ld["datePublished"] = iso(dt)
            ld["dateModified"] = iso(dt + timedelta(minutes=int(r.random() * 90)))
        out.append(f'<script type="application/ld+json">{esc_script(json.dumps(ld, ensure_ascii=False))}</script>\n')
    out.append('<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>\n</head>\n')
    return out


def esc_script(text: str) -> str:
    """JSON inside <script>: only '</' could end the element early."""
    return text.replace("</", "<\\/")


def _related_links(story: WireStory) -> list[str]:
    site = AGENCY_SITE[story.agency]
    return [f'<li><a href="https://{site}/{url_slug(h)}.html">{esc(h)}</a></li>' for h in story.related]


def render_html(story: WireStory) -> bytes:
    """A news site's article page: head meta (og:, JSON-LD NewsArticle), navigation, ticker,
    breadcrumb, headline, date, share widgets, the article body, related stories, comments."""
    r = _style(story)
    dt = story.published
    site = AGENCY_SITE[story.agency]
    url = story_url(story)
    out = _head(story, r, url, site)
    out.append('<body class="article-page">\n<header class="site-header">\n'
               f'<a class="logo" href="/">{esc(site)}</a>\n<nav class="main-nav"><ul>')
    out.extend(f'<li><a href="/{n.lower()}/">{n}</a></li>' for n in _NAV[: 5 + int(r.random() * 5)])
    out.append("</ul></nav>\n</header>\n")
    links = _related_links(story)
    if links and r.random() < 0.6:
        out.append('<div class="ticker"><span class="ticker-title">Off the wire</span><ul>'
                   + "".join(links[:6]) + "</ul></div>\n")
    out.append('<main id="content">\n<article class="story">\n'
               f'<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/{story.section.lower()}/">'
               f"{esc(story.section)}</a></div>\n<h1 class=\"headline\">{esc(story.full_headline)}</h1>\n"
               f'<div class="meta"><span class="source">Source: {esc(story.agency)}</span>')
    if dt is not None:
        out.append(f' | <time datetime="{iso_offset(dt)}">{human_date(dt)}</time>')
    out.append('</div>\n<div class="share"><span>Share:</span> '
               f'<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={esc(url)}">Facebook</a> '
               f'<a class="share-x" href="https://x.com/intent/post?url={esc(url)}">X</a> '
               '<a class="share-mail" href="mailto:?subject=News">Email</a> <a class="print" href="#">Print</a></div>\n'
               '<div class="article-body">\n')
    paragraphs = body_paragraphs(story)
    ad_at = 2 + int(r.random() * 3)
    for k, p in enumerate(paragraphs):
        out.append(f"<p>{esc(p)}</p>\n")
        if k == ad_at:
            out.append('<div class="ad-slot" data-ad="mid-article">Advertisement</div>\n')
    out.append("</div>\n</article>\n")
    if links:
        out.append('<aside class="related"><h2>Related stories</h2><ul>' + "".join(links) + "</ul></aside>\n")
    n_comments = int(r.random() * 4)
    if n_comments:
        out.append(f'<section class="comments"><h3>Comments ({n_comments})</h3>\n')
        for _ in range(n_comments):
            out.append(f'<div class="comment"><span class="author">{_pick(r, _HANDLES)}</span>'
                       f"<p>{esc(_pick(r, _COMMENTS))}</p></div>\n")
        out.append("</section>\n")
    year = dt.year if dt is not None else ""
    out.append(f'</main>\n<footer><p>Copyright {year} {esc(site)}. All rights reserved.</p>'
               '<a href="/about/">About us</a> <a href="/privacy/">Privacy</a></footer>\n'
               "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>\n"
               "</body>\n</html>\n")
    return encode_markup("".join(out), story.encoding)


# --------------------------------------------------------------------------------------
# WARC
# --------------------------------------------------------------------------------------


def _record_id(r: random.Random) -> str:
    return f"<urn:uuid:{uuid.UUID(int=r.getrandbits(128), version=4)}>"


def _warc_date(story: WireStory, r: random.Random) -> str:
    """Fetch time: a little after publication (an undated page still has a fetch time)."""
    dt = story.published
    if dt is None:
        return f"20{17 + int(r.random() * 7)}-0{1 + int(r.random() * 9)}-1{int(r.random() * 9)}T12:00:00Z"
    return iso(dt + timedelta(minutes=5 + int(r.random() * 600)))


def bundle_warc(stories: list[WireStory]) -> bytes:
    """A CC-NEWS style .warc.gz: warcinfo, then per page a request, a response (HTTP + HTML)
    and a metadata record, each its own gzip member (warcio's WARCWriter)."""
    r = _style(stories[0])
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    first_date = _warc_date(stories[0], r)
    info = b"software: StormCrawler 1.16 https://stormcrawler.net/\r\nformat: WARC File Format 1.1\r\n" \
           b"description: News crawl for Common Crawl\r\nisPartOf: CC-NEWS\r\n"
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info), warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": _record_id(r), "WARC-Date": first_date,
                           "WARC-Filename": f"CC-NEWS-{first_date[:10].replace('-', '')}.warc.gz"}))
    for story in stories:
        _write_page(writer, story, r)
    return buf.getvalue()


def _write_page(writer: WARCWriter, story: WireStory, r: random.Random) -> None:
    url = story_url(story)
    date = _warc_date(story, r)
    host, _, path = url[8:].partition("/")
    html = render_html(story)
    request = StatusAndHeaders(f"GET /{path} HTTP/1.1", [("Host", host), ("User-Agent", "CCBot/2.0"),
                                                          ("Accept", "text/html")], is_http_request=True)
    req_id = _record_id(r)
    writer.write_record(writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), length=0, http_headers=request,
        warc_headers_dict={"WARC-Record-ID": req_id, "WARC-Date": date}))
    response = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={DECLARED[story.encoding]}"),
                                           ("Content-Length", str(len(html))), ("Server", "nginx")],
                                protocol="HTTP/1.1")
    resp_id = _record_id(r)
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(html), length=len(html), http_headers=response,
        warc_headers_dict={"WARC-Record-ID": resp_id, "WARC-Date": date, "WARC-Concurrent-To": req_id}))
    meta = f"fetchTimeMs: {50 + int(r.random() * 900)}\r\n".encode()
    writer.write_record(writer.create_warc_record(
        url, "metadata", payload=io.BytesIO(meta), length=len(meta), warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": _record_id(r), "WARC-Date": date, "WARC-Refers-To": resp_id}))


def render_warc(story: WireStory) -> bytes:
    return bundle_warc([story])


# --------------------------------------------------------------------------------------
# Feeds: RSS 2.0, Atom, Google News sitemap
# --------------------------------------------------------------------------------------

P_STUB = 0.12  # a feed item carries only title, date, link and a one-line summary


def feed_kind(story: WireStory) -> str:
    """rss | atom | sitemap, from the first story of a feed file."""
    x = _style(story).random()
    return "rss" if x < 0.55 else "atom" if x < 0.85 else "sitemap"


def is_stub(story: WireStory, kind: str) -> bool:
    """Whether this story appears in the feed without its text (sitemaps never carry text)."""
    return kind == "sitemap" or random.Random(story.style_seed ^ 0xF3ED).random() < P_STUB


def _cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _rss_item(story: WireStory, stub: bool) -> str:
    url = story_url(story)
    out = [f"<item>\n<title>{esc(story.full_headline)}</title>\n<link>{esc(url)}</link>\n"
           f'<guid isPermaLink="false">{esc(story.story_key)}</guid>\n']
    if story.published is not None:
        out.append(f"<pubDate>{rfc822(story.published)}</pubDate>\n")
    out.append(f"<dc:creator>{esc(story.agency)}</dc:creator>\n<category>{esc(story.section)}</category>\n"
               f"<description>{esc(story.paragraphs[0][:240])}</description>\n")
    if not stub:
        html = "".join(f"<p>{esc(p)}</p>" for p in body_paragraphs(story))
        out.append(f"<content:encoded>{_cdata(html)}</content:encoded>\n")
    out.append("</item>\n")
    return "".join(out)


def _atom_entry(story: WireStory, stub: bool) -> str:
    url = story_url(story)
    out = [f"<entry>\n<title>{esc(story.full_headline)}</title>\n<link rel=\"alternate\" href=\"{esc(url)}\"/>\n"
           f"<id>urn:{AGENCY_SITE[story.agency]}:{esc(story.story_key)}:v{story.version}</id>\n"]
    if story.published is not None:
        out.append(f"<published>{iso(story.published)}</published>\n<updated>{iso(story.published)}</updated>\n")
    out.append(f"<author><name>{esc(story.agency)}</name></author>\n"
               f"<summary>{esc(story.paragraphs[0][:240])}</summary>\n")
    if not stub:
        html = "".join(f"<p>{esc(p)}</p>" for p in body_paragraphs(story))
        out.append(f'<content type="html">{esc(html)}</content>\n')
    out.append("</entry>\n")
    return "".join(out)


def _sitemap_url(story: WireStory) -> str:
    out = [f"<url>\n<loc>{esc(story_url(story))}</loc>\n<news:news>\n<news:publication>"
           f"<news:name>{esc(AGENCY_LONG[story.agency])}</news:name><news:language>en</news:language>"
           "</news:publication>\n"]
    if story.published is not None:
        out.append(f"<news:publication_date>{iso_offset(story.published)}</news:publication_date>\n")
    out.append(f"<news:title>{esc(story.full_headline)}</news:title>\n</news:news>\n</url>\n")
    return "".join(out)


def bundle_feeds(stories: list[WireStory]) -> bytes:
    """One feed file: RSS 2.0 (content:encoded), Atom (content type=html) or a news sitemap."""
    first = stories[0]
    kind = feed_kind(first)
    site = AGENCY_SITE[first.agency]
    encoding = first.encoding if first.encoding in ("latin-1", "cp1252") else "utf-8"
    decl = f'<?xml version="1.0" encoding="{DECLARED[encoding]}"?>\n'
    newest = max((s.published for s in stories if s.published), default=None)
    if kind == "rss":
        out = [decl, '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                     'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
                     f"<channel>\n<title>{esc(AGENCY_LONG[first.agency])} - Latest news</title>\n"
                     f"<link>https://{site}/</link>\n<description>Latest stories</description>\n<language>en</language>\n"]
        if newest is not None:
            out.append(f"<lastBuildDate>{rfc822(newest)}</lastBuildDate>\n")
        out.extend(_rss_item(s, is_stub(s, kind)) for s in stories)
        out.append("</channel>\n</rss>\n")
    elif kind == "atom":
        out = [decl, '<feed xmlns="http://www.w3.org/2005/Atom">\n'
                     f"<title>{esc(AGENCY_LONG[first.agency])}</title>\n<link href=\"https://{site}/\"/>\n"
                     f"<id>https://{site}/feed/atom</id>\n"]
        if newest is not None:
            out.append(f"<updated>{iso(newest)}</updated>\n")
        out.extend(_atom_entry(s, is_stub(s, kind)) for s in stories)
        out.append("</feed>\n")
    else:
        out = [decl, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                     'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n']
        out.extend(_sitemap_url(s) for s in stories)
        out.append("</urlset>\n")
    return encode_markup("".join(out), encoding)


def render_feeds(story: WireStory) -> bytes:
    return bundle_feeds([story])

