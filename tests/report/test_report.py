"""Lake status and the HTML report, over a small lake written with the real lake writer."""

from datetime import datetime, timedelta, timezone
import json

import fsspec
import lxml.html
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks import lake, report
from tasks.report import html_report

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
HOSTILE = "<script>alert('x')</script> Markets & more"


def article(article_id, pub_date, agency="AP", source_format="page_text", headline=None, hour=12):
    return {
        "article_id": article_id, "story_id": "s-" + article_id, "version": 1, "agency": agency,
        "headline": headline or f"Headline {article_id}", "kind": "story",
        "published_at": datetime.fromisoformat(pub_date).replace(hour=hour, tzinfo=timezone.utc),
        "pub_date": pub_date, "date_source": "content", "body": "Body", "paragraphs": ["Body"],
        "word_count": 1, "language": "en", "related_headlines": [], "source_uri": f"src/{article_id}.txt",
        "source_format": source_format, "content_sha256": article_id * 4, "ingested_at": T0,
    }


def entity(article_id, pub_date, name, type_, start=0):
    return {"article_id": article_id, "text": name, "name": name, "type": type_, "start": start,
            "end": start + len(name), "paragraph": 0, "pub_date": pub_date, "source": "model"}


def reject(uri, stage, reason, run_date="2024-05-03"):
    return {"source_uri": uri, "stage": stage, "reason": reason, "detail": "", "ingested_at": T0, "run_date": run_date}


ARTICLES = [
    article("a1", "2024-05-01", "AP"), article("a2", "2024-05-01", "AP"),
    article("a3", "2024-05-01", "Reuters", "ninjs"), article("a4", "2024-05-02", "Reuters", "ninjs"),
    article("a5", "2024-05-03", "AFP", "newsml"), article("a6", "2024-05-03", "AP", headline=HOSTILE, hour=18),
]
ENTITIES = [
    entity("a1", "2024-05-01", "Joe Biden", "PERSON"), entity("a1", "2024-05-01", "Joe Biden", "PERSON", 40),
    entity("a3", "2024-05-01", "Joe Biden", "PERSON"), entity("a5", "2024-05-03", "Joe Biden", "PERSON"),
    entity("a2", "2024-05-01", "Olaf Scholz", "PERSON"), entity("a4", "2024-05-02", "Olaf Scholz", "PERSON"),
    entity("a1", "2024-05-01", "NATO", "ORG", 10), entity("a4", "2024-05-02", "NATO", "ORG", 10),
    entity("a6", "2024-05-03", "<b>Acme</b>", "ORG", 10),
    entity("a2", "2024-05-01", "Berlin", "LOC", 20), entity("a3", "2024-05-01", "Iraq", "MISC", 20),
]
REJECTS = [
    reject("raw/bin1.dat", "decode", "binary content"), reject("raw/bin2.dat", "decode", "binary content"),
    reject("raw/empty.txt", "parse", "no headline", "2024-05-02"),
]
RUNS = pa.table({
    "run_id": ["r1", "r2"],
    "started_at": pa.array([T0, T0 + timedelta(days=1)], pa.timestamp("us", tz="UTC")),
    "finished_at": pa.array([T0 + timedelta(seconds=30), T0 + timedelta(days=1, seconds=5)], pa.timestamp("us", tz="UTC")),
    "mode": ["full", "incremental"], "status": ["completed", "completed"],
    "files_seen": [9, 2], "files_parsed": [6, 1], "files_rejected": [3, 0], "files_duplicate": [0, 1],
    "articles_written": [6, 0],
})


@pytest.fixture
def lake_dir(tmp_path):
    root = tmp_path / "lake"
    lake.stage_batch(root, "r1", 0, {"articles": ARTICLES, "entities": ENTITIES, "rejects": REJECTS})
    lake.commit_run(root, "r1")
    (root / "_runs").mkdir()
    for i in range(2):  # long form, as tasks/lake/runs.py writes it: the run's fields repeated on each count
        run = RUNS.slice(i, 1).to_pylist()[0]
        counts = [{**run, "section": "files", "key": k, "count": run[f"files_{k}"]} for k in ("seen", "parsed")]
        pq.write_table(pa.Table.from_pylist(counts), root / "_runs" / f"{run['run_id']}.parquet")
    pq.write_table(pa.table({"content_sha256": [str(i) for i in range(5)]}), root / "_state" / "ledger.parquet")
    (root / "quotes" / "pub_date=2024-05-02").mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["a4", "a4"], "quote": ["q1", "q2"]}),
                   root / "quotes" / "pub_date=2024-05-02" / "part-0.parquet")
    return root


