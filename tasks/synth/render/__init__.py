"""One renderer per format family, `render_<format>(story) -> bytes` (and for stream
formats `bundle_<format>(stories) -> bytes`):

    page_text.py  scraped page text; the charset substitutions single-byte files need
    wire.py       NITF, NewsML-G2, NewsML 1.2, ninjs, ANPA-1312, IPTC 7901
    web.py        HTML pages, WARC captures of them, RSS / Atom feeds and sitemaps
    meta.py       what the structured renderers share: ids, URLs, dates, codes, escaping

A renderer takes its layout choices from `story.style_seed`, so its bytes depend on the
story alone, and encodes in `story.encoding`. A new one is registered in ../registry.py.
"""
