"""Every version of one story, in whatever format, shares its story_id; the README's "latest"
recipes return exactly one row per story (issue 18)."""

from __future__ import annotations

import random
import re

import pytest

from tasks.identity import story_core, story_id
from tasks.pipeline import process_file
from tasks.records import RawFile
from tasks.synth import make_story, make_writethru
from tasks.synth.registry import RENDERERS
from tests.readme_recipes import NOW, commit_rows, duckdb_latest, run_python_recipes


@pytest.mark.parametrize(
    "format_id, core",
    [
        ("tag:afp.com,2016:newsml_afp-20160213-ca2f6e0309", "ca2f6e0309"),  # NewsML-G2 guid
        ("http://afp.com/ninjs/afp-20160213-ca2f6e0309", "ca2f6e0309"),  # ninjs uri
        ("urn:www.afp.com:afp-20160213-ca2f6e0309:v2", "ca2f6e0309"),  # Atom id with its version
        ("urn:newsml:afp.com:20160213:afp-20160213-ca2f6e0309", "ca2f6e0309"),  # NewsML 1.2
        ("https://www.afp.com/world/2016/02/13/wildfire-hits-hanoi-ca2f6e0309.html", "ca2f6e0309"),  # page
        ("https://apnews.com/article/fed-rates-9f8e7d6c5b4a39281706f5e4d3c2b1a0", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
        ("tag:reuters.com,2017:newsml_L5N1G0123:2", "l5n1g0123"),  # Reuters guid with its version
        ("tag:reuters.com,2017:newsml_L5N1G0123", "l5n1g0123"),
        # what must stay whole: counters, dates and short names are no story on their own
        ("xinhua-20190314-0042", "xinhua-20190314-0042"),
        ("AP-BC-Ferry-Strike-2019-03-14", "ap-bc-ferry-strike-2019-03-14"),
        ("urn:example:ap:778", "urn:example:ap:778"),  # ":778" is the id, not a version
        ("https://kyodo.example/news/2021/11/volcano.html", "kyodo.example/news/2021/11/volcano"),
    ],
)
def test_format_ids_reduce_to_the_core_every_format_shares(format_id, core):
    assert story_core(format_id) == core


def test_story_id_prefers_the_format_id_then_the_address_then_the_text():
    by_id = story_id("AFP", "tag:afp.com,2016:newsml_afp-20160213-ca2f6e0309", None, "H", "2016-02-13")
    by_url = story_id("AFP", None, "https://www.afp.com/w/wildfire-ca2f6e0309.html", "Other", "2016-02-14")
    assert by_id == by_url
    assert story_id("Reuters", "tag:x,2016:newsml_afp-20160213-ca2f6e0309", None, "H", "d") != by_id  # per agency
    assert story_id("AFP", None, None, "Quake hits", "2016-02-13") == story_id("AFP", "", None, "Quake  hits!", "2016-02-13")


STUB_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>AFP</title><link>https://www.afp.com/</link>
<item><title>{headline}</title><link>{url}</link><guid isPermaLink="false">{guid}</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def _stub(headline, guid, url):
    raw = RawFile(f"{guid}.rss", STUB_FEED.format(headline=headline, guid=guid, url=url).encode())
    [article] = process_file(raw, NOW).articles
    return article


def test_bodiless_stubs_with_one_headline_are_two_articles():
    one = _stub("Markets close", "afp-20240305-aaaa1111bb", "https://www.afp.com/a-aaaa1111bb.html")
    two = _stub("Markets close", "afp-20240305-cccc2222dd", "https://www.afp.com/a-cccc2222dd.html")
    assert one["kind"] == two["kind"] == "stub" and one["body"] == two["body"]
    assert one["article_id"] != two["article_id"] and one["story_id"] != two["story_id"]
    again = _stub("Markets close", "afp-20240305-aaaa1111bb", "https://www.afp.com/a-aaaa1111bb.html")
    assert again["article_id"] == one["article_id"]  # the same stub twice is one article


# Formats that carry an id or the story's address (page text and IPTC 7901 carry neither;
# ANPA's id is its slug line): a writethru chain moves between them.
LINKED_FORMATS = ["newsml_g2", "html", "feeds", "ninjs", "nitf", "newsml12", "warc"]


def _cross_format_chains(n_chains: int = 14) -> tuple[list[RawFile], dict[str, tuple[str, int]]]:
    """Chains of 2-3 versions, each version in another format; file name -> (story key, version)."""
    rng = random.Random(18)
    files, truth = [], {}
    for i in range(n_chains):
        versions = [make_story(rng, i, dated=True, encoding="utf-8", related=())]
        for _ in range(1 + i % 2):
            versions.append(make_writethru(rng, versions[-1], related=()))
        for v, story in enumerate(versions):
            fmt = LINKED_FORMATS[(i + 2 * v) % len(LINKED_FORMATS)]
            name = f"{story.story_key}-v{story.version}-{fmt}"
            files.append(RawFile(name, RENDERERS[fmt](story)))
            truth[name] = (story.story_key, story.version)
        first = versions[0]  # its feed item without text too (a stub: headline, link, date)
        feed = RENDERERS["feeds"](first).decode("utf-8")
        stub = re.sub(r"<(content:encoded|description|content|summary)\b.*?</\1>", "", feed, flags=re.DOTALL)
        files.append(RawFile(f"{first.story_key}-stub", stub.encode()))
        truth[f"{first.story_key}-stub"] = (first.story_key, 1)
    return files, truth


@pytest.fixture(scope="module")
def chain_lake(tmp_path_factory):
    lake = tmp_path_factory.mktemp("versions") / "lake"
    files, truth = _cross_format_chains()
    results = [process_file(raw, NOW) for raw in files]
    assert all(r.articles and not r.rejects for r in results), [r.uri for r in results if not r.articles]
    commit_rows(lake, results)
    return lake, truth


def test_every_version_in_every_format_shares_one_story_id(chain_lake):
    lake, truth = chain_lake
    articles = run_python_recipes(lake)["articles"]
    articles["key"] = articles.source_uri.map(lambda uri: truth[uri.split("#")[0]][0])
    assert articles.groupby("key").story_id.nunique().max() == 1  # a story split would be 2
    assert articles.story_id.nunique() == articles.key.nunique()  # and no two stories merged
    formats_per_story = articles.groupby("key").source_format.nunique()
    assert formats_per_story.min() >= 2  # the chains really cross formats
    assert (articles.kind == "stub").sum() >= 10  # stubs beside their full articles


def test_readme_latest_recipes_return_one_latest_row_per_story(chain_lake):
    lake, truth = chain_lake
    names = run_python_recipes(lake)
    articles, latest = names["articles"], names["latest"]
    top_version = {key: max(v for k, v in truth.values() if k == key) for key, _ in truth.values()}
    for name, rows in (("pandas", latest), ("duckdb", duckdb_latest(lake)[0])):
        keys = rows.source_uri.map(lambda uri: truth[uri.split("#")[0]][0])
        assert keys.is_unique and set(keys) == set(top_version), name
        assert all(rows.version.tolist()[i] == top_version[k] for i, k in enumerate(keys)), name
    assert len(latest) < len(articles)
    pandas_rows = set(latest.article_id)
    assert pandas_rows == set(duckdb_latest(lake)[0].article_id)  # both recipes pick the same rows


def test_recipes_on_a_generated_corpus(tmp_path):
    """`wirelake synth`'s own mix (writethrus, duplicates across formats, feed stubs, undated
    and broken files): one latest row per story, the same in pandas and DuckDB, and no
    article_id in two partitions."""
    from tasks.sources import list_source, read_file
    from tasks.synth import generate

    summary = generate(150, tmp_path / "raw", seed=3)
    assert summary["writethrus"] > 0 and summary["duplicate_stories"] > 0
    source = str(tmp_path / "raw")
    results = [process_file(read_file(source, f), NOW) for f in list_source(source)]  # as a run reads them
    lake = tmp_path / "lake"
    commit_rows(lake, results)
    names = run_python_recipes(lake)
    articles, latest = names["articles"], names["latest"]
    assert articles.article_id.is_unique
    assert latest.story_id.is_unique and len(latest) == articles.story_id.nunique() < len(articles)
    top = articles.groupby("story_id").version.max()
    assert (latest.set_index("story_id").version.sort_index() == top.sort_index()).all()
    assert set(latest.article_id) == set(duckdb_latest(lake)[0].article_id)