# --- status ---


def test_status_counts_partitions_rows_and_bytes_of_every_dataset(lake_dir):
    status = report.lake_status(str(lake_dir))
    assert set(status["datasets"]) == {"articles", "entities", "rejects", "quotes", "entity_index"}  # no _state, _runs
    articles = status["datasets"]["articles"]
    assert (articles["partitions"], articles["files"], articles["rows"]) == (3, 3, 6)
    assert (articles["first"], articles["last"], articles["partition_key"]) == ("2024-05-01", "2024-05-03", "pub_date")
    on_disk = sum(p.stat().st_size for p in (lake_dir / "articles").rglob("*") if p.is_file())
    assert articles["bytes"] == on_disk > 0
    assert status["datasets"]["entities"]["rows"] == len(ENTITIES) == 11
    rejects = status["datasets"]["rejects"]
    assert (rejects["partition_key"], rejects["partitions"], rejects["rows"]) == ("run_date", 2, 3)
    assert status["datasets"]["quotes"]["rows"] == 2
    assert status["ledger"]["rows"] == 5 and status["ledger"]["paths"] == ["ledger.parquet"]


def test_status_lists_recent_runs_newest_first_with_duration(lake_dir):
    runs = report.lake_status(str(lake_dir))["runs"]
    assert [r["run_id"] for r in runs] == ["r2", "r1"]
    assert runs[1]["duration_s"] == 30.0 and runs[1]["files_rejected"] == 3
    assert runs[0]["started_at"].startswith("2024-05-02T12:00")
    assert [r["run_id"] for r in report.lake_status(str(lake_dir), runs=1)["runs"]] == ["r2"]
    assert json.loads(json.dumps(report.lake_status(str(lake_dir))))["runs"][0]["mode"] == "incremental"  # --json


def test_status_works_over_an_fsspec_url(lake_dir):
    memory = fsspec.filesystem("memory")
    memory.put(str(lake_dir), "/wl-status", recursive=True)
    try:
        remote = report.lake_status("memory://wl-status")
    finally:
        memory.rm("/wl-status", recursive=True)
    local = report.lake_status(str(lake_dir))
    assert remote["datasets"] == local["datasets"]
    assert remote["ledger"]["rows"] == 5 and [r["run_id"] for r in remote["runs"]] == ["r2", "r1"]


def test_status_of_an_empty_or_missing_lake(tmp_path):
    for path in (tmp_path, tmp_path / "missing"):
        status = report.lake_status(str(path))
        assert status["datasets"] == {} and status["runs"] == [] and status["ledger"] is None
        assert "No datasets yet" in report.format_status(status)


def test_format_status_is_an_aligned_table(lake_dir):
    text = report.format_status(report.lake_status(str(lake_dir)))
    lines = text.splitlines()
    articles = next(line for line in lines if line.startswith("articles"))
    assert articles.split()[:4] == ["articles", "3", "3", "6"] and articles.endswith("2024-05-01  2024-05-03")
    header = next(line for line in lines if line.startswith("dataset"))
    assert header.index("rows") + len("rows") == articles.index(" 6 ") + 2  # numbers right-aligned under header
    assert "Ledger: 5 rows" in text
    run_lines = [line for line in lines if line.startswith(("r1 ", "r2 "))]
    assert [line.split()[0] for line in run_lines] == ["r2", "r1"] and "30.0s" in run_lines[1]


def test_human_bytes():
    assert [report.human_bytes(n) for n in (0, 1023, 1536, 5 * 1024**3)] == ["0 B", "1023 B", "1.5 KiB", "5.0 GiB"]


# --- report ---


def parse(html_text):
    return lxml.html.document_fromstring(html_text)


def table_rows(section):
    return [[cell.text_content().strip() for cell in row.xpath("./td")] for row in section.xpath(".//tbody/tr")]


