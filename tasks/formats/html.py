"""HTML article pages: the story's page as the site served it (../shared/FORMATS.md, "HTML pages").

The main text sits among navigation, tickers, related-story lists, share widgets, comments,
ads and cookie banners; trafilatura finds it (0.960 4-gram F1 on a public 181-page news
benchmark, see ../shared/NOTES-MEASURED.md) and keeps its paragraph structure. Metadata
comes from the page head, most reliable first: Open Graph / article:* meta tags, JSON-LD
NewsArticle, then visible <h1>, <title> and <time datetime>. Pages with no article text
(404s, index pages, pages of links) are refused with a Reject.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit

import htmldate
import lxml.html
import trafilatura
from dateutil import parser as date_parser
from dateutil import tz
from lxml import etree

from tasks.clean import decode_text, normalise_text
from tasks.formats._page_furniture import drop_furniture
from tasks.formats._xml import root_name, sniff_text, text_of
from tasks.parse import AGENCIES, FoundDate, find_date, split_dateline
from tasks.records import RawFile, Reject, Story

NAME = "html"

# First elements an HTML page (or a fragment saved as a page) starts with; XML formats
# (nitf, rss, feed, newsMessage ...) have their own root names and are not claimed here.
_HTML_ROOTS = {"html", "head", "body", "meta", "title", "link", "script", "style"}
_DOCTYPE_HTML = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Code names some pages declare that Python spells differently or that browsers widen.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin1": "cp1252",
                    "ascii": "cp1252", "us-ascii": "cp1252", "x-sjis": "shift_jis"}
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
                  "liveblogposting", "report", "socialmediaposting"}
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+|\s*(?:\||_)\s*")
_SITE_SEPARATORS = {"|", "::", "»", "_"}  # what follows these is the site's name or section, never the headline
_DATE_ELEMENTS = ("//*[contains(@class, 'date') or contains(@class, 'time') or contains(@id, 'date')"
                  " or contains(@class, 'posted') or contains(@class, 'published')]")
# Error pages by their title; "error" or "not found" only at the start ("Human error blamed ..." is news).
_NOT_FOUND = re.compile(r"\b404\b|page not found|no longer available|^(?:error|not found)\b"
                        r"|页面(?:地址)?不存在|找不到(?:页面|网页)|ページが見つかりません", re.I)
_BYLINE_TEXT = re.compile(r"\b(?i:by|par|von)\s+(?P<name>[A-ZÀ-Þ][\w'’-]*(?: [A-ZÀ-Þ][\w'’-]*){0,3})")
_ORGANISATION_TYPE = re.compile(r"Organi[sz]ation|NewsMedia|Corporation", re.I)
_MAX_LEAD_BLOCKS = 4  # a standfirst or byline line above the dateline sits in the first blocks
_MAX_LEAD_WORDS = 25  # a standfirst or a byline line, not a paragraph of the story
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "table", "tr", "section", "article", "header", "footer", "aside", "dl", "dt", "dd", "hr"}
# "Updated", "Last modified", "Aktualisiert", "Actualizado", "Mis à jour": a later stamp, never the published time.
_UPDATED = re.compile(r"(?:^|\b)(?:updated|last modified|modified|aktualisiert|actualizado|actualización|mis à jour|atualizado|aggiornato)\b[\s:]*(?:on|am|el|le|em|il)?\s*$|^\s*(?:updated|last modified|aktualisiert|actualizado|mis à jour)\b", re.I)
_UPDATED_CLASS = re.compile(r"updated|modified", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|publicado|publié|veröffentlicht|pubblicato)\b", re.I)
_MIN_WORDS = 25  # less than this is a caption or a teaser, not an article
_MIN_WORDS_UNMARKED = 80  # pages that do not say they are articles must show more prose
_MIN_MEAN_PARAGRAPH_WORDS = 10  # lists of headlines (index pages) have short "paragraphs"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_MAX_SENTENCE_WORDS = 60  # a menu is a long run of words with no full stop
_MIN_HEADLINE_WORDS = 4  # "About us", "Contact", a place name: page names, not headlines
_MIN_WORDS_UNDATED = 150  # an undated page with no markup must show more text (or a date htmldate finds)
_FRONT_PAGE_PATH = re.compile(r"/?(?:(?:index|default|home)\.\w+)?", re.I)
_SERVICE_TITLE = re.compile(
    r"(?:about(?: us)?|contact(?: us)?|imprint|impressum|kontakt|über uns|privacy(?: policy)?|datenschutz"
    r"|terms(?: of (?:use|service))?|cookie policy|log ?in|sign ?in|sign ?up|register|subscribe|my account"
    r"|search(?: results)?|sitemap|site map|qui sommes-nous|mentions légales|contacto|quiénes somos|aviso legal"
    r"|о нас|о компании|контакты)[.!]?", re.I)
# Spam titles: keyword lists joined by commas or slashes with no space after them, or text
# whose encoding broke at the source ("鏄?笉鏄??"); news headlines put a space after a comma.
_STUFFING = re.compile(r"[^\s,/][,/](?=[^\s\d])")
_GARBLED = re.compile(f"\ufffd|[{_CJK}]\\?+[{_CJK}].*[{_CJK}]\\?+[{_CJK}]")
_CJK_CHARACTER = re.compile(f"[{_CJK}]")
_CJK_SENTENCE_FACTOR = 3
_WORDS = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=[\s\"'”’»)]|$)")


def sniff(head: bytes) -> bool:
    """A doctype html, or a first element that only HTML starts with (<html>, <head> ...)."""
    text = sniff_text(head).lstrip(b"\xef\xbb\xbf \t\r\n")
    if _DOCTYPE_HTML.match(text):
        return True
    root = root_name(text)
    return root is not None and root.lower() in _HTML_ROOTS


def read(raw: RawFile) -> Iterator[Story]:
    yield parse_html(decode_html(raw.data), raw.url)


def decode_html(data: bytes) -> str:
    """Bytes -> text: BOM, then the page's <meta charset>, then tasks.clean's detection."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return decode_text(data)
    if match := _META_CHARSET.search(data[:4096]):
        name = match.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(_CHARSET_ALIASES.get(name, name)).name
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: let detection decide
    return decode_text(data)


