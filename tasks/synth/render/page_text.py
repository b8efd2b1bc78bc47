"""The page_text renderer: the text scraped from a news site's page (see samples/text/),
with its ticker, source line and end marker. LATIN1_FALLBACK is shared with the IPTC 7901
renderer (characters ISO-8859-1 lacks)."""

from __future__ import annotations

from datetime import datetime

from tasks.synth.draw import StyleBits, pick, pick_weighted
from tasks.synth.reference import AGENCY_BY_NAME, AP_MONTHS, MONTHS
from tasks.synth.story import WireStory

NBSP = "\u00a0"
TICKER_SEP = NBSP + NBSP + "\u2022 "  # bytes c2a0 c2a0 e280a2 20, as in the real page
TICKER_END = NBSP + NBSP

LATIN1_FALLBACK = str.maketrans({
    "\u2022": "\u00b7", "\u20ac": "EUR ", "\u201c": '"', "\u201d": '"', "\u2019": "'", "\u2014": "--", "\u2013": "-",
})


def encode_text(text: str, encoding: str) -> bytes:
    """Encode as a file in `encoding` would be; single-byte charsets get the usual
    substitutions for characters they lack (bullet, euro sign, curly quotes)."""
    if encoding in ("utf-8", "utf-8-sig"):
        return text.encode(encoding)
    if encoding == "latin-1":
        text = text.translate(LATIN1_FALLBACK)
    return text.encode(encoding)


def format_date(dt: datetime, style: str) -> str:
    if style == "full":
        return f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    if style == "ap":
        return f"{AP_MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    if style == "dmy":
        return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if style == "iso":
        return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} {dt.hour:02d}:{dt.minute:02d} GMT"
    raise ValueError(f"unknown date style {style!r}")


def render_page_text(story: WireStory) -> bytes:
    """The story as text scraped from a news site's page (see samples/text/).

    Layout: [ticker] [navigation] headline, source line, paragraphs (the first opening
    with the dateline), end marker. Layout choices come from story.style_seed."""
    r = StyleBits(story.style_seed)
    agency = AGENCY_BY_NAME[story.agency]
    out = []
    if story.related:
        out.append("Off the wire\n" + TICKER_SEP.join(story.related) + TICKER_END + "\n")
    if r.random() < 0.60:
        out.append("You are here:   Home\n" if r.random() < 0.5 else f"You are here:   Home > {story.section}\n")
    if out:
        out.append("\n")
    dt = story.published
    if dt is None:
        source = f"{agency.name} Adjust font size:"
    else:
        source = f"{agency.name}, {format_date(dt, pick_weighted(r, agency.date_styles))} Adjust font size:"
    paragraphs = story.paragraphs
    out.append(f"{story.slug}{story.headline}\n\n{source}\n\n{story.dateline} ")
    out.append("\n\n".join(paragraphs))
    if agency.name == "Xinhua":
        out.append(" Endit" if r.random() < 0.6 else " Endit\n")
    else:
        markers = agency.end_markers
        marker = markers[0] if r.random() < 0.75 else pick(r, markers + ("ENDS", "###"))
        out.append(f"\n\n{marker}\n" if r.random() < 0.8 else f"\n{marker}\n")
    return encode_text("".join(out), story.encoding)