def test_report_volume_chart_has_one_bar_per_day_and_agency(lake_dir):
    doc = parse(report.build_report(str(lake_dir)))
    chart = doc.get_element_by_id("volume")
    titles = sorted(t.text for t in chart.xpath(".//*[local-name()='rect']/*[local-name()='title']"))
    assert titles == ["2024-05-01 AP: 2", "2024-05-01 Reuters: 1", "2024-05-02 Reuters: 1",
                      "2024-05-03 AFP: 1", "2024-05-03 AP: 1"]
    assert "AP (3)" in chart.xpath(".//div[@class='legend']")[0].text_content()
    assert "per day" in chart.xpath(".//h2")[0].text_content()


def test_report_agency_by_format_table(lake_dir):
    doc = parse(report.build_report(str(lake_dir)))
    section = doc.get_element_by_id("formats")
    assert [th.text_content() for th in section.xpath(".//th")] == ["agency", "newsml", "ninjs", "page_text", "total"]
    assert table_rows(section) == [["AP", "", "", "3", "3"], ["Reuters", "", "2", "", "2"],
                                   ["AFP", "1", "", "", "1"], ["total", "1", "2", "3", "6"]]


def test_report_top_entities_count_articles_not_mentions(lake_dir):
    doc = parse(report.build_report(str(lake_dir)))
    section = doc.get_element_by_id("entities")
    tables = {div.xpath("./h3")[0].text: table_rows(div) for div in section.xpath(".//div[@class='type']")}
    assert [row[:3] for row in tables["PERSON"]] == [["1", "Joe Biden", "3"], ["2", "Olaf Scholz", "2"]]
    assert [row[1:3] for row in tables["ORG"]] == [["NATO", "2"], ["<b>Acme</b>", "1"]]
    assert [row[1] for row in tables["LOC"]] == ["Berlin"] and "MISC" not in tables
    biden = section.xpath(".//tr[td[2]='Joe Biden']//*[local-name()='svg']")[0]
    assert len(biden.xpath("./*[local-name()='rect']")) == 2  # days 1 and 3 of 3 have bars


def test_report_rejects_by_stage_and_reason_with_examples(lake_dir):
    doc = parse(report.build_report(str(lake_dir)))
    rows = table_rows(doc.get_element_by_id("rejects"))
    assert [r[:5] for r in rows] == [["decode", "binary content", "2", "2", "2024-05-03"],
                                     ["parse", "no headline", "1", "1", "2024-05-02"]]
    examples = doc.get_element_by_id("rejects").xpath(".//ul[@class='examples']")[0]
    assert [li.text for li in examples.xpath("./li")] == ["raw/bin1.dat", "raw/bin2.dat"]


def test_report_recent_runs_and_overview(lake_dir):
    doc = parse(report.build_report(str(lake_dir)))
    runs = table_rows(doc.get_element_by_id("runs"))
    assert [r[0] for r in runs] == ["r2", "r1"] and "30.0s" in runs[1]
    overview = {r[0]: r for r in table_rows(doc.get_element_by_id("overview"))}
    assert overview["articles"][2:5] == ["3", "3", "6"] and overview["quotes"][4] == "2"


def test_report_escapes_hostile_text(lake_dir):
    text = report.build_report(str(lake_dir))
    doc = parse(text)
    assert doc.xpath("//script") == [] and doc.xpath("//b") == []
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    latest = table_rows(doc.get_element_by_id("latest"))  # newest first
    assert [r[:4] for r in latest[:2]] == [["2024-05-03 18:00", "AP", "story", HOSTILE],
                                           ["2024-05-03 12:00", "AFP", "story", "Headline a5"]]


def test_report_is_self_contained(lake_dir):
    doc = parse(report.build_report(str(lake_dir)))
    assert doc.xpath("//script|//link|//img|//iframe") == []
    assert not [a for a in doc.xpath("//@src|//@href")]


def test_report_on_an_empty_lake_says_so(tmp_path):
    doc = parse(report.build_report(str(tmp_path)))
    assert "no datasets yet" in doc.get_element_by_id("overview").text_content()
    assert doc.xpath("//*[local-name()='svg']") == []