def parse_html(text: str, page_url: str | None = None) -> Story:
    """One page's HTML -> one Story, or Reject("parse", ...) when it carries no article."""
    text = _XML_DECLARATION.sub("", text)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise Reject("parse", "malformed html", str(exc)[:300]) from None
    meta = _meta_tags(tree)
    ld = _json_ld_article(tree)

    headline = _headline(tree, meta, ld)
    titles = (headline, *_title_candidates(tree, meta, ld))
    extracted = extract_paragraphs(text, page_url, headline)
    lead, paragraphs = split_lead(drop_furniture(extracted, titles))
    words = sum(count_words(p) for p in paragraphs)
    if words < _MIN_WORDS:
        if sum(count_words(p) for p in extracted) >= _MIN_WORDS:  # dates, widgets, teasers and nothing else
            raise Reject("parse", "not a news page", f"{words} words left after page furniture in {headline[:60]!r}")
        raise Reject("parse", "no article text", f"{words} words of main text in {headline[:60]!r}")
    title = _first_text(tree, "//title")
    if (_NOT_FOUND.search(headline) or _NOT_FOUND.search(title)) and words < 150:
        raise Reject("parse", "not a news page", f"error page {title[:60]!r}")
    if not headline:
        raise Reject("parse", "no headline", "no og:title, JSON-LD headline, <h1> or <title>")

    published = meta.get("article:published_time") or _ld_text(ld, "datePublished") or _time_datetime(tree)
    published_at, published_on = parse_moment(published)
    date_source = "metadata" if published_at or published_on else None
    if date_source is None and (found := _visible_date(tree)):
        published_at, published_on, date_source = found.moment, found.day, "content"
    # News says when: a page without article markup (JSON-LD, article:published_time) must
    # be dated and either call itself og:type article or read as prose. Many sites tag
    # every page og:type article, so that alone does not count.
    marked = bool(ld) or "article:published_time" in meta
    dated = date_source is not None or split_dateline(paragraphs[0]) is not None
    if not marked and not (dated and (meta.get("og:type") == "article" or looks_like_prose(paragraphs))):
        if why := not_an_article(tree, text, page_url or meta.get("og:url"), headline, paragraphs):
            raise Reject("parse", "not a news page", f"{len(paragraphs)} blocks, {words} words, {why}")

    modified = meta.get("article:modified_time") or _ld_text(ld, "dateModified") or meta.get("og:updated_time")
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    url = (canonical[0].strip() if canonical else "") or meta.get("og:url") or page_url
    return Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=_agency(meta, ld, paragraphs),
        published_at=published_at,
        published_on=published_on,
        date_source=date_source,
        version_created_at=parse_moment(modified)[0],
        byline=_byline(meta, ld) or _byline_in(lead),
        publisher=_publisher(meta, ld),
        language=_language(tree, meta, ld),
        subjects=_subjects(meta, ld),
        url=urljoin(page_url, url) if page_url and url else url,
    )


