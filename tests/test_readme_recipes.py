"""The README's lake recipes run as written (a filter, a join, group-bys, the latest version)
on a small lake made by the pipeline, and pandas reads the lake's types without surprises."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tasks.pipeline import process_file
from tasks.records import RawFile
from tests.conftest import FIXTURES
from tests.readme_recipes import NOW, commit_rows, duckdb_latest, recipes, run_python_recipes

RAW = FIXTURES / "raw_mini"


@pytest.fixture(scope="module")
def lake(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("recipes") / "lake"
    results = [process_file(RawFile(path.name, path.read_bytes()), NOW) for path in sorted(RAW.iterdir()) if path.is_file()]
    # two versions of one story, so "latest" has something to drop; money to sum by currency
    quake = (b"Quake shakes Addis Ababa\n\nReuters Adjust font size:\n\nADDIS ABABA, Jan 5, 2024 (Reuters) - A quake "
             b"shook the capital. Repairs will cost 3.6 trillion birr, officials said. \"We are safe,\" said Abebe Bikila.\n")
    results.append(process_file(RawFile("quake-v1.txt", quake), NOW))
    results.append(process_file(RawFile("quake-v2.txt", quake.replace(b"Quake shakes", b"UPDATE 1-Quake shakes")
                                        .replace(b"officials said.", b"officials said on Friday. Rates rose 19 basis points.")), NOW))
    assert sum(len(r.articles) for r in results) >= 5
    commit_rows(root, results)
    return root


def test_the_readme_has_the_recipes():
    [python] = recipes("python")
    for needle in ('articles.pub_date >= "2024-01-01"', ".merge(", ".groupby(", "latest ="):
        assert needle in python


def test_python_recipes_run_as_written(lake):
    names = run_python_recipes(lake)
    articles, recent, latest = names["articles"], names["recent"], names["latest"]
    assert len(recent) and (recent.pub_date >= "2024-01-01").all() and len(recent) < len(articles)
    assert names["first_day"] == min(articles.pub_date) and names["last_day"] >= "2024-01-05"
    assert len(latest) == articles.story_id.nunique() <= len(articles) - 2  # two first versions superseded
    assert latest.set_index("story_id").version.sort_index().tolist() == articles.groupby("story_id").version.max().sort_index().tolist()
    quake = latest[latest.headline.str.startswith("Quake shakes Addis")]
    assert quake.version.tolist() == [2]
    assert not {"pub_date_x", "pub_date_y"} & set(names["quoted"].columns) and len(names["quoted"])
    assert names["per_month"].sum() == len(latest)
    assert names["money"]["ETB"] == pytest.approx(2 * 3.6e12)  # both versions' amounts: 3.6 trillion birr
    assert set(names["amounts"][names["amounts"].unit == "bp"].text) == {"19 basis points"}


def test_duckdb_recipe_picks_the_same_latest_rows(lake):
    latest, connection = duckdb_latest(lake)
    assert set(latest.article_id) == set(run_python_recipes(lake)["latest"].article_id)
    assert str(connection.execute("SELECT typeof(pub_date) FROM latest LIMIT 1").fetchone()[0]) == "DATE"


def test_pandas_reads_the_lake_types_without_arguments(lake):
    articles = pd.read_parquet(lake / "articles")
    assert str(articles.urgency.dtype) == "Int32" and str(articles.version.dtype) == "Int32"
    assert str(articles.word_count.dtype) == "Int32"
    assert articles.pub_date.min() <= "2024-01-05" <= articles.pub_date.max()  # ordered, compares with strings
    assert len(articles.query("pub_date >= '2024-01-01'")) == (articles.pub_date >= "2024-01-01").sum()
    assert pd.to_datetime(articles.pub_date).dt.year.min() >= 1900
    assert str(articles.published_at.dtype).startswith("datetime64") and "UTC" in str(articles.published_at.dtype)
    entities = pd.read_parquet(lake / "entities")
    assert str(entities.start.dtype) == "Int32" and entities.pub_date.dtype == articles.pub_date.dtype
    index = pd.read_parquet(lake / "entity_index")
    assert str(index.first_seen.dtype) == "datetime64[s, UTC]" and str(index.mentions.dtype) == "Int64"
    assert (index.first_seen <= index.last_seen).all()
    # one partition file alone reads too (its pandas metadata names pub_date, which is in the path only)
    one = next((lake / "articles").glob("pub_date=*/part-0.parquet"))
    assert "pub_date" not in pd.read_parquet(one).columns