def test_long_spans_are_bucketed_by_week(tmp_path):
    rows = [article(f"w{i}", (datetime(2024, 1, 1) + timedelta(days=i)).date().isoformat()) for i in range(0, 140, 10)]
    lake.stage_batch(tmp_path, "r", 0, {"articles": rows})
    lake.commit_run(tmp_path, "r")
    chart = parse(report.build_report(str(tmp_path))).get_element_by_id("volume")
    assert "per week" in chart.xpath(".//h2")[0].text_content()
    titles = [t.text for t in chart.xpath(".//*[local-name()='title']")]
    assert len(titles) == 14 and titles[0] == "2024-01-01 AP: 1" and titles[1] == "2024-01-08 AP: 1"


def test_write_report_to_a_local_folder_and_a_url(lake_dir, tmp_path):
    out = tmp_path / "out" / "nested" / "report.html"
    report.write_report(str(lake_dir), str(out))
    assert parse(out.read_text(encoding="utf-8")).get_element_by_id("volume") is not None
    report.write_report(str(lake_dir), "memory://wl-reports/report.html")
    memory = fsspec.filesystem("memory")
    try:
        assert memory.cat_file("/wl-reports/report.html").startswith(b"<!DOCTYPE html>")
    finally:
        memory.rm("/wl-reports", recursive=True)


def test_nice_ceiling():
    assert [report.nice_ceiling(v) for v in (0, 1, 3, 7, 11, 180, 501)] == [1, 1, 5, 10, 20, 200, 1000]


def test_status_reports_an_unreadable_file_instead_of_failing(lake_dir):
    (lake_dir / "quotes" / "pub_date=2024-05-02" / "part-0.parquet").write_bytes(b"not parquet at all")
    status = report.lake_status(str(lake_dir))
    quotes = status["datasets"]["quotes"]
    assert quotes["rows"] is None and quotes["files"] == 1 and quotes["error"]
    assert status["datasets"]["articles"]["rows"] == 6
    assert "! quotes:" in report.format_status(status)


def test_many_agencies_beyond_the_palette_are_grouped_as_other(tmp_path):
    rows = [article(f"x{i}", "2024-05-01", agency=f"Agency{i:02d}") for i in range(report.MAX_AGENCIES + 2)]
    lake.stage_batch(tmp_path, "r", 0, {"articles": rows})
    lake.commit_run(tmp_path, "r")
    chart = parse(report.build_report(str(tmp_path))).get_element_by_id("volume")
    legend = [span.text_content() for span in chart.xpath(".//div[@class='legend']/span")]
    assert len(legend) == report.MAX_AGENCIES + 1 and legend[-1] == "other (2)" and legend[0] == "Agency00 (1)"


# --- the truth at a glance (issue 18): file-dated stories, latest published, scales ---


def file_dated(article_id, pub_date, **kwargs):
    """A story that states no date: the pipeline dated it by its file (no published_at)."""
    return {**article(article_id, pub_date, **kwargs), "date_source": "file", "published_at": None}


@pytest.fixture
def lake_with_file_dated(tmp_path):
    dated = [article("d1", "2024-05-01"), article("d2", "2024-05-02", "AFP", hour=9),
             article("d3", "2024-05-02", "AFP", hour=17), {**article("d4", "2024-05-03"), "published_at": None}]
    undated = [file_dated(f"f{i}", "2024-06-20", headline=f"Undated {i}") for i in range(3)]
    rows = dated + undated
    entities = [entity("d1", "2024-05-01", "Ada Lovelace", "PERSON"), entity("f0", "2024-06-20", "Ada Lovelace", "PERSON"),
                entity("f1", "2024-06-20", "Ada Lovelace", "PERSON")]
    lake.stage_batch(tmp_path, "r", 0, {"articles": rows, "entities": entities})
    lake.commit_run(tmp_path, "r")
    return tmp_path


def test_file_dated_stories_stay_out_of_the_volume_chart_with_a_note(lake_with_file_dated):
    chart = parse(report.build_report(str(lake_with_file_dated))).get_element_by_id("volume")
    titles = [t.text for t in chart.xpath(".//*[local-name()='rect']/*[local-name()='title']")]
    assert titles == ["2024-05-01 AP: 1", "2024-05-02 AFP: 2", "2024-05-03 AP: 1"]  # no bar on 2024-06-20
    assert "3 articles that state no date" in chart.text_content() and 'date_source = "file"' in chart.text_content()