def extract_paragraphs(text: str, page_url: str | None = None, headline: str = "") -> list[str]:
    """Main text as paragraphs (trafilatura: no comments, no tables, no link lists).

    trafilatura's defaults win on the real pages: favor_precision loses more story than
    furniture (readability-set F1 0.930 against 0.937), favor_recall keeps more furniture
    (0.933) and drops one front page, include_tables and deduplicate change nothing there.
    """
    document = trafilatura.bare_extraction(
        text, url=page_url, include_comments=False, include_tables=False, include_images=False,
        include_links=False, with_metadata=False, deduplicate=False,
    )
    if document is None or document.body is None:
        return []
    return html_blocks(document.body, drop=headline)


def html_blocks(body: etree._Element, drop: str = "") -> list[str]:
    """Blocks of trafilatura's tree (p, head, quote; list items one by one) as clean text.

    A line break (<lb/>, the page's <br>) starts a new paragraph: old CMSs separate
    paragraphs with <br><br>, and trafilatura sometimes keeps only one of the two.
    A block repeating the headline near the top is the page's <h1> or title and goes.
    """
    blocks = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        parts = [text_of(item) for item in element.iter("item")] if tag == "list" else _split_at_breaks(element)
        for part in parts:
            part = normalise_text(part)
            if not part or (len(blocks) < 3 and _same(part, drop)):
                continue
            blocks.append(part)
    return blocks


