"""Tests of the story model and its page_text rendering (tasks/synth/story.py, slots.py, render/page_text.py)."""

from __future__ import annotations

import random
import re

import pytest

from tasks.synth import WireStory, make_story, make_writethru, render_page_text
from tasks.synth.reference import AGENCY_BY_NAME
from tests.synth.helpers import AGENCIES, SOURCE, parse_page


def test_ticker_separator_bytes_match_the_real_page():
    rng = random.Random(1)
    story = make_story(rng, 0, encoding="utf-8", related=["First headline", "Urgent: Second one", "Third", "Fourth"])
    data = render_page_text(story)
    line = data.split(b"\n")[1]
    # NBSP NBSP BULLET SPACE between items, NBSP NBSP after the last (bytes of samples/text/)
    assert line == b"First headline\xc2\xa0\xc2\xa0\xe2\x80\xa2 Urgent: Second one\xc2\xa0\xc2\xa0\xe2\x80\xa2 Third" \
                   b"\xc2\xa0\xc2\xa0\xe2\x80\xa2 Fourth\xc2\xa0\xc2\xa0"
    assert data.startswith(b"Off the wire\n")


def test_render_round_trips_the_story_model():
    rng = random.Random(42)
    for i in range(300):
        story = make_story(rng, i)
        data = render_page_text(story)
        page = parse_page(data.decode(story.encoding))
        assert page["headline"] == story.slug + story.headline
        assert page["agency"] == story.agency
        assert page["paragraphs"][0] == f"{story.dateline} {story.paragraphs[0]}"
        assert page["paragraphs"][1:] == story.paragraphs[1:]
        assert (page["date"] is None) == (story.published is None)
        if story.encoding in ("utf-8", "utf-8-sig"):
            assert (page["ticker"] or []) == story.related
        assert story.city.upper() in story.dateline.upper()
        assert story.city in story.places


def test_story_model_fields_are_consistent():
    rng = random.Random(7)
    stories = [make_story(rng, i) for i in range(400)]
    assert {s.agency for s in stories} == set(AGENCIES)
    for s in stories:
        assert isinstance(s, WireStory) and s.version == 1
        assert 3 <= len(s.paragraphs) <= 10
        assert s.slug == "" or s.slug.endswith(": ")
        assert "Writethru" not in s.slug
        assert s.story_key.startswith(AGENCY_BY_NAME[s.agency].key + "-")
        text = " ".join([s.headline, *s.paragraphs])
        for name in s.people:
            assert name in text, (name, s.story_key)
        assert s.people, "every story quotes or names someone"
        assert any('"' in p or "\u201c" in p for p in s.paragraphs), "every story has a quote"
        for para in s.paragraphs:
            words = len(para.split())
            assert 8 <= words <= 95, (words, para)
            assert "{" not in para and "}" not in para
    words = [len(p.split()) for s in stories for p in s.paragraphs]
    assert 45 <= sum(words) / len(words) <= 65


def test_first_mention_is_full_then_surname():
    """Nobody is called by the family name alone before being introduced in full."""
    rng = random.Random(3)
    checked = 0
    for i in range(300):
        s = make_story(rng, i)
        plain = " ".join(s.paragraphs).replace("\u2019", "'")  # (curly-quote style prints O\u2019Neill)
        lasts = [p.last.split()[-1] for p in s.ctx.persons.values()]
        assert len(lasts) == len(set(lasts)), f"two people share a family name: {lasts}"
        for person in s.ctx.persons.values():
            body = plain
            for other in s.ctx.persons.values():  # a given name may be someone else's surname
                if other is not person:
                    body = body.replace(other.name, "#" * len(other.name))
            m = re.search(rf"(?<![\w'\u2019-]){re.escape(person.last)}(?![\w-])", body)
            if m is None:
                continue
            full = body.find(person.name)
            assert 0 <= full <= m.start(), (person, body[: m.end() + 40])
            assert person.full in body, (person.full, s.story_key)
            checked += 1
    assert checked > 500


def test_writethru_chain_shares_key_and_headline():
    rng = random.Random(11)
    v1 = make_story(rng, 0, dated=True)
    v2 = make_writethru(rng, v1)
    v3 = make_writethru(rng, v2)
    assert [v.version for v in (v1, v2, v3)] == [1, 2, 3]
    assert v1.story_key == v2.story_key == v3.story_key
    assert v1.headline == v2.headline == v3.headline
    assert "Writethru" not in v1.slug
    assert v2.slug == "1st LD Writethru: "
    assert v3.slug in ("2nd LD Writethru: ", "2nd LD: ")
    assert len(v2.paragraphs) == len(v1.paragraphs) + 1
    assert len(v3.paragraphs) == len(v2.paragraphs) + 1
    assert set(v1.paragraphs) <= set(v2.paragraphs) <= set(v3.paragraphs)
    assert v1.published < v2.published < v3.published
    page2 = parse_page(render_page_text(v2).decode(v2.encoding))
    assert page2["headline"] == "1st LD Writethru: " + v1.headline
    with pytest.raises(ValueError):
        make_writethru(rng, WireStory(**{**{f: getattr(v1, f) for f in v1.__dataclass_fields__}, "ctx": None}))


def test_undated_story_has_no_date_anywhere(tmp_path):
    rng = random.Random(5)
    months = re.compile(r"January|February|March|April|June|July|August|September|October|November|December"
                        r"|\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.|\b(19|20)\d\d\b")
    for i in range(150):
        s = make_story(rng, i, dated=False)
        text = render_page_text(s).decode(s.encoding)
        assert s.published is None
        assert not months.search(text), months.search(text).group(0)
        assert SOURCE.match(text.split("\n")[text.split("\n").index("") + 3 if text.startswith(("Off", "You")) else 2])
        assert re.fullmatch(r"[a-z]+-\d{6}", s.file_stem(i))


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8-sig"])
def test_other_encodings(encoding):
    rng = random.Random(8)
    non_utf8 = 0
    for i in range(120):
        s = make_story(rng, i, encoding=encoding, related=["Ticker headline one", "two", "three", "four"])
        data = render_page_text(s)
        if encoding == "utf-8-sig":
            assert data.startswith(b"\xef\xbb\xbf")
            assert parse_page(data[3:].decode("utf-8"))["headline"] == s.slug + s.headline
            continue
        assert not data.startswith(b"\xef\xbb\xbf")
        text = data.decode(encoding)
        assert parse_page(text)["paragraphs"][1:] == [p.replace("\u20ac", "EUR ") for p in s.paragraphs[1:]] \
            if encoding == "latin-1" else parse_page(text)["paragraphs"][1:] == s.paragraphs[1:]
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            non_utf8 += 1
    if encoding != "utf-8-sig":
        assert non_utf8 == 120, "a ticker's NBSPs make every single-byte page invalid UTF-8"


def test_default_window_is_2016_to_2024():
    rng = random.Random(0)
    years = {make_story(rng, i, dated=True).published.year for i in range(400)}
    assert years <= set(range(2016, 2025)) and len(years) >= 7