def test_latest_headlines_are_the_latest_published_not_the_latest_partition(lake_with_file_dated):
    latest = table_rows(parse(report.build_report(str(lake_with_file_dated))).get_element_by_id("latest"))
    # The newest partition (2024-06-20) holds only file-dated stories: none of them is listed.
    assert [r[0] for r in latest] == ["2024-05-03 (day only)", "2024-05-02 17:00", "2024-05-02 09:00", "2024-05-01 12:00"]
    assert not any(r[3].startswith("Undated") for r in latest)
    rows = report.latest_headlines(lake.Lake.at(str(lake_with_file_dated)), limit=2)
    assert [r["headline"] for r in rows] == ["Headline d4", "Headline d3"]


def test_entity_sparklines_count_dated_articles_and_carry_their_scale(lake_with_file_dated):
    section = parse(report.build_report(str(lake_with_file_dated))).get_element_by_id("entities")
    row = section.xpath(".//tr[td[2]='Ada Lovelace']")[0]
    assert [td.text_content() for td in row.xpath("./td")[:3]] == ["1", "Ada Lovelace", "3"]  # all articles counted
    spark = row.xpath(".//*[local-name()='svg']")[0]
    assert len(spark.xpath("./*[local-name()='rect']")) == 1  # only the dated article has a bar
    y = [t.text for t in spark.xpath(".//*[local-name()='text' and contains(@class, 'y')]")]
    x = [t.text for t in spark.xpath(".//*[local-name()='text' and contains(@class, 'x')]")]
    assert y == ["1", "0"] and x == ["2024-05-01", "2024-05-03"]
    assert section.xpath(".//th")[-1].text_content() == "articles per day"
    assert "Not in the small charts: 3 articles" in section.text_content()


def test_the_volume_chart_has_axis_titles_and_whole_number_ticks(lake_dir):
    chart = parse(report.build_report(str(lake_dir))).get_element_by_id("volume")
    svg = chart.xpath(".//*[local-name()='svg']")[0]
    def texts(cls):
        return [t.text for t in svg.xpath(f".//*[local-name()='text' and contains(concat(' ', @class, ' '), ' {cls} ')]")]
    assert texts("axis-title") == ["pub_date, per day", "articles per day"]
    assert texts("y") == ["0", "1", "2", "3", "4", "5", "articles per day"]  # 3 on the busiest day: axis to 5
    assert texts("x")[:3] == ["2024-05-01", "2024-05-02", "2024-05-03"]


def test_tick_steps_fall_on_whole_numbers():
    for top in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000):
        assert report.nice_ceiling(top) == top
        steps = html_report._tick_intervals(top)
        assert 1 <= steps <= 5 and top % steps == 0, top


def test_month_buckets_are_labelled_by_month(tmp_path):
    rows = [article(f"m{i}", f"{2020 + i // 12}-{i % 12 + 1:02d}-15") for i in range(0, 48, 5)]
    lake.stage_batch(tmp_path, "r", 0, {"articles": rows})
    lake.commit_run(tmp_path, "r")
    chart = parse(report.build_report(str(tmp_path))).get_element_by_id("volume")
    assert "per month" in chart.xpath(".//h2")[0].text_content()
    ticks = [t.text for t in chart.xpath(".//*[local-name()='text' and contains(@class, 'tick x')]")]
    assert ticks[0] == "2020-01" and all(len(t) == 7 for t in ticks)


def test_recent_runs_table_keeps_to_its_columns(lake_dir):
    section = parse(report.build_report(str(lake_dir))).get_element_by_id("runs")
    headers = [th.text_content() for th in section.xpath(".//th")]
    assert headers == ["run", "started (UTC)", "run time", "mode", "status", "files seen", "parsed", "rejected",
                       "duplicate", "articles written"]
    assert table_rows(section)[1][:3] == ["r1", "2024-05-01 12:00:00", "30.0s"]


def test_long_unbroken_text_may_wrap_and_words_do_not(tmp_path):
    long_headline = "x" * 300
    lake.stage_batch(tmp_path, "r", 0, {"articles": [article("l1", "2024-05-01", headline=long_headline),
                                                     article("l2", "2024-05-01", headline="Short words only")]})
    lake.commit_run(tmp_path, "r")
    cells = parse(report.build_report(str(tmp_path))).get_element_by_id("latest").xpath(".//td")
    classes = {td.text_content(): td.get("class") for td in cells}
    assert classes[long_headline] == "wrap" and classes["Short words only"] is None
