"""Tests of the synthetic raw-wire generator (tasks/synth.py)."""

from __future__ import annotations

import random
import re
import string
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from tasks import synth
from tasks.synth import (
    RENDERERS,
    TICKER_SEP,
    WireStory,
    generate,
    make_story,
    make_writethru,
    render_page_text,
)

AGENCIES = ("Xinhua", "AP", "Reuters", "AFP", "dpa")
SLUG = re.compile(r"^(Urgent|Roundup|Interview|Commentary|Feature|Spotlight|1st LD Writethru|2nd LD Writethru|2nd LD): ")
SOURCE = re.compile(r"^(Xinhua|AP|Reuters|AFP|dpa)(?:, (.+))? Adjust font size:$")
DATELINE = re.compile(
    r"^(?P<city>[A-Z][^,(]*?)(?:, [A-Z][a-z.]+)?"  # city (AP: ", Calif.")
    r"(?:, [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})?)?"  # Xinhua / AFP date
    r" \((?P<agency>Xinhua|AP|Reuters|AFP|dpa)\) (?:--|-|\u2014) "
)
END_MARKERS = ("ENDS", "(END)", "###", "-- 30 --")
DATE_FORMS = (
    re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$"),
    re.compile(r"^(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, \d{4}$"),
    re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$"),
    re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d GMT$"),
)
PAGE_TEXT = ("page_text",)  # the scraped-page tests below look at that format alone
NAME = re.compile(r"^(xinhua|ap|reuters|afp|dpa)-(?:(\d{4})-(\d\d)-(\d\d)-)?(\d{6,})\.txt$")


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def file_index(relpath: str) -> int:
    return int(NAME.match(relpath.rsplit("/", 1)[-1]).group(5))


def is_bad(data: bytes) -> bool:
    return not data or b"\x00" in data


