"""Deterministic generator of realistic raw news-wire files, for benchmarks and tests.

    from tasks.synth import generate
    summary = generate(10_000, "data/synth", seed=0)   # start=/end= narrow the dates

Everything is driven by one `random.Random(seed)`: same (n, seed, options) => the same
bytes. Standard library and warcio only. One module per job:

    story.py      the story model: make_story(rng, index) -> WireStory; make_writethru
    slots.py      filling templates: people, organisations, places, dates, numbers, quotes
    templates.py  topics and shared sentences, loaded from data/topics.json, templates.json
    reference.py  agencies, countries, names, organisations, vocabulary (data/*.json)
    draw.py       the cheap random draws everything shares (their order makes the bytes)
    render/       one renderer per format family (page_text, wire, web; meta helpers)
    registry.py   the formats, one declaration each: name, extension, renderer, bundler
    bundles.py    multi-story files, zip / tar.gz / gzip containers, broken files
    generator.py  generate(): the delivery loop (duplicates, writethrus, bad files, folders)

A new format: its renderer in render/, one SynthFormat line in registry.py. New story
text: data/topics.json (a new {slot}: one entry in slots.SLOTS).
"""

from tasks.synth.generator import generate
from tasks.synth.registry import BUNDLERS, EXTENSIONS, FORMATS, RENDERERS
from tasks.synth.render.page_text import render_page_text
from tasks.synth.story import DEFAULT_END, DEFAULT_START, WireStory, make_story, make_writethru

__all__ = [
    "WireStory",
    "make_story",
    "make_writethru",
    "render_page_text",
    "RENDERERS",
    "EXTENSIONS",
    "BUNDLERS",
    "FORMATS",
    "generate",
    "DEFAULT_START",
    "DEFAULT_END",
]
