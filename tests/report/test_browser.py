"""The HTML report as a user sees it: rendered by headless Chromium in a 1280 px wide window.

The page itself has no scripts; the test renders a copy with one measuring script added and
reads its findings back from Chromium's --dump-dom. Skips when /usr/bin/chromium (Debian
package `chromium`) is absent.
"""

from datetime import datetime, timedelta, timezone
import json
import os
import subprocess
import tempfile

import lxml.html
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks import lake, report
from tests.report.test_report import article, entity, reject

CHROMIUM = "/usr/bin/chromium"
WIDTH = 1280
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--window-size={WIDTH},900", "--virtual-time-budget=5000"]

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                                reason=f"{CHROMIUM} not found: install the Debian package `chromium` to run the layout test")

# Runs after layout; writes what it measured into an attribute that --dump-dom prints.
MEASURE = """<script>
window.addEventListener("load", () => {
  const inside = (el, box) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1; };
  const labels = (svg, selector) => [...svg.querySelectorAll(selector)]
    .filter(t => t.textContent.trim() && inside(t, svg.getBoundingClientRect())).map(t => t.textContent.trim());
  const charts = [...document.querySelectorAll("svg")].map(svg => ({
    kind: svg.getAttribute("class"), right: svg.getBoundingClientRect().right,
    x_ticks: labels(svg, "text.tick.x"), y_ticks: labels(svg, "text.tick.y"),
    x_title: labels(svg, "text.axis-title.x"), y_title: labels(svg, "text.axis-title.y"),
    column: (() => { const td = svg.closest("td"); if (!td) return null;
      return td.closest("table").querySelectorAll("th")[td.cellIndex].textContent; })(),
  }));
  const tables = [...document.querySelectorAll("table")].map(t => ({
    section: t.closest("section").id, right: t.getBoundingClientRect().right }));
  document.body.setAttribute("data-layout", JSON.stringify({
    innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, charts, tables }));
});
</script>"""


def render(html_text: str, tmp_path) -> dict:
    page = tmp_path / "measured.html"
    page.write_text(html_text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    layout = lxml.html.document_fromstring(done.stdout).body.get("data-layout")
    assert layout, "the measuring script did not run: " + done.stderr[-2000:]
    return json.loads(layout)


@pytest.fixture
def crowded_lake(tmp_path):
    """A lake built to strain the layout: many agencies and formats, long URIs, run ids and
    sources, an unbroken 300-character headline, file-dated stories, a spread of dates."""
    start = datetime(2023, 1, 2)
    formats = ["page_text", "html", "nitf", "ninjs", "newsml_g2", "newsml12", "anpa", "iptc7901", "feeds", "warc",
               "gzip", "zip", "tar"]
    articles = [article(f"a{i:04d}", (start + timedelta(days=i * 3)).date().isoformat(), agency=f"Agency {i % 12}",
                        source_format=formats[i % len(formats)], headline=f"Headline number {i} about markets")
                for i in range(240)]
    articles.append(article("long", "2024-12-30", headline="X" * 300))
    articles += [{**article(f"f{i}", "2025-06-01"), "date_source": "file", "published_at": None} for i in range(5)]
    entities = [entity(a["article_id"], a["pub_date"], name, kind)
                for i, a in enumerate(articles)
                for name, kind in ((f"Pieter de Jong {i % 12}", "PERSON"), (f"Organisation of the Very Long Name {i % 12}", "ORG"),
                                   (f"Kuala Lumpur {i % 12}", "LOC"))]
    rejects = [reject(f"s3://bucket/raw/a/very/deep/prefix/{'y' * 120}/file-{i}.xml", "parse", f"reason {i % 4}")
               for i in range(12)]
    root = tmp_path / "lake"
    lake.stage_batch(root, "r1", 0, {"articles": articles, "entities": entities, "rejects": rejects})
    lake.commit_run(root, "r1")
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    (root / "_runs").mkdir()
    for i in range(10):
        run_id = f"20250101T0000{i:02d}Z-{i:08x}-2024-12-30-backfill"
        row = {"run_id": run_id, "mode": "backfill-catch-up", "status": "failed" if i == 3 else "completed",
               "started_at": t0 + timedelta(hours=i), "finished_at": t0 + timedelta(hours=i, seconds=95 + i),
               "source": f"s3://bucket/raw/{'z' * 150}", "files_seen": 123456, "files_parsed": 120000,
               "files_rejected": 3000, "files_duplicate": 456, "articles_written": 987654, "section": "files",
               "key": "seen", "count": 123456,
               "error": ("OSError: " + "no space left on device " * 8) if i == 3 else None}
        pq.write_table(pa.Table.from_pylist([row]), root / "_runs" / f"{run_id}.parquet")
    return root


def test_the_report_fits_1280_px_and_every_chart_has_labelled_axes(crowded_lake, tmp_path):
    layout = render(report.build_report(str(crowded_lake)), tmp_path)
    assert layout["innerWidth"] == WIDTH
    assert layout["scrollWidth"] <= layout["innerWidth"], "the page scrolls sideways"
    wide = [t for t in layout["tables"] if t["right"] > layout["innerWidth"]]
    assert not wide, f"tables wider than the window: {wide}"
    assert {t["section"] for t in layout["tables"]} >= {"overview", "formats", "latest", "entities", "rejects", "runs"}
    charts = layout["charts"]
    assert [c["kind"] for c in charts].count("chart") == 1 and [c["kind"] for c in charts].count("spark") == 30
    for chart in charts:
        assert chart["right"] <= layout["innerWidth"]
        assert len(chart["x_ticks"]) >= 2 and len(chart["y_ticks"]) >= 2, chart  # a scale on both axes, drawn inside
        if chart["kind"] == "chart":
            assert chart["x_title"] == ["pub_date, per week (from Monday)"] and chart["y_title"] == ["articles per week"]
        else:  # a sparkline's axis titles are its column's header
            assert chart["column"] == "articles per week" and chart["y_ticks"][-1] == "0"