def decode(data: bytes) -> str:
    """The page as text, whatever of the generated charsets it is in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def parse_page(text: str) -> dict:
    """Parse the scraped-page layout strictly; any deviation fails an assertion."""
    lines = text.split("\n")
    page: dict = {"ticker": None, "nav": None}
    i = 0
    if lines[0] == "Off the wire":
        ticker = lines[1]
        assert ticker.endswith("\u00a0\u00a0"), repr(ticker[-6:])
        sep = TICKER_SEP if "\u2022" in ticker else "\u00a0\u00a0\u00b7 "  # latin-1 pages lack the bullet
        page["ticker"] = ticker[:-2].split(sep)
        i = 2
    if lines[i].startswith("You are here:"):
        assert lines[i] in ("You are here:   Home",) or lines[i].startswith("You are here:   Home > "), lines[i]
        page["nav"] = lines[i]
        i += 1
    if i:
        assert lines[i] == "", f"no blank line before the headline: {lines[i]!r}"
        i += 1
    page["headline"] = lines[i]
    assert page["headline"].strip() and lines[i + 1] == "", "headline must be one line followed by a blank line"
    m = SOURCE.match(lines[i + 2])
    assert m, f"bad source line: {lines[i + 2]!r}"
    page["agency"], page["date"] = m.group(1), m.group(2)
    assert lines[i + 3] == "", "blank line after the source line"
    body = "\n".join(lines[i + 4:])
    if body.endswith(" Endit") or body.endswith(" Endit\n"):
        page["end"] = "Endit"
        body = body.rsplit(" Endit", 1)[0]
    else:
        assert body.endswith("\n"), "end marker line must end with a newline"
        body, newline, marker = body[:-1].rpartition("\n")
        assert newline and marker in END_MARKERS, f"end marker not on its own line: {marker[-40:]!r}"
        page["end"] = marker
        body = body.removesuffix("\n")  # the marker may follow a blank line or not
    page["paragraphs"] = body.split("\n\n")
    assert all(p.strip() and "\n" not in p for p in page["paragraphs"]), "paragraphs are separated by one blank line"
    return page


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict, dict[str, bytes]]:
    """One generated lake of 1,001 raw files (seed 5): just over one full subfolder."""
    root = tmp_path_factory.mktemp("synth") / "raw"
    summary = generate(1001, root, seed=5, formats=PAGE_TEXT)
    return root, summary, read_tree(root)


# --------------------------------------------------------------------------------------
# generate(): determinism, counts, folders, summary
# --------------------------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = generate(120, tmp_path / "a", seed=3, formats=PAGE_TEXT)
    b = generate(120, tmp_path / "b", seed=3, formats=PAGE_TEXT)
    generate(120, tmp_path / "c", seed=4, formats=PAGE_TEXT)
    tree_a, tree_b, tree_c = read_tree(tmp_path / "a"), read_tree(tmp_path / "b"), read_tree(tmp_path / "c")
    assert a == b
    assert tree_a == tree_b
    assert tree_a != tree_c
    # not merely renamed: most files of the other seed have other contents
    assert len(set(tree_a.values()) & set(tree_c.values())) <= 2  # (an empty bad file may occur in both)


def test_prefix_of_a_longer_run_is_identical(tmp_path):
    """File i depends only on (seed, i) history, not on n: a short run is a prefix."""
    generate(40, tmp_path / "short", seed=9, formats=PAGE_TEXT)
    generate(90, tmp_path / "long", seed=9, formats=PAGE_TEXT)
    short, long = read_tree(tmp_path / "short"), read_tree(tmp_path / "long")
    assert short == {k: long[k] for k in short}
    assert len(long) == 90


def test_file_count_names_and_subfolder_cap(corpus):
    root, summary, tree = corpus
    assert summary["files"] == len(tree) == 1001
    folders = Counter(path.split("/")[0] for path in tree)
    assert folders == {"0000": 1000, "0001": 1}
    assert all(path.count("/") == 1 for path in tree)
    indexes = sorted(file_index(path) for path in tree)
    assert indexes == list(range(1001))
    for path in tree:
        assert NAME.match(path.split("/")[1]), path
        assert path.split("/")[0] == f"{file_index(path) // 1000:04d}"


def test_subfolder_cap_applies_to_every_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(synth, "FILES_PER_DIR", 40)
    generate(130, tmp_path, seed=2, formats=PAGE_TEXT)
    counts = Counter(p.parent.name for p in tmp_path.rglob("*.txt"))
    assert counts == {"0000": 40, "0001": 40, "0002": 40, "0003": 10}


def test_summary_counts_match_files_on_disk(corpus):
    _, summary, tree = corpus
    assert summary["bytes"] == sum(len(b) for b in tree.values())
    bad = [p for p, b in tree.items() if is_bad(b)]
    assert summary["rejects_expected"] == len(bad) > 0
    first_seen: dict[bytes, str] = {}
    dups = 0
    for path in sorted(tree, key=file_index):
        data = tree[path]
        if is_bad(data):
            continue
        if data in first_seen:
            dups += 1
        else:
            first_seen[data] = path
    assert summary["duplicates"] == dups > 0
    assert summary["stories"] == len(first_seen) == summary["files"] - dups - len(bad)
    pages = {p: parse_page(decode(b)) for b, p in first_seen.items()}
    assert summary["undated"] == sum(1 for pg in pages.values() if pg["date"] is None)
    versions = Counter(bool(re.match(r"^(1st|2nd) LD", pg["headline"])) for pg in pages.values())
    assert summary["writethrus"] == versions[True] > 0
    assert summary["story_keys"] == summary["stories"] - summary["writethrus"]
    enc = Counter()
    for data in first_seen:
        if data.startswith(b"\xef\xbb\xbf"):
            enc["utf-8-sig"] += 1
        else:
            try:
                data.decode("utf-8")
                enc["utf-8"] += 1
            except UnicodeDecodeError:
                enc["single-byte"] += 1
    got = summary["encodings"]
    assert enc["utf-8-sig"] == got.get("utf-8-sig", 0) > 0
    assert enc["single-byte"] == got.get("cp1252", 0) + got.get("latin-1", 0) > 0
    assert enc["utf-8"] == got["utf-8"]
    assert summary["formats"] == {"page_text": summary["stories"]}
    assert summary["files"] == summary["stories"] + summary["duplicates"] + summary["rejects_expected"]


def test_variant_shares_are_near_the_targets(corpus):
    _, s, _ = corpus
    n = s["files"]
    assert 0.015 <= s["duplicates"] / n <= 0.05
    assert 0.002 <= s["rejects_expected"] / n <= 0.025
    assert 0.01 <= s["writethrus"] / n <= 0.06
    assert 0.005 <= s["undated"] / n <= 0.04
    single = s["encodings"].get("cp1252", 0) + s["encodings"].get("latin-1", 0)
    assert 0.01 <= single / n <= 0.06


# --------------------------------------------------------------------------------------
# the scraped-page layout
# --------------------------------------------------------------------------------------


def test_generated_utf8_pages_follow_the_layout(corpus):
    _, _, tree = corpus
    seen_end, seen_agency, tickers, navs, checked = set(), set(), 0, 0, 0
    for path, data in tree.items():
        if is_bad(data) or data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        page = parse_page(text)
        checked += 1
        assert page["agency"] in AGENCIES
        agency_key = NAME.match(path.split("/")[1]).group(1)
        assert agency_key == page["agency"].lower()
        if page["date"] is not None:
            assert any(f.match(page["date"]) for f in DATE_FORMS), page["date"]
        assert 3 <= len(page["paragraphs"]) <= 12
        m = DATELINE.match(page["paragraphs"][0])
        assert m and m.group("agency") == page["agency"], page["paragraphs"][0][:80]
        assert (page["end"] == "Endit") == (page["agency"] == "Xinhua")
        if page["ticker"] is not None:
            tickers += 1
            assert 4 <= len(page["ticker"]) <= 10
            own = SLUG.sub("", page["headline"])
            assert not any(SLUG.sub("", item) == own for item in page["ticker"])
        navs += page["nav"] is not None
        seen_end.add(page["end"])
        seen_agency.add(page["agency"])
    assert checked > 900
    assert seen_agency == set(AGENCIES)
    assert {"Endit", "ENDS", "(END)"} <= seen_end
    assert 0.55 < tickers / checked < 0.85 and 0.45 < navs / checked < 0.75


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
        assert s.story_key.startswith(synth.AGENCY_BY_NAME[s.agency].key + "-")
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


# --------------------------------------------------------------------------------------
# variants
# --------------------------------------------------------------------------------------


def test_duplicates_are_byte_identical_under_another_path(corpus):
    _, summary, tree = corpus
    groups = defaultdict(list)
    for path, data in tree.items():
        if not is_bad(data):
            groups[data].append(path)
    dup_groups = [sorted(paths, key=file_index) for paths in groups.values() if len(paths) > 1]
    assert sum(len(g) - 1 for g in dup_groups) == summary["duplicates"] > 0
    for paths in dup_groups:
        names = [NAME.match(p.split("/")[1]) for p in paths]
        assert len(set(paths)) == len(paths)
        # same agency and date in the name, another index
        assert len({(m.group(1), m.group(2), m.group(3), m.group(4)) for m in names}) == 1
        assert len({m.group(5) for m in names}) == len(paths)


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


def test_writethru_chains_in_generated_files(corpus):
    _, _, tree = corpus
    firsts: dict[tuple[str, str], int] = {}
    chains = 0
    for path in sorted(tree, key=file_index):
        data = tree[path]
        if is_bad(data):
            continue
        page = parse_page(decode(data))
        m = SLUG.match(page["headline"])
        slug = m.group(1) if m else ""
        text = page["headline"][m.end():] if m else page["headline"]
        key = (page["agency"], text)
        if "LD" in slug:
            assert key in firsts, f"writethru without an earlier version: {path}"
            assert firsts[key] < file_index(path)
            chains += 1
        else:
            firsts.setdefault(key, file_index(path))
    assert chains > 0


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


def test_bad_files_are_empty_or_binary(corpus):
    _, summary, tree = corpus
    bad = [b for b in tree.values() if is_bad(b)]
    assert len(bad) == summary["rejects_expected"]
    assert all(b == b"" or (b"\x00" in b and 64 <= len(b) <= 4096) for b in bad)


# --------------------------------------------------------------------------------------
# options and guards
# --------------------------------------------------------------------------------------


def test_date_window(tmp_path):
    summary = generate(150, tmp_path, seed=1, start=date(2019, 3, 1), end=date(2019, 3, 31), formats=PAGE_TEXT)
    dated = 0
    for p in tmp_path.rglob("*.txt"):
        m = NAME.match(p.name)
        if m.group(2):
            dated += 1
            assert (m.group(2), m.group(3)) == ("2019", "03"), p.name
    assert dated >= summary["files"] - summary["undated"] - summary["duplicates"]
    with pytest.raises(ValueError):
        generate(1, tmp_path / "x", start=date(2020, 1, 2), end=date(2020, 1, 1))


def test_default_window_is_2016_to_2024():
    rng = random.Random(0)
    years = {make_story(rng, i, dated=True).published.year for i in range(400)}
    assert years <= set(range(2016, 2025)) and len(years) >= 7


def test_unknown_format_is_refused(tmp_path):
    assert set(RENDERERS) == set(synth.FORMATS) - {"containers"}
    assert RENDERERS["page_text"] is render_page_text
    with pytest.raises(ValueError):
        generate(3, tmp_path, formats=("telex",))
    with pytest.raises(ValueError):
        generate(3, tmp_path, formats=())


def test_zero_files(tmp_path):
    assert generate(0, tmp_path / "none")["files"] == 0
    assert (tmp_path / "none").is_dir()


# --------------------------------------------------------------------------------------
# the template data
# --------------------------------------------------------------------------------------


def _all_templates() -> list[str]:
    out = [*synth.QUOTE_WRAPPERS, *synth.ADDENDA, *synth.GENERAL_BODY, *synth.GENERAL_CLOSERS]
    for t in synth.TOPICS:
        out += [h for h, _, _ in t.pairs] + [lead for _, lead, _ in t.pairs] + list(t.body) + list(t.quotes)
    return out


def test_every_template_slot_is_known():
    unknown = set()
    for tpl in _all_templates():
        for _, field, _, _ in string.Formatter().parse(tpl):
            if field is not None and field not in synth._SLOTS:
                unknown.add((field, tpl))
    assert not unknown


def test_text_data_survives_single_byte_charsets():
    """Names, places and templates must encode in latin-1 (and so cp1252), or the
    cp1252 / latin-1 variants could not be written."""
    texts = _all_templates()
    for males, females, lasts in synth.NAMES.values():
        texts += [*males, *females, *lasts]
    for c in synth.COUNTRIES:
        texts += [c.name, c.short, c.adj, *c.cities, c.stat_office]
    for text in texts:
        text.encode("latin-1")


def test_there_are_hundreds_of_templates():
    assert len(_all_templates()) >= 500


# --------------------------------------------------------------------------------------
# the mixed-format corpus (every wire format)
# --------------------------------------------------------------------------------------

import gzip  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import tarfile  # noqa: E402
import zipfile  # noqa: E402
from datetime import datetime, timezone  # noqa: E402

from lxml import etree  # noqa: E402
from warcio.archiveiterator import ArchiveIterator  # noqa: E402

from tasks.synth import BUNDLERS, EXTENSIONS, FORMATS  # noqa: E402

_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
ISO_OR_MONTH = re.compile(r"\d{4}-\d\d-\d\d|\d{8}T\d{4}|\b(?:January|February|March|April|June|July|August|September"
                          rf"|October|November|December)\b|\b{_ABBR}\.? \d|\d {_ABBR}\b")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, dict, dict[str, bytes]]:
    """A generated lake of 700 deliveries in every format (seed 2)."""
    root = tmp_path_factory.mktemp("mixed") / "raw"
    summary = generate(700, root, seed=2)
    return root, summary, read_tree(root)


def unpack(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """(name, bytes) of the documents in a file: archives and gzip opened, others as they are."""
    if name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return [(m, archive.read(m)) for m in archive.namelist()]
    if name.endswith(".tar.gz"):
        archive = tarfile.open(fileobj=io.BytesIO(data))
        return [(m.name, archive.extractfile(m).read()) for m in archive.getmembers()]
    if name.endswith(".gz") and not name.endswith(".warc.gz"):
        return [(name[:-3], gzip.decompress(data))]
    return [(name, data)]


def stories_in(name: str, data: bytes) -> int:
    """How many stories one document holds, read by its own syntax (fails on a broken file)."""
    if name.endswith(".warc.gz"):
        records = [(r.rec_type, r.content_stream().read()) for r in ArchiveIterator(io.BytesIO(data))]
        assert records[0][0] == "warcinfo" and {t for t, _ in records} == {"warcinfo", "request", "response", "metadata"}
        pages = [body for t, body in records if t == "response"]
        assert all(b"<h1" in page for page in pages)
        return len(pages)
    if name.endswith(".json"):
        item = json.loads(data)
        item = item["data"]["item"] if "data" in item else item
        assert item["type"] == "text" and ("headline" in item or item["headlines"][0]["value"])
        return 1
    if name.endswith(".anpa"):
        assert data.count(b"\x16\x16\x01") == data.count(b"\x03") == data.count(b"\x04") > 0
        data.decode("cp1252")
        return data.count(b"\x16\x16\x01")
    if name.endswith(".7901"):
        assert data.count(b"\x01") == data.count(b"\x02") == data.count(b"\x04") > 0
        return data.count(b"\x01")
    if name.endswith(".html"):
        etree.fromstring(data, etree.HTMLParser())
        assert b"<article" in data and b"<nav" in data
        return 1
    if name.endswith((".xml", ".rss", ".atom")):
        root = etree.fromstring(data)
        tag = etree.QName(root).localname
        if tag in ("newsMessage", "newsItem"):
            return len(root.findall(".//{*}newsItem")) or 1
        if tag in ("rss", "feed", "urlset"):
            return len(root.findall(".//item") + root.findall(".//{*}entry") + root.findall(".//{*}url"))
        assert tag in ("nitf", "NewsML"), tag
        return 1
    assert name.endswith(".txt")
    parse_page(decode(data))
    return 1


_ROOTS = {"nitf": "nitf", "newsMessage": "newsml_g2", "newsItem": "newsml_g2", "NewsML": "newsml12",
          "rss": "feeds", "feed": "feeds", "urlset": "feeds"}
_SUFFIXES = {".txt": "page_text", ".html": "html", ".json": "ninjs", ".anpa": "anpa", ".7901": "iptc7901",
             ".warc.gz": "warc"}


def format_of(name: str, data: bytes) -> str:
    """The wire format of one (unpacked) document: by suffix, XML by its root element."""
    for suffix, fmt in _SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return _ROOTS[etree.QName(etree.fromstring(data)).localname]


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
        assert text == " ".join(synth.meta.body_paragraphs(story))
    assert tagged > 20


def test_bundlers_hold_several_stories():
    rng = random.Random(5)
    stories = [make_story(rng, i, dated=True, encoding="utf-8") for i in range(4)]
    for fmt, bundle in BUNDLERS.items():
        data = bundle(stories)
        assert stories_in("x" + EXTENSIONS[fmt], data) == 4, fmt


# --------------------------------------------------------------------------------------
# round trip through the pipeline's readers (for the formats whose reader exists)
# --------------------------------------------------------------------------------------


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
