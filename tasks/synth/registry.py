"""The formats synth writes, one declaration each: the single list `generate(formats=...)`
and `wirelake synth --formats` accept, and where a new format's renderer is registered.

FORMATS, RENDERERS, EXTENSIONS, BUNDLERS and the per-format settings the generator reads
are all derived from SYNTH_FORMATS; its order is the order of FORMATS (and of the error
message listing them).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Sequence

from tasks.synth.render import web, wire
from tasks.synth.render.page_text import render_page_text
from tasks.synth.story import WireStory


@dataclass(frozen=True, slots=True)
class SynthFormat:
    name: str
    weight: int  # share of new stories (among the formats asked for)
    extension: str = ""  # of its files ("" for containers: their members keep their own)
    render: Callable[[WireStory], bytes] | None = None  # one story -> one file
    bundle: Callable[[list[WireStory]], bytes] | None = None  # stream formats: several stories -> one file
    bundle_size: tuple[int, int] | None = None  # stories per file (inclusive), drawn when a file opens
    agencies: tuple[str, ...] | None = None  # a house format of these agencies only
    charset: str | None = None  # always delivered in this charset (else the story's drawn variant)
    p_latin1: float = 0.0  # share of its UTF-8 stories delivered as ISO-8859-1 instead
    containable: bool = False  # may travel gzipped or inside a zip / tar.gz bundle
    ticker: bool = False  # a page that shows other stories' headlines
    xml: bool = False  # asking for it brings XML files cut short in transfer (bad files)


SYNTH_FORMATS: tuple[SynthFormat, ...] = (
    SynthFormat("page_text", 12, ".txt", render_page_text, containable=True, ticker=True),
    SynthFormat("html", 12, ".html", web.render_html, containable=True, ticker=True),
    SynthFormat("nitf", 10, ".xml", wire.render_nitf, p_latin1=0.25, containable=True, xml=True),
    SynthFormat("newsml_g2", 9, ".xml", wire.render_newsml_g2, wire.bundle_newsml_g2, (1, 3), charset="utf-8",
                containable=True, xml=True),
    SynthFormat("newsml12", 5, ".xml", wire.render_newsml12, containable=True, xml=True),
    SynthFormat("ninjs", 10, ".json", wire.render_ninjs, charset="utf-8", containable=True),
    # Stream formats are house formats: ANPA from the US/UK wires, 7901 from the European ones.
    SynthFormat("anpa", 7, ".anpa", wire.render_anpa, wire.bundle_anpa, (2, 8), ("AP", "Reuters"), "cp1252"),
    SynthFormat("iptc7901", 6, ".7901", wire.render_iptc7901, wire.bundle_iptc7901, (2, 6), ("dpa", "AFP"),
                "latin-1"),
    SynthFormat("warc", 10, ".warc.gz", web.render_warc, web.bundle_warc, (3, 10), ticker=True),
    SynthFormat("feeds", 10, ".rss", web.render_feeds, web.bundle_feeds, (5, 20), charset="utf-8", xml=True),
    # gzip single files of the containable formats, or zip / tar.gz bundles of them (bundles.py)
    SynthFormat("containers", 9),
)

FORMATS = tuple(f.name for f in SYNTH_FORMATS)
BY_NAME = {f.name: f for f in SYNTH_FORMATS}
RENDERERS: dict[str, Callable[[WireStory], bytes]] = {f.name: f.render for f in SYNTH_FORMATS if f.render}
EXTENSIONS: dict[str, str] = {f.name: f.extension for f in SYNTH_FORMATS if f.extension}
# Formats whose files hold several stories: bundle(stories) -> bytes.
BUNDLERS: dict[str, Callable[[list[WireStory]], bytes]] = {f.name: f.bundle for f in SYNTH_FORMATS if f.bundle}
FORMAT_WEIGHTS = {f.name: f.weight for f in SYNTH_FORMATS}
FORMAT_AGENCIES = {f.name: f.agencies for f in SYNTH_FORMATS if f.agencies}
CONTAINED = tuple(f.name for f in SYNTH_FORMATS if f.containable)
TICKER_FORMATS = frozenset(f.name for f in SYNTH_FORMATS if f.ticker)
XML_FORMATS = tuple(f.name for f in SYNTH_FORMATS if f.xml)


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats asked for, refused unless every one is known."""
    formats = tuple(formats)
    if not formats:
        raise ValueError("formats is empty")
    for f in formats:
        if f not in BY_NAME:
            raise ValueError(f"unknown format {f!r}; known: {list(FORMATS)}")
    return formats


def delivery_encoding(rng: random.Random, fmt: str, drawn: str) -> str:
    """The charset a format is delivered in: JSON is UTF-8, ANPA cp1252, 7901 latin-1, NITF
    often ISO-8859-1; the other formats keep the story's drawn charset variant."""
    spec = BY_NAME[fmt]
    if spec.charset:
        return spec.charset
    if spec.p_latin1 and drawn == "utf-8" and rng.random() < spec.p_latin1:
        return "latin-1"
    return drawn