def _split_at_breaks(element: etree._Element) -> list[str]:
    parts, current = [], [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("".join(current))
            current = []
        elif isinstance(child.tag, str):
            current.append("".join(child.itertext()))
        current.append(child.tail or "")
    parts.append("".join(current))
    return [" ".join(part.split()) for part in parts]


# WordPress shortcodes in exported or fed content: "[caption id=.. width=..]<img> A caption[/caption]",
# "[embed]https://...[/embed]", "[gallery ids="1,2"]". A bracketed word without attributes or a
# closing tag ("[sic]", "[1]") is text and stays.
_SHORTCODE_PAIR = re.compile(r"\[(?P<name>[a-z][\w-]*)(?P<attrs>\s[^\]]*)?\](?P<inner>.*?)\[/(?P=name)\]", re.I | re.S)
_SHORTCODE_ALONE = re.compile(r"\[[a-z][\w-]*\s+[\w-]+=[^\]]*\]|\[[a-z][\w-]*\s*/\]", re.I)
_MEDIA_SHORTCODES = {"embed", "video", "audio", "gallery", "playlist", "youtube", "tweet", "instagram"}


def render_shortcodes(markup: str) -> str:
    """Shortcodes rendered to their text: a caption keeps its words, media and embeds go."""
    def pair(match: re.Match) -> str:
        return "" if match["name"].lower() in _MEDIA_SHORTCODES else match["inner"]

    previous = None
    while previous != markup:  # nested shortcodes: innermost first, until nothing changes
        previous, markup = markup, _SHORTCODE_PAIR.sub(pair, markup)
    return _SHORTCODE_ALONE.sub("", markup)


def html_paragraphs(markup: str) -> list[str]:
    """An HTML fragment (feed content, a description) -> its blocks of text as paragraphs.

    Each block element and each double <br> starts a new paragraph; scripts, styles,
    figures and images go.
    """
    if not markup or not markup.strip():
        return []
    markup = render_shortcodes(markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return [normalise_text(markup)]
    for unwanted in root.xpath(".//script | .//style | .//noscript | .//iframe | .//figure | .//img"):
        unwanted.drop_tree()
    for element in root.iter():
        if element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
    text = root.text_content().replace("\r", "")
    blocks = (" ".join(block.split()) for block in re.split(r"\n[^\S\n]*\n", text))
    return [normalise_text(block) for block in blocks if block]


def count_words(text: str) -> int:
    """Words, with each Chinese, Japanese or Korean character counted as one (no spaces there)."""
    return len(_WORDS.findall(text))


def looks_like_prose(paragraphs: list[str]) -> bool:
    """Sentences in paragraphs, not a list of links or headlines (index pages, menus)."""
    words = sum(count_words(p) for p in paragraphs)
    sentences = sum(len(_SENTENCE_END.findall(p)) for p in paragraphs)
    # Counted per character, a Chinese or Japanese sentence runs to 100 "words" and more.
    cjk = sum(len(_CJK_CHARACTER.findall(p)) for p in paragraphs)
    longest = _MAX_SENTENCE_WORDS * (_CJK_SENTENCE_FACTOR if cjk > words / 2 else 1)
    return (words >= _MIN_WORDS_UNMARKED and sentences >= 3 and words / sentences <= longest
            and words / len(paragraphs) >= _MIN_MEAN_PARAGRAPH_WORDS)


def not_an_article(tree: etree._Element, text: str, url: str | None, headline: str, paragraphs: list[str]) -> str | None:
    """Why a page with no article markup and no date of its own is no article; None if it reads as one.

    Articles come without markup and without a visible date too; what they never lack is a
    headline above running prose. Home pages, service pages (about, contact, login ...),
    keyword-stuffed spam and lists of links or headlines are the pages that do.
    """
    path = urlsplit(url or "").path
    if url and url.startswith("http") and _FRONT_PAGE_PATH.fullmatch(path):
        return "a site's home page"
    titles = [headline] + [strip_site_name(t, "", headline) for t in (_first_text(tree, "//title"),)]
    if any(_NOT_FOUND.search(t) for t in titles):
        return f"an error page {headline[:40]!r}"
    if any(_SERVICE_TITLE.fullmatch(t) for t in titles if t):
        return f"a service page {headline[:40]!r}"
    if _GARBLED.search(headline) or len(_STUFFING.findall(headline)) >= 2:
        return f"a keyword or garbled title {headline[:40]!r}"
    if not looks_like_prose(paragraphs):
        return "no date, no prose (a list of links or headlines)"
    if not any(_headline_like(t) for t in titles):
        return f"no date, no headline ({headline[:40]!r})"
    words = sum(count_words(p) for p in paragraphs)
    if words < _MIN_WORDS_UNDATED and not htmldate.find_date(text, url=url, extensive_search=False, original_date=True):
        return "no date, little text"
    return None


def _headline_like(title: str) -> bool:
    """Four words or more; eight characters or more in Chinese or Japanese ("正在播放" is a player's label)."""
    words = count_words(title)
    cjk = len(_CJK_CHARACTER.findall(title))
    return words >= _MIN_HEADLINE_WORDS and (cjk <= words / 2 or cjk >= 2 * _MIN_HEADLINE_WORDS)


def split_lead(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(blocks above the dateline, body from the dateline on).

    Wire copy starts at its dateline ("BORDEAUX, 9 août 2022 (AFP) - ..."); short blocks
    above it are a standfirst or a byline line the page put inside the article.
    """
    for index, paragraph in enumerate(paragraphs[:_MAX_LEAD_BLOCKS]):
        if split_dateline(paragraph):
            lead = paragraphs[:index]
            if all(len(p.split()) <= _MAX_LEAD_WORDS for p in lead):
                return lead, paragraphs[index:]
            break
    return [], paragraphs


def _byline_in(blocks: list[str]) -> str | None:
    """'— by Kenji Morita' / 'Par AFP - Publié le' in a lead block -> the name."""
    for block in blocks:
        if match := _BYLINE_TEXT.search(block):
            return match["name"].strip()
    return None


def parse_moment(value: str | None) -> tuple[datetime | None, date | None]:
    """'2024-03-05T14:05:00+01:00' -> (aware datetime, None); '2024-03-05' -> (None, date).

    A time without a zone is taken as UTC, the wire's default clock.
    """
    value = (value or "").strip()
    if not value:
        return None, None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None, date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:  # dateutil names 'Z' tzlocal() on a UTC machine: ask for UTC offsets only
            moment = date_parser.parse(value, tzinfos={"Z": timezone.utc, "UTC": timezone.utc, "GMT": timezone.utc})
        except (ValueError, OverflowError):
            return None, None
    if moment.tzinfo is None or isinstance(moment.tzinfo, tz.tzlocal):
        moment = moment.replace(tzinfo=timezone.utc)
    return moment, None


# --- metadata -----------------------------------------------------------------------------


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    """<meta property|name=... content=...> -> {lower-cased key: first non-empty content}."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        value = " ".join((element.get("content") or "").split())
        if key and value:
            found.setdefault(key, value)
            if key == "article:tag":  # repeated: one tag per element
                found["article:tag"] = found["article:tag"] if found["article:tag"] == value else found["article:tag"] + "," + value
    return found


def _json_ld_article(tree: etree._Element) -> dict:
    """The first NewsArticle-like object in the page's JSON-LD (top level, lists or @graph)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # sites ship broken JSON-LD; the meta tags still count
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                    return item
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
    return {}


def _ld_text(ld: dict, key: str) -> str:
    value = ld.get(key)
    return value.strip() if isinstance(value, str) else ""


def _ld_names(value: object, people_only: bool = False) -> list[str]:
    """JSON-LD person/organisation values: "Name", {"name": ...} or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if people_only and isinstance(item, dict) and _ORGANISATION_TYPE.search(str(item.get("@type", ""))):
            continue
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names


def _headline(tree: etree._Element, meta: dict, ld: dict) -> str:
    return next(iter(_title_candidates(tree, meta, ld)), "")


def _title_candidates(tree: etree._Element, meta: dict, ld: dict) -> list[str]:
    """og:title, JSON-LD headline, <h1>, <title>: each without the site's name, best first."""
    site = meta.get("og:site_name") or next(iter(_ld_names(ld.get("publisher"))), "")
    h1 = _first_text(tree, "//h1")
    candidates = (meta.get("og:title"), _ld_text(ld, "headline"), h1, _first_text(tree, "//title"))
    return [title for candidate in candidates if (title := strip_site_name(candidate or "", site, h1))]


def strip_site_name(title: str, site: str = "", h1: str = "") -> str:
    """'Floods close schools | World | The Daily Planet' -> 'Floods close schools'.

    A last part after " | " or "_" is always site furniture; after a dash only when it names
    the site, or when what stands before it is the page's <h1>. A first part naming the site
    ("Daily Planet | Floods close schools") goes too.
    """
    title = " ".join(title.split())
    if h1 := " ".join(h1.split()):
        for separator in _TITLE_SEPARATORS.finditer(title):
            if _same(title[: separator.start()], h1):
                return title[: separator.start()]
    if site and (first := _TITLE_SEPARATORS.search(title)) and _same(title[: first.start()], site):
        title = title[first.end() :]
    while separators := list(_TITLE_SEPARATORS.finditer(title)):
        last = separators[-1]
        head, tail = title[: last.start()], title[last.end() :]
        if not head or not (last.group().strip() in _SITE_SEPARATORS or _same(tail, site)):
            break
        title = head
    return title


def _first_text(tree: etree._Element, xpath: str) -> str:
    found = tree.xpath(xpath)
    return text_of(found[0]) if found else ""


def _time_datetime(tree: etree._Element) -> str:
    """The first <time datetime> that is not an update stamp ("Updated 14:05" often stands first)."""
    published = tree.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime")
    if published:
        return published[0]
    for element in tree.xpath("//time[@datetime]"):
        if not _is_update_stamp(element):
            return element.get("datetime")
    return ""


def _visible_date(tree: etree._Element) -> FoundDate | None:
    """'Posted: Saturday, April 6, 2019 9:12 AM' in an element whose class or id says date
    (an 'Updated ...' line is not the publication date)."""
    for element in tree.xpath(_DATE_ELEMENTS):
        text = text_of(element)[:200]
        if not _UPDATED.match(text) and not _UPDATED_CLASS.search(element.get("class") or "") and (found := find_date(text)):
            return found
    return None


def _is_update_stamp(element: etree._Element) -> bool:
    """A time whose class, or whose label just before it, says updated / modified."""
    parent = element.getparent()
    before = (parent.text or "") if parent is not None and parent[0] is element else ""
    previous = element.getprevious()
    if previous is not None:
        before = previous.tail or ""
        if not before.strip():
            before = text_of(previous)
    classes = " ".join(filter(None, (element.get("class"), parent.get("class") if parent is not None else None)))
    return bool(_UPDATED_CLASS.search(classes) or _UPDATED.search(before[-40:]) and not _PUBLISHED.search(before[-40:]))


def _byline(meta: dict, ld: dict) -> str | None:
    """People who wrote the page: a JSON-LD author of type Organization is a credit, not a byline."""
    names = _ld_names(ld.get("author"), people_only=True)
    if not names and not _ld_names(ld.get("author")):
        names = [n for n in (meta.get("author"), meta.get("article:author"), meta.get("byl")) if n and "://" not in n]
    byline = ", ".join(dict.fromkeys(re.sub(r"^by\s+", "", n, flags=re.I) for n in names))
    return byline or None


def _agency(meta: dict, ld: dict, paragraphs: list[str]) -> str | None:
    """A known agency the page names as source, author or publisher; else the publisher,
    unless the first paragraph's dateline names the agency ("(AP) --", see finish_story)."""
    candidates = [meta.get("source"), meta.get("original-source"), *_ld_names(ld.get("sourceOrganization")),
                  meta.get("author"),
                  *_ld_names(ld.get("author")), *_ld_names(ld.get("publisher"))]
    for candidate in candidates:
        if candidate and candidate.strip().lower() in AGENCIES:
            return candidate.strip()
    dateline = split_dateline(paragraphs[0]) if paragraphs else None
    if dateline and dateline.agency:
        return None
    publisher = _ld_names(ld.get("publisher"))
    return publisher[0] if publisher else None


def _publisher(meta: dict, ld: dict) -> str | None:
    """The outlet whose page this is: JSON-LD publisher, else og:site_name."""
    names = _ld_names(ld.get("publisher")) or _ld_names(meta.get("og:site_name"))
    return names[0] if names else None


def _language(tree: etree._Element, meta: dict, ld: dict) -> str | None:
    """'en-GB' -> 'en' (<html lang>, og:locale 'en_GB', JSON-LD inLanguage)."""
    tag = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or _ld_text(ld, "inLanguage") or meta.get("og:locale") or ""
    primary = re.split(r"[-_]", tag.strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _subjects(meta: dict, ld: dict) -> list[str]:
    values = [meta.get("article:section", ""), _ld_text(ld, "articleSection"), meta.get("article:tag", ""),
              meta.get("news_keywords", ""), meta.get("keywords", "")]
    for key in ("articleSection", "keywords"):
        if isinstance(ld.get(key), list):
            values.extend(str(v) for v in ld[key])
        elif key == "keywords" and isinstance(ld.get(key), str):
            values.append(ld[key])
    subjects = (" ".join(s.split()) for value in values for s in value.split(","))
    return list(dict.fromkeys(s for s in subjects if s))


def _same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and a.casefold().strip() == b.casefold().strip()
