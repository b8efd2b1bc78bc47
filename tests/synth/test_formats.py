"""Tests of the renderers of every format and of the mixed-format corpus (tasks/synth/render/, registry.py,
bundles.py), read back by their own syntax and by the pipeline's readers."""

from __future__ import annotations

import io
import json
import random
import re
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree
from warcio.archiveiterator import ArchiveIterator

from tasks.synth import BUNDLERS, EXTENSIONS, FORMATS, RENDERERS, generate, make_story, make_writethru
from tasks.synth.render.meta import body_paragraphs
from tests.synth.helpers import ISO_OR_MONTH, format_of, read_tree, stories_in, unpack


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, dict, dict[str, bytes]]:
    """A generated lake of 700 deliveries in every format (seed 2)."""
    root = tmp_path_factory.mktemp("mixed") / "raw"
    summary = generate(700, root, seed=2)
    return root, summary, read_tree(root)


def test_mixed_corpus_has_every_format_and_consistent_counts(mixed):
    _, s, tree = mixed
    assert s["stories"] + s["duplicates"] + s["rejects_expected"] == 700
    assert s["files"] == len(tree) == sum(s["files_per_format"].values()) < 700
    assert s["bytes"] == sum(len(b) for b in tree.values())
    assert set(s["formats"]) == set(FORMATS)
    assert {"gzip", "zip", "tar.gz", "warc", "feeds", "anpa", "iptc7901", "newsml_g2", "bad"} <= set(s["files_per_format"])
    assert s["duplicate_files"] + s["duplicate_stories"] == s["duplicates"] > 0
    assert s["duplicate_files"] > 0 and s["duplicate_stories"] > 0
    assert s["story_keys"] == s["stories"] - s["writethrus"] and s["writethrus"] > 0
    assert s["feed_stubs"] > 0
    assert {"utf-8", "cp1252", "latin-1"} <= set(s["encodings"])


def test_every_mixed_file_parses_and_holds_the_counted_stories(mixed):
    """Each story delivery is in exactly one document; bad files are exactly the broken ones."""
    _, s, tree = mixed
    held, broken = 0, 0
    for path, data in tree.items():
        name = path.rsplit("/", 1)[-1]
        try:
            held += sum(stories_in(member, body) for member, body in unpack(name, data))
        except Exception:
            broken += 1
    assert broken == s["rejects_expected"]
    assert held == s["stories"] + s["duplicates"]


def test_mixed_corpus_is_deterministic(tmp_path):
    a = generate(150, tmp_path / "a", seed=8)
    b = generate(150, tmp_path / "b", seed=8)
    generate(150, tmp_path / "c", seed=9)
    assert a == b and read_tree(tmp_path / "a") == read_tree(tmp_path / "b")
    assert not set(read_tree(tmp_path / "a").values()) & set(read_tree(tmp_path / "c").values()) - {b""}


def test_same_story_in_two_formats(tmp_path):
    """Cross-format duplicates: a story key in a NITF file and in a ninjs file."""
    summary = generate(400, tmp_path, seed=4, formats=("nitf", "ninjs"))
    keys: dict[str, set[str]] = defaultdict(set)
    for path, data in read_tree(tmp_path).items():
        for key in re.findall(rb"(?:xinhua|ap|reuters|afp|dpa)-\d{8}-[0-9a-f]{10}", data):
            keys[key.decode()].add(path.rsplit(".", 1)[-1])
    assert summary["duplicate_stories"] > 0
    assert sum(1 for kinds in keys.values() if kinds == {"xml", "json"}) >= summary["duplicate_stories"] // 2


@pytest.fixture(scope="module")
def chain():
    rng = random.Random(12)
    v1 = make_story(rng, 0, dated=True, encoding="utf-8")
    return v1, make_writethru(rng, v1)


def test_writethru_versions_in_each_format(chain):
    v1, v2 = chain
    g1, g2 = etree.fromstring(RENDERERS["newsml_g2"](v1)), etree.fromstring(RENDERERS["newsml_g2"](v2))
    item1, item2 = g1.find(".//{*}newsItem") if g1.tag.endswith("Message") else g1, \
        g2.find(".//{*}newsItem") if g2.tag.endswith("Message") else g2
    assert item1.get("guid") == item2.get("guid") and (item1.get("version"), item2.get("version")) == ("1", "2")
    assert b"1stLd-Writethru" in RENDERERS["anpa"](v2) and b"Writethru" not in RENDERERS["anpa"](v1)
    ninjs = [json.loads(RENDERERS["ninjs"](v)) for v in (v1, v2)]
    ninjs = [n["data"]["item"] if "data" in n else n for n in ninjs]
    assert [n["version"] for n in ninjs] == ["1", "2"] and ninjs[0]["uri"] == ninjs[1]["uri"]
    du = etree.fromstring(RENDERERS["nitf"](v2)).find(".//du-key")
    assert du.get("version") == "2" and du.get("key") == v1.story_key
    assert b'<RevisionId PreviousRevision="1" Update="N">2</RevisionId>' in RENDERERS["newsml12"](v2)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_undated_story_has_no_date_in_any_format(fmt):
    rng = random.Random(6)
    for i in range(30):
        story = make_story(rng, i, dated=False, encoding="utf-8")
        data = RENDERERS[fmt](story)
        if fmt == "warc":  # the crawler's fetch time is the file's, not the story's: look at the pages
            data = b"".join(r.content_stream().read() for r in ArchiveIterator(io.BytesIO(data))
                            if r.rec_type == "response")
        text = data.decode("cp1252" if fmt == "anpa" else "latin-1" if fmt == "iptc7901" else "utf-8")
        text = re.sub(r"http://iptc\.org/std/[\w/.-]+", "", text)  # namespace names carry the spec's date
        assert not ISO_OR_MONTH.search(text), (fmt, ISO_OR_MONTH.search(text).group(0))


