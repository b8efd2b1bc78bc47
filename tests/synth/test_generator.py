"""Tests of generate(): determinism, counts, folders, variants, options and guards (tasks/synth/generator.py)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from tasks.synth import FORMATS, RENDERERS, generate, generator, render_page_text
from tests.synth.helpers import (
    AGENCIES, DATE_FORMS, DATELINE, NAME, PAGE_TEXT, SLUG, decode, file_index, is_bad, parse_page, read_tree,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict, dict[str, bytes]]:
    """One generated lake of 1,001 raw files (seed 5): just over one full subfolder."""
    root = tmp_path_factory.mktemp("synth") / "raw"
    summary = generate(1001, root, seed=5, formats=PAGE_TEXT)
    return root, summary, read_tree(root)


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
    monkeypatch.setattr(generator, "FILES_PER_DIR", 40)
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


def test_bad_files_are_empty_or_binary(corpus):
    _, summary, tree = corpus
    bad = [b for b in tree.values() if is_bad(b)]
    assert len(bad) == summary["rejects_expected"]
    assert all(b == b"" or (b"\x00" in b and 64 <= len(b) <= 4096) for b in bad)


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


def test_unknown_format_is_refused(tmp_path):
    assert set(RENDERERS) == set(FORMATS) - {"containers"}
    assert RENDERERS["page_text"] is render_page_text
    with pytest.raises(ValueError):
        generate(3, tmp_path, formats=("telex",))
    with pytest.raises(ValueError):
        generate(3, tmp_path, formats=())


def test_zero_files(tmp_path):
    assert generate(0, tmp_path / "none")["files"] == 0
    assert (tmp_path / "none").is_dir()
