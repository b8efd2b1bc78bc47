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
    summary = generate(1001, root, seed=5)
    return root, summary, read_tree(root)


# --------------------------------------------------------------------------------------
# generate(): determinism, counts, folders, summary
# --------------------------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = generate(120, tmp_path / "a", seed=3)
    b = generate(120, tmp_path / "b", seed=3)
    c = generate(120, tmp_path / "c", seed=4)
    tree_a, tree_b, tree_c = read_tree(tmp_path / "a"), read_tree(tmp_path / "b"), read_tree(tmp_path / "c")
    assert a == b
    assert tree_a == tree_b
    assert tree_a != tree_c
    # not merely renamed: most files of the other seed have other contents
    assert len(set(tree_a.values()) & set(tree_c.values())) <= 2  # (an empty bad file may occur in both)


def test_prefix_of_a_longer_run_is_identical(tmp_path):
    """File i depends only on (seed, i) history, not on n: a short run is a prefix."""
    generate(40, tmp_path / "short", seed=9)
    generate(90, tmp_path / "long", seed=9)
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
    generate(130, tmp_path, seed=2)
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
    summary = generate(150, tmp_path, seed=1, start=date(2019, 3, 1), end=date(2019, 3, 31))
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
    assert RENDERERS == {"page_text": render_page_text}
    with pytest.raises(ValueError):
        generate(3, tmp_path, formats=("nitf",))
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