def test_dated_story_carries_its_date_in_each_format():
    rng = random.Random(9)
    story = make_story(rng, 0, dated=True, encoding="utf-8")
    dt = story.published
    iso_day = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}".encode()
    basic = f"{dt.year:04d}{dt.month:02d}{dt.day:02d}T".encode()
    assert b'norm="' + basic in RENDERERS["nitf"](story)
    assert b"<versionCreated>" + iso_day in RENDERERS["newsml_g2"](story)
    assert b"<FirstCreated>" + basic in RENDERERS["newsml12"](story)
    assert iso_day in RENDERERS["ninjs"](story)
    assert b'"datePublished": "' + iso_day in RENDERERS["html"](story) or \
        b'article:published_time" content="' + iso_day in RENDERERS["html"](story)
    assert f" {dt.month:02d}-{dt.day:02d} ".encode() in RENDERERS["anpa"](story)
    assert f"{dt.day:02d}{dt.hour:02d}{dt.minute:02d} GMT".encode() in RENDERERS["iptc7901"](story)


def test_charsets_are_declared_and_honoured():
    rng = random.Random(3)
    story = make_story(rng, 0, encoding="latin-1", dated=True)
    story.headline += " in Zürich"
    data = RENDERERS["nitf"](story)
    assert data.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>') and "Zürich".encode("latin-1") in data
    assert etree.fromstring(data).findtext(".//hl1").endswith("in Zürich")
    assert "Zürich".encode("cp1252") in RENDERERS["anpa"](story)
    assert "Zürich".encode("latin-1") in RENDERERS["iptc7901"](story)
    assert b'<meta charset="ISO-8859-1">' in RENDERERS["html"](story)
    assert "Zürich" in json.loads(RENDERERS["ninjs"](story).decode("utf-8")).__repr__() or b"\\u00fc" in RENDERERS["ninjs"](story)


def test_nitf_inline_entities_are_the_storys_names():
    rng = random.Random(21)
    tagged = 0
    for i in range(40):
        story = make_story(rng, i, encoding="utf-8")
        root = etree.fromstring(RENDERERS["nitf"](story))
        for tag, names in (("person", story.people), ("org", story.orgs), ("location", story.places)):
            for element in root.find(".//body.content").iter(tag):
                assert element.text in names, (tag, element.text)
                tagged += 1
        text = " ".join("".join(p.itertext()) for p in root.iter("p"))
        assert text == " ".join(body_paragraphs(story))
    assert tagged > 20


def test_bundlers_hold_several_stories():
    rng = random.Random(5)
    stories = [make_story(rng, i, dated=True, encoding="utf-8") for i in range(4)]
    for fmt, bundle in BUNDLERS.items():
        data = bundle(stories)
        assert stories_in("x" + EXTENSIONS[fmt], data) == 4, fmt


def _reader_names() -> set[str]:
    from tasks.formats import READERS
    return {reader.NAME for reader in READERS}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_pipeline_reads_back_headline_agency_and_date(fmt):
    from tasks.pipeline import process_file
    from tasks.records import RawFile

    if fmt not in _reader_names():
        pytest.skip(f"{fmt}: reader not yet available")
    rng = random.Random(31)
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for i in range(15):
        story = make_story(rng, i, dated=True)
        rows = process_file(RawFile(f"synth/{i}{EXTENSIONS[fmt]}", RENDERERS[fmt](story)), now)
        assert not rows.rejects and len(rows.articles) == 1, rows.rejects
        article = rows.articles[0]
        assert article["headline"] == story.headline, fmt
        assert article["agency"] == story.agency
        assert article["pub_date"] == story.published.date().isoformat()


def test_mixed_corpus_through_the_pipeline(mixed):
    """Every file whose formats all have readers parses; bad files are rejected."""
    from tasks.pipeline import process_file
    from tasks.records import RawFile

    names = _reader_names()
    _, summary, tree = mixed
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    checked = 0
    for path, data in list(tree.items())[::4]:  # a quarter of the files: the pipeline's NER is slow
        name = path.rsplit("/", 1)[-1]
        try:
            needed = {format_of(m, body) for m, body in unpack(name, data) if stories_in(m, body)}
        except Exception:
            needed = set()  # one of the bad files
        if needed and needed <= names:
            rows = process_file(RawFile(path, data), now)
            assert rows.articles, (path, rows.rejects[:1])
            checked += 1
        elif not needed and "ninjs" in names and name.endswith(".json"):
            assert not process_file(RawFile(path, data), now).articles, path
    if checked == 0:
        pytest.skip("no reader yet for any generated format but page_text containers")
